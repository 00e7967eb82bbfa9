/// Converts the LaTeX math of a claim's `statement_latex` into presentation MathML, which browsers render without a
/// script, so that the HTML report stays one self-contained file.
///
/// It reads the subset of TeX math that the statements use: letters and numbers; `_` and `^` (below and above for
/// sums, `\min`, `\max` and `\operatorname*`); `{…}` groups; `\frac`, `\tfrac`, `\sqrt`; Greek letters, relations and
/// operators (`LaTeXMathSymbols`); named functions and `\operatorname`; `\text`, `\mathrm`, `\mathbb`, `\mathcal`,
/// `\mathbf`; accents (`\dot`, `\tilde`, …); sized delimiters (`\bigl(`, `\Bigr]`, `\left`/`\right`); and spacing
/// (`\,`, `\;`, `\ `, `\quad`, `\qquad`). Anything else (an unknown command, an unbalanced brace, `&`, `$`) makes the
/// conversion fail, and the report shows the statement as text instead of wrong mathematics.
///
/// ```
/// MathMLConverter.convert("\\tfrac12 \\|x\\|^2")
/// // <math xmlns="http://www.w3.org/1998/Math/MathML" display="inline" displaystyle="true" alttext="…">…</math>
/// ```
public enum MathMLConverter {
    /// The `<math>` element for `latex` (inline in the text flow, in display style: limits below sums and minima),
    /// with the source as its `alttext`; `nil` when `latex` uses something outside the subset.
    public static func convert(_ latex: String) -> String? {
        var parser = Parser(tokens: tokenize(latex))
        guard let nodes = parser.list(until: nil), !parser.failed else { return nil }
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\" displaystyle=\"true\" "
            + "alttext=\"\(XMLText.escape(latex))\">" + row(nodes.map(\.markup)) + "</math>"
    }

    /// A token of TeX input: a command (`\frac`, `\,`), one character, or a run of spaces (which only `\text` keeps).
    enum Token: Equatable {
        case command(String)
        case character(Character)
        case space
    }

