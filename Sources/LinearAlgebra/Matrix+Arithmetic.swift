import RealModule
// Entrywise sums and differences, scalar multiples, and the value-returning matrix product.
// Each allocates its result; hot loops use the in-place forms in Matrix+Product.swift instead.

extension Matrix {
    @inlinable
    internal static func _checkSameShape(_ lhs: Matrix, _ rhs: Matrix, _ operation: StaticString) {
        precondition(lhs.rowCount == rhs.rowCount && lhs.columnCount == rhs.columnCount,
                     "Matrix \(operation): shapes \(lhs.shape) and \(rhs.shape) do not agree")
    }

    /// The entrywise sum. Precondition: the shapes agree.
    @inlinable
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        _checkSameShape(lhs, rhs, "+")
        return Matrix(_rowCount: lhs.rowCount, columnCount: lhs.columnCount,
                      elements: zip(lhs._elements, rhs._elements).map { $0 + $1 })
    }

    /// The entrywise difference. Precondition: the shapes agree.
    @inlinable
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        _checkSameShape(lhs, rhs, "-")
        return Matrix(_rowCount: lhs.rowCount, columnCount: lhs.columnCount,
                      elements: zip(lhs._elements, rhs._elements).map { $0 - $1 })
    }

    /// The negated matrix.
    @inlinable
    public static prefix func - (operand: Matrix) -> Matrix {
        Matrix(_rowCount: operand.rowCount, columnCount: operand.columnCount, elements: operand._elements.map { -$0 })
    }

    /// Adds `rhs` entry by entry, in place (for `BigFloat`, rounded to each entry's precision and allocating nothing
    /// when uniquely referenced). Precondition: the shapes agree.
    @inlinable
    public static func += (lhs: inout Matrix, rhs: Matrix) {
        _checkSameShape(lhs, rhs, "+=")
        lhs._elements.withUnsafeMutableBufferPointer { l in
            rhs._elements.withUnsafeBufferPointer { r in
                for k in l.indices { l[k] += r[k] }
            }
        }
    }

    /// Subtracts `rhs` entry by entry, in place. Precondition: the shapes agree.
    @inlinable
    public static func -= (lhs: inout Matrix, rhs: Matrix) {
        _checkSameShape(lhs, rhs, "-=")
        lhs._elements.withUnsafeMutableBufferPointer { l in
            rhs._elements.withUnsafeBufferPointer { r in
                for k in l.indices { l[k] -= r[k] }
            }
        }
    }

    /// The scalar multiple `α·A`.
    @inlinable
    public static func * (scalar: Element, matrix: Matrix) -> Matrix {
        Matrix(_rowCount: matrix.rowCount, columnCount: matrix.columnCount,
               elements: matrix._elements.map { scalar * $0 })
    }

    /// The scalar multiple `A·α`.
    @inlinable
    public static func * (matrix: Matrix, scalar: Element) -> Matrix {
        Matrix(_rowCount: matrix.rowCount, columnCount: matrix.columnCount,
               elements: matrix._elements.map { $0 * scalar })
    }

    /// Multiplies every entry by `scalar`, in place.
    @inlinable
    public static func *= (matrix: inout Matrix, scalar: Element) {
        matrix._elements.withUnsafeMutableBufferPointer { m in
            for k in m.indices { m[k] *= scalar }
        }
    }

    /// The quotient `A/α`, entry by entry (division by zero follows the scalar: ±∞ or NaN for rounded scalars, a trap
    /// for exact ones).
    @inlinable
    public static func / (matrix: Matrix, scalar: Element) -> Matrix {
        Matrix(_rowCount: matrix.rowCount, columnCount: matrix.columnCount,
               elements: matrix._elements.map { (x: Element) -> Element in x / scalar })
    }

    /// The matrix product `A·B`, each entry a dot product accumulated with fused multiply-adds.
    ///
    /// Precondition: `lhs.columnCount == rhs.rowCount`. The result is made at the task-local default precision for
    /// `BigFloat`; use ``multiply(_:_:into:)`` to choose it and to reuse storage.
    ///
    /// - Complexity: O(m·n·k) scalar operations.
    @inlinable
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columnCount == rhs.rowCount,
                     "Matrix *: inner dimensions of \(lhs.shape) and \(rhs.shape) do not agree")
        var result = Matrix.zeros(rows: lhs.rowCount, columns: rhs.columnCount)
        multiply(lhs, rhs, into: &result)
        return result
    }
}
