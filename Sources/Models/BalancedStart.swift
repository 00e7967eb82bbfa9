import LinearAlgebra
import MultiPrecision

/// The balanced start of a deep linear network (docs/theory.md §1.5): for U (d_N × r) and V (d_0 × r) with exactly
/// orthonormal columns and D = diag(d_1, …, d_r), d_i > 0,
///
///     W_1 = c·D Vᵀ,   W_j = D (1 < j < N),   W_N = U D / c        (N = 1: W_1 = U D Vᵀ),
///
/// so that W_N⋯W_1 = U D^N Vᵀ for every c > 0, and D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ = 0 for all j exactly when c = 1
/// (c ≠ 1 gives the same product from unbalanced factors). The same U, D, V give the exact fractional powers
/// (WWᵀ)^{1/N} = U D² Uᵀ and (WᵀW)^{1/N} = V D² Vᵀ of the start, which `LiftedRiemannianFlow` carries as state.
public struct BalancedStart: Sendable {
    /// Which input is wrong, and why.
    public enum Problem: Error, Equatable, Sendable {
        /// The depth N is below 1.
        case depth
        /// The roots d are not one row of positive numbers.
        case roots
        /// U (`left: true`) or V does not have r exactly orthonormal columns.
        case notOrthonormal(left: Bool)
    }

    /// U, V and the roots d_i.
    public let left: Matrix<Rational>, right: Matrix<Rational>, roots: [Rational]
    /// The depth N ≥ 1 and the imbalance c > 0.
    public let depth: Int, imbalance: Rational

    /// The start from U, V, the roots d_i (one row), N and c.
    ///
    /// - Throws: `Problem` when N < 1, the roots are not one positive row or U, V lack r exactly orthonormal columns.
    public init(left: Matrix<Rational>, right: Matrix<Rational>, roots row: Matrix<Rational>, depth: Int,
                imbalance: Rational = Rational(1)) throws(Problem) {
        guard depth >= 1 else { throw Problem.depth }
        let roots = (0..<row.columnCount).map { row[0, $0] }
        guard row.rowCount == 1, roots.allSatisfy({ $0 > Rational(0) }) else { throw Problem.roots }
        for (isLeft, m) in [(true, left), (false, right)]
        where m.columnCount != roots.count || m.transposed() * m != .identity(roots.count) {
            throw Problem.notOrthonormal(left: isLeft)
        }
        (self.left, self.right, self.roots, self.depth, self.imbalance) = (left, right, roots, depth, imbalance)
    }

    /// The factors W_1 … W_N.
    public var layers: [Matrix<Rational>] {
        let d = Matrix.diagonal(roots)
        if depth == 1 { return [left * d * right.transposed()] }
        return [imbalance * d * right.transposed()] + Array(repeating: d, count: depth - 2)
            + [(Rational(1) / imbalance) * (left * d)]
    }

    /// The flattened start (W, P, Q) of `LiftedRiemannianFlow`: U D^N Vᵀ, U D² Uᵀ, V D² Vᵀ.
    public var liftedState: [Rational] {
        LiftedRiemannianFlow.initialState(left: left, right: right, roots: roots, depth: depth)
    }
}
