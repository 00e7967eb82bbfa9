import LinearAlgebra
import MultiPrecision

extension MirrorDescentMatrixSensing {
    /// The work values of `relativeDistanceToSpan(_:offset:minus:workspace:)`, preallocated once at one precision, so
    /// that the span residual of a step allocates only its result.
    public struct SpanWorkspace {
        /// The working precision of every value involved.
        let precision: Int
        /// The entries of A_i, of the LU factors of the Gram matrix, and of the subtrahend (row-major, shared, read only).
        let sensing: [[BigFloat]], factors: [BigFloat], subtrahend: [BigFloat]
        /// D, Σ_i c_i A_i and D − Σ_i c_i A_i (n², row-major); ⟨A_i, D⟩ (m); the coefficients c (m).
        var d: [BigFloat], combination: [BigFloat], difference: [BigFloat], products: [BigFloat], coefficients: [BigFloat]
        /// The largest |entry|, one |entry| or quotient, a sum, the last Frobenius norm, ‖D‖_F, and one product.
        var scale: BigFloat, entry: BigFloat, sum: BigFloat, norm: BigFloat, dNorm: BigFloat, term: BigFloat

        /// Work values for `problem` and the subtrahend `subtrahend` (n × n), at the task's precision; `nil` unless
        /// the sensing matrices, the Gram factors and the subtrahend are all at that precision (the allocating
        /// `relativeDistanceToSpan(_:)` then serves).
        public init?(_ problem: MirrorDescentMatrixSensing, subtrahend: Matrix<BigFloat>) {
            let p = Precision.current, n = problem.order, m = problem.sensing.count
            let sensing = problem.sensing.map(\.elements), factors = problem.gram.factors.elements
            let values = sensing.joined() + factors + subtrahend.elements
            guard subtrahend.rowCount == n, subtrahend.columnCount == n, problem.gram.singularColumn == nil,
                  values.allSatisfy({ $0.precision == p }) else { return nil }
            precision = p
            (self.sensing, self.factors, self.subtrahend) = (sensing, factors, subtrahend.elements)
            func fresh(_ count: Int) -> [BigFloat] { (0..<count).map { _ in BigFloat(precision: p) } }
            (d, combination, difference) = (fresh(n * n), fresh(n * n), fresh(n * n))
            (products, coefficients) = (fresh(m), fresh(m))
            let scalars = fresh(6)
            (scale, entry, sum, norm, dNorm, term) = (scalars[0], scalars[1], scalars[2], scalars[3], scalars[4], scalars[5])
        }

        /// ‖v‖_F into `norm`, as `Matrix.frobeniusNorm`: the largest |v_k| = s, then s·√(Σ_k (v_k/s)²) (0 if s = 0).
        mutating func frobeniusNorm(_ v: [BigFloat]) {
            scale.setZero()
            for k in v.indices {
                entry.set(v[k]); entry.formMagnitude()
                if entry > scale { scale.set(entry) }
            }
            if scale.isZero { norm.setZero(); return }
            sum.setZero()
            for k in v.indices { entry.formQuotient(v[k], scale); sum.addProduct(entry, entry) }
            sum.formSquareRoot()
            norm.formProduct(scale, sum)
        }
    }

    /// `relativeDistanceToSpan(matrix − subtrahend)` for the n × n matrix whose row-major entries start at
    /// `values[offset]`, on preallocated work values: the same operations in the same order, so the same number to
    /// the last bit, with one allocation (the result).
    ///
    /// - Precondition: `workspace` was made for this problem and the same subtrahend, and the entries are at its
    ///   precision (else the allocating path runs).
    public func relativeDistanceToSpan(_ values: [BigFloat], offset: Int, minus subtrahend: Matrix<BigFloat>,
                                       workspace w: inout SpanWorkspace) throws -> BigFloat {
        let n = order, m = sensing.count, count = n * n
        guard Precision.current == w.precision, (0..<count).allSatisfy({ values[offset + $0].precision == w.precision }) else {
            let d = Matrix(rows: n, columns: n) { values[offset + $0 * n + $1] }
            return try relativeDistanceToSpan(d - subtrahend)
        }
        for k in 0..<count { w.d[k].formDifference(values[offset + k], w.subtrahend[k]) }
        w.frobeniusNorm(w.d)
        if w.norm.isZero { return BigFloat(0) }
        swap(&w.norm, &w.dNorm)
        // b_i = ⟨A_i, D⟩ (fused multiply-adds from 0).
        for i in 0..<m {
            w.products[i].setZero()
            for k in 0..<count { w.products[i].addProduct(w.sensing[i][k], w.d[k]) }
        }
        // The LU solve of `gram` for c: x = Pb, then forward (unit lower) and back substitution.
        let pivots = gram.pivots
        for i in 0..<m { w.coefficients[i].set(w.products[pivots[i]]) }
        for i in 0..<m {
            for k in 0..<i where !w.factors[i * m + k].isZero {
                w.coefficients[i].subtractProduct(w.factors[i * m + k], w.coefficients[k])
            }
        }
        for i in stride(from: m - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(m, i + 1) where !w.factors[i * m + k].isZero {
                w.coefficients[i].subtractProduct(w.factors[i * m + k], w.coefficients[k])
            }
            w.coefficients[i].divide(by: w.factors[i * m + i])
        }
        // Σ_i c_i A_i (products rounded, then summed from 0), D − Σ, its Frobenius norm.
        for k in 0..<count {
            w.combination[k].setZero()
            for i in 0..<m { w.term.formProduct(w.coefficients[i], w.sensing[i][k]); w.combination[k].add(w.term) }
            w.difference[k].formDifference(w.d[k], w.combination[k])
        }
        w.frobeniusNorm(w.difference)
        return w.norm / w.dNorm
    }
}
