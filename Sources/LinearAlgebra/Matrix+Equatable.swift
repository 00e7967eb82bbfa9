extension Matrix: Equatable {
    /// Whether the shapes agree and every entry is equal. Exact for `Rational`; for rounded scalars this compares the
    /// rounded values exactly (use a norm of the difference to compare within a tolerance).
    @inlinable
    public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
        lhs.rowCount == rhs.rowCount && lhs.columnCount == rhs.columnCount && lhs._elements == rhs._elements
    }
}

extension Matrix: Hashable where Element: Hashable {
    /// Hashes the shape and the entries, consistently with `==`.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rowCount)
        hasher.combine(columnCount)
        hasher.combine(_elements)
    }
}
