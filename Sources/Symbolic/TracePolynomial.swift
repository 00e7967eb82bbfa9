import MultiPrecision

/// A scalar trace polynomial: a rational combination of products of traces of words, times scalar symbols.
///
/// Canonical modulo cyclic rotation and transposition inside each trace (see ``TraceWord``), so scalar identities
/// such as d/dt‖W_k‖²_F = d/dt‖W_{k+1}‖²_F, with ‖W‖²_F = tr(WᵀW), are proved by a zero difference.
///
/// A trace polynomial without trace factors is a pure scalar (η², 3/2). The constant c under a trace, tr(c·I),
/// becomes c·tr(I), where I is the identity of the *default* dimension n: every symbol without a declared shape is
/// n×n. (A context with declared shapes refuses traces of a multiple of the identity of another dimension.)
///
/// ```swift
/// let w1 = NCPolynomial(.matrix("W1")), w2 = NCPolynomial(.matrix("W2"))
/// print(TracePolynomial.trace(of: w2 * w1) == .trace(of: w1.transposed() * w2.transposed()))   // true
/// ```
public struct TracePolynomial: Hashable, Sendable {
    internal var _terms: [TraceMonomial: Rational]

    /// A term: a non-zero coefficient times a monomial.
    public struct Term: Hashable, Sendable {
        /// The monomial.
        public let monomial: TraceMonomial
        /// The coefficient, never zero.
        public let coefficient: Rational
    }

    internal init(_canonical terms: [TraceMonomial: Rational]) { _terms = terms }

    /// Zero.
    public init() { _terms = [:] }

    /// The constant `c`.
    public init(_ constant: Rational) { _terms = constant.isZero ? [:] : [.one: constant] }

    /// The constant `n`.
    public init(_ constant: Int) { self.init(Rational(constant)) }

    /// The scalar symbol `symbol`. Precondition: it is a scalar symbol.
    public init(_ symbol: Symbol) {
        precondition(symbol.isScalar, "TracePolynomial: \(symbol) is a matrix symbol; take a trace instead")
        _terms = [TraceMonomial(scalars: ScalarMonomial(symbol)): 1]
    }

    /// The polynomial `coefficient·monomial`.
    public init(_ monomial: TraceMonomial, coefficient: Rational = 1) {
        _terms = coefficient.isZero ? [:] : [monomial: coefficient]
    }

    /// The scalar polynomial equal to `scalar`. Precondition: `scalar.isScalar` (all words empty).
    public init(scalar: NCPolynomial) {
        precondition(scalar.isScalar, "TracePolynomial(scalar:): the polynomial has matrix terms")
        _terms = [:]
        for (m, c) in scalar._terms { _add(c, TraceMonomial(scalars: m.scalars)) }
    }

    /// The trace tr(P), term by term: tr(c·s·w) = c·s·tr(w), with tr of the empty word being tr(I).
    public static func trace(of polynomial: NCPolynomial) -> TracePolynomial {
        var result = TracePolynomial()
        for (m, c) in polynomial._terms {
            result._add(c, TraceMonomial(scalars: m.scalars, traces: [TraceWord(cyclic: m.word)]))
        }
        return result
    }

    /// The scalar value as a polynomial times I, when there are no trace factors; `nil` otherwise.
    public var asScalarPolynomial: NCPolynomial? {
        guard isPureScalar else { return nil }
        return NCPolynomial(terms: _terms.map { (Monomial(scalars: $0.key.scalars), $0.value) })
    }

    /// Zero.
    public static var zero: TracePolynomial { TracePolynomial() }

    /// Whether the polynomial is zero.
    public var isZero: Bool { _terms.isEmpty }

    /// Whether no term has a trace factor.
    public var isPureScalar: Bool { _terms.keys.allSatisfy(\.traces.isEmpty) }

    /// The number of terms.
    public var termCount: Int { _terms.count }

    /// The terms in print order.
    public var terms: [Term] {
        _terms.sorted { $0.key < $1.key }.map { Term(monomial: $0.key, coefficient: $0.value) }
    }

    /// The coefficient of `monomial` (zero when absent).
    public func coefficient(of monomial: TraceMonomial) -> Rational { _terms[monomial] ?? 0 }

    /// The symbols that occur.
    public var symbols: Set<Symbol> {
        var result = Set<Symbol>()
        for m in _terms.keys {
            for p in m.scalars.factors { result.insert(p.symbol) }
            for t in m.traces { for l in t.word { result.insert(l.symbol) } }
        }
        return result
    }

    internal mutating func _add(_ coefficient: Rational, _ monomial: TraceMonomial) {
        if coefficient.isZero { return }
        if let index = _terms.index(forKey: monomial) {
            _terms.values[index] += coefficient
            if _terms.values[index].isZero { _terms.remove(at: index) }
        } else {
            _terms[monomial] = coefficient
        }
    }
}
