import MultiPrecision

/// How the driver estimates the global error of the final state.
public enum GlobalErrorEstimation: Sendable, Equatable {
    /// The sum over accepted steps of the local error estimates (max norm). Cheap; a heuristic that ignores how the
    /// flow amplifies or damps earlier errors. Unavailable for methods without an error estimate.
    case accumulatedLocalErrors
    /// A second, independent run of the same method at `extraBits` more bits, with tolerances 2^−16 times smaller
    /// (adaptive) or half the step (fixed); the estimate is the max-norm difference of the two final states.
    /// Roughly doubles or triples the cost; trustworthy whenever the second run is much more accurate.
    case companionRun(extraBits: Int)
}

/// An estimate of the global error of the final state, and how it was obtained.
public struct GlobalErrorEstimate: Sendable, Equatable, CustomStringConvertible {
    /// How the value was obtained.
    public enum Method: Sendable, Equatable {
        /// The sum of the local error estimates of the accepted steps.
        case accumulatedLocalErrors
        /// The max-norm difference from a companion run at the given precision.
        case companionRun(precision: Int)
        /// No estimate (for example fixed-step RK4 without a companion run, or a run that ended early).
        case unavailable
    }

    /// The estimated max-norm error of the final state (absolute), exactly as computed (a `BigFloat`, because
    /// errors below 1e−308 do not fit a `Double`), or `nil` when unavailable.
    public var value: BigFloat?
    /// How the estimate was obtained.
    public var method: Method

    /// An estimate.
    public init(value: BigFloat?, method: Method) {
        self.value = value
        self.method = method
    }

    /// No estimate.
    public static let unavailable = GlobalErrorEstimate(value: nil, method: .unavailable)

    /// "3.2e-71 (accumulated local errors)".
    public var description: String {
        switch method {
        case .unavailable: return "unavailable"
        case .accumulatedLocalErrors: return "\(value.map { $0.scientific(significantDigits: 3) } ?? "?") (sum of local error estimates)"
        case let .companionRun(precision): return "\(value.map { $0.scientific(significantDigits: 3) } ?? "?") (difference from a companion run at \(precision) bits)"
        }
    }
}
