import Dynamics
import LinearAlgebra
import MultiPrecision

/// The flow of the end-to-end matrix of a balanced deep linear network (docs/theory.md §1.5; Bah, Rauhut, Terstiege,
/// Westdickenberg: the Riemannian gradient flow on the manifold of fixed-rank matrices), for L¹(W) = ½‖W − A‖²_F:
///
///     Ẇ = −A_W(∇L¹(W)),   A_W(Z) = Σ_{j=1}^{N} (W Wᵀ)^{(N−j)/N} Z (Wᵀ W)^{(j−1)/N},   ∇L¹(W) = W − A,
///
/// with the convention S⁰ = I. The fractional powers come from the thin SVD W = U Σ Vᵀ:
/// (WWᵀ)^p = U Σ^{2p} Uᵀ and (WᵀW)^p = V Σ^{2p} Vᵀ for p > 0 (exact, also for rectangular or rank-deficient W),
/// so the field is not polynomial and cannot run in the Taylor tracer: it is a `RightHandSide` in `BigFloat` for
/// the explicit Runge–Kutta and Gauss–Legendre steppers. The state is W, row-major.
public struct EndToEndRiemannianFlow: RightHandSide {
    /// `BigFloat` at the stepper's working precision.
    public typealias Scalar = BigFloat

    /// The depth N ≥ 1 of the factorization.
    public let depth: Int
    /// The target A (d_N × d_0), exact.
    public let target: Matrix<Rational>

    /// The flow towards `target` for depth `depth`.
    ///
    /// - Precondition: depth ≥ 1.
    public init(depth: Int, target: Matrix<Rational>) {
        precondition(depth >= 1, "EndToEndRiemannianFlow: depth must be at least 1")
        self.depth = depth
        self.target = target
    }

    /// d_N · d_0.
    public var dimension: Int { target.rowCount * target.columnCount }

    /// Writes −A_W(W − A); NaN everywhere when the SVD fails (the driver then stops on a non-finite state).
    public mutating func evaluate(time: BigFloat, state: [BigFloat], into derivative: inout [BigFloat]) {
        let rows = target.rowCount, columns = target.columnCount
        let w = Matrix<BigFloat>(rows: rows, columns: columns) { state[$0 * columns + $1] }
        let gradient = w - Matrix<BigFloat>(rows: rows, columns: columns) { BigFloat(target[$0, $1]) }
        guard let velocity = try? Self.metricOperator(at: w, applied: gradient, depth: depth) else {
            for i in derivative.indices { derivative[i] = BigFloat(Double.nan) }
            return
        }
        for i in 0..<rows { for j in 0..<columns { derivative[i * columns + j] = -velocity[i, j] } }
    }

    /// A_W(Z) = Σ_{j=1}^{N} (WWᵀ)^{(N−j)/N} Z (WᵀW)^{(j−1)/N} (S⁰ = I), by the thin SVD of W.
    ///
    /// - Throws: the errors of `SingularValueDecomposition`.
    public static func metricOperator(at w: Matrix<BigFloat>, applied z: Matrix<BigFloat>,
                                      depth: Int) throws -> Matrix<BigFloat> {
        let svd = try SingularValueDecomposition(w)
        func power(_ basis: Matrix<BigFloat>, _ k: Int) -> Matrix<BigFloat> {
            // (basis Σ^{2k/N} basisᵀ); k = 0 is the identity.
            if k == 0 { return .identity(basis.rowCount) }
            let exponent = BigFloat(2 * k) / BigFloat(depth)
            let scaled = Matrix<BigFloat>(rows: basis.rowCount, columns: basis.columnCount) { i, r in
                basis[i, r] * BigFloat.pow(svd.singularValues[r], exponent)
            }
            return scaled * basis.transposed()
        }
        var sum = Matrix<BigFloat>.zeros(rows: w.rowCount, columns: w.columnCount)
        for j in 1...depth {
            sum = sum + power(svd.u, depth - j) * z * power(svd.v, j - 1)
        }
        return sum
    }
}
