// Functions of symmetric positive semidefinite matrices through the eigendecomposition: f(A) = Q·f(Λ)·Qᵀ.
//
// An eigenvalue in [−8·n·u·max|λ|, 0) is rounding noise around zero and counts as zero; a more negative one is a
// thrown error. Logarithms and negative powers need every eigenvalue above that threshold.

import MultiPrecision
import RealModule

extension Matrix where Element: Scalar {
    /// Q·diag(f(λᵢ))·Qᵀ on a workspace of its own (see ``SymmetricLogarithmWorkspace``), f applied to λ clamped at 0.
    private func _spectralFunction(_ function: String, positiveDefinite: Bool, _ f: (inout Element, Element, Bool) -> Void) throws -> Matrix {
        var workspace = SymmetricLogarithmWorkspace<Element>(order: rowCount)
        var result = Matrix.zeros(rows: rowCount, columns: rowCount)
        try workspace._spectralFunction(of: self, into: &result, function: function, positiveDefinite: positiveDefinite, f)
        return result
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
        return try _spectralFunction("A^\(alpha)", positiveDefinite: alpha < .zero) { value, lambda, _ in value = lambda == .zero ? .zero : Element.pow(lambda, alpha) }
    }

    /// The principal square root A^(1/2) of a symmetric positive semidefinite matrix (symmetric PSD, squaring to A).
    ///
    /// - Throws: as ``power(_:)``.
    public func squareRoot() throws -> Matrix {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix square root", shape: shape) }
        return try _spectralFunction("sqrt", positiveDefinite: false) { value, lambda, _ in value = Element.sqrt(lambda) }
    }

    /// The principal logarithm of a symmetric positive definite matrix: Q·diag(log λᵢ)·Qᵀ.
    ///
    /// - Throws: ``LinearAlgebraError/eigenvalueOutOfDomain(function:eigenvalue:)`` when an eigenvalue is not positive
    ///   beyond rounding, and the errors of ``SymmetricEigendecomposition/init(_:maxSweeps:)``.
    public func logarithm() throws -> Matrix {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix logarithm", shape: shape) }
        return try _spectralFunction("log", positiveDefinite: true) { $0._assignLogarithm($1, uniform: $2) }
    }
}
