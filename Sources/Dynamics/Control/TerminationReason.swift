import MultiPrecision

/// Why an integration ended. Only `.reachedEnd` and `.event` are normal; the others say where and why the run
/// stopped early, and the result still holds the last accepted state.
public enum TerminationReason<Scalar: IntegrationScalar>: CustomStringConvertible {
    /// The final time was reached.
    case reachedEnd
    /// The terminal event `index` (in the `events` array) fired at `time`, located to working precision.
    case event(index: Int, time: Scalar)
    /// The state blew up or became non-finite at `time` (the end of the first step where it was seen).
    case diverged(time: Scalar, reason: DivergenceReason)
    /// The step size needed at `time` fell below the smallest allowed step.
    case stepSizeUnderflow(time: Scalar, stepSize: Scalar)
    /// `maximumSteps` accepted steps were taken; the run stopped at `time`.
    case stepBudgetExhausted(time: Scalar, steps: Int)
    /// The wall-time budget ran out; the run stopped at `time`.
    case timeBudgetExhausted(time: Scalar, elapsed: Duration)
    /// The task was cancelled (Ctrl-C, a signal, a parent task giving up); the run stopped at `time`.
    case cancelled(time: Scalar)

    /// Whether the run ended normally (at the final time or at a terminal event).
    public var isSuccess: Bool {
        switch self {
        case .reachedEnd, .event: return true
        default: return false
        }
    }

    /// Whether the run was interrupted from outside (its time budget or its task), not stopped by the dynamics.
    public var isInterruption: Bool { switch self { case .timeBudgetExhausted, .cancelled: true; default: false } }

    /// "diverged at t = 0.99999999999987: the max norm of the state exceeded 1099511627776".
    public var description: String {
        switch self {
        case .reachedEnd: return "reached the final time"
        case let .event(index, time): return "event \(index) at t = \(_short(time))"
        case let .diverged(time, reason): return "diverged at t = \(_short(time)): \(reason)"
        case let .stepSizeUnderflow(time, h):
            return "step-size underflow at t = \(_short(time)): the step fell to \(_short(h, digits: 3))"
        case let .stepBudgetExhausted(time, steps):
            return "step budget exhausted at t = \(_short(time)) after \(steps) steps"
        case let .timeBudgetExhausted(time, elapsed):
            return "time budget exhausted at t = \(_short(time)) after \(elapsed)"
        case let .cancelled(time): return "cancelled at t = \(_short(time))"
        }
    }
}

/// A value with `digits` significant digits, for messages.
func _short<S: IntegrationScalar>(_ x: S, digits: Int = 20) -> String {
    x.exactBigFloat.scientific(significantDigits: digits)
}
