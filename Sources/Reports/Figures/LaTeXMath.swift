/// Unicode formulas as LaTeX math, for figure labels and statements: `e^{−2ρt}` → `$e^{-2\rho t}$`,
/// `KL(z* ‖ z_t)` → `$\mathrm{KL}(z^{*} \| z_{t})$`.
enum LaTeXMath {
    /// Words (two or more ASCII letters) that are set upright as operators rather than italic products.
    static let operators: Set<String> = ["exp", "log", "ln", "max", "min", "sin", "cos", "tr", "det", "sup", "inf"]

    /// `text` as inline math (`$…$`), or `nil` when it is not a formula that typesets safely: it has no `^`, `_`,
    /// Greek letter or mathematical glyph (plain words stay text), its braces do not balance, or a `^`/`_` dangles.
    static func inline(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let mathematical = scalars.contains { $0 == "^" || $0 == "_" || LaTeXReportWriter.mathGlyphs[$0] != nil }
        guard mathematical else { return nil }
        var depth = 0
        for (i, s) in scalars.enumerated() {
            if s == "{" { depth += 1 }
            if s == "}" { depth -= 1; if depth < 0 { return nil } }
            if (s == "^" || s == "_") && (i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1] == "}") { return nil }
        }
        guard depth == 0 else { return nil }
        var out = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            if word.count >= 2 {
                out += operators.contains(word) ? "\\\(word) " : "\\mathrm{\(word)}"
            } else {
                out += word
            }
            word = ""
        }
        for s in scalars {
            if s.isASCII && s.properties.isAlphabetic { word.unicodeScalars.append(s); continue }
            flushWord()
            switch s {
            case " ": out += "\\ "
            case "−": out += "-"
            case "*": out += "^{*}"
            case "%", "&", "#", "$": out += "\\" + String(s)
            case "\\": return nil
            case "~": out += "\\sim "
            default:
                if s.isASCII { out.unicodeScalars.append(s) }
                else if let macro = LaTeXReportWriter.mathGlyphs[s] {
                    out += macro.hasPrefix("\\") && macro.last?.isLetter == true ? macro + " " : macro
                } else { out += "?" }
            }
        }
        flushWord()
        while out.hasSuffix(" ") && !out.hasSuffix("\\ ") { out.removeLast() }
        return "$" + out + "$"
    }
}

extension LaTeXMath {
    /// Running text with formulas in it (a caption, a column title): each space-separated word that is a formula
    /// (`max_{t,j}`, `e^{−2ρt}`, `η`) is set as inline math, the other words are escaped text.
    static func mixed(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let token = String(word)
            // Trailing punctuation stays outside the formula: "max_{t,j}," → "$\max _{t,j}$,".
            var core = token, tail = ""
            while let last = core.last, ",.;:".contains(last) { tail = String(last) + tail; core.removeLast() }
            guard let math = inline(core) else { return LaTeXReportWriter.escape(token) }
            return math + LaTeXReportWriter.escape(tail)
        }.joined(separator: " ")
    }
}
