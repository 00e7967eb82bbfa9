import MultiPrecision

extension Expression: CustomStringConvertible {
    /// The expression as written, in Unicode: `d/dt(W₂ᵀW₂ − W₁W₁ᵀ)`, `(W₂ᵀW₂)⁺`.
    public var description: String { formatted(.unicode) }

    /// The expression in LaTeX math mode: `\frac{d}{dt}\left(W_2^\top W_2 - W_1 W_1^\top\right)`.
    public var latex: String { formatted(.latex) }

    /// The expression in the given notation, with the parentheses its structure needs. The Unicode and plain forms
    /// parse back to an expression with the same value.
    public func formatted(_ notation: Notation) -> String { _format(notation).text }

    // Precedence: 1 sums, 2 products, 3 negation, 4 postfix operators, 5 atoms.
    private func _format(_ n: Notation) -> (text: String, precedence: Int) {
        func wrap(_ e: Expression, below minimum: Int) -> String {
            let (text, precedence) = e._format(n)
            guard precedence < minimum else { return text }
            return n == .latex ? "\\left(\(text)\\right)" : "(\(text))"
        }
        /// In LaTeX a superscript on something that already ends in one needs braces.
        func superscriptBase(_ e: Expression) -> String {
            let text = wrap(e, below: 4)
            if n == .latex, e._format(n).precedence == 4 { return "{\(text)}" }
            return text
        }
        switch node {
        case .number(let c):
            if c.isInteger && !c.isNegative { return (c.description, 5) }
            let magnitude = _Formatter.number(c.magnitude, n)
            let text = n == .latex ? magnitude : "(\(magnitude))"
            return c.isNegative ? (_Formatter.minus(n) + text, 3) : (text, 5)
        case .identity:
            return ("I", 5)
        case .name(let name):
            return (_Formatter.name(name, n), 5)
        case .negation(let a):
            return (_Formatter.minus(n) + wrap(a, below: 2), 3)
        case .sum(let a, let b):
            return (wrap(a, below: 1) + " + " + wrap(b, below: 2), 1)
        case .difference(let a, let b):
            return (wrap(a, below: 1) + " \(_Formatter.minus(n)) " + wrap(b, below: 2), 1)
        case .product(let a, let b):
            // A quotient next to a factor reads ambiguously (3/2η), so it gets parentheses outside LaTeX;
            // a negation on the right would read as a difference.
            func isQuotient(_ e: Expression) -> Bool {
                if case .quotient = e.node { return n != .latex }
                return false
            }
            let left = isQuotient(a) ? wrap(a, below: 3) : wrap(a, below: 2)
            let (_, rightPrecedence) = b._format(n)
            let right = rightPrecedence == 3 || isQuotient(b) ? wrap(b, below: 4) : wrap(b, below: 2)
            return (_Formatter.juxtapose([left, right], n), 2)
        case .quotient(let a, let b):
            if n == .latex { return ("\\frac{\(a._format(n).text)}{\(b._format(n).text)}", 5) }
            return (wrap(a, below: 2) + "/" + wrap(b, below: 5), 2)
        case .power(let a, let k):
            return (_Formatter.power(superscriptBase(a), k, n).replacingSingleExponent(k, n), 4)
        case .transpose(let a):
            return (superscriptBase(a) + _Formatter.transposeMark(n), 4)
        case .trace(let a):
            return (_Formatter.trace(a._format(n).text, n), 5)
        case .derivative(let a):
            switch n {
            case .latex:
                let (text, precedence) = a._format(n)
                if case .trace = a.node { return ("\\frac{d}{dt} " + text, 5) }
                if precedence == 5, case .name = a.node { return ("\\frac{d}{dt} " + text, 5) }
                return ("\\frac{d}{dt}\\left(\(text)\\right)", 5)
            default:
                return ("d/dt(\(a._format(n).text))", 5)
            }
        case .step(let a):
            switch n {
            case .plain: return ("step(\(a._format(n).text))", 5)
            case .unicode: return (wrap(a, below: 4) + "⁺", 4)
            case .latex: return (superscriptBase(a) + "^{+}", 4)
            }
        case .coefficient(let a, let symbol, let k):
            let x = _Formatter.name(symbol, n)
            if n == .latex { return ("[\(x)^{\(k)}]\\left(\(a._format(n).text)\\right)", 5) }
            return ("coeff(\(a._format(n).text), \(x), \(k))", 5)
        case .hadamard(let a, let b):
            let mark = n == .latex ? " \\circ " : (n == .unicode ? " ∘ " : " .* ")
            return (wrap(a, below: 2) + mark + wrap(b, below: 3), 2)
        case .entrywiseQuotient(let a, let b):
            let mark = n == .latex ? " \\oslash " : (n == .unicode ? " ⊘ " : " ./ ")
            return (wrap(a, below: 2) + mark + wrap(b, below: 3), 2)
        case .function(let name, let arguments):
            if name == "ones" && arguments.isEmpty { return (n == .latex ? "\\mathbf{1}" : "ones", 5) }
            let text = arguments.map { $0._format(n).text }.joined(separator: ", ")
            let head = n == .latex ? "\\operatorname{\(name)}" : name
            return (n == .latex ? "\(head)\\left(\(text)\\right)" : "\(head)(\(text))", 5)
        }
    }
}

private extension String {
    /// `x` for exponent 1 is still a power in the syntax tree; print it explicitly so it parses back as written.
    func replacingSingleExponent(_ k: Int, _ n: Notation) -> String {
        guard k == 1 else { return self }
        switch n {
        case .unicode: return self + "¹"
        case .plain: return self + "^1"
        case .latex: return self + "^{1}"
        }
    }
}

extension Equation: CustomStringConvertible {
    /// `lhs = rhs` in Unicode.
    public var description: String { formatted(.unicode) }

    /// `lhs = rhs` in LaTeX math mode.
    public var latex: String { formatted(.latex) }

    /// `lhs = rhs` in the given notation.
    public func formatted(_ notation: Notation) -> String {
        lhs.formatted(notation) + " = " + rhs.formatted(notation)
    }
}
