/// Why a diagonal-network claim could not be evaluated.
public enum DiagonalNetworkClaimError: Error, CustomStringConvertible, Sendable {
    /// The flow ended without reaching the target residual.
    case noConvergence(String)
    /// The target residual is below what the working precision can resolve.
    case targetBelowPrecision(bits: Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .noConvergence(reason):
            return "the flow did not reach the target residual (\(reason)); raise max_time or the target"
        case let .targetBelowPrecision(bits):
            return "target_residual is below 2^−(p−32) at p = \(bits) bits; raise the precision or the target"
        }
    }
}
