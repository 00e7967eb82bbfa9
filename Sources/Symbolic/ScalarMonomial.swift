/// A product of powers of scalar symbols, η²λ: the central part of a term.
///
/// The factors are kept sorted by symbol with positive exponents, so equal monomials compare equal.
public struct ScalarMonomial: Hashable, Sendable {
    /// A scalar symbol raised to a positive power.
    public struct Power: Hashable, Sendable {
        /// The scalar symbol.
        public let symbol: Symbol
        /// The exponent, at least 1.
        public let exponent: Int
    }

    /// The factors, sorted by symbol, exponents positive.
    public private(set) var factors: [Power]

    /// The monomial ∏ symbol^exponent; zero exponents are dropped. Precondition: scalar symbols, exponents ≥ 0.
    public init(_ powers: [Symbol: Int]) {
        for (symbol, exponent) in powers {
            precondition(symbol.isScalar, "ScalarMonomial: \(symbol) is not a scalar symbol")
            precondition(exponent >= 0, "ScalarMonomial: negative exponent \(exponent) of \(symbol)")
        }
        factors = powers.filter { $0.value > 0 }.map { Power(symbol: $0.key, exponent: $0.value) }
            .sorted { $0.symbol < $1.symbol }
    }

    /// The empty product, 1.
    public static let one = ScalarMonomial([:])

    /// The monomial `symbol¹`.
    public init(_ symbol: Symbol) { self.init([symbol: 1]) }

    /// Whether this is 1.
    public var isOne: Bool { factors.isEmpty }

    /// The total degree Σ exponents.
    public var degree: Int { factors.reduce(0) { $0 + $1.exponent } }

    /// The exponent of `symbol` (0 when absent).
    public func exponent(of symbol: Symbol) -> Int {
        factors.first { $0.symbol == symbol }?.exponent ?? 0
    }

    /// This monomial without any power of `symbol`.
    public func removing(_ symbol: Symbol) -> ScalarMonomial {
        var copy = self
        copy.factors.removeAll { $0.symbol == symbol }
        return copy
    }

    /// The product, adding exponents.
    public static func * (lhs: ScalarMonomial, rhs: ScalarMonomial) -> ScalarMonomial {
        if lhs.isOne { return rhs }
        if rhs.isOne { return lhs }
        var powers: [Symbol: Int] = [:]
        for f in lhs.factors { powers[f.symbol, default: 0] += f.exponent }
        for f in rhs.factors { powers[f.symbol, default: 0] += f.exponent }
        return ScalarMonomial(powers)
    }
}

extension ScalarMonomial: Comparable {
    /// Lower total degree first, then by the sorted factors.
    public static func < (lhs: ScalarMonomial, rhs: ScalarMonomial) -> Bool {
        if lhs.degree != rhs.degree { return lhs.degree < rhs.degree }
        for (a, b) in zip(lhs.factors, rhs.factors) {
            if a.symbol != b.symbol { return a.symbol < b.symbol }
            if a.exponent != b.exponent { return a.exponent > b.exponent }
        }
        return lhs.factors.count < rhs.factors.count
    }
}
