/// A symbol of the free *-algebra: a matrix (general or symmetric) or a scalar parameter, named canonically.
///
/// Matrix symbols stand for any matrix of their shape; nothing else is assumed about them, so a symbol such as
/// `E` for ∇f(W_N⋯W_1) is *opaque*. Symmetric symbols satisfy Sᵀ = S. Scalar symbols (step sizes η, decay rates
/// λ) are central: they commute with everything, are their own transpose, and are constant along flows.
///
/// Names are canonical ASCII (`W1`, `E`, `eta`); the initializer also accepts `W₁`, `W_1` and `η`, and printing
/// turns them back into `W₁`/`W_1` and `η`/`\eta`.
///
/// ```swift
/// let w1 = Symbol("W₁")          // Symbol("W1", kind: .matrix)
/// let eta = Symbol.scalar("η")   // name "eta"
/// print(w1 < Symbol("W10"))      // true (natural order)
/// ```
public struct Symbol: Hashable, Sendable {
    /// What a symbol stands for.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Any matrix of the symbol's shape.
        case matrix
        /// Any symmetric (square) matrix: Sᵀ = S.
        case symmetric
        /// A rational scalar parameter: central, self-transposed, constant along flows.
        case scalar
    }

    /// The canonical name: ASCII letters then ASCII digits.
    public let name: String
    /// What the symbol stands for.
    public let kind: Kind

    /// A symbol called `name` (any spelling the parser reads: `W1`, `W₁`, `W_1`, `η`).
    ///
    /// Precondition: `name` is a valid, non-reserved name (`tr`, `trace`, `transpose`, `ddt`, `step`, `coeff` and `I`
    /// are reserved). Names from users go through the parser, which reports bad names as errors.
    public init(_ name: String, kind: Kind = .matrix) {
        let canonical = _Naming.canonicalize(name)
        precondition(canonical != nil, "Symbol: '\(name)' is not a valid name (letters, then digits)")
        precondition(!_reservedNames.contains(canonical!), "Symbol: '\(name)' is a reserved name")
        self.name = canonical!
        self.kind = kind
    }

    /// A general matrix symbol.
    public static func matrix(_ name: String) -> Symbol { Symbol(name, kind: .matrix) }
    /// A symmetric matrix symbol (Sᵀ = S).
    public static func symmetric(_ name: String) -> Symbol { Symbol(name, kind: .symmetric) }
    /// A central scalar symbol.
    public static func scalar(_ name: String) -> Symbol { Symbol(name, kind: .scalar) }

    /// Whether the symbol is a scalar parameter.
    public var isScalar: Bool { kind == .scalar }
    /// Whether the symbol equals its own transpose (symmetric matrices and scalars).
    public var isSelfTransposed: Bool { kind != .matrix }
}

extension Symbol: Comparable {
    /// Natural order of names (`W2` < `W10`), then kind.
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool {
        if lhs.name != rhs.name { return _Naming.naturalLess(lhs.name, rhs.name) }
        return lhs.kind.rawValue < rhs.kind.rawValue
    }
}

extension Symbol: CustomStringConvertible {
    /// The name in Unicode (`W₁`, `η`).
    public var description: String { _Naming.unicode(name) }
}