    /// The tokens of `latex`: `\` and a run of letters, or `\` and one other character; each run of spaces one token.
    static func tokenize(_ latex: String) -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(latex)
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "\\" {
                let name = rest.prefix { $0.isASCII && $0.isLetter }
                if !name.isEmpty {
                    tokens.append(.command(String(name)))
                    rest = rest.dropFirst(name.count)
                } else if let other = rest.first {
                    tokens.append(.command(String(other)))
                    rest = rest.dropFirst()
                } else {
                    tokens.append(.command(""))          // a lone backslash at the end: not TeX
                }
            } else if c.isWhitespace {
                if tokens.last != .space { tokens.append(.space) }
            } else {
                tokens.append(.character(c))
            }
        }
        return tokens
    }

    /// One converted piece, with what it is for the spacing and script rules.
    struct Node {
        enum Role { case ordinary, function, limitOperator, largeOperator, operatorSymbol, space, open }
        var markup: String
        var role: Role
    }

    /// `nodes` as one element: itself when there is one, else an `<mrow>` (empty pieces, such as `\!`, left out).
    static func row(_ nodes: [String]) -> String {
        let kept = nodes.filter { !$0.isEmpty }
        return kept.count == 1 ? kept[0] : "<mrow>" + kept.joined() + "</mrow>"
    }

    /// A recursive-descent reader over the tokens; `failed` is set by anything outside the subset.
    struct Parser {
        let tokens: [Token]
        var position = 0
        var failed = false

        init(tokens: [Token]) {
            self.tokens = tokens
        }

        /// The next token that is not a space (math mode ignores spaces); moves past the spaces.
        var next: Token? {
            mutating get {
                while position < tokens.count, tokens[position] == .space { position += 1 }
                return position < tokens.count ? tokens[position] : nil
            }
        }

        mutating func take() -> Token? {
            let token = next
            position += 1
            return token
        }

        /// Nodes up to the closing `}` (taken) when `closing` is set, else to the end.
        mutating func list(until closing: Character?) -> [Node]? {
            var nodes: [Node] = []
            while !failed {
                guard let token = next else { return closing == nil ? nodes : nil }
                if case .character("}") = token {
                    guard closing == "}" else { return nil }
                    position += 1
                    return nodes
                }
                guard var node = atom(previous: nodes.last) else { return nil }
                node = scripts(on: node)
                if [.function, .limitOperator].contains(node.role), startsOrdinary(next) {
                    nodes.append(node)
                    node = Node(markup: "<mspace width=\"0.1667em\"/>", role: .space)
                }
                nodes.append(node)
            }
            return nil
        }

        /// Whether `token` begins an ordinary atom, which TeX separates from a preceding function name by a thin space.
        func startsOrdinary(_ token: Token?) -> Bool {
            switch token {
            case let .character(c)?: return c.isLetter || c.isNumber
            case .space?: return false
            case let .command(name)?:
                return LaTeXMathSymbols.identifiers[name] != nil || LaTeXMathSymbols.functions.contains(name)
                    || ["operatorname", "mathbb", "mathcal", "mathscr", "mathbf", "mathrm", "dot", "tilde", "hat", "bar",
                        "frac", "tfrac", "sqrt"].contains(name) || LaTeXMathSymbols.accents[name] != nil
            case nil: return false
            }
        }

        /// The argument of a command or script: a braced group as one element, or a single token.
        mutating func argument() -> String? {
            guard let token = next else { return nil }
            if case .character("{") = token {
                position += 1
                guard let nodes = list(until: "}") else { return nil }
                return MathMLConverter.row(nodes.map(\.markup))
            }
            if case let .character(c) = token, c.isNumber {      // `x^2`, `\tfrac12`: one digit
                position += 1
                return "<mn>\(c)</mn>"
            }
            return atom(previous: nil).map(\.markup)
        }

        /// The raw text of a braced group (for `\text`, `\operatorname`), its spaces kept, `\,` and `\ ` as thin spaces.
        mutating func rawText() -> String? {
            guard case .character("{")? = take() else { return nil }
            var text = "", depth = 1
            while position < tokens.count {
                let token = tokens[position]
                position += 1
                switch token {
                case .space: text.append(" ")
                case .character("{"): depth += 1; text.append("{")
                case .character("}"):
                    depth -= 1
                    if depth == 0 { return text }
                    text.append("}")
                case let .character(c):
                    if c == "$" || c == "&" { return nil }
                    text.append(c)
                case .command(","), .command(";"): text.append("\u{2009}")
                case .command(" "): text.append(" ")
                case let .command(other):
                    guard ["{", "}", "%", "_", "#"].contains(other) else { return nil }
                    text.append(Character(other))
                }
            }
            return nil
        }

        /// Sub- and superscripts (and primes) after `base`.
        mutating func scripts(on base: Node) -> Node {
            var sub: String?, sup: String?
            var primes = ""
            loop: while let token = next {
                switch token {
                case .character("_") where sub == nil:
                    position += 1
                    guard let a = argument() else { failed = true; return base }
                    sub = a
                case .character("^") where sup == nil:
                    position += 1
                    guard let a = argument() else { failed = true; return base }
                    sup = a
                case .character("'"):
                    position += 1
                    primes += "′"
                default:
                    break loop
                }
            }
            if !primes.isEmpty { sup = sup.map { "<mrow><mo>\(primes)</mo>\($0)</mrow>" } ?? "<mo>\(primes)</mo>" }
            guard sub != nil || sup != nil else { return base }
            let below = base.role == .limitOperator || (base.role == .largeOperator && base.markup.contains("movablelimits"))
            let element: String
            switch (sub, sup) {
            case let (s?, p?): element = below ? "<munderover>\(base.markup)\(s)\(p)</munderover>"
                                                : "<msubsup>\(base.markup)\(s)\(p)</msubsup>"
            case let (s?, nil): element = below ? "<munder>\(base.markup)\(s)</munder>" : "<msub>\(base.markup)\(s)</msub>"
            case let (nil, p?): element = below ? "<mover>\(base.markup)\(p)</mover>" : "<msup>\(base.markup)\(p)</msup>"
            case (nil, nil): element = base.markup
            }
            return Node(markup: element, role: base.role == .limitOperator ? .function : base.role)
        }

        /// One atom: a letter, a number, an operator character, a group or a command with its arguments.
        mutating func atom(previous: Node?) -> Node? {
            guard let token = take() else { return nil }
            switch token {
            case let .character(c):
                if c.isNumber {
                    // Digits, with a decimal point only between digits (`0.9`, not the full stop of `1.`).
                    var digits = String(c)
                    while position < tokens.count, case let .character(d) = tokens[position] {
                        if d.isNumber {
                            digits.append(d)
                        } else if d == ".", position + 1 < tokens.count, case let .character(after) = tokens[position + 1],
                                  after.isNumber {
                            digits.append(d)
                        } else {
                            break
                        }
                        position += 1
                    }
                    return Node(markup: "<mn>\(digits)</mn>", role: .ordinary)
                }
                if c.isLetter { return Node(markup: "<mi>\(XMLText.escape(String(c)))</mi>", role: .ordinary) }
                switch c {
                case "{":
                    guard let nodes = list(until: "}") else { return nil }
                    return Node(markup: MathMLConverter.row(nodes.map(\.markup)), role: .ordinary)
                case "-", "+":
                    // A sign (at the start, after an operator or an opening) is a prefix, not a binary operator.
                    let glyph = c == "-" ? "−" : "+"
                    let prefix = previous == nil || [.operatorSymbol, .open, .largeOperator].contains(previous!.role)
                    return Node(markup: prefix ? "<mo form=\"prefix\">\(glyph)</mo>" : "<mo>\(glyph)</mo>", role: .operatorSymbol)
                case "(", "[": return Node(markup: "<mo stretchy=\"false\">\(c)</mo>", role: .open)
                case ")", "]", "|": return Node(markup: "<mo stretchy=\"false\">\(c)</mo>", role: .ordinary)
                case "=", "<", ">", ",", ";", ":", "/", "!", "?", ".":
                    return Node(markup: "<mo>\(XMLText.escape(String(c)))</mo>", role: .operatorSymbol)
                case "*": return Node(markup: "<mo>∗</mo>", role: .operatorSymbol)
                case "~": return Node(markup: "<mspace width=\"0.25em\"/>", role: .space)
                default:
                    // Unicode letters and symbols written directly (`ᵀ`, `≤`): kept as they are.
                    guard !"&$#%^_}\\".contains(c) else { return nil }
                    return Node(markup: "<mo>\(XMLText.escape(String(c)))</mo>", role: .operatorSymbol)
                }
            case let .command(name):
                return command(name)
            case .space:
                return Node(markup: "", role: .space)
            }
        }

        /// A command and its arguments.
        mutating func command(_ name: String) -> Node? {
            if let glyph = LaTeXMathSymbols.identifiers[name] {
                let upright = glyph.unicodeScalars.first.map { ("Α"..."Ω").contains($0) } ?? false
                return Node(markup: upright ? "<mi mathvariant=\"normal\">\(glyph)</mi>" : "<mi>\(glyph)</mi>", role: .ordinary)
            }
            if let glyph = LaTeXMathSymbols.operators[name] {
                let spaced = LaTeXMathSymbols.spacedOperators.contains(name)
                let attributes = spaced ? " lspace=\"0.5em\" rspace=\"0.5em\"" : ["{", "}", "|", "langle", "lvert", "lVert", "rangle", "rvert", "rVert", "vert", "Vert"].contains(name) ? " stretchy=\"false\"" : ""
                let role: Node.Role = ["{", "langle", "lvert", "lVert"].contains(name) ? .open
                    : ["}", "rangle", "rvert", "rVert", "|", "vert", "Vert"].contains(name) ? .ordinary : .operatorSymbol
                return Node(markup: "<mo\(attributes)>\(XMLText.escape(glyph))</mo>", role: role)
            }
            if LaTeXMathSymbols.functions.contains(name) {
                return Node(markup: "<mi>\(name)</mi>",
                            role: LaTeXMathSymbols.limitOperators.contains(name) ? .limitOperator : .function)
            }
            if let large = LaTeXMathSymbols.largeOperators[name] {
                return Node(markup: large.limitsBelow ? "<mo movablelimits=\"true\">\(large.glyph)</mo>" : "<mo>\(large.glyph)</mo>",
                            role: .largeOperator)
            }
            if let width = LaTeXMathSymbols.spaces[name] {
                return Node(markup: "<mspace width=\"\(width)\"/>", role: .space)
            }
            if LaTeXMathSymbols.ignored.contains(name) { return Node(markup: "", role: .space) }
            if let mark = LaTeXMathSymbols.accents[name] {
                guard let base = argument() else { return nil }
                return Node(markup: "<mover accent=\"true\">\(base)<mo>\(XMLText.escape(mark))</mo></mover>", role: .ordinary)
            }
            if let size = LaTeXMathSymbols.delimiterSizes[name] ?? (["left", "right", "middle"].contains(name) ? "" : nil) {
                return delimiter(size: size, opening: name.hasSuffix("l") || name == "left")
            }
            switch name {
            case "frac", "tfrac", "dfrac":
                guard let numerator = argument(), let denominator = argument() else { return nil }
                let fraction = "<mfrac>\(numerator)\(denominator)</mfrac>"
                return Node(markup: name == "tfrac" ? "<mstyle displaystyle=\"false\">\(fraction)</mstyle>" : fraction,
                            role: .ordinary)
            case "sqrt":
                if case .character("[")? = next {
                    position += 1
                    var index: [Node] = []
                    while let token = next, token != .character("]") {
                        guard let node = atom(previous: index.last) else { return nil }
                        index.append(node)
                    }
                    guard take() == .character("]"), let radicand = argument() else { return nil }
                    return Node(markup: "<mroot>\(radicand)\(MathMLConverter.row(index.map(\.markup)))</mroot>", role: .ordinary)
                }
                guard let radicand = argument() else { return nil }
                return Node(markup: "<msqrt>\(radicand)</msqrt>", role: .ordinary)
            case "text", "textrm", "mbox", "textnormal":
                guard let text = rawText() else { return nil }
                // Spaces at the ends would be trimmed by MathML: keep them as no-break spaces.
                var kept = text
                if kept.hasPrefix(" ") { kept = "\u{A0}" + kept.dropFirst() }
                if kept.hasSuffix(" ") { kept = kept.dropLast() + "\u{A0}" }
                return Node(markup: "<mtext>\(XMLText.escape(kept))</mtext>", role: .ordinary)
            case "operatorname":
                let starred: Bool
                if case .character("*")? = next { position += 1; starred = true } else { starred = false }
                guard let text = rawText(), !text.isEmpty else { return nil }
                return Node(markup: "<mi>\(XMLText.escape(text))</mi>", role: starred ? .limitOperator : .function)
            case "mathrm":
                guard let text = rawText(), !text.isEmpty else { return nil }
                return Node(markup: "<mi mathvariant=\"normal\">\(XMLText.escape(text))</mi>", role: .ordinary)
            case "mathbb", "mathcal", "mathscr", "mathbf":
                guard let text = rawText(), !text.isEmpty else { return nil }
                var glyphs = ""
                for c in text {
                    guard let styled = LaTeXMathSymbols.styled(c, alphabet: name) else { return nil }
                    glyphs += styled
                }
                return Node(markup: "<mi>\(glyphs)</mi>", role: .ordinary)
            default:
                return nil
            }
        }

        /// A delimiter after a size command (`\bigl(`, `\Bigr\|`, `\left.`), at the given height; empty for `.`.
        mutating func delimiter(size: String, opening: Bool) -> Node? {
            let glyph: String
            switch take() {
            case let .character(c)? where "()[]|/".contains(c): glyph = String(c)
            case .character(".")?: return Node(markup: "", role: opening ? .open : .ordinary)
            case let .command(name)?:
                guard let symbol = LaTeXMathSymbols.operators[name],
                      ["|", "{", "}", "langle", "rangle", "lvert", "rvert", "lVert", "rVert", "vert", "Vert"].contains(name) else { return nil }
                glyph = symbol
            default: return nil
            }
            let height = size.isEmpty ? "" : " minsize=\"\(size)\" maxsize=\"\(size)\""
            return Node(markup: "<mo fence=\"true\" stretchy=\"true\" symmetric=\"true\"\(height)>\(XMLText.escape(glyph))</mo>",
                        role: opening ? .open : .ordinary)
        }
    }
}
