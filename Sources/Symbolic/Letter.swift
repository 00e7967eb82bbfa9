/// A letter of a word: a matrix symbol or its transpose.
///
/// Letters of symmetric symbols are never transposed (Sᵀ = S is applied on construction), so equal matrices give
/// equal letters. Scalar symbols are not letters: they are central and live in ``ScalarMonomial``.
public struct Letter: Hashable, Sendable {
    /// The matrix symbol.
    public let symbol: Symbol
    /// Whether the letter is the symbol's transpose (always `false` for symmetric symbols).
    public let isTransposed: Bool

    /// The letter `symbol` or `symbolᵀ`. Precondition: `symbol` is a matrix symbol.
    public init(_ symbol: Symbol, transposed: Bool = false) {
        precondition(!symbol.isScalar, "Letter: \(symbol) is a scalar symbol; scalars are not letters")
        self.symbol = symbol
        self.isTransposed = transposed && !symbol.isSelfTransposed
    }

    /// The transposed letter (the same letter for a symmetric symbol).
    public func transposed() -> Letter { Letter(symbol, transposed: !isTransposed) }
}

extension Letter: Comparable {
    /// By symbol, then the untransposed letter first.
    public static func < (lhs: Letter, rhs: Letter) -> Bool {
        if lhs.symbol != rhs.symbol { return lhs.symbol < rhs.symbol }
        return !lhs.isTransposed && rhs.isTransposed
    }
}

extension Letter: CustomStringConvertible {
    /// The letter in Unicode (`W₁`, `W₁ᵀ`).
    public var description: String { symbol.description + (isTransposed ? "ᵀ" : "") }
}
