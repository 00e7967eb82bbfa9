import RealModule
extension Matrix {
    /// The Hadamard (entrywise) product A ∘ B: entry (i, j) is `A[i, j] · B[i, j]`.
    ///
    /// Precondition: the shapes agree.
    @inlinable
    public func hadamardProduct(_ other: Matrix) -> Matrix {
        Matrix._checkSameShape(self, other, "hadamardProduct")
        return Matrix(_rowCount: rowCount, columnCount: columnCount,
                      elements: zip(_elements, other._elements).map { $0 * $1 })
    }
}
