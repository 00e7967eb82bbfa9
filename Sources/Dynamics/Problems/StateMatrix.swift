/// A small dense row-major matrix over any `DynamicsScalar`, for writing vector fields with matrix structure
/// (deep linear networks, games) once for `Double`, `BigFloat` and the Taylor tracer.
///
/// This is deliberately minimal: products (including the transposed forms, which never materialize the
/// transpose), sums, differences and scaling. For decompositions use `LinearAlgebra.Matrix`.
public struct StateMatrix<T: DynamicsScalar> {
    /// Rows.
    public let rows: Int
    /// Columns.
    public let columns: Int
    /// Entries, row-major.
    public var entries: [T]

    /// A matrix from row-major entries.
    /// - Precondition: `entries.count == rows · columns`.
    public init(rows: Int, columns: Int, entries: [T]) {
        precondition(entries.count == rows * columns, "StateMatrix: \(entries.count) entries for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// The block `block` of a flat state, viewed as a matrix (copies the entries).
    public init(_ state: [T], _ layout: StateLayout, block: Int) {
        let b = layout.blocks[block], offset = layout.offsets[block]
        self.init(rows: b.rows, columns: b.columns, entries: Array(state[offset..<(offset + b.count)]))
    }

    /// The zero matrix.
    public static func zeros(rows: Int, columns: Int) -> StateMatrix {
        StateMatrix(rows: rows, columns: columns, entries: Array(repeating: T(0), count: rows * columns))
    }

    /// The identity matrix.
    public static func identity(_ n: Int) -> StateMatrix {
        var m = zeros(rows: n, columns: n)
        for i in 0..<n { m.entries[i * n + i] = T(1) }
        return m
    }

    /// Entry (i, j).
    public subscript(i: Int, j: Int) -> T {
        get { entries[i * columns + j] }
        set { entries[i * columns + j] = newValue }
    }

    /// Writes this matrix into block `block` of a flat vector.
    public func write(into state: inout [T], _ layout: StateLayout, block: Int) {
        let offset = layout.offsets[block]
        precondition(layout.blocks[block].count == entries.count, "StateMatrix.write: shape mismatch")
        for k in 0..<entries.count { state[offset + k] = entries[k] }
    }

    /// The product A·B.
    public static func * (a: StateMatrix, b: StateMatrix) -> StateMatrix {
        precondition(a.columns == b.rows, "StateMatrix: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        var entries: [T] = []
        entries.reserveCapacity(a.rows * b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = a.entries[i * a.columns] * b.entries[j]
                for k in 1..<max(a.columns, 1) { sum = sum + a.entries[i * a.columns + k] * b.entries[k * b.columns + j] }
                entries.append(sum)
            }
        }
        return StateMatrix(rows: a.rows, columns: b.columns, entries: entries)
    }

    /// Aᵀ·B without forming Aᵀ.
    public static func transposeProduct(_ a: StateMatrix, _ b: StateMatrix) -> StateMatrix {
        precondition(a.rows == b.rows, "StateMatrix: (\(a.rows)×\(a.columns))ᵀ · \(b.rows)×\(b.columns)")
        var entries: [T] = []
        entries.reserveCapacity(a.columns * b.columns)
        for i in 0..<a.columns {
            for j in 0..<b.columns {
                var sum = a.entries[i] * b.entries[j]
                for k in 1..<max(a.rows, 1) { sum = sum + a.entries[k * a.columns + i] * b.entries[k * b.columns + j] }
                entries.append(sum)
            }
        }
        return StateMatrix(rows: a.columns, columns: b.columns, entries: entries)
    }

    /// A·Bᵀ without forming Bᵀ.
    public static func productTranspose(_ a: StateMatrix, _ b: StateMatrix) -> StateMatrix {
        precondition(a.columns == b.columns, "StateMatrix: \(a.rows)×\(a.columns) · (\(b.rows)×\(b.columns))ᵀ")
        var entries: [T] = []
        entries.reserveCapacity(a.rows * b.rows)
        for i in 0..<a.rows {
            for j in 0..<b.rows {
                var sum = a.entries[i * a.columns] * b.entries[j * b.columns]
                for k in 1..<max(a.columns, 1) { sum = sum + a.entries[i * a.columns + k] * b.entries[j * b.columns + k] }
                entries.append(sum)
            }
        }
        return StateMatrix(rows: a.rows, columns: b.rows, entries: entries)
    }

    /// The transpose.
    public var transposed: StateMatrix {
        var entries: [T] = []
        entries.reserveCapacity(rows * columns)
        for j in 0..<columns { for i in 0..<rows { entries.append(self.entries[i * columns + j]) } }
        return StateMatrix(rows: columns, columns: rows, entries: entries)
    }

    /// The entrywise sum.
    public static func + (a: StateMatrix, b: StateMatrix) -> StateMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "StateMatrix: shape mismatch in +")
        return StateMatrix(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map { $0 + $1 })
    }

    /// The entrywise difference.
    public static func - (a: StateMatrix, b: StateMatrix) -> StateMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "StateMatrix: shape mismatch in −")
        return StateMatrix(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map { $0 - $1 })
    }

    /// The negation.
    public static prefix func - (a: StateMatrix) -> StateMatrix {
        StateMatrix(rows: a.rows, columns: a.columns, entries: a.entries.map { -$0 })
    }

    /// The scalar multiple s·A.
    public static func * (s: T, a: StateMatrix) -> StateMatrix {
        StateMatrix(rows: a.rows, columns: a.columns, entries: a.entries.map { s * $0 })
    }
}
