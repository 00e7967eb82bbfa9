import MultiPrecision

/// Why a diagonal-network claim could not be evaluated.
public enum DiagonalNetworkClaimError: Error, CustomStringConvertible, Sendable {
    /// The flow reached the horizon without reaching the target residual.
    case noConvergence(Rational)
    /// The target residual is below what the working precision can resolve.
    case targetBelowPrecision(bits: Int)
    /// The minimum-ℓ1 interpolant is not unique, so "x_∞(α) → x_ℓ1" has no single x_ℓ1 to compare with.
    case l1MinimizerNotUnique(String)

    public var description: String {
        switch self {
        case let .noConvergence(horizon):
            return "the flow did not reach the target residual by t = \(horizon); raise max_time or the target"
        case let .targetBelowPrecision(bits):
            return "target_residual is below 2^−(p−32) at p = \(bits) bits; raise the precision or the target"
        case let .l1MinimizerNotUnique(why):
            return "the minimum-ℓ1 interpolant is \(why); x_∞(α) → x_ℓ1 is undefined (docs/theory.md §4.5): choose A, y with a unique minimizer"
        }
    }
}
