// The matrix exponential on preallocated work values: the one implementation of scaling and squaring, which
// `Matrix.exponential()` runs on a workspace of its own.
//
// Implementation goals, in order of priority:
//   1. The numbers of the value expressions in Matrix+Exponential.swift's description, for entries at any mix of
//      precisions: every scalar step is an assignment rounded as its value expression (`_assignProduct` and the rest:
//      at the larger operand precision), the powers, the outer Horner iterates and the squarings are rounded at the
//      default precision by the product kernel, the blocks by fused multiply-adds into matrices made at the default
//      precision, and the constants (1/2, 1, u/16, 1/k!) are made at the default precision.
//   2. Nothing allocated per call with `BigFloat` when every entry of A and of the result is at the workspace's
//      precision: every value lives here, made once and overwritten in place; the coefficients 1/k! and the powers
//      B², …, B^q are made once per workspace, up to the largest degree a call has needed.
//   3. A call at another order or another default precision, or with an entry at another precision, runs on a fresh
//      workspace (made at the default precision, with the precision checks on), so the result never depends on which
//      workspace computed it, and a workspace's own work values always stay at its precision (which lets a call with
//      every entry there skip the checks: `uniform`).

import MultiPrecision
import RealModule

/// Work values for exp(A) of n × n matrices at one working precision: `exponential(of:into:)` writes exactly
/// `try a.exponential()` into a preallocated matrix and, with `BigFloat` at that precision, allocates nothing.
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
    /// B = A·2^−s; the outer Horner iterate P and the product P·B^q (swapped each block).
    var scaled: Matrix<Element>, power: Matrix<Element>, work: Matrix<Element>
    /// B², …, B^q (grown to the largest q needed so far).
    var powers: [Matrix<Element>] = []
    /// 1/k! for k = 0 … the largest degree needed so far.
    var coefficients: [Element] = []
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

    /// Writes exp(`a`) into `result`, exactly as `result = try a.exponential()`.
    ///
    /// In place (and, with `BigFloat`, allocating nothing) when `a` and `result` are n × n with every entry at the
    /// working precision and the default precision is still that precision. Entries at other precisions give the
    /// numbers of `exponential()` too (with allocations); another order or default precision runs on a fresh workspace.
    ///
    /// - Throws: the errors of ``Matrix/exponential()``; `result` is then unspecified.
    public mutating func exponential(of a: Matrix<Element>, into result: inout Matrix<Element>) throws {
        let operation = "matrix exponential"
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: operation, shape: a.shape) }
        guard a.rowCount == order, Element.currentPrecision == precision, a._everyEntry(atPrecision: precision) else {
            var fresh = MatrixExponentialWorkspace(order: a.rowCount)
            return try fresh._exponential(of: a, into: &result, uniform: false)
        }
        try _exponential(of: a, into: &result, uniform: true)
    }

    /// exp(`a`) into `result` for an n × n `a` at the working precision, which is the default precision; with
    /// `uniform`, every entry of `a` is at that precision too (and nothing is allocated with `BigFloat`).
    mutating func _exponential(of a: Matrix<Element>, into result: inout Matrix<Element>, uniform: Bool) throws {
        let operation = "matrix exponential", n = order, count = n * n
        if result.rowCount != n || result.columnCount != n { result = .zeros(rows: n, columns: n) }
        for k in 0..<count {   // (x − x) is NaN exactly for a NaN or infinite x
            difference._assignDifference(a._elements[k], a._elements[k], uniform: uniform)
            if difference._isNaN { throw LinearAlgebraError.nonFiniteEntry(operation: operation) }
        }
        norm._assign(zero, uniform: uniform)   // ‖A‖∞, row sums of |a_ij| left to right
        for i in 0..<n {
            rowSum._assign(zero, uniform: uniform)
            for j in 0..<n { entry._assign(a._elements[i * n + j], uniform: uniform); entry._formMagnitude(); rowSum += entry }
            if rowSum > norm { norm._assign(rowSum, uniform: uniform) }
        }
        if norm == zero {
            for i in 0..<n { for j in 0..<n { result._elements[i * n + j]._assign(i == j ? one : zero) } }
            return
        }
        // s = ⌈log₂(2‖A‖∞)⌉: halve until ‖B‖∞ ≤ 1/2.
        scale._assign(one, uniform: uniform)
        var squarings = 0
        while norm > half {
            norm *= half
            scale *= half
            squarings += 1
            guard squarings <= 4096 else {
                throw LinearAlgebraError.invalidArgument(operation: operation, reason: "the norm is above 2^4096")
            }
        }
        for k in 0..<count { scaled._elements[k]._assignProduct(a._elements[k], scale, uniform: uniform) }
        // Degree: the first m with 4·‖B‖^(m+1)/(m+1)! ≤ u/4.
        term._assign(norm, uniform: uniform)
        var degree = 0
        while term > target {
            degree += 1
            term *= norm
            term._divideAsValue(byInteger: degree + 1, defaultPrecision: precision)
            guard degree < 100_000 else {
                throw LinearAlgebraError.noConvergence(method: "Taylor series of the matrix exponential", iterations: degree)
            }
        }
        // Paterson–Stockmeyer: with q = ⌈√(m + 1)⌉, r = ⌈(m + 1)/q⌉ and the blocks C_i = Σ_{j<q} c_{iq+j}·B^j
        // (c_k = 1/k!), the Taylor polynomial Σ_{k≤m} c_k B^k is (…(C_{r−1}·B^q + C_{r−2})·B^q + …)·B^q + C_0:
        // q − 1 products for the powers B², …, B^q and r − 1 for the outer Horner, instead of Horner's m.
        let q = Swift.max(1, Int(Double(degree + 1).squareRoot().rounded(.up)))
        let blocks = (degree + q) / q
        _prepareCoefficients(through: degree)
        while powers.count < q - 1 { powers.append(.zeros(rows: n, columns: n)) }
        if q >= 2 {
            for j in 2...q {   // powers[j − 2] = B^j = B^(j−1)·B
                Matrix.multiply(j == 2 ? scaled : powers[j - 3], scaled, into: &work)
                swap(&powers[j - 2], &work)
            }
        }
        for k in 0..<count { power._elements[k]._assign(zero, uniform: uniform) }
        Self._addBlock(blocks - 1, width: q, degree: degree, coefficients: coefficients, scaled: scaled, powers: powers,
                       into: &power)
        for i in stride(from: blocks - 2, through: 0, by: -1) {
            Matrix.multiply(power, q == 1 ? scaled : powers[q - 2], into: &work)
            Self._addBlock(i, width: q, degree: degree, coefficients: coefficients, scaled: scaled, powers: powers,
                           into: &work)
            swap(&power, &work)
        }
        for _ in 0..<squarings {
            Matrix.multiply(power, power, into: &work)
            swap(&power, &work)
        }
        for k in 0..<count { result._elements[k]._assign(power._elements[k]) }
    }

    /// c_k = 1/k! for k ≤ `degree` at the working precision (c_0 = 1, c_k = c_{k−1}/k, each quotient rounded once),
    /// made once per workspace and degree.
    mutating func _prepareCoefficients(through degree: Int) {
        if coefficients.isEmpty { coefficients.append(one) }
        while coefficients.count <= degree {
            var next = coefficients[coefficients.count - 1]
            next._divide(byInteger: coefficients.count)
            coefficients.append(next)
        }
    }

    /// target += C_i = Σ_{j<q} c_{iq+j}·B^j (terms with iq + j > m left out): entry by entry, fused multiply-adds from
    /// the highest j down, then c_{iq} on the diagonal; every sum rounded at the target entry's precision.
    static func _addBlock(_ i: Int, width q: Int, degree: Int, coefficients: [Element], scaled: Matrix<Element>,
                          powers: [Matrix<Element>], into target: inout Matrix<Element>) {
        let n = scaled.rowCount, count = n * n, first = i * q
        for j in stride(from: Swift.min(q - 1, degree - first), through: 1, by: -1) {
            let basis = j == 1 ? scaled : powers[j - 2], c = coefficients[first + j]
            for k in 0..<count { target._elements[k].addProduct(c, basis._elements[k]) }
        }
        let c = coefficients[first]
        for d in 0..<n { target._elements[d * (n + 1)] += c }
    }
}
