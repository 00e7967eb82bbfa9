import LinearAlgebra
import MultiPrecision

/// A validated parameter value.
public enum ParameterValue: Sendable, Equatable {
    /// An integer.
    case integer(Int)
    /// An exact number.
    case rational(Rational)
    /// A list of integers (widths).
    case integerList([Int])
    /// One of a fixed set of strings.
    case choice(String)
    /// A matrix given in the file or read from a data file, or drawn at random from the instance's seed.
    case matrix(MatrixSource)
    /// A list of matrices (initial weights).
    case matrixList([MatrixSource])
    /// Free text.
    case text(String)

    /// A short, exact rendering for reports (`ReadableNumber`): `3`, `1/128`, `1e-30`, `[3, 4, 2]`, `"square"`, `data/x.csv (3×5)`.
    public var reportText: String {
        switch self {
        case let .integer(n): return String(n)
        case let .rational(r): return ReadableNumber.text(r)
        case let .integerList(list): return "[" + list.map(String.init).joined(separator: ", ") + "]"
        case let .choice(s): return s
        case let .matrix(source): return source.reportText
        case let .matrixList(list): return "[" + list.map(\.reportText).joined(separator: ", ") + "]"
        case let .text(s): return s
        }
    }

    /// The value the case carries (a choice and a text both carry a `String`): what the typed readers cast.
    var payload: any Sendable {
        switch self {
        case let .integer(n): return n
        case let .rational(r): return r
        case let .integerList(list): return list
        case let .choice(s), let .text(s): return s
        case let .matrix(source): return source
        case let .matrixList(list): return list
        }
    }
}

/// Where a matrix comes from.
public enum MatrixSource: Sendable, Equatable {
    /// Exact entries, with where they came from (`inline` or a data file path).
    case exact(Matrix<Rational>, origin: String)
    /// Drawn from the instance's seed by the claim kind.
    case random

    /// `inline (2×3)`, `data/x.csv (3×5)` or `random`.
    public var reportText: String {
        switch self {
        case let .exact(matrix, origin): return "\(origin) (\(matrix.shape))"
        case .random: return "random"
        }
    }
}
