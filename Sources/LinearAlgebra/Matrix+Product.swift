// In-place and fused matrix products for hot loops.
//
// Implementation goals, in order of priority:
//   1. Each entry of the result is a dot product accumulated with fused multiply-adds (one rounding per step),
//      rounded to the precision of the receiving entry.
//   2. Nothing is allocated per entry: with `BigFloat`, a product into a preallocated matrix whose entries are uniquely
//      referenced allocates nothing at all (a dedicated kernel runs `mpfr_fma` on the raw MPFR values, see
//      _BigFloatProductKernel.swift); transposes are never materialized.
//   3. Generic code for every other scalar (`Double`, `Rational`), specializable by clients (`@inlinable`).

import MultiPrecision
import RealModule

/// How a product kernel combines the product with what the receiver already holds.
@usableFromInline
internal enum _ProductUpdate<Element: OrderedField> {
    /// `C = op(A)·op(B)`.
    case overwrite
    /// `C += op(A)·op(B)`.
    case accumulate
    /// `C += α·op(A)·op(B)`.
    case accumulateScaled(Element)
}

/// Strides that read `op(A)` (m×K) and `op(B)` (K×n) from row-major storage without materializing a transpose.
@usableFromInline
internal struct _ProductLayout {
    @usableFromInline let m: Int, n: Int, depth: Int
    /// Offsets of op(A)[i, k] = aRow·i + aDepth·k and op(B)[k, j] = bDepth·k + bColumn·j.
    @usableFromInline let aRow: Int, aDepth: Int, bDepth: Int, bColumn: Int

    @inlinable
    init(m: Int, n: Int, depth: Int, aRow: Int, aDepth: Int, bDepth: Int, bColumn: Int) {
        self.m = m; self.n = n; self.depth = depth
        self.aRow = aRow; self.aDepth = aDepth; self.bDepth = bDepth; self.bColumn = bColumn
    }
}

