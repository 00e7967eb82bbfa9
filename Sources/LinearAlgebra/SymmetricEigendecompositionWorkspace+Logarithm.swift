// The principal logarithm of a symmetric positive definite matrix on preallocated work values: Q·diag(log λᵢ)·Qᵀ,
// made exactly symmetric, with the numbers of `Matrix.logarithm()` bit for bit (the same decomposition, the same
// eigenvalue test, log λ at the working precision, the same product kernel, the same symmetrizing means).

import MultiPrecision
import RealModule

/// Work values for the principal logarithm of n × n symmetric positive definite matrices at one working precision:
/// `logarithm(of:into:)` writes exactly `try a.logarithm()` into a preallocated matrix.
public struct SymmetricLogarithmWorkspace<Element: Scalar>: Sendable {
    /// The eigendecomposition's own work values.
    public var decomposition: SymmetricEigendecompositionWorkspace<Element>
    /// f(λ_k) and Q·diag(f(λ)).
    var values: [Element], scaled: Matrix<Element>
    /// 8·max(n, 1)·u, 0 and 2 at the working precision; the threshold 8·n·u·max|λ|; |λ|; a mean.
    let rangeFactor: Element, zero: Element, two: Element
    var threshold = Element.zero, magnitude = Element.zero, mean = Element.zero

    /// Work values for n × n matrices at the default precision.
    public init(order: Int) {
        decomposition = SymmetricEigendecompositionWorkspace(order: order)
        values = (0..<order).map { _ in .zero }
        scaled = .zeros(rows: order, columns: order)
        rangeFactor = 8 * Element._integer(Swift.max(order, 1)) * Element.unitRoundoff
        zero = .zero
        two = 2
    }

    /// Writes log(`a`) into `result`, exactly as `result = try a.logarithm()`.
    ///
    /// In place (with `BigFloat`, nothing allocated but MPFR's own temporaries inside `mpfr_log`) when `a` and
    /// `result` are n × n with every entry at the working precision and the default precision is still that
    /// precision; otherwise through `logarithm()`.
    ///
    /// - Throws: the errors of ``Matrix/logarithm()``; `result` is then unspecified.
    public mutating func logarithm(of a: Matrix<Element>, into result: inout Matrix<Element>) throws {
        let n = decomposition.order
        guard decomposition._fits(a), result.rowCount == n, result.columnCount == n, _entriesFit(result) else {
            return result = try a.logarithm()
        }
        try decomposition.decompose(a)
        // Every eigenvalue must exceed 8·n·u·max|λ| (the value-returning form's positive-definiteness test).
        threshold.set(zero)
        for k in 0..<n {
            magnitude.set(decomposition.eigenvalues[k]); magnitude._formMagnitude()
            if magnitude > threshold { threshold.set(magnitude) }
        }
        threshold *= rangeFactor
        for k in 0..<n {
            if decomposition.eigenvalues[k] <= threshold {
                throw LinearAlgebraError.eigenvalueOutOfDomain(function: "log", eigenvalue: decomposition.eigenvalues[k].doubleValue)
            }
            values[k]._setLogarithm(decomposition.eigenvalues[k])
        }
        let q = decomposition.eigenvectors
        for i in 0..<n { for j in 0..<n { scaled._elements[i * n + j].formProduct(q._elements[i * n + j], values[j]) } }
        Matrix.multiply(scaled, transposeOf: q, into: &result)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                mean.formSum(result._elements[i * n + j], result._elements[j * n + i])
                mean /= two
                result._elements[i * n + j].set(mean)
                result._elements[j * n + i].set(mean)
            }
        }
    }

    /// Whether every entry of `result` is at the working precision.
    func _entriesFit(_ result: Matrix<Element>) -> Bool {
        for k in 0..<result._elements.count where result._elements[k].precisionBits != decomposition.precision { return false }
        return true
    }
}
