import MultiPrecision

extension TracePolynomial {
    /// The time derivative along `flow`: Leibniz over the product of traces, and inside each trace
    /// d/dt tr(w) = tr(d/dt w) with the word rule of ``NCPolynomial/derivative(along:)``. tr(I) and scalars are
    /// constant.
    ///
    /// - Throws: ``SymbolicError/missingRate(_:)`` for a symbol without a rate that is not constant.
    public func derivative(along flow: Flow) throws(SymbolicError) -> TracePolynomial {
        var result = TracePolynomial()
        var cache: [TraceWord: TracePolynomial] = [:]
        for (monomial, coefficient) in _terms {
            for i in monomial.traces.indices {
                let t = monomial.traces[i]
                let dt: TracePolynomial
                if let cached = cache[t] {
                    dt = cached
                } else {
                    dt = TracePolynomial.trace(of: try NCPolynomial(Monomial(word: t.word)).derivative(along: flow))
                    cache[t] = dt
                }
                if dt.isZero { continue }
                var others = monomial.traces
                others.remove(at: i)
                let rest = TracePolynomial(TraceMonomial(scalars: monomial.scalars, traces: others), coefficient: coefficient)
                result += rest * dt
            }
        }
        return result
    }

    /// Replaces symbols by polynomials all at once, inside every trace (see ``NCPolynomial/substituting(_:)``).
    ///
    /// - Throws: the errors of ``NCPolynomial/substituting(_:)``.
    public func substituting(_ replacements: [Symbol: NCPolynomial]) throws(SymbolicError) -> TracePolynomial {
        if replacements.isEmpty { return self }
        var result = TracePolynomial()
        for (monomial, coefficient) in _terms {
            let scalarPart = try NCPolynomial(Monomial(scalars: monomial.scalars), coefficient: coefficient)
                .substituting(replacements)
            var product = TracePolynomial(scalar: scalarPart)
            for t in monomial.traces {
                product = product * TracePolynomial.trace(
                    of: try NCPolynomial(Monomial(word: t.word)).substituting(replacements))
            }
            result += product
        }
        return result
    }

    /// The expansion in powers of the scalar `symbol`: [k: pₖ] with p = Σₖ symbolᵏ·pₖ, non-zero pₖ only.
    public func expansion(in symbol: Symbol) -> [Int: TracePolynomial] {
        var result: [Int: TracePolynomial] = [:]
        for (m, c) in _terms {
            let k = m.scalars.exponent(of: symbol)
            result[k, default: TracePolynomial()]._add(c, TraceMonomial(scalars: m.scalars.removing(symbol), traces: m.traces))
        }
        return result.filter { !$0.value.isZero }
    }

    /// The coefficient pₖ of symbolᵏ (zero when absent).
    public func coefficient(of symbol: Symbol, power k: Int) -> TracePolynomial {
        expansion(in: symbol)[k] ?? TracePolynomial()
    }
}
