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
