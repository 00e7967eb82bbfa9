import MultiPrecision

/// Reads expressions and equations in the claim-file syntax.
///
/// ```
/// equation  = expr "=" expr
/// expr      = ["+" | "-"] term { ("+" | "-") term }
/// term      = factor { ["*" | "·" | "/"] factor }          juxtaposition multiplies: W2' W2
/// factor    = ("-" | "+") factor | "d/dt" postfix | postfix
/// postfix   = primary { "ᵀ" | "'" | "⊤" | "^T" | "^" integer | superscript integer | "⁺" }
/// primary   = number | name | "I" | "(" expr ")"
///           | ("tr" | "trace" | "transpose" | "ddt" | "step") "(" expr ")"
///           | "coeff" "(" expr "," name "," integer ")"
/// name      = (ASCII letters | one Greek letter) ["_"] {digit | subscript digit}
/// ```
///
/// `−` (U+2212) reads as `-`, and `·`, `⋅` as `*`. Names are stored canonically: `W₁`, `W_1` and `W1` are the same
/// name, and `η` is `eta`. `I` is the identity; `tr`, `trace`, `transpose`, `ddt`, `step`, `coeff` and `I` are
/// reserved. `⁺` is the value after one discrete step, `(D)⁺` = `step(D)`.
///
/// So `W2ᵀ*W2 - W1*W1ᵀ`, `W2' W2 - W1 W1'`, `transpose(W2)*W2 - W1*transpose(W1)` and `W₂ᵀW₂ − W₁W₁ᵀ` all parse to
/// the same expression.
public enum Parser {
    /// The deepest nesting of parentheses accepted: the parser recurses once per level, and a deeper text (which
    /// no identity needs) would overflow the stack instead of failing. `make fuzz` found it.
    public static let maximumNesting = 200

    /// The deepest expression tree accepted, counting every operation (`A + A + … + A` with 300 terms is 299 deep):
    /// evaluation, printing and numeric checks recurse once per level, and a tree of 600 levels overflowed the
    /// stack of a debug build.
    public static let maximumDepth = 256

    /// Throws when `e` is deeper than `maximumDepth` (measured without recursion).
    static func checkDepth(_ e: Expression, in text: String) throws(ParseError) {
        var stack: [(Expression, Int)] = [(e, 1)]
        while let (node, depth) = stack.popLast() {
            if depth > maximumDepth {
                throw ParseError(.nestedTooDeeply(limit: maximumDepth), at: node.range.lowerBound, in: text)
            }
            switch node.node {
            case .number, .identity, .name: break
            case .negation(let a), .power(let a, _), .transpose(let a), .trace(let a), .derivative(let a), .step(let a),
                 .coefficient(let a, _, _):
                stack.append((a, depth + 1))
            case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b):
                stack.append((a, depth + 1))
                stack.append((b, depth + 1))
            }
        }
    }

    /// Parses an expression; the whole text must be used.
    ///
    /// - Throws: ``ParseError`` naming the position of the first problem.
    public static func expression(_ text: String) throws(ParseError) -> Expression {
        var parser = try _ParserState(text)
        let e = try parser.parseExpression()
        try parser.expectEnd()
        try checkDepth(e, in: text)
        return e
    }

    /// Parses `lhs = rhs`; the whole text must be used.
    ///
    /// - Throws: ``ParseError``, also when the `=` is missing.
    public static func equation(_ text: String) throws(ParseError) -> Equation {
        var parser = try _ParserState(text)
        let lhs = try parser.parseExpression()
        try parser.expect(.equals, "'='")
        let rhs = try parser.parseExpression()
        try parser.expectEnd()
        try checkDepth(lhs, in: text)
        try checkDepth(rhs, in: text)
        return Equation(lhs: lhs, rhs: rhs, text: text)
    }
}

/// A token and the characters it came from.
struct _Token: Equatable {
    enum Kind: Equatable {
        case number(Rational)
        case name(String)
        case plus, minus, times, divide, equals, leftParenthesis, rightParenthesis, comma
        case transpose, caret, stepMark, ddt
        case superscript(Int)
        case end
    }
    var kind: Kind
    var range: Range<Int>
}

struct _ParserState {
    let text: String
    let tokens: [_Token]
    var index = 0

    init(_ text: String) throws(ParseError) {
        self.text = text
        self.tokens = try _Tokenizer.tokenize(text)
        if tokens.count == 1 { throw ParseError(.empty, at: 0, in: text) }
        var depth = 0
        for token in tokens {
            if token.kind == .leftParenthesis { depth += 1 } else if token.kind == .rightParenthesis { depth -= 1 }
            if depth > Parser.maximumNesting {
                throw ParseError(.nestedTooDeeply(limit: Parser.maximumNesting), at: token.range.lowerBound, in: text)
            }
        }
    }

