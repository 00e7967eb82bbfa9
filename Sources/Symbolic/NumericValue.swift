import LinearAlgebra
import MultiPrecision

/// A concrete value: an exact rational matrix or an exact rational scalar.
public enum NumericValue: Equatable, Sendable {
    /// A matrix.
    case matrix(Matrix<Rational>)
    /// A scalar (also a multiple of I where a matrix is expected).
    case scalar(Rational)

    /// Whether the two values are equal, a scalar c standing for c·I next to a square matrix.
    public func isEqual(to other: NumericValue) -> Bool {
        switch (self, other) {
        case (.matrix(let a), .matrix(let b)): return a == b
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.matrix(let a), .scalar(let c)), (.scalar(let c), .matrix(let a)):
            return a.isSquare && a == c * Matrix<Rational>.identity(a.rowCount)
        }
    }
}

extension NumericValue: CustomStringConvertible {
    /// A scalar as `p/q`; a matrix one row per line, `[1, -2]`.
    public var description: String {
        switch self {
        case .scalar(let c): return c.description
        case .matrix(let m): return m.description
        }
    }
}

/// Values for symbols and sizes for dimensions: one concrete instance of a symbolic statement.
public struct Assignment: Sendable {
    /// The size of each named dimension (including the default `n`).
    public var dimensions: [String: Int]
    /// The value of each matrix symbol.
    public var matrices: [Symbol: Matrix<Rational>]
    /// The value of each scalar symbol.
    public var scalars: [Symbol: Rational]
    /// The dimensions the symbols' shapes use, in natural order, for display (all of them when empty).
    public var relevantDimensions: [String] = []

    /// An assignment with the given sizes and values.
    public init(dimensions: [String: Int] = [:], matrices: [Symbol: Matrix<Rational>] = [:], scalars: [Symbol: Rational] = [:]) {
        self.dimensions = dimensions
        self.matrices = matrices
        self.scalars = scalars
    }

    /// The size of `dimension`.
    ///
    /// - Throws: ``SymbolicError/missingDimension(_:)`` for a named dimension without a size.
    public func size(of dimension: Dimension) throws(SymbolicError) -> Int {
        switch dimension {
        case .fixed(let n): return n
        case .named(let name):
            guard let n = dimensions[name] else { throw .missingDimension(name) }
            return n
        }
    }
}
