import MultiPrecision

/// What a claim kind needs to know while it evaluates an instance: the precision, the tolerance, and a checkpoint
/// that stops the computation on timeout or cancellation.
public struct EvaluationContext: Sendable {
    /// The working precision in bits (also the task-local default while `evaluate` runs); `nil` for exact kinds.
    public var precision: Int?
    /// The claim's tolerance (≥ 0): the slack allowed in "≤" comparisons, exact.
    public var tolerance: Rational
    /// The working precision of a rounded evaluation (the task-local default when `precision` is not set).
    public var workingPrecision: Int { precision ?? Precision.current }
    /// When the instance's time runs out, if it has a limit.
    public var deadline: ContinuousClock.Instant?
    /// The time limit, for the message.
    public var timeout: Duration?
    /// The instance's key on `ProgressBoard.shared` (`claim-id #index`), set by the engine; `nil` when nobody shows
    /// progress.
    public var progressKey: String?

    /// Creates a context.
    public init(precision: Int?, tolerance: Rational, timeout: Duration? = nil) {
        self.precision = precision
        self.tolerance = tolerance
        self.timeout = timeout
        deadline = timeout.map { ContinuousClock.now + $0 }
    }

    /// Reports how far the evaluation is, for the live progress line: step `step` of `total` (a kind calls it once
    /// per step, beside `checkpoint()`; cheap, and a no-op when nobody listens).
    public func report(step: Int, of total: Int) {
        guard let progressKey else { return }
        ProgressBoard.shared.set(progressKey, done: Double(step), total: Double(total), unit: "step", bits: precision)
    }

    /// Reports how far a flow is: time `time` of the horizon `horizon`.
    public func report(time: Double, of horizon: Double) {
        guard let progressKey else { return }
        ProgressBoard.shared.set(progressKey, done: time, total: horizon, unit: "t", bits: precision)
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
