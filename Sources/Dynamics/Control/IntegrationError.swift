import MultiPrecision

/// A bad request to an integrator or map iterator: thrown before any step is taken, and describes itself.
///
/// Outcomes of a well-posed run that ends early (divergence, step-size underflow, exhausted budgets) are not errors:
/// they are reported as a `TerminationReason` in the result.
public enum IntegrationError: Error, Equatable, CustomStringConvertible {
    /// A vector had the wrong number of components.
    case dimensionMismatch(expected: Int, actual: Int, what: String)
    /// The final time lies before the initial time (integration runs forward only).
    case negativeHorizon(from: String, to: String)
    /// The precision is outside the supported range, or not available for the scalar type.
    case unsupportedPrecision(bits: Int, scalar: String, reason: String)
    /// A tolerance was not positive.
    case invalidTolerance(String)
    /// A step size, step budget, time budget or limit was not positive.
    case invalidParameter(name: String, value: String, requirement: String)
    /// The method needs a fixed step size (classical RK4) and none was given.
    case fixedStepRequired(method: String)
    /// The method has no error estimate for adaptive control, or cannot run as configured.
    case unsupportedConfiguration(method: String, reason: String)
    /// A map's history or an initial history has the wrong length.
    case invalidHistory(String)
    /// The initial data contain NaN or infinity.
    case nonFiniteInitialValue(component: Int)

    /// One sentence that names the problem and the offending value.
    public var description: String {
        switch self {
        case let .dimensionMismatch(expected, actual, what):
            return "\(what) has \(actual) components, but the problem has dimension \(expected)"
        case let .negativeHorizon(from, to):
            return "the final time \(to) lies before the initial time \(from); integration runs forward only"
        case let .unsupportedPrecision(bits, scalar, reason):
            return "precision \(bits) bits is not available for \(scalar): \(reason)"
        case let .invalidTolerance(text):
            return "invalid tolerance: \(text)"
        case let .invalidParameter(name, value, requirement):
            return "\(name) = \(value) is invalid: it must be \(requirement)"
        case let .fixedStepRequired(method):
            return "\(method) has no error estimate and needs a fixed step: use StepSizePolicy.fixed(_:)"
        case let .unsupportedConfiguration(method, reason):
            return "\(method): \(reason)"
        case let .invalidHistory(text):
            return "invalid map history: \(text)"
        case let .nonFiniteInitialValue(component):
            return "the initial state component \(component) is not finite"
        }
    }
}
