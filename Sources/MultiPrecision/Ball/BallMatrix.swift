import CArb

/// A matrix of balls (Arb's `arb_mat_t`), a value type with copy-on-write: every entry encloses the entry of an
/// exact matrix, and the products and inverses below enclose the exact products and inverses.
///
/// Made for the small dense matrices of rigorous iteration (Jacobian enclosures, Lohner's coordinate changes).
/// Entries are read and written as `Ball`s or, in hot loops, through `withEntry(_:_:_:)` without copies.
public struct BallMatrix: @unchecked Sendable {
    @usableFromInline internal var storage: _ArbMatrixStorage
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The working precision in bits of products and inverses.
    public let precision: Int

    /// The zero matrix (exact) of the given shape at `precision` bits (default `Precision.current`).
    public init(rows: Int, columns: Int, precision: Int? = nil) {
        precondition(rows >= 1 && columns >= 1, "BallMatrix: empty shape \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.precision = precision ?? Precision.current
        storage = _ArbMatrixStorage.make(rows: rows, columns: columns)
    }

    /// The identity matrix (exact).
    public static func identity(_ n: Int, precision: Int? = nil) -> BallMatrix {
        let m = BallMatrix(rows: n, columns: n, precision: precision)
        m.storage.withUnsafeMutablePointerToHeader { arb_mat_one($0) }
        return m
    }

    /// The exact matrix of the given `Double`s (radius 0), row by row.
    public init(exactly entries: [[Double]], precision: Int? = nil) {
        self.init(rows: entries.count, columns: entries[0].count, precision: precision)
        storage.withUnsafeMutablePointerToHeader { m in
            for i in 0..<rows { for j in 0..<columns { arb_set_d(carb_mat_entry(m, i, j), entries[i][j]) } }
        }
    }

    @inlinable @inline(__always)
    internal mutating func _makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Calls `body` with a mutable pointer to entry (i, j) after making the storage unique (no copy of the entry).
    @inlinable
    package mutating func withEntry<R>(_ i: Int, _ j: Int, _ body: (UnsafeMutablePointer<arb_struct>) -> R) -> R {
        _makeUnique()
        return storage.withUnsafeMutablePointerToHeader { body(carb_mat_entry($0, i, j)) }
    }

    /// Calls `body` with a read-only pointer to the `arb_mat_t`.
    @inlinable
    package func withUnsafeMatrixPointer<R>(_ body: (UnsafeMutablePointer<arb_mat_struct>) -> R) -> R {
        storage.withUnsafeMutablePointerToHeader { body($0) }
    }

    /// Entry (i, j) as a ball (a copy), or sets it (rounded to nothing: the ball is stored as it is).
    public subscript(i: Int, j: Int) -> Ball {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "BallMatrix: index (\(i), \(j)) out of range")
            var b = Ball(precision: precision)
            b.withUnsafeMutableArbPointer { out in withUnsafeMatrixPointer { arb_set(out, carb_mat_entry($0, i, j)) } }
            return b
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "BallMatrix: index (\(i), \(j)) out of range")
            withEntry(i, j) { e in newValue.withUnsafeArbPointer { arb_set(e, $0) } }
        }
    }

    /// `self ← a · b` at `self`'s precision (shapes must agree; `self` may not share storage with `a` or `b`).
    public mutating func formProduct(_ a: BallMatrix, _ b: BallMatrix) {
        precondition(a.columns == b.rows && rows == a.rows && columns == b.columns, "BallMatrix: shapes do not agree")
        if !isKnownUniquelyReferenced(&storage) || storage === a.storage || storage === b.storage {
            storage = _ArbMatrixStorage.make(rows: rows, columns: columns)
        }
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMatrixPointer { x in b.withUnsafeMatrixPointer { y in arb_mat_mul(r, x, y, bits) } }
        }
    }

    /// An enclosure of `a · b` at the larger precision.
    public static func * (a: BallMatrix, b: BallMatrix) -> BallMatrix {
        var r = BallMatrix(rows: a.rows, columns: b.columns, precision: Swift.max(a.precision, b.precision))
        r.formProduct(a, b)
        return r
    }

    /// An enclosure of the inverse of every matrix in `self`, or `nil` when Arb cannot prove them all invertible.
    public func inverse() -> BallMatrix? {
        precondition(rows == columns, "BallMatrix: inverse of a non-square matrix")
        let r = BallMatrix(rows: rows, columns: columns, precision: precision)
        let bits = precision
        let ok = r.storage.withUnsafeMutablePointerToHeader { out in
            withUnsafeMatrixPointer { arb_mat_inv(out, $0, bits) }
        }
        return ok != 0 ? r : nil
    }

    /// The midpoints as `Double`s (rounded to nearest), row by row.
    public var midpointDoubles: [[Double]] {
        withUnsafeMatrixPointer { m in
            (0..<rows).map { i in
                (0..<columns).map { j in arf_get_d(carb_midref(carb_mat_entry(m, i, j)), ARF_RND_NEAR) }
            }
        }
    }
}

/// The heap storage of one `BallMatrix`: an `arb_mat_t`, cleared when the object goes.
@usableFromInline
final class _ArbMatrixStorage: ManagedBuffer<arb_mat_struct, UInt8> {
    @inlinable
    static func make(rows: Int, columns: Int) -> _ArbMatrixStorage {
        let buffer = _ArbMatrixStorage.create(minimumCapacity: 0) { _ in arb_mat_struct() }
        let storage = unsafeDowncast(buffer, to: _ArbMatrixStorage.self)
        storage.withUnsafeMutablePointerToHeader { arb_mat_init($0, rows, columns) }
        return storage
    }

    @inlinable
    func copy() -> _ArbMatrixStorage {
        withUnsafeMutablePointerToHeader { source in
            let result = _ArbMatrixStorage.make(rows: Int(source.pointee.r), columns: Int(source.pointee.c))
            result.withUnsafeMutablePointerToHeader { arb_mat_set($0, source) }
            return result
        }
    }

    deinit {
        withUnsafeMutablePointerToHeader { arb_mat_clear($0) }
    }
}
