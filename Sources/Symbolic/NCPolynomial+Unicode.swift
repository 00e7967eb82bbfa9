extension NCPolynomial: CustomStringConvertible {
    /// The polynomial in Unicode, terms in canonical order: `W₂ᵀW₂ − W₁W₁ᵀ`, `η²G₂ᵀG₂`, `W₁ + 2I`.
    public var description: String { formatted(.unicode) }

    /// The polynomial in the ASCII parse syntax: `W2' W2 - W1 W1'`.
    public var plainText: String { formatted(.plain) }

    /// The polynomial in the given notation. Each term prints as coefficient, scalar symbols, then the word; the
    /// empty word prints as `I`. Parsing the Unicode or plain text gives back the same polynomial.
    public func formatted(_ notation: Notation) -> String {
        _Formatter.sum(terms.map { term in
            var factors = _Formatter.scalarFactors(term.monomial.scalars, notation)
            if term.monomial.word.isEmpty {
                factors.append("I")
            } else {
                factors += term.monomial.word.map { _Formatter.letter($0, notation) }
            }
            return _Formatter.term(term.coefficient, factors, notation)
        }, notation)
    }
}
