/// A dimension of a matrix shape: a name (`d0`, `n`) that stands for any size, or a fixed size.
public enum Dimension: Hashable, Sendable {
    /// A dimension that stands for any size; equal names are equal sizes.
    case named(String)
    /// A fixed size.
    case fixed(Int)

    /// The default dimension `n` of every symbol without a declared shape.
    public static let `default` = Dimension.named("n")
}

extension Dimension: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A named dimension.
    public init(stringLiteral value: String) { self = .named(value) }
    /// A fixed size.
    public init(integerLiteral value: Int) { self = .fixed(value) }
}

extension Dimension: CustomStringConvertible {
    /// The name or the size.
    public var description: String {
        switch self {
        case .named(let name): return name
        case .fixed(let size): return String(size)
        }
    }
}

/// The shape rows × columns of a matrix symbol or expression.
public struct Shape: Hashable, Sendable {
    /// The number of rows.
    public var rows: Dimension
    /// The number of columns.
    public var columns: Dimension

    /// The shape `rows` × `columns`.
    public init(_ rows: Dimension, _ columns: Dimension) {
        self.rows = rows
        self.columns = columns
    }

    /// The shape n × n of every symbol without a declared shape.
    public static let `default` = Shape(.default, .default)

    /// Whether rows and columns are the same dimension.
    public var isSquare: Bool { rows == columns }

    /// The shape of the transpose.
    public func transposed() -> Shape { Shape(columns, rows) }
}

extension Shape: CustomStringConvertible {
    /// `rows×columns`, e.g. `d1×d0`.
    public var description: String { "\(rows)×\(columns)" }
}
