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
                let set = operators.contains(word) ? "\\\(word)" : "\\mathrm{\(word)}"
                // Right after `_` or `^` the word is one script, in braces (`σ_min` → `\sigma_{\min}`; TeX refuses
                // `_\min`, and `_min` would lower the m alone).
                out += out.hasSuffix("_") || out.hasSuffix("^") ? "{\(set)}" : (operators.contains(word) ? set + " " : set)
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
    /// Operators written as words of their own between formulas (`‖D_j(t) − D_j(0)‖`), as math.
    static let operatorWords: [String: String] = [
        "−": "-", "-": "-", "+": "+", "=": "=", "≤": "\\leq", "≥": "\\geq", "<": "<", ">": ">", "×": "\\times",
        "·": "\\cdot", "/": "/", "≈": "\\approx",
    ]

    /// Running text with formulas in it (a caption, a column title): each space-separated word that is a formula
    /// (`max_{t,j}`, `e^{−2ρt}`, `η`) is set as inline math, the other words are escaped text. Consecutive formula
    /// words, and operators standing between two of them, make one formula (`max_{t,j} ‖D_j(t) − D_j(0)‖` →
    /// `$\max _{t,j} \|D_j(t) - D_j(0)\|$`), so that a minus sign is a minus, not a hyphen.
    static func mixed(_ text: String) -> String {
        var pieces: [String] = []
        var run: [String] = []                                  // the current formula's words, as math
        var operators: [(math: String, word: String)] = []      // operators waiting for the next formula word
        func flush(_ tail: String) {
            if !run.isEmpty { pieces.append("$" + run.joined(separator: " ") + "$" + LaTeXReportWriter.escape(tail)) }
            run = []
            pieces += operators.map { LaTeXReportWriter.escape($0.word) }
            operators = []
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if !run.isEmpty, let math = operatorWords[word] {
                operators.append((math, word))
                continue
            }
            // Trailing punctuation stays outside the formula: "max_{t,j}," → "$\max _{t,j}$,".
            var core = word, tail = ""
            while let last = core.last, ",.;:".contains(last) { tail = String(last) + tail; core.removeLast() }
            if let math = inline(core) {
                run += operators.map(\.math)
                operators = []
                run.append(String(math.dropFirst().dropLast()))
                if !tail.isEmpty { flush(tail) }
            } else {
                flush("")
                pieces.append(LaTeXReportWriter.escape(word))
            }
        }
        flush("")
        return pieces.joined(separator: " ")
    }
}
