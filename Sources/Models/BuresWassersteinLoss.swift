import LinearAlgebra
import MultiPrecision

/// The Bures–Wasserstein loss of a linear generator W ∈ R^{d×k} against a target covariance Σ_0 ≻ 0 (Bréchet,
/// Papagiannouli, An, Montúfar, ICML 2023; docs/theory.md §6.3):
///
///     B²(Σ, Σ_0) = tr Σ + tr Σ_0 − 2 tr((Σ_0^{1/2} Σ Σ_0^{1/2})^{1/2})                  (trace form)
///     B²(WWᵀ, Σ_0) = ‖W‖²_F + tr Σ_0 − 2 ‖Σ_0^{1/2} W‖_*                               (nuclear-norm form)
///     ∇_W B² = 2W − 2 Σ_0^{1/2} U Vᵀ,   Σ_0^{1/2} W = U S Vᵀ (thin SVD, W of full column rank)
///     min_{rank Σ ≤ k} B²(Σ, Σ_0) = Σ_{i>k} λ_i(Σ_0), attained at Σ_{i≤k} λ_i e_i e_iᵀ
///
/// The nuclear-norm form is the one to evaluate: at a rank-deficient Σ the trace form takes square roots of
/// eigenvalues that are zero up to rounding, √u, and so keeps only about half the digits.
public struct BuresWassersteinLoss: Sendable {
    /// The target Σ_0 (d × d, symmetric positive definite).
    public let target: Matrix<BigFloat>
    /// Σ_0^{1/2}.
    public let targetRoot: Matrix<BigFloat>
    /// The eigenvalues of Σ_0, decreasing.
    public let eigenvalues: [BigFloat]
    /// The matching unit eigenvectors, as columns.
    public let eigenvectors: Matrix<BigFloat>

    /// Prepares the loss at the task's precision.
    ///
    /// - Throws: `LinearAlgebraError` when Σ_0 is not symmetric positive definite.
    public init(target: Matrix<BigFloat>) throws {
        let eig = try SymmetricEigendecomposition(target)
        let order = eig.eigenvalues.indices.sorted { eig.eigenvalues[$0] > eig.eigenvalues[$1] }
        guard let smallest = order.last.map({ eig.eigenvalues[$0] }), smallest > 0 else {
            throw LinearAlgebraError.eigenvalueOutOfDomain(function: "Bures–Wasserstein target Σ_0 ≻ 0",
                                                           eigenvalue: eig.eigenvalues.min()?.doubleValue ?? 0)
        }
        self.target = target
        targetRoot = try target.squareRoot()
        eigenvalues = order.map { eig.eigenvalues[$0] }
        eigenvectors = Matrix(rows: target.rowCount, columns: target.rowCount) { i, j in eig.eigenvectors[i, order[j]] }
    }

    /// B²(WWᵀ, Σ_0) by the nuclear-norm form.
    public func loss(_ w: Matrix<BigFloat>) throws -> BigFloat {
        let nuclear = try SingularValueDecomposition(targetRoot * w).singularValues.reduce(BigFloat(0), +)
        return w.frobeniusInnerProduct(w) + target.trace - 2 * nuclear
    }

    /// B²(Σ, Σ_0) by the trace form, for any symmetric PSD Σ (loses about half the digits when Σ is singular).
    public func traceFormLoss(_ sigma: Matrix<BigFloat>) throws -> BigFloat {
        let inner = targetRoot * sigma * targetRoot
        let symmetric = (inner + inner.transposed()) / BigFloat(2)
        return sigma.trace + target.trace - 2 * (try symmetric.squareRoot()).trace
    }

    /// ∇_W B² = 2W − 2 Σ_0^{1/2} U Vᵀ (W of full column rank).
    public func gradient(_ w: Matrix<BigFloat>) throws -> Matrix<BigFloat> {
        let svd = try SingularValueDecomposition(targetRoot * w)
        return 2 * w - 2 * (targetRoot * (svd.u * svd.v.transposed()))
    }

    /// ∇_W B² by central differences, entry by entry (B²(W + hE_ij) − B²(W − hE_ij)) / 2h: within O(h²) of
    /// `gradient(_:)`, an independent check of the formula.
    public func centralDifferenceGradient(_ w: Matrix<BigFloat>, step h: BigFloat) throws -> Matrix<BigFloat> {
        try Matrix(rows: w.rowCount, columns: w.columnCount) { i, j in
            let unit = Matrix(rows: w.rowCount, columns: w.columnCount) { r, c in r == i && c == j ? h : BigFloat(0) }
            return (try loss(w + unit) - loss(w - unit)) / (2 * h)
        }
    }

    /// Σ_{i>k} λ_i(Σ_0): the minimum of B² over rank ≤ k.
    public func rankConstrainedMinimum(rank k: Int) -> BigFloat {
        eigenvalues.dropFirst(k).reduce(BigFloat(0), +)
    }

    /// A generator of the minimizer Σ_{i≤k} λ_i e_i e_iᵀ: W = [√λ_1 e_1, …, √λ_k e_k] (d × k).
    public func minimizingGenerator(rank k: Int) -> Matrix<BigFloat> {
        Matrix(rows: target.rowCount, columns: k) { i, j in eigenvectors[i, j] * BigFloat.sqrt(eigenvalues[j]) }
    }
}
