/// Why a Taylor stepper could not be made.
public enum TaylorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The scalar type is neither `Double` nor `BigFloat`.
    case unsupportedScalar(String)
    /// The tolerance is not in (0, 1).
    case invalidTolerance(String)
    /// The order is below 2.
    case invalidOrder(Int)
    /// The initial state does not have the field's dimension.
    case dimensionMismatch(expected: Int, actual: Int)

    /// One sentence per case.
    public var description: String {
        switch self {
        case .unsupportedScalar(let name): "Taylor: unsupported scalar \(name) (use Double or BigFloat)"
        case .invalidTolerance(let value): "Taylor: tolerance \(value) is not in (0, 1)"
        case .invalidOrder(let order): "Taylor: order \(order) is below 2"
        case .dimensionMismatch(let expected, let actual):
            "Taylor: the initial state has \(actual) components, the field \(expected)"
        }
    }
}
