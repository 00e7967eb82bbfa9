/// Finds the table headers on which TOMLKit's parser (toml++ 3) stops the process with a failed assertion instead of
/// reporting an error: a `[header]` or `[[header]]` whose key starts with a character that is neither a bare-key
/// character nor a quote, such as `[[[identity]]` or `[.model]`. `make fuzz` found it (docs/reliability.md);
/// `TOMLNode.parse` runs this check first, so such a file is a syntax error with its line, not a crash.
///
/// The scan follows TOML's lexical structure just enough to know where headers can be: it skips comments and the
/// four kinds of strings, and tracks the nesting of arrays and inline tables, so that a line inside a multi-line
/// array value is never taken for a header.
enum TOMLHeaderPreflight {
    /// A header toml++ cannot parse safely.
    struct Problem: Equatable {
        /// The 1-based line and column of the offending character.
        var line: Int, column: Int
        /// The character.
        var character: Character
    }

    /// The first header in `text` whose key starts with a character toml++ would assert on, if any.
    static func firstMalformedHeader(in text: String) -> Problem? {
        let scalars = Array(text.unicodeScalars)
        var i = 0, line = 1, lineStart = 0, depth = 0, atLineStart = true
        func at(_ k: Int) -> Unicode.Scalar? { k < scalars.count ? scalars[k] : nil }
        func isTriple(_ quote: Unicode.Scalar, _ k: Int) -> Bool { at(k) == quote && at(k + 1) == quote && at(k + 2) == quote }
        /// Skips a string starting at `i` (its opening quote); leaves `i` after its end or at the newline that ends
        /// an unterminated one-line string.
        func skipString() {
            let quote = scalars[i]
            let multiLine = isTriple(quote, i)
            i += multiLine ? 3 : 1
            while i < scalars.count {
                let c = scalars[i]
                if quote == "\"" && c == "\\" { i += 2; continue }
                if multiLine {
                    if isTriple(quote, i) {
                        i += 3
                        while at(i) == quote { i += 1 }     // up to two quotes may end the content
                        return
                    }
                    if c == "\n" { line += 1; lineStart = i + 1 }
                } else {
                    if c == quote { i += 1; return }
                    if c == "\n" { return }
                }
                i += 1
            }
        }
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "\n":
                line += 1; lineStart = i + 1; atLineStart = true; i += 1
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < scalars.count && scalars[i] != "\n" { i += 1 }
            case "\"", "'":
                skipString(); atLineStart = false
            case "[" where depth == 0 && atLineStart:
                var k = i + 1
                let arrayOfTables = at(k) == "["
                if arrayOfTables { k += 1 }
                while at(k) == " " || at(k) == "\t" { k += 1 }
                if let first = at(k), !isKeyStart(first), arrayOfTables || first != "[" {
                    return Problem(line: line, column: k - lineStart + 1, character: Character(first))
                }
                atLineStart = false; i = k
            case "[", "{":
                depth += 1; atLineStart = false; i += 1
            case "]", "}":
                depth = max(0, depth - 1); atLineStart = false; i += 1
            default:
                atLineStart = false; i += 1
            }
        }
        return nil
    }

    /// What toml++ accepts (or rejects with an error) after a header's opening brackets: a bare-key character, a
    /// quote, or a closing bracket (an empty key, an error). After `[` and blanks, another `[` is also an error
    /// (brackets not contiguous), but after `[[` it is not checked.
    private static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'", "]": return true
        default: return false
        }
    }
}
