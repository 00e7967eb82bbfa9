import MultiPrecision
import RealModule

/// A dense matrix over an ordered field, stored row-major in one contiguous array, with value semantics.
///
/// `Matrix` is generic over the scalar: it works on `Double`, `BigFloat` (any precision) and `Rational` (exact).
/// Products, LU and exact elimination need only `OrderedField`; the eigendecomposition, the SVD and the matrix
/// functions need `Scalar`.
///
/// Copies share their storage until one of them is mutated (copy-on-write, through the standard library's array).
///
/// ```swift
/// let a: Matrix<Double> = [[1, 2], [3, 4]]
/// let b = Matrix<Double>.identity(2)
/// print(a * b == a)   // true
/// print(a[1, 0])      // 3.0
/// ```
///
/// **Precision.** With `BigFloat`, value-returning operations produce results at the larger of the operand
/// precisions (as `BigFloat`'s own operators do), and in-place operations round to the precision of the entries of the
/// receiver. New entries (zeros, the identity) are made at the task-local default precision (`withPrecision`).
public struct Matrix<Element: OrderedField> {
    /// The entries in row-major order: entry (i, j) is at `i * columnCount + j`.
    @usableFromInline internal var _elements: [Element]
    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int

    /// A matrix over `elements` in row-major order; the count must already match (internal: no check).
    @inlinable
    internal init(_rowCount rowCount: Int, columnCount: Int, elements: [Element]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self._elements = elements
    }

    /// The matrix whose rows are `rows`.
    ///
    /// - Throws: ``LinearAlgebraError/raggedRows(row:expected:found:)`` when the rows differ in length.
    /// An empty list gives the 0×0 matrix.
    public init(rows: [[Element]]) throws {
        let columns = rows.first?.count ?? 0
        var elements: [Element] = []
        elements.reserveCapacity(rows.count * columns)
        for (index, row) in rows.enumerated() {
            guard row.count == columns else {
                throw LinearAlgebraError.raggedRows(row: index, expected: columns, found: row.count)
            }
            elements.append(contentsOf: row)
        }
        self.init(_rowCount: rows.count, columnCount: columns, elements: elements)
    }

    /// The `rows` × `columns` matrix with the given entries in row-major order.
    ///
    /// - Throws: ``LinearAlgebraError/elementCountMismatch(shape:count:)`` when `elements.count != rows * columns`.
    public init(rows: Int, columns: Int, elements: [Element]) throws {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative dimension \(rows)×\(columns)")
        guard elements.count == rows * columns else {
            throw LinearAlgebraError.elementCountMismatch(
                shape: MatrixShape(rows: rows, columns: columns), count: elements.count)
        }
        self.init(_rowCount: rows, columnCount: columns, elements: elements)
    }

    /// The `rows` × `columns` matrix with entry (i, j) equal to `entry(i, j)`, called in row-major order.
    ///
    /// ```swift
    /// let hilbert = Matrix<Rational>(rows: 3, columns: 3) { i, j in Rational(1) / Rational(i + j + 1) }
    /// ```
    @inlinable
    public init(rows: Int, columns: Int, _ entry: (_ row: Int, _ column: Int) throws -> Element) rethrows {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative dimension \(rows)×\(columns)")
        var elements: [Element] = []
        elements.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { elements.append(try entry(i, j)) }
        }
        self.init(_rowCount: rows, columnCount: columns, elements: elements)
    }

    /// The `rows` × `columns` zero matrix. Every entry is a distinct value, so in-place operations on a `BigFloat`
    /// zero matrix allocate nothing.
    @inlinable
    public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns) { _, _ in Element.zero }
    }

    /// The `n` × `n` identity matrix.
    @inlinable
    public static func identity(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n) { i, j in i == j ? 1 : Element.zero }
    }

    /// The square matrix with `diagonal` on its diagonal and zeros elsewhere.
    @inlinable
    public static func diagonal(_ diagonal: [Element]) -> Matrix {
        Matrix(rows: diagonal.count, columns: diagonal.count) { i, j in i == j ? diagonal[i] : Element.zero }
    }

    /// The shape, rows × columns.
    @inlinable
    public var shape: MatrixShape { MatrixShape(rows: rowCount, columns: columnCount) }

    /// Whether the matrix has as many rows as columns.
    @inlinable
    public var isSquare: Bool { rowCount == columnCount }

    /// The entries in row-major order.
    @inlinable
    public var elements: [Element] { _elements }

    /// The entry in row `row` and column `column` (both 0-based).
    ///
    /// Precondition: the indices are in range.
    @inlinable
    public subscript(row: Int, column: Int) -> Element {
        get {
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount,
                         "Matrix: index (\(row), \(column)) out of range for a \(shape) matrix")
            return _elements[row * columnCount + column]
        }
        _modify {
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount,
                         "Matrix: index (\(row), \(column)) out of range for a \(shape) matrix")
            yield &_elements[row * columnCount + column]
        }
    }

    /// Row `index` as an array.
    @inlinable
    public func row(_ index: Int) -> [Element] {
        precondition(index >= 0 && index < rowCount, "Matrix: row \(index) out of range for a \(shape) matrix")
        return Array(_elements[(index * columnCount)..<((index + 1) * columnCount)])
    }

    /// Column `index` as an array.
    @inlinable
    public func column(_ index: Int) -> [Element] {
        precondition(index >= 0 && index < columnCount, "Matrix: column \(index) out of range for a \(shape) matrix")
        return (0..<rowCount).map { _elements[$0 * columnCount + index] }
    }

    /// The diagonal entries (i, i) for i < min(rows, columns).
    @inlinable
    public var diagonalEntries: [Element] {
        (0..<Swift.min(rowCount, columnCount)).map { _elements[$0 * columnCount + $0] }
    }
}

extension Matrix: Sendable {}