extension Matrix {
    /// Computes `C = A·B` into the preallocated `c`, overwriting it.
    ///
    /// Each entry is a dot product accumulated with fused multiply-adds. With `BigFloat`, every entry is rounded to
    /// the precision that entry of `c` already has (make `c` with ``zeros(rows:columns:)`` inside `withPrecision`),
    /// and the call allocates nothing when the entries of `c` are uniquely referenced. `c` may be the same variable
    /// as an operand (copy-on-write then gives it fresh storage first).
    ///
    /// Precondition: `a.columnCount == b.rowCount` and `c` is `a.rowCount × b.columnCount`.
    ///
    /// ```swift
    /// var c = Matrix<Double>.zeros(rows: 2, columns: 2)
    /// Matrix.multiply([[1, 2], [3, 4]], [[0, 1], [1, 0]], into: &c)   // c = [[2, 1], [4, 3]]
    /// ```
    ///
    /// - Complexity: O(m·n·k) fused multiply-adds.
    @inlinable
    public static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
        precondition(a.columnCount == b.rowCount, "Matrix.multiply: inner dimensions of \(a.shape) and \(b.shape) do not agree")
        _product(a, b, into: &c, layout: _ProductLayout(
            m: a.rowCount, n: b.columnCount, depth: a.columnCount,
            aRow: a.columnCount, aDepth: 1, bDepth: b.columnCount, bColumn: 1), update: .overwrite)
    }

    /// Computes `C = Aᵀ·B` into `c` without forming Aᵀ (as ``multiply(_:_:into:)``).
    ///
    /// Precondition: `a.rowCount == b.rowCount` and `c` is `a.columnCount × b.columnCount`.
    @inlinable
    public static func multiply(transposeOf a: Matrix, _ b: Matrix, into c: inout Matrix) {
        precondition(a.rowCount == b.rowCount, "Matrix.multiply(transposeOf:): row counts of \(a.shape) and \(b.shape) do not agree")
        _product(a, b, into: &c, layout: _ProductLayout(
            m: a.columnCount, n: b.columnCount, depth: a.rowCount,
            aRow: 1, aDepth: a.columnCount, bDepth: b.columnCount, bColumn: 1), update: .overwrite)
    }

    /// Computes `C = A·Bᵀ` into `c` without forming Bᵀ (as ``multiply(_:_:into:)``).
    ///
    /// Precondition: `a.columnCount == b.columnCount` and `c` is `a.rowCount × b.rowCount`.
    @inlinable
    public static func multiply(_ a: Matrix, transposeOf b: Matrix, into c: inout Matrix) {
        precondition(a.columnCount == b.columnCount, "Matrix.multiply(_:transposeOf:): column counts of \(a.shape) and \(b.shape) do not agree")
        _product(a, b, into: &c, layout: _ProductLayout(
            m: a.rowCount, n: b.rowCount, depth: a.columnCount,
            aRow: a.columnCount, aDepth: 1, bDepth: 1, bColumn: b.columnCount), update: .overwrite)
    }

    /// Adds `A·B` to this matrix in place: `C += A·B`, each entry one chain of fused multiply-adds starting from the
    /// entry's current value. Allocates nothing for `BigFloat` when the entries are uniquely referenced.
    ///
    /// Precondition: `a.columnCount == b.rowCount` and this matrix is `a.rowCount × b.columnCount`.
    @inlinable
    public mutating func addProduct(_ a: Matrix, _ b: Matrix) {
        precondition(a.columnCount == b.rowCount, "Matrix.addProduct: inner dimensions of \(a.shape) and \(b.shape) do not agree")
        Matrix._product(a, b, into: &self, layout: _ProductLayout(
            m: a.rowCount, n: b.columnCount, depth: a.columnCount,
            aRow: a.columnCount, aDepth: 1, bDepth: b.columnCount, bColumn: 1), update: .accumulate)
    }

    /// Adds `α·A·B` to this matrix in place: `C += α·A·B`. Each entry's dot product is accumulated with fused
    /// multiply-adds in one temporary, then added as `c += α·dot` with one more fused operation. For `BigFloat` the
    /// call allocates one temporary (not one per entry).
    ///
    /// Precondition: `a.columnCount == b.rowCount` and this matrix is `a.rowCount × b.columnCount`.
    @inlinable
    public mutating func addProduct(_ a: Matrix, _ b: Matrix, scaledBy alpha: Element) {
        precondition(a.columnCount == b.rowCount, "Matrix.addProduct(_:_:scaledBy:): inner dimensions of \(a.shape) and \(b.shape) do not agree")
        Matrix._product(a, b, into: &self, layout: _ProductLayout(
            m: a.rowCount, n: b.columnCount, depth: a.columnCount,
            aRow: a.columnCount, aDepth: 1, bDepth: b.columnCount, bColumn: 1), update: .accumulateScaled(alpha))
    }

    /// The shared driver: checks the receiver's shape, then runs the `BigFloat` kernel or the generic one.
    @inlinable
    internal static func _product(_ a: Matrix, _ b: Matrix, into c: inout Matrix,
                                  layout: _ProductLayout, update: _ProductUpdate<Element>) {
        precondition(c.rowCount == layout.m && c.columnCount == layout.n,
                     "Matrix product: the result must be \(layout.m)×\(layout.n), but it is \(c.shape)")
        if _fastProductKernel(a, b, into: &c, layout: layout, update: update) { return }
        a._elements.withUnsafeBufferPointer { ap in
            b._elements.withUnsafeBufferPointer { bp in
                c._elements.withUnsafeMutableBufferPointer { cp in
                    _genericProductKernel(ap, bp, cp, layout: layout, update: update)
                }
            }
        }
    }

    /// The kernel for every scalar without a dedicated one.
    @inlinable
    internal static func _genericProductKernel(_ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>,
                                               _ c: UnsafeMutableBufferPointer<Element>,
                                               layout: _ProductLayout, update: _ProductUpdate<Element>) {
        for i in 0..<layout.m {
            for j in 0..<layout.n {
                let target = i * layout.n + j
                switch update {
                case .overwrite, .accumulateScaled:
                    var sum = Element.zero
                    for k in 0..<layout.depth {
                        sum.addProduct(a[i * layout.aRow + k * layout.aDepth], b[k * layout.bDepth + j * layout.bColumn])
                    }
                    if case .accumulateScaled(let alpha) = update {
                        c[target].addProduct(alpha, sum)
                    } else {
                        c[target].set(sum)
                    }
                case .accumulate:
                    for k in 0..<layout.depth {
                        c[target].addProduct(a[i * layout.aRow + k * layout.aDepth], b[k * layout.bDepth + j * layout.bColumn])
                    }
                }
            }
        }
    }
}
