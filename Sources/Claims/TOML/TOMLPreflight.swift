/// A lexical check of TOML text before TOMLKit parses it, for the inputs on which TOMLKit's parser (toml++ 3, with
/// its assertions on) stops the process instead of reporting an error, or reads something else than the file holds.
/// `make fuzz` found them (docs/reliability.md); each is invalid TOML, so rejecting it first changes no valid file:
///
/// - control characters other than tab and newline (TOML forbids them; a NUL would also end toml++'s C string, so
///   that the rest of the file went unseen), and a carriage return not followed by a line feed;
/// - non-ASCII characters outside strings and comments (toml++ takes some of them for whitespace that its parser
///   does not expect);
/// - a table header whose key starts with anything but a bare-key character or a quote (`[[[identity]]`, `[ #`);
/// - an array element that starts with `}` (`["d0",}`).
///
/// The scan follows TOML's lexical structure just enough: it skips comments and the four kinds of strings and keeps
/// a stack of open arrays and inline tables, so that a line inside a multi-line array is never taken for a header.
enum TOMLPreflight {
    /// A place toml++ cannot parse safely.
    struct Problem: Equatable {
        /// The 1-based line and column.
        var line: Int, column: Int
        /// What is wrong there.
        var message: String
    }

    /// The first such place in `text`, if any.
    static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        return scanner.run()
    }

    /// The scanner's state.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var i = 0, line = 1, lineStart = 0
        /// Open arrays (`[`) and inline tables (`{`) of values, innermost last.
        var open: [Unicode.Scalar] = []
        /// Whether only blanks have been seen since the line began (outside values).
        var atLineStart = true
        /// Whether the next non-blank character in the innermost array starts an element.
        var expectElement = false

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func at(_ k: Int) -> Unicode.Scalar? { k < scalars.count ? scalars[k] : nil }

        func problem(at k: Int, _ message: String) -> Problem {
            Problem(line: line, column: k - lineStart + 1, message: message)
        }

        /// A control character TOML never allows, or a lone carriage return, at `k`.
        func controlProblem(at k: Int) -> Problem? {
            let c = scalars[k]
            if c == "\r" && at(k + 1) != "\n" { return problem(at: k, "a carriage return must be followed by a line feed") }
            if c == "\t" || c == "\n" || c == "\r" { return nil }
            if c.value < 0x20 || c.value == 0x7F {
                return problem(at: k, "the control character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)) "
                               + "is not allowed in TOML")
            }
            return nil
        }

        mutating func newline(at k: Int) { line += 1; lineStart = k + 1 }

        mutating func run() -> Problem? {
            while i < scalars.count {
                if let found = controlProblem(at: i) { return found }
                let c = scalars[i]
                switch c {
                case "\n":
                    newline(at: i); i += 1
                    if open.isEmpty { atLineStart = true }
                case " ", "\t", "\r":
                    i += 1
                case "#":
                    while i < scalars.count && scalars[i] != "\n" {
                        if let found = controlProblem(at: i) { return found }
                        i += 1
                    }
                case "\"", "'":
                    if let found = skipString() { return found }
                    atLineStart = false; expectElement = false
                case "[" where open.isEmpty && atLineStart:
                    if let found = checkHeader() { return found }
                case "[", "{":
                    open.append(c); expectElement = c == "["; atLineStart = false; i += 1
                case "]", "}":
                    if open.last == "[" && expectElement && c == "}" {
                        return problem(at: i, "expected a value or ']' in the array, saw '}'")
                    }
                    if !open.isEmpty { open.removeLast() }
                    expectElement = false; atLineStart = false; i += 1
                case ",":
                    expectElement = open.last == "["; atLineStart = false; i += 1
                default:
                    if c.value > 0x7F {
                        return problem(at: i, "the character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)) "
                                       + "is only allowed inside strings and comments")
                    }
                    expectElement = false; atLineStart = false; i += 1
                }
            }
            return nil
        }

        /// Checks the key start of the header whose `[` is at `i`; leaves `i` after the brackets.
        mutating func checkHeader() -> Problem? {
            var k = i + 1
            let arrayOfTables = at(k) == "["
            if arrayOfTables { k += 1 }
            while at(k) == " " || at(k) == "\t" { k += 1 }
            // After `[` and blanks, toml++ reports a second `[` itself; after `[[` it does not check.
            if let first = at(k), !Self.isKeyStart(first), arrayOfTables || first != "[" {
                let shown = first == "\n" || first == "\r" ? "the end of the line" : "'\(Character(first))'"
                return problem(at: k, "expected a bare key or a quoted key in the table header, saw \(shown)")
            }
            atLineStart = false
            i = k
            return nil
        }

        /// Skips the string whose opening quote is at `i`, checking its characters.
        mutating func skipString() -> Problem? {
            let quote = scalars[i]
            let multiLine = at(i + 1) == quote && at(i + 2) == quote
            i += multiLine ? 3 : 1
            while i < scalars.count {
                if let found = controlProblem(at: i) { return found }
                let c = scalars[i]
                if quote == "\"" && c == "\\" {
                    i += 1
                    if i < scalars.count, let found = controlProblem(at: i) { return found }
                    if at(i) == "\n" { newline(at: i) }
                    i += 1
                    continue
                }
                if multiLine {
                    if c == quote && at(i + 1) == quote && at(i + 2) == quote {
                        i += 3
                        while at(i) == quote { i += 1 }     // up to two quotes may end the content
                        return nil
                    }
                    if c == "\n" { newline(at: i) }
                } else {
                    if c == quote { i += 1; return nil }
                    if c == "\n" { return nil }            // unterminated: toml++ reports it
                }
                i += 1
            }
            return nil
        }

        /// What toml++ accepts, or rejects with an error, after a header's opening brackets.
        static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'", "]": return true
            default: return false
            }
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
