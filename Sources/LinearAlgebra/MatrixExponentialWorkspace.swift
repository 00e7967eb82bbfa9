// The matrix exponential on preallocated work values, for iterations that take one exponential per step.
//
// Implementation goals, in order of priority:
//   1. The same numbers as `Matrix.exponential()`, bit for bit: the same scaling and squaring, the same degree, the
//      same Horner recurrence P ← I + (B·P)/k through the same product kernel, each operation rounded once, in the
//      same order and at the same precision.
//   2. Nothing allocated per call with `BigFloat`: every value the value-returning form makes anew (the scaled
//      matrix, the Horner iterates, the norm, the scale, the tail bound) lives here, made once at the
//      working precision and overwritten in place. The divisions by the integers k run as `mpfr_div_si`, which
//      rounds the same exact quotient as `mpfr_div` by the value k, at a fraction of its cost.
//   3. Any other input (entries at another precision than the workspace's, another order, another default precision)
//      takes the value-returning path, so the result is still that of `exponential()`.

import MultiPrecision
import RealModule

/// Work values for exp(A) of n × n matrices at one working precision: `exponential(of:into:)` writes exactly
/// `try a.exponential()` into a preallocated matrix and, with `BigFloat`, allocates nothing.
///
/// ```swift
/// var workspace = MatrixExponentialWorkspace<BigFloat>(order: 3)   // inside withPrecision(p)
/// var e = Matrix<BigFloat>.zeros(rows: 3, columns: 3)
/// try workspace.exponential(of: a, into: &e)                       // e == (try a.exponential()), bit for bit
/// ```
public struct MatrixExponentialWorkspace<Element: Scalar>: Sendable {
    /// The order n.
    public let order: Int
    /// The precision at which the work values were made (`Element.currentPrecision` at initialization).
    public let precision: Int
    /// B = A·2^−s; the Horner iterate P and the product B·P (swapped each degree).
    var scaled: Matrix<Element>, power: Matrix<Element>, work: Matrix<Element>
    /// ‖·‖∞ and one row sum; |a_ij|; 2^−s; the tail bound ‖B‖^(m+1)/(m+1)!; x − x (the finiteness test).
    var norm = Element.zero, rowSum = Element.zero, entry = Element.zero, scale = Element.zero, term = Element.zero,
        difference = Element.zero
    /// 0, 1/2, 1 and u/16 at the working precision.
    let zero: Element, half: Element, one: Element, target: Element

    /// Work values for n × n matrices at the default precision.
    public init(order: Int) {
        precondition(order >= 0, "MatrixExponentialWorkspace: negative order \(order)")
        self.order = order
        precision = Element.currentPrecision
        scaled = .zeros(rows: order, columns: order)
        power = .zeros(rows: order, columns: order)
        work = .zeros(rows: order, columns: order)
        zero = .zero
        half = 1 / 2
        one = 1
        target = Element.unitRoundoff / 16
    }

    /// Whether `a` and `result` are n × n with every entry at the working precision, at that default precision.
    func _fits(_ a: Matrix<Element>, _ result: Matrix<Element>) -> Bool {
        guard Element.currentPrecision == precision, a.rowCount == order, a.columnCount == order,
              result.rowCount == order, result.columnCount == order else { return false }
        for k in 0..<(order * order) where a._elements[k].precisionBits != precision || result._elements[k].precisionBits != precision {
            return false
        }
        return true
    }

    /// Writes exp(`a`) into `result`, exactly as `result = try a.exponential()`.
    ///
    /// In place (and, with `BigFloat`, allocating nothing) when `a` and `result` are n × n with every entry at the
    /// working precision and the default precision is still that precision; otherwise through `exponential()`.
    ///
    /// - Throws: the errors of ``Matrix/exponential()``; `result` is then unspecified.
    public mutating func exponential(of a: Matrix<Element>, into result: inout Matrix<Element>) throws {
        guard _fits(a, result) else { return result = try a.exponential() }
        let operation = "matrix exponential", n = order, count = n * n
        for k in 0..<count {   // (x − x) is NaN exactly for a NaN or infinite x
            difference.formDifference(a._elements[k], a._elements[k])
            if difference._isNaN { throw LinearAlgebraError.nonFiniteEntry(operation: operation) }
        }
        norm.set(zero)   // ‖A‖∞, row sums of |a_ij| left to right
        for i in 0..<n {
            rowSum.set(zero)
            for j in 0..<n { entry.set(a._elements[i * n + j]); entry._formMagnitude(); rowSum += entry }
            if rowSum > norm { norm.set(rowSum) }
        }
        if norm == zero {
            for i in 0..<n { for j in 0..<n { result._elements[i * n + j].set(i == j ? one : zero) } }
            return
        }
        scale.set(one)
        var squarings = 0
        while norm > half {
            norm *= half
            scale *= half
            squarings += 1
            guard squarings <= 4096 else {
                throw LinearAlgebraError.invalidArgument(operation: operation, reason: "the norm is above 2^4096")
            }
        }
        for k in 0..<count { scaled._elements[k].formProduct(a._elements[k], scale) }
        // Degree: the first m with 4·‖B‖^(m+1)/(m+1)! ≤ u/4.
        term.set(norm)
        var degree = 0
        while term > target {
            degree += 1
            term *= norm
            term._divide(byInteger: degree + 1)
            guard degree < 100_000 else {
                throw LinearAlgebraError.noConvergence(method: "Taylor series of the matrix exponential", iterations: degree)
            }
        }
        for i in 0..<n { for j in 0..<n { power._elements[i * n + j].set(i == j ? one : zero) } }
        for k in stride(from: degree, through: 1, by: -1) {
            Matrix.multiply(scaled, power, into: &work)
            for index in 0..<count { work._elements[index]._divide(byInteger: k) }
            for i in 0..<n { work._elements[i * n + i] += one }
            swap(&power, &work)
        }
        for _ in 0..<squarings {
            Matrix.multiply(power, power, into: &work)
            swap(&power, &work)
        }
        for k in 0..<count { result._elements[k].set(power._elements[k]) }
    }
}
