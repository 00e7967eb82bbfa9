import LinearAlgebra

/// Errors from setting up or solving a diagonal linear network problem (docs/theory.md §4).
public enum DiagonalNetworkError: Error, CustomStringConvertible, Equatable, Sendable {
    /// y must have one entry per row of A.
    case shapeMismatch(a: MatrixShape, yCount: Int)
    /// u(0) and v(0) must have one entry per column of A.
    case initializationMismatch(columns: Int, u: Int, v: Int)
    /// The depth N must be at least 2.
    case depthTooSmall(Int)
    /// The initialization scale α must be positive.
    case nonPositiveScale
    /// A·Aᵀ is singular (A does not have full row rank), so range(Aᵀ) projections and the reference are undefined.
    case rankDeficient
    /// Newton's method on the dual equation did not reach the requested residual.
    case referenceDidNotConverge(iterations: Int, residual: String)
    /// h_N^{−1}(ξ) was asked for at a non-finite ξ.
    case nonFiniteArgument

    /// A one-line message for people.
    public var description: String {
        switch self {
        case let .shapeMismatch(a, yCount):
            return "A is \(a) but y has \(yCount) entries; y needs one entry per row of A"
        case let .initializationMismatch(columns, u, v):
            return "u(0) has \(u) entries and v(0) has \(v); both need one per column of A (\(columns))"
        case let .depthTooSmall(n): return "depth \(n): the diagonal network needs depth N ≥ 2"
        case .nonPositiveScale: return "the initialization scale α must be positive"
        case .rankDeficient: return "A·Aᵀ is singular: A must have full row rank"
        case let .referenceDidNotConverge(iterations, residual):
            return "Newton's method on A·x(Aᵀλ) = y stopped after \(iterations) iterations at residual \(residual)"
        case .nonFiniteArgument: return "h_N^{−1} of a non-finite value"
        }
    }
}
