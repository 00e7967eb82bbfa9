import MultiPrecision

extension NCPolynomial {
    /// The expansion in powers of the scalar `symbol`: P = Σₖ symbolᵏ·Pₖ, returned as [k: Pₖ] with the non-zero Pₖ only.
    ///
    /// ```swift
    /// // One gradient-descent step changes W₂ᵀW₂ − W₁W₁ᵀ by η⁰·0 + η¹·0 + η²·(G₂ᵀG₂ − G₁G₁ᵀ):
    /// let change = try d.substituting(step) - d
    /// print(change.expansion(in: eta).keys.sorted())   // [2]
    /// ```
    public func expansion(in symbol: Symbol) -> [Int: NCPolynomial] {
        var result: [Int: NCPolynomial] = [:]
        for (monomial, coefficient) in _terms {
            let k = monomial.scalars.exponent(of: symbol)
            let rest = Monomial(scalars: monomial.scalars.removing(symbol), word: monomial.word)
            result[k, default: NCPolynomial()]._add(coefficient, rest)
        }
        return result.filter { !$0.value.isZero }
    }

    /// The coefficient Pₖ of symbolᵏ in P = Σₖ symbolᵏ·Pₖ (zero when absent).
    public func coefficient(of symbol: Symbol, power k: Int) -> NCPolynomial {
        expansion(in: symbol)[k] ?? NCPolynomial()
    }
}
