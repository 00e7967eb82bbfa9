extension Matrix: ExpressibleByArrayLiteral {
    /// A matrix written as a literal list of rows: `let a: Matrix<Double> = [[1, 2], [3, 4]]`.
    ///
    /// Precondition: the rows all have the same length (a literal is code, so a ragged one is a programmer error;
    /// for rows from user data use the throwing ``init(rows:)``).
    public init(arrayLiteral rows: [Element]...) {
        do {
            try self.init(rows: rows)
        } catch {
            preconditionFailure("Matrix literal: \(error)")
        }
    }
}
