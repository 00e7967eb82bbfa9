// Functions of symmetric positive semidefinite matrices through the eigendecomposition: f(A) = Q·f(Λ)·Qᵀ.
//
// An eigenvalue in [−8·n·u·max|λ|, 0) is rounding noise around zero and counts as zero; a more negative one is a
// thrown error. Logarithms and negative powers need every eigenvalue above that threshold.

import MultiPrecision
import RealModule

extension Matrix where Element: Scalar {
    /// The eigenvalues of the symmetric matrix, clamped at zero when negative within rounding.
    private func _psdSpectrum(_ function: String, positiveDefinite: Bool) throws -> (SymmetricEigendecomposition<Element>, [Element]) {
        let eig = try SymmetricEigendecomposition(self)
        let largest = eig.eigenvalues.map(\.magnitude).max() ?? .zero
        let threshold = 8 * Element._integer(Swift.max(rowCount, 1)) * Element.unitRoundoff * largest
        var values: [Element] = []
        for lambda in eig.eigenvalues {
            if lambda < -threshold || (positiveDefinite && lambda <= threshold) {
                throw LinearAlgebraError.eigenvalueOutOfDomain(function: function, eigenvalue: lambda.doubleValue)
            }
            values.append(lambda < .zero ? .zero : lambda)
        }
        return (eig, values)
    }

    /// The power A^α of a symmetric positive semidefinite matrix, for real α: Q·diag(λᵢ^α)·Qᵀ, symmetric.
    ///
    /// For α > 0 zero eigenvalues map to zero; α = 0 gives the identity; α < 0 needs A positive definite. Fractional
    /// powers such as (W·Wᵀ)^((N−j)/N) are the intended use.
    ///
    /// - Throws: ``LinearAlgebraError/eigenvalueOutOfDomain(function:eigenvalue:)`` on a negative eigenvalue beyond
    ///   rounding (or a zero one for α < 0), and the errors of ``SymmetricEigendecomposition/init(_:maxSweeps:)``.
    public func power(_ alpha: Element) throws -> Matrix {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix power", shape: shape) }
        if alpha == .zero { return .identity(rowCount) }
        let (eig, values) = try _psdSpectrum("A^\(alpha)", positiveDefinite: alpha < .zero)
        return eig._recomposed(with: values.map { $0 == .zero ? .zero : Element.pow($0, alpha) })
    }

    /// The principal square root A^(1/2) of a symmetric positive semidefinite matrix (symmetric PSD, squaring to A).
    ///
    /// - Throws: as ``power(_:)``.
    public func squareRoot() throws -> Matrix {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix square root", shape: shape) }
        let (eig, values) = try _psdSpectrum("sqrt", positiveDefinite: false)
        return eig._recomposed(with: values.map { Element.sqrt($0) })
    }

    /// The principal logarithm of a symmetric positive definite matrix: Q·diag(log λᵢ)·Qᵀ.
    ///
    /// - Throws: ``LinearAlgebraError/eigenvalueOutOfDomain(function:eigenvalue:)`` when an eigenvalue is not positive
    ///   beyond rounding, and the errors of ``SymmetricEigendecomposition/init(_:maxSweeps:)``.
    public func logarithm() throws -> Matrix {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix logarithm", shape: shape) }
        let (eig, values) = try _psdSpectrum("log", positiveDefinite: true)
        return eig._recomposed(with: values.map { Element.log($0) })
    }
}
