import MultiPrecision

/// What a claim kind needs to know while it evaluates an instance: the precision, the tolerance, and a checkpoint
/// that stops the computation on timeout or cancellation.
public struct EvaluationContext: Sendable {
    /// The working precision in bits (also the task-local default while `evaluate` runs); `nil` for exact kinds.
    public var precision: Int?
    /// The claim's tolerance (≥ 0): the slack allowed in "≤" comparisons, exact.
    public var tolerance: Rational
    /// When the instance's time runs out, if it has a limit.
    public var deadline: ContinuousClock.Instant?
    /// The time limit, for the message.
    public var timeout: Duration?

    /// Creates a context.
    public init(precision: Int?, tolerance: Rational, timeout: Duration? = nil) {
        self.precision = precision
        self.tolerance = tolerance
        self.timeout = timeout
        deadline = timeout.map { ContinuousClock.now + $0 }
    }

    /// Throws when the instance has run out of time or the run was cancelled (Ctrl-C).
    public func checkpoint() throws(EvaluationInterruption) {
        if Task.isCancelled { throw .cancelled }
        if let deadline, ContinuousClock.now >= deadline { throw .timedOut(timeout ?? .zero) }
    }
}

/// Why an evaluation stopped before its end.
public enum EvaluationInterruption: Error, Sendable, CustomStringConvertible {
    /// The per-instance time limit (`--timeout`) was reached.
    case timedOut(Duration)
    /// The run was cancelled (Ctrl-C).
    case cancelled

    /// A one-line message.
    public var description: String {
        switch self {
        case let .timedOut(limit): return "timed out after \(limit.seconds) s (--timeout)"
        case .cancelled: return "cancelled"
        }
    }
}
