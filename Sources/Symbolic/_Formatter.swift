import MultiPrecision

/// Shared pieces of the printers for every ``Notation``.
enum _Formatter {
    static func name(_ name: String, _ notation: Notation) -> String {
        switch notation {
        case .unicode: return _Naming.unicode(name)
        case .plain: return name
        case .latex: return _Naming.latex(name)
        }
    }

    static func transposeMark(_ notation: Notation) -> String {
        switch notation {
        case .unicode: return "ᵀ"
        case .plain: return "'"
        case .latex: return "^\\top"
        }
    }

    static func power(_ base: String, _ exponent: Int, _ notation: Notation) -> String {
        if exponent == 1 { return base }
        switch notation {
        case .unicode: return base + _Naming.superscript(exponent)
        case .plain: return base + "^" + String(exponent)
        case .latex: return base + "^{\(exponent)}"
        }
    }

    static func letter(_ letter: Letter, _ notation: Notation) -> String {
        name(letter.symbol.name, notation) + (letter.isTransposed ? transposeMark(notation) : "")
    }

    static func trace(_ argument: String, _ notation: Notation) -> String {
        notation == .latex ? "\\mathrm{tr}(\(argument))" : "tr(\(argument))"
    }

    static func minus(_ notation: Notation) -> String { notation == .unicode ? "−" : "-" }

    /// A non-negative rational as a standalone value (`3`, `3/2`, `\frac{3}{2}`).
    static func number(_ value: Rational, _ notation: Notation) -> String {
        if value.isInteger { return value.numerator.description }
        if notation == .latex { return "\\frac{\(value.numerator)}{\(value.denominator)}" }
        return "\(value.numerator)/\(value.denominator)"
    }

    /// Juxtaposes factors; Unicode puts a space only where two names would otherwise merge (`E W₁`).
    static func juxtapose(_ factors: [String], _ notation: Notation) -> String {
        guard notation == .unicode else { return factors.joined(separator: " ") }
        var result = ""
        for factor in factors {
            if let last = result.last, let first = factor.first,
               (last._isASCIILetter && first._isASCIILetter) || (last._isASCIIDigit && first._isASCIIDigit)
                || (last._isASCIIDigit && first == "(") {
                result += " "
            }
            result += factor
        }
        return result
    }

    /// The factors of a scalar monomial (`η²`, `λ`).
    static func scalarFactors(_ scalars: ScalarMonomial, _ notation: Notation) -> [String] {
        scalars.factors.map { power(name($0.symbol.name, notation), $0.exponent, notation) }
    }

    /// Joins signed terms: `a − b + c`, leading minus attached. Each term is (isNegative, text of |term|).
    static func sum(_ terms: [(negative: Bool, text: String)], _ notation: Notation) -> String {
        if terms.isEmpty { return "0" }
        var result = ""
        for (index, term) in terms.enumerated() {
            if index == 0 {
                result = (term.negative ? minus(notation) : "") + term.text
            } else {
                result += (term.negative ? " \(minus(notation)) " : " + ") + term.text
            }
        }
        return result
    }

    /// One term: |coefficient| then the factors; a unit coefficient is omitted unless there are no factors.
    static func term(_ coefficient: Rational, _ factors: [String], _ notation: Notation) -> (negative: Bool, text: String) {
        let magnitude = coefficient.magnitude
        var all = factors
        if magnitude != 1 || factors.isEmpty {
            var c = number(magnitude, notation)
            if !magnitude.isInteger && notation != .latex && !factors.isEmpty { c = "(\(c))" }
            all.insert(c, at: 0)
        }
        return (coefficient.isNegative, juxtapose(all, notation))
    }
}
