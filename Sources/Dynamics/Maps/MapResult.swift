import MultiPrecision

/// Why a map iteration ended.
public enum MapTerminationReason: Equatable, Sendable, CustomStringConvertible {
    /// All requested iterations were done.
    case completed
    /// The terminal event `index` fired at iterate `step`.
    case event(index: Int, step: Int)
    /// Iterate `step` was non-finite or beyond the norm limit.
    case diverged(step: Int, reason: DivergenceReason)
    /// The wall-time budget ran out after iterate `step`.
    case timeBudgetExhausted(step: Int, elapsed: Duration)
    /// The task was cancelled (Ctrl-C, a signal, a parent task giving up) after iterate `step`.
    case cancelled(step: Int)

    /// Whether the run ended normally (all steps, or a terminal event).
    public var isSuccess: Bool {
        switch self {
        case .completed, .event: return true
        default: return false
        }
    }

    /// Whether the run was interrupted from outside (its time budget or its task), not stopped by the dynamics.
    public var isInterruption: Bool { switch self { case .timeBudgetExhausted, .cancelled: true; default: false } }

    /// "diverged at step 37: the max norm of the state exceeded 1099511627776".
    public var description: String {
        switch self {
        case .completed: return "completed all iterations"
        case let .event(index, step): return "event \(index) at step \(step)"
        case let .diverged(step, reason): return "diverged at step \(step): \(reason)"
        case let .timeBudgetExhausted(step, elapsed): return "time budget exhausted at step \(step) after \(elapsed)"
        case let .cancelled(step): return "cancelled at step \(step)"
        }
    }
}

/// One event crossing of a map: the first iterate at which g changed sign in the requested direction.
public struct MapEventOccurrence<Scalar: IntegrationScalar> {
    /// The event's index in the `events` array.
    public var index: Int
    /// The event's name.
    public var name: String
    /// k of the first iterate x_k past the crossing.
    public var step: Int
    /// x_k.
    public var state: [Scalar]
    /// Whether g was rising.
    public var isRising: Bool
}

/// What a map iteration produced.
public struct MapResult<Scalar: IntegrationScalar> {
    /// k of the last iterate computed (and kept, if finite).
    public var step: Int
    /// x_k.
    public var state: [Scalar]
    /// Why the run ended.
    public var termination: MapTerminationReason
    /// Every event crossing, in order.
    public var events: [MapEventOccurrence<Scalar>]
    /// Recorded iterates (k, x_k), see `MapOptions.recordEvery`.
    public var trajectory: [(step: Int, state: [Scalar])]
    /// Evaluations of the map.
    public var evaluations: Int
    /// Wall time of the run.
    public var wallTime: Duration
    /// The working precision in bits.
    public var precision: Int
}
