/// The number of rows and columns of a matrix.
///
/// ```swift
/// let a: Matrix<Double> = [[1, 2, 3], [4, 5, 6]]
/// print(a.shape)   // 2×3
/// ```
public struct MatrixShape: Hashable, Sendable, CustomStringConvertible {
    /// The number of rows.
    public var rows: Int
    /// The number of columns.
    public var columns: Int

    /// A shape of `rows` × `columns`.
    @inlinable
    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// `"rows×columns"`, for example `"2×3"`.
    public var description: String { "\(rows)×\(columns)" }
}
