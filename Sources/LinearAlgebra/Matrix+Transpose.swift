extension Matrix {
    /// The transpose Aᵀ: entry (i, j) of the result is entry (j, i) of `self`.
    ///
    /// ```swift
    /// let a: Matrix<Double> = [[1, 2, 3]]
    /// print(a.transposed())   // [1.0]\n[2.0]\n[3.0]
    /// ```
    @inlinable
    public func transposed() -> Matrix {
        Matrix(rows: columnCount, columns: rowCount) { i, j in _elements[j * columnCount + i] }
    }
}
