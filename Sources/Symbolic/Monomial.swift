/// The key of a term of an ``NCPolynomial``: a scalar monomial times a word, such as η²·G₂ᵀG₂.
public struct Monomial: Hashable, Sendable {
    /// The central scalar part.
    public var scalars: ScalarMonomial
    /// The noncommutative matrix part.
    public var word: Word

    /// The monomial `scalars·word`.
    public init(scalars: ScalarMonomial = .one, word: Word = .empty) {
        self.scalars = scalars
        self.word = word
    }

    /// The monomial 1 (the identity matrix).
    public static let one = Monomial()

    /// The product: scalars multiply (they are central), words concatenate.
    public static func * (lhs: Monomial, rhs: Monomial) -> Monomial {
        Monomial(scalars: lhs.scalars * rhs.scalars, word: lhs.word * rhs.word)
    }

    /// The transpose: the scalars stay, the word is transposed.
    public func transposed() -> Monomial { Monomial(scalars: scalars, word: word.transposed()) }
}

extension Monomial: Comparable {
    /// The order in which terms print: by scalar monomial (1, η, η², …), then longer words first, then words in
    /// descending letter order, so that W₂ᵀW₂ − W₁W₁ᵀ prints in that order.
    public static func < (lhs: Monomial, rhs: Monomial) -> Bool {
        if lhs.scalars != rhs.scalars { return lhs.scalars < rhs.scalars }
        return rhs.word < lhs.word
    }
}
