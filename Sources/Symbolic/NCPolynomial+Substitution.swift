import MultiPrecision

extension NCPolynomial {
    /// Replaces symbols by polynomials, all at once: each letter X becomes `replacements[X]` and each Xᵀ its
    /// transpose; scalar symbols are replaced by scalar polynomials. Symbols without a replacement stay.
    ///
    /// A discrete step X ↦ X − ηG is the substitution `[X: X − ηG]`; the values on the right are taken at the
    /// current point, because the substitution is simultaneous.
    ///
    /// - Throws: ``SymbolicError/nonScalarReplacement(_:)`` when a scalar symbol would become a matrix,
    ///   ``SymbolicError/nonSymmetricReplacement(_:)`` when a symmetric symbol would become a non-symmetric matrix.
    public func substituting(_ replacements: [Symbol: NCPolynomial]) throws(SymbolicError) -> NCPolynomial {
        if replacements.isEmpty { return self }
        for (symbol, replacement) in replacements {
            if symbol.isScalar && !replacement.isScalar { throw .nonScalarReplacement(symbol) }
            if symbol.kind == .symmetric && !replacement.isSymmetric { throw .nonSymmetricReplacement(symbol) }
        }
        var transposedReplacements: [Symbol: NCPolynomial] = [:]
        var result = NCPolynomial()
        for (monomial, coefficient) in _terms {
            var scalarPart = NCPolynomial(Monomial(scalars: .one), coefficient: coefficient)
            var keptPowers: [Symbol: Int] = [:]
            for power in monomial.scalars.factors {
                if let replacement = replacements[power.symbol] {
                    scalarPart = scalarPart * replacement.power(power.exponent)
                } else {
                    keptPowers[power.symbol] = power.exponent
                }
            }
            var product = scalarPart * NCPolynomial(Monomial(scalars: ScalarMonomial(keptPowers)))
            var pending: [Letter] = []   // consecutive letters that stay, multiplied in one go
            for letter in monomial.word {
                guard let replacement = replacements[letter.symbol] else {
                    pending.append(letter)
                    continue
                }
                if !pending.isEmpty {
                    product = product * NCPolynomial(Monomial(word: Word(pending)))
                    pending.removeAll()
                }
                if letter.isTransposed {
                    if transposedReplacements[letter.symbol] == nil {
                        transposedReplacements[letter.symbol] = replacement.transposed()
                    }
                    product = product * transposedReplacements[letter.symbol]!
                } else {
                    product = product * replacement
                }
            }
            if !pending.isEmpty { product = product * NCPolynomial(Monomial(word: Word(pending))) }
            result += product
        }
        return result
    }
}
