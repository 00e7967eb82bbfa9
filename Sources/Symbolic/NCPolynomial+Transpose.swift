extension NCPolynomial {
    /// The transpose Pᵀ: every word reversed with each letter transposed; coefficients and scalars stay.
    ///
    /// Transposition is an involution and an anti-automorphism: (Pᵀ)ᵀ = P and (PQ)ᵀ = QᵀPᵀ.
    ///
    /// ```swift
    /// var alphabet = Alphabet()
    /// try alphabet.declare(.symmetric("S"))
    /// let p = try NCPolynomial(parsing: "W2 W1 + 2 S W1", in: Context(alphabet: alphabet))
    /// print(p.transposed())                             // W₁ᵀW₂ᵀ + 2W₁ᵀS
    /// ```
    public func transposed() -> NCPolynomial {
        var result = NCPolynomial()
        for (monomial, coefficient) in _terms { result._add(coefficient, monomial.transposed()) }
        return result
    }

    /// Whether Pᵀ = P.
    public var isSymmetric: Bool { transposed() == self }
}
