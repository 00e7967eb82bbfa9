import MultiPrecision

extension Matrix where Element == Rational {
    /// The order of the first leading principal minor det A[1…j, 1…j] that is not positive, or `nil` when all are
    /// positive. By Sylvester's criterion a symmetric matrix is positive definite exactly when this is `nil`; with
    /// exact entries the test is exact.
    ///
    /// ```swift
    /// let a: Matrix<Rational> = [[2, 1], [1, 3]]
    /// a.firstNonpositiveLeadingMinor            // nil: 2 > 0 and 5 > 0
    /// ```
    ///
    /// Precondition: the matrix is square. - Complexity: O(n⁴) exact operations (one LU per minor).
    public var firstNonpositiveLeadingMinor: Int? {
        precondition(isSquare, "Matrix.firstNonpositiveLeadingMinor: the matrix is \(shape), not square")
        return (1...max(rowCount, 1)).first { size in
            let minor = Matrix(rows: size, columns: size) { self[$0, $1] }
            return (try? LUDecomposition(minor).determinant).map { $0 <= 0 } ?? true
        }
    }
}
