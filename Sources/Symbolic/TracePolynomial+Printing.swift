extension TracePolynomial: CustomStringConvertible {
    /// The polynomial in Unicode: `−2tr(W₁ᵀW₂ᵀE)`, `η²tr(G₁ᵀG₁)`.
    public var description: String { formatted(.unicode) }

    /// The polynomial in the ASCII parse syntax: `-2 tr(W1' W2' E)`.
    public var plainText: String { formatted(.plain) }

    /// The polynomial in LaTeX math mode: `-2 \mathrm{tr}(W_1^\top W_2^\top E)`.
    public var latex: String { formatted(.latex) }

    /// The polynomial in the given notation; each trace prints its canonical word (tr(I) for the empty word).
    public func formatted(_ notation: Notation) -> String {
        _Formatter.sum(terms.map { term in
            var factors = _Formatter.scalarFactors(term.monomial.scalars, notation)
            for t in term.monomial.traces {
                let inner = t.word.isEmpty ? "I"
                    : _Formatter.juxtapose(t.word.map { _Formatter.letter($0, notation) }, notation)
                factors.append(_Formatter.trace(inner, notation))
            }
            return _Formatter.term(term.coefficient, factors, notation)
        }, notation)
    }
}
