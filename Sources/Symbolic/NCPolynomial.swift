import MultiPrecision

/// A noncommutative polynomial with transpose over `Rational`: an element of the free *-algebra on the matrix
/// symbols, with central scalar symbols.
///
/// A term is a rational coefficient times a ``Monomial`` (scalar monomial times a word of letters). The polynomial
/// is always in **canonical form**: like terms are collected, zero coefficients are dropped, symmetric symbols appear
/// untransposed and scalars are pulled to the front. Two polynomials are therefore equal as matrix expressions
/// for all matrices of all sizes exactly when they are equal as values (`==`), and an identity `P = Q` is proved by
/// checking that `P − Q` is zero.
///
/// The empty word stands for the identity matrix, so the constant `c` is the matrix c·I.
///
/// ```swift
/// let w1 = NCPolynomial(.matrix("W1")), w2 = NCPolynomial(.matrix("W2"))
/// let d = w2.transposed() * w2 - w1 * w1.transposed()
/// print(d)                          // W₂ᵀW₂ − W₁W₁ᵀ
/// print(d.transposed() == d)        // true
/// ```
public struct NCPolynomial: Hashable, Sendable {
    /// The terms, keyed by monomial; never holds a zero coefficient.
    internal var _terms: [Monomial: Rational]

    /// A term: a non-zero coefficient times a monomial.
    public struct Term: Hashable, Sendable {
        /// The monomial.
        public let monomial: Monomial
        /// The coefficient, never zero.
        public let coefficient: Rational
    }

    /// Wraps terms that are already canonical (no zero coefficients).
    internal init(_canonical terms: [Monomial: Rational]) { _terms = terms }

    /// The zero polynomial.
    public init() { _terms = [:] }

    /// The constant `c`, the matrix c·I.
    public init(_ constant: Rational) {
        _terms = constant.isZero ? [:] : [.one: constant]
    }

    /// The constant `n`, the matrix n·I.
    public init(_ constant: Int) { self.init(Rational(constant)) }

    /// The polynomial of one symbol: a one-letter word, or a scalar monomial for a scalar symbol.
    public init(_ symbol: Symbol) {
        if symbol.isScalar {
            _terms = [Monomial(scalars: ScalarMonomial(symbol)): 1]
        } else {
            _terms = [Monomial(word: Word([Letter(symbol)])): 1]
        }
    }

    /// The polynomial of one letter.
    public init(_ letter: Letter) { _terms = [Monomial(word: Word([letter])): 1] }

    /// The polynomial `coefficient·monomial`.
    public init(_ monomial: Monomial, coefficient: Rational = 1) {
        _terms = coefficient.isZero ? [:] : [monomial: coefficient]
    }

    /// The sum of the given terms, like terms collected.
    public init<S: Sequence>(terms: S) where S.Element == (Monomial, Rational) {
        var collected: [Monomial: Rational] = [:]
        for (monomial, coefficient) in terms { collected[monomial, default: 0] += coefficient }
        _terms = collected.filter { !$0.value.isZero }
    }

    /// The zero polynomial.
    public static var zero: NCPolynomial { NCPolynomial() }
    /// The constant 1, the identity matrix.
    public static var one: NCPolynomial { NCPolynomial(1) }

    /// Whether the polynomial is zero.
    public var isZero: Bool { _terms.isEmpty }

    /// The number of terms.
    public var termCount: Int { _terms.count }

    /// The terms in print order (see ``Monomial`` `<`).
    public var terms: [Term] {
        _terms.sorted { $0.key < $1.key }.map { Term(monomial: $0.key, coefficient: $0.value) }
    }

    /// The coefficient of `monomial` (zero when absent).
    public func coefficient(of monomial: Monomial) -> Rational { _terms[monomial] ?? 0 }

    /// The largest word length (0 for constants and for zero).
    public var degree: Int { _terms.keys.map(\.word.count).max() ?? 0 }

    /// Whether every term has the empty word: the polynomial is a scalar (times I).
    public var isScalar: Bool { _terms.keys.allSatisfy(\.word.isEmpty) }

    /// The symbols that occur, matrix and scalar.
    public var symbols: Set<Symbol> {
        var result = Set<Symbol>()
        for monomial in _terms.keys {
            for letter in monomial.word { result.insert(letter.symbol) }
            for power in monomial.scalars.factors { result.insert(power.symbol) }
        }
        return result
    }
}
