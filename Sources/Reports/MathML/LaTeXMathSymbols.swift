/// The LaTeX commands that `MathMLConverter` knows, by the MathML element each becomes: the subset of TeX math that
/// claim statements use (Greek letters, relations, binary operators, named functions, large operators, spacing).
enum LaTeXMathSymbols {
    /// Letters and ordinary symbols, set as `<mi>` (lowercase Greek italic; capital Greek upright, as in TeX).
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "top": "⊤", "emptyset": "∅", "hbar": "ℏ",
    ]

    /// Relations, binary operators and punctuation, set as `<mo>`.
    static let operators: [String: String] = [
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
        "equiv": "≡", "propto": "∝", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "succ": "≻",
        "prec": "≺", "succeq": "⪰", "preceq": "⪯", "parallel": "∥", "perp": "⊥", "mid": "∣",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "mapsto": "↦",
        "iff": "⟺", "implies": "⟹", "cdot": "⋅", "cdots": "⋯", "dots": "…", "ldots": "…", "times": "×",
        "pm": "±", "mp": "∓", "odot": "⊙", "circ": "∘", "otimes": "⊗", "oplus": "⊕", "ast": "∗", "star": "⋆",
        "cup": "∪", "cap": "∩", "setminus": "∖", "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧",
        "lor": "∨", "langle": "⟨", "rangle": "⟩", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖",
        "|": "‖", "{": "{", "}": "}", "vert": "|", "Vert": "‖", "lbrace": "{", "rbrace": "}",
    ]

    /// Operators with extra space around them, as TeX sets them (`\implies` and `\iff` with `\;` on both sides).
    static let spacedOperators: Set<String> = ["implies", "iff"]

    /// Named functions, set upright as `<mi>`; those in `limitOperators` take limits below in display style.
    static let functions: Set<String> = [
        "log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "det",
        "dim", "ker", "deg", "gcd", "arg", "min", "max", "sup", "inf", "lim", "liminf", "limsup", "Pr",
    ]

    /// Named functions whose subscripts go below them in display style (`\min_{Ax=y}`).
    static let limitOperators: Set<String> = ["min", "max", "sup", "inf", "lim", "liminf", "limsup", "Pr", "det", "gcd"]

    /// Large operators: their limits go below and above (the sums) or beside (the integrals).
    static let largeOperators: [String: (glyph: String, limitsBelow: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "bigcup": ("⋃", true), "bigcap": ("⋂", true),
        "int": ("∫", false), "oint": ("∮", false),
    ]

    /// Horizontal spaces, in em.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", " ": "0.25em", "quad": "1em",
        "qquad": "2em", "thinspace": "0.1667em", "enspace": "0.5em",
    ]

    /// Commands that TeX reads and that change nothing here (a negative thin space, limit placement).
    static let ignored: Set<String> = ["!", "limits", "nolimits", "displaystyle", "textstyle", "negthinspace"]

    /// Accents over their argument.
    static let accents: [String: String] = [
        "dot": "˙", "ddot": "¨", "tilde": "˜", "widetilde": "˜", "hat": "^", "widehat": "^", "bar": "¯",
        "overline": "¯", "vec": "→", "check": "ˇ", "breve": "˘",
    ]

    /// Size commands for delimiters, with the height they give (`\bigl(`: 1.2 em).
    static let delimiterSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em", "Bigm": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "Bigg": "2.470em", "Biggl": "2.470em",
        "Biggr": "2.470em",
    ]

    /// The letter `c` in an alphabet command's style (`\mathbb{Q}` → ℚ, `\mathcal{L}` → ℒ, `\mathbf{1}` → 𝟏), or
    /// `nil` when that alphabet has no such letter.
    static func styled(_ c: Character, alphabet: String) -> String? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        let upper = ("A"..."Z").contains(scalar), lower = ("a"..."z").contains(scalar)
        let digit = ("0"..."9").contains(scalar)
        func offset(_ base: UInt32, _ from: Unicode.Scalar) -> String? {
            Unicode.Scalar(base + scalar.value - from.value).map { String(Character($0)) }
        }
        switch alphabet {
        case "mathbb":
            let exceptions: [Character: String] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let special = exceptions[c] { return special }
            if upper { return offset(0x1D538, "A") }
            if lower { return offset(0x1D552, "a") }
            if digit { return offset(0x1D7D8, "0") }
        case "mathcal", "mathscr":
            let exceptions: [Character: String] = ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ",
                                                   "M": "ℳ", "R": "ℛ"]
            if let special = exceptions[c] { return special }
            if upper { return offset(0x1D49C, "A") }
        case "mathbf":
            if upper { return offset(0x1D400, "A") }
            if lower { return offset(0x1D41A, "a") }
            if digit { return offset(0x1D7CE, "0") }
        default:
            break
        }
        return nil
    }
}