    var current: _Token { tokens[index] }

    func display(_ token: _Token) -> String {
        let characters = Array(text)
        return String(characters[token.range])
    }

    func unexpected(_ expected: String) -> ParseError {
        if current.kind == .end { return ParseError(.unexpectedEnd(expected: expected), at: current.range.lowerBound, in: text) }
        return ParseError(.unexpectedToken(found: display(current), expected: expected), at: current.range.lowerBound, in: text)
    }

    mutating func expect(_ kind: _Token.Kind, _ description: String) throws(ParseError) {
        guard current.kind == kind else { throw unexpected(description) }
        index += 1
    }

    func expectEnd() throws(ParseError) {
        guard current.kind == .end else {
            throw unexpected(current.kind == .rightParenthesis ? "the end of the text (unbalanced ')')" : "an operator or the end of the text")
        }
    }

    mutating func parseExpression() throws(ParseError) -> Expression {
        var result: Expression
        let start = current.range.lowerBound
        if current.kind == .minus {
            index += 1
            let t = try parseTerm()
            result = Expression(.negation(t), range: start..<t.range.upperBound)
        } else {
            if current.kind == .plus { index += 1 }
            result = try parseTerm()
        }
        while current.kind == .plus || current.kind == .minus {
            let isPlus = current.kind == .plus
            index += 1
            let rhs = try parseTerm()
            let range = result.range.lowerBound..<rhs.range.upperBound
            result = Expression(isPlus ? .sum(result, rhs) : .difference(result, rhs), range: range)
        }
        return result
    }

    /// Whether the current token can start a factor that multiplies by juxtaposition.
    var startsImplicitFactor: Bool {
        switch current.kind {
        case .number, .name, .leftParenthesis, .ddt: return true
        default: return false
        }
    }

    mutating func parseTerm() throws(ParseError) -> Expression {
        var result = try parseFactor()
        while true {
            if current.kind == .times {
                index += 1
                let rhs = try parseFactor()
                result = Expression(.product(result, rhs), range: result.range.lowerBound..<rhs.range.upperBound)
            } else if current.kind == .divide {
                index += 1
                let rhs = try parseFactor()
                result = Expression(.quotient(result, rhs), range: result.range.lowerBound..<rhs.range.upperBound)
            } else if startsImplicitFactor {
                let rhs = try parseFactor()
                result = Expression(.product(result, rhs), range: result.range.lowerBound..<rhs.range.upperBound)
            } else {
                return result
            }
        }
    }

    mutating func parseFactor() throws(ParseError) -> Expression {
        let start = current.range.lowerBound
        switch current.kind {
        case .minus:
            index += 1
            let operand = try parseFactor()
            return Expression(.negation(operand), range: start..<operand.range.upperBound)
        case .plus:
            index += 1
            return try parseFactor()
        case .ddt:
            index += 1
            let operand = try parsePostfix()
            return Expression(.derivative(operand), range: start..<operand.range.upperBound)
        default:
            return try parsePostfix()
        }
    }

    mutating func parsePostfix() throws(ParseError) -> Expression {
        var result = try parsePrimary()
        while true {
            let token = current
            let range = result.range.lowerBound..<token.range.upperBound
            switch token.kind {
            case .transpose:
                index += 1
                result = Expression(.transpose(result), range: range)
            case .stepMark:
                index += 1
                result = Expression(.step(result), range: range)
            case .superscript(let k):
                index += 1
                result = Expression(.power(result, k), range: range)
            case .caret:
                index += 1
                let exponent = current
                switch exponent.kind {
                case .name("T"):
                    index += 1
                    result = Expression(.transpose(result), range: result.range.lowerBound..<exponent.range.upperBound)
                case .number(let k) where k.isInteger && !k.isNegative && k <= Rational(1_000):
                    index += 1
                    result = Expression(.power(result, Int(k.description)!), range: result.range.lowerBound..<exponent.range.upperBound)
                case .end:
                    throw unexpected("an exponent")
                default:
                    throw ParseError(.invalidExponent(display(exponent)), at: exponent.range.lowerBound, in: text)
                }
            default:
                return result
            }
        }
    }

    mutating func parseArgument(of function: String) throws(ParseError) -> Expression {
        try expect(.leftParenthesis, "'(' after \(function)")
        let e = try parseExpression()
        try expect(.rightParenthesis, "')'")
        return e
    }

