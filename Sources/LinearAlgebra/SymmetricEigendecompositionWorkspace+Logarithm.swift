// Functions of symmetric positive (semi)definite matrices on preallocated work values: f(A) = Q·diag(f(λᵢ))·Qᵀ, made
// exactly symmetric. The one implementation of the spectral functions: the matrix logarithm here, and
// `Matrix.logarithm()`, `power(_:)` and `squareRoot()` on a workspace of their own (Matrix+SpectralFunctions.swift).
//
// Implementation goals, in order of priority:
//   1. The numbers of the value expressions for entries at any mix of precisions: the eigendecomposition of
//      SymmetricEigendecompositionWorkspace, the threshold 8·max(n, 1)·u·max|λ| (max|λ| the first eigenvalue of
//      largest magnitude, at its precision), f(λ) as its value expression, Q·diag(f(λ)) entry by entry, the product
//      rounded at the default precision, and the means (r_ij + r_ji)/2.
//   2. For the logarithm with `BigFloat` at the workspace's precision, nothing allocated but MPFR's own temporaries
//      inside `mpfr_log`.
//   3. A call at another order or another default precision, or with an entry at another precision, runs on a fresh
//      workspace (made at the default precision, with the precision checks on).

import MultiPrecision
import RealModule

/// Work values for the principal logarithm of n × n symmetric positive definite matrices at one working precision:
/// `logarithm(of:into:)` writes exactly `try a.logarithm()` into a preallocated matrix.
public struct SymmetricLogarithmWorkspace<Element: Scalar>: Sendable {
    /// The eigendecomposition's own work values.
    public var decomposition: SymmetricEigendecompositionWorkspace<Element>
    /// f(λ_k) and Q·diag(f(λ)).
    var values: [Element], scaled: Matrix<Element>
    /// 8·max(n, 1)·u, 0 and 2 at the working precision; the threshold 8·n·u·max|λ|; |λ|; max(λ, 0); a mean.
    let rangeFactor: Element, zero: Element, two: Element
    var threshold = Element.zero, magnitude = Element.zero, clamped = Element.zero, mean = Element.zero

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
    /// precision. Entries at other precisions give the numbers of `logarithm()` too (with allocations); another order
    /// or default precision runs on a fresh workspace.
    ///
    /// - Throws: the errors of ``Matrix/logarithm()``; `result` is then unspecified.
    public mutating func logarithm(of a: Matrix<Element>, into result: inout Matrix<Element>) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix logarithm", shape: a.shape) }
        try _spectralFunction(of: a, into: &result, function: "log", positiveDefinite: true) { $0._assignLogarithm($1, uniform: $2) }
    }

    /// Writes Q·diag(f(λᵢ))·Qᵀ of the square symmetric `a` into `result`, `f` writing f(λ) into its first argument from
    /// λ clamped at zero (its third argument says whether both are at one precision). An eigenvalue below
    /// −8·n·u·max|λ| (or, with `positiveDefinite`, not above 8·n·u·max|λ|) throws
    /// ``LinearAlgebraError/eigenvalueOutOfDomain(function:eigenvalue:)`` naming `function`.
    mutating func _spectralFunction(of a: Matrix<Element>, into result: inout Matrix<Element>, function: String,
                                    positiveDefinite: Bool, _ f: (inout Element, Element, Bool) -> Void) throws {
        let n = decomposition.order
        guard a.rowCount == n, Element.currentPrecision == decomposition.precision,
              a._everyEntry(atPrecision: decomposition.precision) else {
            var fresh = SymmetricLogarithmWorkspace(order: a.rowCount)
            return try fresh._spectralFunction(of: a, into: &result, function: function, positiveDefinite: positiveDefinite,
                                               uniform: false, f)
        }
        try _spectralFunction(of: a, into: &result, function: function, positiveDefinite: positiveDefinite, uniform: true, f)
    }

    /// As `_spectralFunction(of:into:function:positiveDefinite:_:)` for an n × n `a` at the working precision, which is
    /// the default precision; with `uniform`, every entry of `a` is at that precision too.
    mutating func _spectralFunction(of a: Matrix<Element>, into result: inout Matrix<Element>, function: String,
                                    positiveDefinite: Bool, uniform: Bool, _ f: (inout Element, Element, Bool) -> Void) throws {
        let n = decomposition.order
        if result.rowCount != n || result.columnCount != n || !result._everyEntry(atPrecision: decomposition.precision) {
            result = .zeros(rows: n, columns: n)
        }
        try decomposition._decompose(a, uniform: uniform)
        // The threshold 8·n·u·max|λ|.
        threshold._assign(zero, uniform: uniform)
        for k in 0..<n {
            magnitude._assign(decomposition.eigenvalues[k], uniform: uniform); magnitude._formMagnitude()
            if k == 0 || magnitude > threshold { threshold._assign(magnitude, uniform: uniform) }
        }
        threshold *= rangeFactor
        for k in 0..<n {
            let lambda = decomposition.eigenvalues[k]
            magnitude._assign(lambda, uniform: uniform); magnitude._formMagnitude()
            if (lambda < zero && magnitude > threshold) || (positiveDefinite && lambda <= threshold) {   // λ < −threshold
                throw LinearAlgebraError.eigenvalueOutOfDomain(function: function, eigenvalue: lambda.doubleValue)
            }
            clamped._assign(lambda < zero ? zero : lambda, uniform: uniform)
            f(&values[k], clamped, uniform)
        }
        let q = decomposition.eigenvectors
        _recompose(q, values, scaled: &scaled, into: &result, mean: &mean, two: two, uniform: uniform)
    }
}

/// result ← Q·diag(values)·Qᵀ made exactly symmetric, rounded as the value expressions: scaled_ij = q_ij·values_j, the
/// product rounded at the precision of `result`'s entries (make them at the default precision), then each pair
/// (i, j), (j, i) replaced by (r_ij + r_ji)/2 with `two` at the default precision.
func _recompose<Element: Scalar>(_ q: Matrix<Element>, _ values: [Element], scaled: inout Matrix<Element>,
                                 into result: inout Matrix<Element>, mean: inout Element, two: Element, uniform: Bool) {
    let n = q.rowCount
    for i in 0..<n { for j in 0..<n { scaled._elements[i * n + j]._assignProduct(q._elements[i * n + j], values[j], uniform: uniform) } }
    Matrix.multiply(scaled, transposeOf: q, into: &result)
    for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) {
            mean._assignSum(result._elements[i * n + j], result._elements[j * n + i], uniform: uniform)
            mean /= two
            result._elements[i * n + j]._assign(mean, uniform: uniform)
            result._elements[j * n + i]._assign(mean, uniform: uniform)
        }
    }
}
