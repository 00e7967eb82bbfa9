import MultiPrecision

/// An estimate of the global error of the final state, and how it was obtained: the sum over accepted steps of the
/// local error estimates (max norm). Cheap; a heuristic that ignores how the flow amplifies or damps earlier errors,
/// and unavailable for methods without an error estimate. A claim never relies on it: claims estimate their errors
/// by rerunning at more bits (docs/conventions.md, "How errors are estimated").
public struct GlobalErrorEstimate: Sendable, Equatable, CustomStringConvertible {
    /// How the value was obtained.
    public enum Method: Sendable, Equatable {
        /// The sum of the local error estimates of the accepted steps.
        case accumulatedLocalErrors
        /// No estimate (for example fixed-step RK4, or a run that ended early).
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
        case .accumulatedLocalErrors: return "\(value.map { $0.scientific(significantDigits: 3, rounding: .up) } ?? "?") (sum of local error estimates)"
        }
    }
}
