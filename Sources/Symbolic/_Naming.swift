// Symbol names: one canonical ASCII spelling, read from several input spellings and printed in three notations.
//
// A canonical name is a base of ASCII letters followed by optional ASCII digits (`W1`, `E`, `eta`, `Grad12`). The
// parser also reads `W₁`, `W_1`, `η` and `η₂`; all of them become the canonical spelling, so that printing and
// parsing round-trip. A base that spells a Greek letter (`eta`, `lambda`, `Sigma`) prints as that letter.

/// The Greek letters by their spelled-out names, lowercase then uppercase (those that differ from Latin capitals).
let _greekLetters: [(name: String, letter: Character)] = [
    ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ε"), ("zeta", "ζ"), ("eta", "η"),
    ("theta", "θ"), ("iota", "ι"), ("kappa", "κ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"),
    ("pi", "π"), ("rho", "ρ"), ("sigma", "σ"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "φ"), ("chi", "χ"),
    ("psi", "ψ"), ("omega", "ω"),
    ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"), ("Sigma", "Σ"),
    ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
]

let _greekNameOfLetter: [Character: String] = Dictionary(uniqueKeysWithValues: _greekLetters.map { ($0.letter, $0.name) })
let _greekLetterOfName: [String: Character] = Dictionary(uniqueKeysWithValues: _greekLetters.map { ($0.name, $0.letter) })

let _subscriptDigits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
let _superscriptDigits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

/// Names the parser keeps for itself; no symbol or definition may use them.
let _reservedNames = Set<String>(["tr", "trace", "transpose", "ddt", "step", "coeff", "I"])
    .union(Parser.numericFunctions.keys)

extension Character {
    /// An ASCII letter a–z or A–Z.
    var _isASCIILetter: Bool { isASCII && isLetter }
    /// An ASCII digit 0–9.
    var _isASCIIDigit: Bool { isASCII && isNumber }
    /// The value of an ASCII, subscript or superscript digit.
    var _digitValue: Int? {
        if _isASCIIDigit { return Int(String(self)) }
        if let i = _subscriptDigits.firstIndex(of: self) { return i }
        if let i = _superscriptDigits.firstIndex(of: self) { return i }
        return nil
    }
    var _isSubscriptDigit: Bool { _subscriptDigits.contains(self) }
    var _isSuperscriptDigit: Bool { _superscriptDigits.contains(self) }
}

/// The parts of a canonical name: the base and the decimal index (digits, possibly empty).
struct _NameParts {
    var base: String
    var index: String

    init(canonical name: String) {
        let digits = name.reversed().prefix { $0._isASCIIDigit }
        index = String(digits.reversed())
        base = String(name.dropLast(digits.count))
    }
}

enum _Naming {
    /// Whether `name` is canonical: ASCII letters, then ASCII digits.
    static func isCanonical(_ name: String) -> Bool {
        let parts = _NameParts(canonical: name)
        return !parts.base.isEmpty && parts.base.allSatisfy(\._isASCIILetter)
    }

    /// The canonical spelling of `text` (`W₁`, `W_1`, `η2` …), or `nil` when it is not a name.
    static func canonicalize(_ text: String) -> String? {
        var characters = Array(text)
        var base = ""
        if let first = characters.first, let greek = _greekNameOfLetter[first] {
            base = greek
            characters.removeFirst()
        } else {
            let letters = characters.prefix { $0._isASCIILetter }
            base = String(letters)
            characters.removeFirst(letters.count)
        }
        guard !base.isEmpty else { return nil }
        if characters.first == "_" { characters.removeFirst(); if characters.isEmpty { return nil } }
        var index = ""
        for c in characters {
            guard let value = c._digitValue, !c._isSuperscriptDigit else { return nil }
            index += String(value)
        }
        return base + index
    }

    /// The default kind of an undeclared name in a lenient context: lowercase Greek names are scalars.
    static func isLowercaseGreek(_ name: String) -> Bool {
        let base = _NameParts(canonical: name).base
        guard let letter = _greekLetterOfName[base] else { return false }
        return letter.isLowercase
    }

    /// The name in Unicode: Greek bases as letters, the index as subscript digits (`W₁`, `η`, `Grad₁₂`).
    static func unicode(_ name: String) -> String {
        let parts = _NameParts(canonical: name)
        let base = _greekLetterOfName[parts.base].map(String.init) ?? parts.base
        return base + String(parts.index.compactMap { $0._digitValue.map { _subscriptDigits[$0] } })
    }

    /// The name in LaTeX math: `W_1`, `\eta`, `W_{12}`, `\mathrm{Grad}_{2}`.
    static func latex(_ name: String) -> String {
        let parts = _NameParts(canonical: name)
        var base: String
        if _greekLetterOfName[parts.base] != nil {
            base = "\\" + parts.base
        } else if parts.base.count == 1 {
            base = parts.base
        } else {
            base = "\\mathrm{\(parts.base)}"
        }
        if parts.index.count == 1 {
            base += "_" + parts.index
        } else if !parts.index.isEmpty {
            base += "_{\(parts.index)}"
        }
        return base
    }

    /// Compares canonical names in natural order: by base, then by index as a number (`W2` < `W10`).
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let pa = _NameParts(canonical: a), pb = _NameParts(canonical: b)
        if pa.base != pb.base { return pa.base < pb.base }
        if pa.index.count != pb.index.count { return pa.index.count < pb.index.count }
        return pa.index < pb.index
    }

    /// `n` in superscript digits (`²`, `¹²`).
    static func superscript(_ n: Int) -> String {
        String(String(n).compactMap { $0._digitValue.map { _superscriptDigits[$0] } })
    }
}
