// LU decomposition with partial pivoting: P·A = L·U.
//
// Implementation goals, in order of priority:
//   1. Exact over `Rational`: no tolerance, a pivot is usable exactly when it is nonzero.
//   2. For rounded scalars, a singular matrix is a thrown error, never NaNs: a pivot no larger than n·u·max|A| counts
//      as zero (the matrix is singular to working precision).
//   3. Backward stable in the usual sense (partial pivoting, fused multiply-adds in the updates).

import MultiPrecision
import RealModule

/// The LU decomposition with partial pivoting, `P·A = L·U`, of a square matrix, with solves, the inverse and the
/// determinant.
///
/// `L` is unit lower triangular and `U` upper triangular; both are stored in one matrix. Over `Rational` everything is
/// exact. The factorization itself succeeds on singular matrices (so the determinant of a singular matrix is 0);
/// ``solve(_:)->Matrix<Element>`` and ``inverse()`` throw on them.
///
/// ```swift
/// let a: Matrix<Rational> = [[2, 1], [1, 3]]
/// let lu = try LUDecomposition(a)
/// print(lu.determinant)              // 5
/// print(try lu.solve([1, 0]))        // [3/5, -1/5]
/// ```
public struct LUDecomposition<Element: OrderedField>: Sendable {
    /// `L` below the diagonal (its unit diagonal implied) and `U` on and above it.
    public let factors: Matrix<Element>
    /// Row `i` of `P·A` is row `pivots[i]` of `A`.
    public let pivots: [Int]
    /// The sign of the permutation, +1 or −1.
    public let permutationSign: Int
    /// The first column without a usable pivot, or `nil` when the matrix is nonsingular to working precision.
    public let singularColumn: Int?

    /// Factors the square matrix `a`.
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)`` when `a` is not square.
    /// - Complexity: about 2n³/3 scalar operations.
    public init(_ a: Matrix<Element>) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: "LU decomposition", shape: a.shape) }
        let n = a.rowCount
        var lu = a._elements
        var pivots = Array(0..<n)
        var sign = 1
        var singular: Int? = nil
        // Pivots no larger than this count as zero (0 for exact fields).
        let tolerance: Element = Element.isExact ? .zero : Element._integer(n) * a.maxAbs * _unitRoundoff(Element.self)
        for k in 0..<n {
            var p = k
            var best = lu[k * n + k].magnitude
            for i in (k + 1)..<max(n, k + 1) where lu[i * n + k].magnitude > best {
                best = lu[i * n + k].magnitude
                p = i
            }
            if best <= tolerance || best._isUnordered {
                if singular == nil { singular = k }
                if best == .zero || best._isUnordered { continue }
            }
            if p != k {
                for j in 0..<n { lu.swapAt(k * n + j, p * n + j) }
                pivots.swapAt(k, p)
                sign = -sign
            }
            let pivot = lu[k * n + k]
            for i in (k + 1)..<max(n, k + 1) {
                let factor = lu[i * n + k] / pivot
                lu[i * n + k] = factor
                if factor == .zero { continue }
                for j in (k + 1)..<n { lu[i * n + j].subtractProduct(factor, lu[k * n + j]) }
            }
        }
        self.factors = Matrix(_rowCount: n, columnCount: n, elements: lu)
        self.pivots = pivots
        self.permutationSign = sign
        self.singularColumn = singular
    }

    /// The order n of the factored n×n matrix.
    public var order: Int { factors.rowCount }

    /// Whether the matrix is singular to working precision (exactly singular for exact fields).
    public var isSingular: Bool { singularColumn != nil }

    /// The determinant, ± the product of the pivots: exact over `Rational`, and 0 when a column has no nonzero pivot.
    public var determinant: Element {
        var det: Element = Element._integer(permutationSign)
        for i in 0..<order { det *= factors._elements[i * order + i] }
        return det
    }

    /// Solves `A·X = B` for `X`.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:lhs:rhs:)`` when `b` does not have n rows, and
    ///   ``LinearAlgebraError/singularMatrix(operation:column:)`` when `A` is singular to working precision.
    public func solve(_ b: Matrix<Element>) throws -> Matrix<Element> {
        let n = order
        guard b.rowCount == n else {
            throw LinearAlgebraError.dimensionMismatch(operation: "LU solve", lhs: factors.shape, rhs: b.shape)
        }
        if let column = singularColumn { throw LinearAlgebraError.singularMatrix(operation: "LU solve", column: column) }
        let r = b.columnCount
        var x: [Element] = []
        x.reserveCapacity(n * r)
        for i in 0..<n { x.append(contentsOf: b._elements[(pivots[i] * r)..<((pivots[i] + 1) * r)]) }
        let lu = factors._elements
        // Forward substitution with the unit lower triangle, then back substitution with the upper one.
        for i in 0..<n {
            for k in 0..<i where lu[i * n + k] != .zero {
                for j in 0..<r { x[i * r + j].subtractProduct(lu[i * n + k], x[k * r + j]) }
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(n, i + 1) where lu[i * n + k] != .zero {
                for j in 0..<r { x[i * r + j].subtractProduct(lu[i * n + k], x[k * r + j]) }
            }
            let pivot = lu[i * n + i]
            for j in 0..<r { x[i * r + j] /= pivot }
        }
        return Matrix(_rowCount: n, columnCount: r, elements: x)
    }

    /// Solves `A·x = b` for the vector `x`.
    ///
    /// - Throws: as ``solve(_:)->Matrix<Element>``.
    public func solve(_ b: [Element]) throws -> [Element] {
        try solve(Matrix(_rowCount: b.count, columnCount: 1, elements: b))._elements
    }

    /// The inverse A⁻¹.
    ///
    /// - Throws: ``LinearAlgebraError/singularMatrix(operation:column:)`` when `A` is singular to working precision.
    public func inverse() throws -> Matrix<Element> {
        if let column = singularColumn { throw LinearAlgebraError.singularMatrix(operation: "matrix inverse", column: column) }
        return try solve(Matrix.identity(order))
    }
}

extension Matrix {
    /// The determinant, through an LU decomposition with partial pivoting (exact over `Rational`).
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)`` when the matrix is not square.
    public func determinant() throws -> Element {
        try LUDecomposition(self).determinant
    }

    /// The inverse, through an LU decomposition with partial pivoting (exact over `Rational`).
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)`` or
    ///   ``LinearAlgebraError/singularMatrix(operation:column:)``.
    public func inverse() throws -> Matrix {
        try LUDecomposition(self).inverse()
    }

    /// The solution `X` of `A·X = B`, through an LU decomposition with partial pivoting.
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)``,
    ///   ``LinearAlgebraError/dimensionMismatch(operation:lhs:rhs:)`` or
    ///   ``LinearAlgebraError/singularMatrix(operation:column:)``.
    public func solve(_ b: Matrix) throws -> Matrix {
        try LUDecomposition(self).solve(b)
    }
}

extension OrderedField {
    /// Whether the value compares unordered (a NaN).
    @inlinable
    var _isUnordered: Bool { self != self }
}

/// The unit roundoff of a rounded field (`Scalar.unitRoundoff`), or zero for an exact field or an `OrderedField`
/// that is not a `Scalar`.
@inlinable
func _unitRoundoff<Element: OrderedField>(_: Element.Type) -> Element {
    if let scalar = Element.self as? any Scalar.Type {
        return _openUnitRoundoff(scalar) as! Element
    }
    return .zero
}

@inlinable
func _openUnitRoundoff<S: Scalar>(_: S.Type) -> Any { S.unitRoundoff }
