import MultiPrecision

/// Runs an instance at increasing precision until the verdict is decided: on INCONCLUSIVE the precision doubles,
/// up to a cap, and every attempt is kept for the report.
///
/// This is the one way Attest estimates a rounding error (docs/conventions.md, "How errors are estimated"). Each
/// attempt evaluates twice, at p and at p + `guardBits`, and takes the difference as the error estimate
/// (`ErrorEstimate`). When the two runs show lost digits or a close margin, a third evaluation at p + 2·`guardBits`
/// cross-checks that the estimate converges (`EstimateCrossCheck`); a margin or condition whose estimate does not is
/// INCONCLUSIVE, so the precision escalates. An evaluation that an earlier attempt made at the same precision is
/// reused, not repeated (with g = 64, the check at p + 2g is the next attempt's working run when p = 128). Exact
/// kinds (`Rational` arithmetic) need one evaluation and never escalate.
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
        /// Wall-clock seconds for all evaluations (two, or three with the cross-check).
        public var seconds: Double
        /// Wall-clock seconds of the cross-check evaluation at p + 2g alone (`nil` when none was made).
        public var crossCheckSeconds: Double? = nil
    }

    /// Runs a rounded computation; `evaluate(bits)` must compute every quantity at `bits` bits of precision.
    ///
    /// - Returns: every attempt, the last one decisive or at the cap.
    /// - Throws: whatever `evaluate` throws (a timeout or cancellation among them), after no partial attempt.
    public func run(_ evaluate: (Int) throws -> Evaluation) throws -> [Attempt] {
        var attempts: [Attempt] = []
        var bits = start
        // The evaluations made so far, by precision: an attempt at 2p can need what the attempt at p computed (with
        // the default g = 64, its check at p + 2g is the next working run when p = 128, and with p = 64 its
        // reference and check are the next working and reference runs). An evaluation depends on its precision only.
        var earlier: [Int: Evaluation] = [:]
        func evaluation(at bits: Int) throws -> Evaluation {
            if let known = earlier[bits] { return known }
            let value = try withPrecision(bits) { try evaluate(bits) }
            earlier[bits] = value
            return value
        }
        while true {
            let clock = ContinuousClock()
            let began = clock.now
            earlier = earlier.filter { $0.key >= bits }   // the later attempts work at ≥ bits
            let working = try evaluation(at: bits)
            let referenceBits = min(bits + guardBits, Precision.supportedRange.upperBound)
            let reference = try evaluation(at: referenceBits)
            var estimate = ErrorEstimate(working: working, precision: bits, reference: reference)
            let atCap = bits * 2 > cap
            let checkBits = referenceBits + guardBits
            var crossCheckSeconds: Double?
            if checkBits <= Precision.supportedRange.upperBound,
               EstimateCrossCheck.needsCheck(working: working, reference: reference, precision: bits,
                                             guardBits: guardBits, verdict: estimate.verdict, atCap: atCap) {
                let checkBegan = clock.now
                let check = try evaluation(at: checkBits)
                crossCheckSeconds = (clock.now - checkBegan).seconds
                estimate.crossCheckPrecision = checkBits
                estimate.unreliable = EstimateCrossCheck.findings(estimate, reference: reference, check: check,
                                                                  guardBits: guardBits)
            }
            let verdict = estimate.verdict
            attempts.append(Attempt(precision: bits, estimate: estimate, verdict: verdict,
                                    seconds: (clock.now - began).seconds, crossCheckSeconds: crossCheckSeconds))
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
