import MultiPrecision

extension NCPolynomial {
    /// The time derivative along `flow`, by the Leibniz rule on each word:
    ///
    ///     d/dt (a₁a₂⋯aₙ) = Σᵢ a₁⋯aᵢ₋₁ · ȧᵢ · aᵢ₊₁⋯aₙ,    with (Xᵀ)˙ = (Ẋ)ᵀ,
    ///
    /// and scalar symbols constant.
    ///
    /// ```swift
    /// // d/dt (W₂ᵀW₂ − W₁W₁ᵀ) along the gradient flow of f(W₂W₁) is zero:
    /// print(try d.derivative(along: flow).isZero)   // true
    /// ```
    ///
    /// - Throws: ``SymbolicError/missingRate(_:)`` when a letter's symbol has no rate and is not constant.
    /// - Complexity: O(Σ over terms of length × terms of the rate) term insertions.
    public func derivative(along flow: Flow) throws(SymbolicError) -> NCPolynomial {
        var result = NCPolynomial()
        var rateCache: [Letter: NCPolynomial] = [:]
        for (monomial, coefficient) in _terms {
            let letters = monomial.word.letters
            for i in letters.indices {
                let rate: NCPolynomial
                if let cached = rateCache[letters[i]] {
                    rate = cached
                } else {
                    rate = try flow.rate(of: letters[i])
                    rateCache[letters[i]] = rate
                }
                if rate.isZero { continue }
                let prefix = letters[..<i], suffix = letters[(i + 1)...]
                for (r, c) in rate._terms {
                    let word = Word(Array(prefix) + r.word.letters + Array(suffix))
                    result._add(coefficient * c, Monomial(scalars: monomial.scalars * r.scalars, word: word))
                }
            }
        }
        return result
    }
}
