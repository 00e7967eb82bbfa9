import MultiPrecision

/// Runs an instance at increasing precision until the verdict is decided: on INCONCLUSIVE the precision doubles,
/// up to a cap, and every attempt is kept for the report.
///
/// Each attempt evaluates twice, at p and at p + `guardBits`, and takes the difference as the error estimate
/// (`ErrorEstimate`). Exact kinds (`Rational` arithmetic) need one evaluation and never escalate.
///
/// ```swift
/// let attempts = try PrecisionEscalation(start: 64, cap: 512).run { bits in try evaluate(at: bits) }
/// attempts.map(\.precision)        // [64, 128] when 64 bits was inconclusive and 128 decided
/// ```
public struct PrecisionEscalation: Sendable {
    /// The first precision in bits.
    public var start: Int
    /// The largest precision tried.
    public var cap: Int
    /// The extra bits of the reference evaluation.
    public var guardBits: Int

    /// Creates an escalation schedule: start, 2·start, 4·start, … ≤ cap.
    public init(start: Int, cap: Int, guardBits: Int = 64) {
        self.start = start
        self.cap = max(cap, start)
        self.guardBits = guardBits
    }

    /// One attempt: the precision, the error estimate and verdict, and its time.
    public struct Attempt: Sendable {
        /// The working precision in bits (`nil` for exact).
        public var precision: Int?
        /// The values and their errors.
        public var estimate: ErrorEstimate
        /// The verdict of this attempt.
        public var verdict: Verdict
        /// Wall-clock seconds for both evaluations.
        public var seconds: Double
    }

    /// Runs a rounded computation; `evaluate(bits)` must compute every quantity at `bits` bits of precision.
    ///
    /// - Returns: every attempt, the last one decisive or at the cap.
    /// - Throws: whatever `evaluate` throws (a timeout or cancellation among them), after no partial attempt.
    public func run(_ evaluate: (Int) throws -> Evaluation) throws -> [Attempt] {
        var attempts: [Attempt] = []
        var bits = start
        while true {
            let clock = ContinuousClock()
            let began = clock.now
            let working = try withPrecision(bits) { try evaluate(bits) }
            let referenceBits = min(bits + guardBits, Precision.supportedRange.upperBound)
            let reference = try withPrecision(referenceBits) { try evaluate(referenceBits) }
            let estimate = ErrorEstimate(working: working, precision: bits, reference: reference)
            let verdict = estimate.verdict
            attempts.append(Attempt(precision: bits, estimate: estimate, verdict: verdict,
                                    seconds: (clock.now - began).seconds))
            guard verdict == .inconclusive, bits * 2 <= cap else { return attempts }
            bits *= 2
        }
    }

    /// Runs an exact computation once.
    public static func runExact(_ evaluate: () throws -> Evaluation) throws -> [Attempt] {
        let clock = ContinuousClock()
        let began = clock.now
        let estimate = ErrorEstimate(exact: try evaluate())
        return [Attempt(precision: nil, estimate: estimate, verdict: estimate.verdict,
                        seconds: (clock.now - began).seconds)]
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
