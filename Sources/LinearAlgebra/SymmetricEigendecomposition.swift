// Symmetric eigendecomposition by the cyclic Jacobi method.
//
// Implementation goals, in order of priority:
//   1. Accurate at any precision: the residual ‖A − QΛQᵀ‖ and the loss of orthogonality ‖QᵀQ − I‖ are a small
//      multiple of n·u (times ‖A‖), u the unit roundoff. Jacobi is chosen over QR iterations because it needs no shift
//      strategy tuned to a precision and is accurate for small eigenvalues of positive definite matrices too.
//   2. Termination: a rotation is skipped when |a_pq| ≤ u·√(|a_pp|·|a_qq|) (Demmel–Veselić) or when it is below
//      u²·‖A‖_F (negligible in absolute terms); the method stops after a sweep without rotations, and throws after
//      `maxSweeps` sweeps. Jacobi converges quadratically, so a few sweeps more than log₂(p) suffice.
//   3. Rutishauser's form of the rotation (t = tan θ, τ = s/(1+c)), which keeps rounding errors small.
//
// SymmetricEigendecompositionWorkspace.swift holds the one implementation of the method; this is its value form.

import MultiPrecision
import RealModule

/// The eigendecomposition `A = Q·Λ·Qᵀ` of a real symmetric matrix, with the eigenvalues in ascending order.
///
/// Computed by the cyclic Jacobi method at the working precision of the entries (for `BigFloat`, new values are made
/// at the task-local default precision, so call it inside `withPrecision` at the entries' precision).
///
/// ```swift
/// let a: Matrix<Double> = [[2, 1], [1, 2]]
/// let eig = try SymmetricEigendecomposition(a)
/// print(eig.eigenvalues)   // [1.0, 3.0] (to rounding)
/// ```
public struct SymmetricEigendecomposition<Element: Scalar>: Sendable {
    /// The eigenvalues λ₁ ≤ λ₂ ≤ … ≤ λₙ.
    public let eigenvalues: [Element]
    /// The orthogonal matrix Q whose column k is a unit eigenvector for `eigenvalues[k]`, signed so that its entry of
    /// largest magnitude is positive.
    public let eigenvectors: Matrix<Element>
    /// The number of Jacobi sweeps that were needed.
    public let sweeps: Int

    /// Decomposes the symmetric matrix `a`.
    ///
    /// Entries (i, j) and (j, i) may differ by rounding (at most 4·n·u·max|A|); the method uses their mean.
    ///
    /// - Parameters:
    ///   - a: a real symmetric matrix.
    ///   - maxSweeps: the iteration cap, in sweeps over all n(n−1)/2 pairs.
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)``,
    ///   ``LinearAlgebraError/notSymmetric(operation:row:column:)``,
    ///   ``LinearAlgebraError/nonFiniteEntry(operation:)`` or
    ///   ``LinearAlgebraError/noConvergence(method:iterations:)``.
    /// - Complexity: O(n³) per sweep.
    public init(_ a: Matrix<Element>, maxSweeps: Int = 100) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: "symmetric eigendecomposition", shape: a.shape) }
        var workspace = SymmetricEigendecompositionWorkspace<Element>(order: a.rowCount, maxSweeps: maxSweeps)
        try workspace.decompose(a)
        (eigenvalues, eigenvectors, sweeps) = (workspace.eigenvalues, workspace.eigenvectors, workspace.sweeps)
    }

    /// Q·diag(f(λ))·Qᵀ, made exactly symmetric: the spectral function `f` of the decomposed matrix.
    ///
    /// With `f` the identity this reconstructs the matrix to within rounding.
    public func applying(_ f: (Element) throws -> Element) rethrows -> Matrix<Element> {
        _recomposed(with: try eigenvalues.map(f))
    }

    /// Q·diag(values)·Qᵀ, made exactly symmetric (at the default precision).
    func _recomposed(with values: [Element]) -> Matrix<Element> {
        let n = eigenvectors.rowCount
        var scaled = Matrix<Element>.zeros(rows: n, columns: n), result = Matrix<Element>.zeros(rows: n, columns: n)
        var mean = Element.zero
        _recompose(eigenvectors, values, scaled: &scaled, into: &result, mean: &mean, two: 2, uniform: false)
        return result
    }

    /// Q·Λ·Qᵀ, the decomposed matrix to within rounding.
    public func reconstructed() -> Matrix<Element> { applying { $0 } }
}

/// The work values of one Jacobi rotation applied in place.
struct _JacobiRotationScratch<Element: Scalar> {
    var product = Element.zero, sum = Element.zero, newX = Element.zero, newY = Element.zero

    /// newX = x − s·(y + τ·x) and newY = y + s·(x − τ·y), each operation rounded as its value expression, in the
    /// order written.
    mutating func rotate(_ x: Element, _ y: Element, s: Element, tau: Element, uniform: Bool) {
        product._assignProduct(tau, x, uniform: uniform)
        sum._assignSum(y, product, uniform: uniform)
        product._assignProduct(s, sum, uniform: uniform)
        newX._assignDifference(x, product, uniform: uniform)
        product._assignProduct(tau, y, uniform: uniform)
        sum._assignDifference(x, product, uniform: uniform)
        product._assignProduct(s, sum, uniform: uniform)
        newY._assignSum(y, product, uniform: uniform)
    }
}
