extension NCPolynomial {
    /// Parses `text` and evaluates it in `context` (lenient by default: undeclared names are n×n matrices, lowercase
    /// Greek names scalars). A pure scalar such as `2` becomes 2·I.
    ///
    /// ```swift
    /// let p = try NCPolynomial(parsing: "W2' W2 - W1 W1'")
    /// print(p)   // W₂ᵀW₂ − W₁W₁ᵀ
    /// ```
    ///
    /// - Throws: ``SymbolicError`` (``SymbolicError/parse(_:)`` for syntax errors, ``SymbolicError/kindMismatch(expected:)``
    ///   for a trace expression).
    public init(parsing text: String, in context: Context = Context()) throws(SymbolicError) {
        switch try context.evaluate(text) {
        case .matrix(let p): self = p
        case .scalar(let s):
            guard let p = s.asScalarPolynomial else { throw .kindMismatch(expected: "a matrix expression") }
            self = p
        }
    }
}

extension TracePolynomial {
    /// Parses `text` and evaluates it in `context`; the value must be a scalar (a trace expression or a scalar).
    ///
    /// ```swift
    /// let p = try TracePolynomial(parsing: "tr(W1 W2) - tr(W2' W1')")
    /// print(p.isZero)   // true
    /// ```
    ///
    /// - Throws: ``SymbolicError`` (``SymbolicError/kindMismatch(expected:)`` for a matrix expression).
    public init(parsing text: String, in context: Context = Context()) throws(SymbolicError) {
        switch try context.evaluate(text) {
        case .scalar(let s): self = s
        case .matrix(let p):
            guard p.isScalar else { throw .kindMismatch(expected: "a scalar or trace expression") }
            self = TracePolynomial(scalar: p)
        }
    }
}