    mutating func parsePrimary() throws(ParseError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            index += 1
            return Expression(.number(value), range: token.range)
        case .leftParenthesis:
            index += 1
            var e = try parseExpression()
            let close = current
            try expect(.rightParenthesis, "')'")
            e.range = token.range.lowerBound..<close.range.upperBound
            return e
        case .name(let name):
            index += 1
            let start = token.range.lowerBound
            func finish(_ node: Expression.Node, _ state: _ParserState) -> Expression {
                Expression(node, range: start..<state.tokens[state.index - 1].range.upperBound)
            }
            switch name {
            case "I": return Expression(.identity, range: token.range)
            case "tr", "trace": return finish(.trace(try parseArgument(of: name)), self)
            case "transpose": return finish(.transpose(try parseArgument(of: name)), self)
            case "ddt": return finish(.derivative(try parseArgument(of: name)), self)
            case "step": return finish(.step(try parseArgument(of: name)), self)
            case "coeff":
                try expect(.leftParenthesis, "'(' after coeff")
                let e = try parseExpression()
                try expect(.comma, "','")
                let symbolToken = current
                guard case .name(let symbol) = symbolToken.kind, !_reservedNames.contains(symbol) else {
                    throw unexpected("a scalar symbol")
                }
                index += 1
                try expect(.comma, "','")
                let powerToken = current
                guard case .number(let k) = powerToken.kind, k.isInteger, !k.isNegative, k <= Rational(1_000) else {
                    throw unexpected("a non-negative integer power")
                }
                index += 1
                try expect(.rightParenthesis, "')'")
                return finish(.coefficient(e, symbol: symbol, power: Int(k.description)!), self)
            default:
                return Expression(.name(name), range: token.range)
            }
        case .end:
            throw unexpected("a symbol, a number or '('")
        default:
            throw unexpected("a symbol, a number or '('")
        }
    }
}

/// Splits text into tokens; positions are character offsets.
enum _Tokenizer {
    static func tokenize(_ text: String) throws(ParseError) -> [_Token] {
        let c = Array(text)
        var tokens: [_Token] = []
        var i = 0
        func add(_ kind: _Token.Kind, _ length: Int) {
            tokens.append(_Token(kind: kind, range: i..<(i + length)))
            i += length
        }
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            switch ch {
            case "+": add(.plus, 1); continue
            case "-", "−": add(.minus, 1); continue
            case "*", "·", "⋅": add(.times, 1); continue
            case "/": add(.divide, 1); continue
            case "=": add(.equals, 1); continue
            case "(": add(.leftParenthesis, 1); continue
            case ")": add(.rightParenthesis, 1); continue
            case ",": add(.comma, 1); continue
            case "ᵀ", "'", "⊤", "’": add(.transpose, 1); continue
            case "^": add(.caret, 1); continue
            case "⁺": add(.stepMark, 1); continue
            default: break
            }
            if ch._isSuperscriptDigit {
                var j = i, value = 0
                while j < c.count, c[j]._isSuperscriptDigit { value = value * 10 + c[j]._digitValue!; j += 1 }
                add(.superscript(value), j - i)
                continue
            }
            if ch._isASCIIDigit || (ch == "." && i + 1 < c.count && c[i + 1]._isASCIIDigit) {
                var j = i
                while j < c.count, c[j]._isASCIIDigit || c[j] == "." { j += 1 }
                let literal = String(c[i..<j])
                guard literal.filter({ $0 == "." }).count <= 1, literal.last != ".", let value = Rational(literal) else {
                    throw ParseError(.invalidNumber(literal), at: i, in: text)
                }
                add(.number(value), j - i)
                continue
            }
            // d/dt, when "d" is followed by "/dt" and not by more of a name.
            if ch == "d", i + 4 <= c.count, String(c[i..<(i + 4)]) == "d/dt",
               i + 4 == c.count || !(c[i + 4]._isASCIILetter || c[i + 4]._isASCIIDigit) {
                add(.ddt, 4)
                continue
            }
            if ch._isASCIILetter || _greekNameOfLetter[ch] != nil {
                var j = i
                if ch._isASCIILetter {
                    while j < c.count, c[j]._isASCIILetter { j += 1 }
                } else {
                    j += 1
                }
                if j < c.count, c[j] == "_" { j += 1 }
                while j < c.count, c[j]._isASCIIDigit || c[j]._isSubscriptDigit { j += 1 }
                let raw = String(c[i..<j])
                guard let name = _Naming.canonicalize(raw) else {
                    throw ParseError(.invalidName(raw), at: i, in: text)
                }
                add(.name(name), j - i)
                continue
            }
            throw ParseError(.unexpectedCharacter(ch), at: i, in: text)
        }
        tokens.append(_Token(kind: .end, range: c.count..<c.count))
        return tokens
    }
}
