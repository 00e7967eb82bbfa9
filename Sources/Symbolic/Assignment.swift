import LinearAlgebra
import MultiPrecision

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
