import Foundation

/// The line of each key in a TOML text, for error messages: TOMLKit reports positions for syntax errors only.
///
/// A light scan, not a parser: it follows `[table]` and `[[array]]` headers (counting array elements), `key = …`
/// lines and the keys of one-line inline tables, and skips comments, strings and multi-line arrays and strings.
/// Keys are recorded as dotted paths: `symbols.W1.shape`, `identity.1.claim`.
struct _TOMLKeyLines {
    private(set) var lines: [String: Int] = [:]

    init(_ text: String) {
        var prefix: [String] = []
        var arrayCounts: [String: Int] = [:]
        var inMultilineString = false
        var bracketDepth = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = String(rawLine)
            if inMultilineString {
                if line.contains("\"\"\"") || line.contains("'''") { inMultilineString = false }
                continue
            }
            let code = Self.stripComment(line).trimmingCharacters(in: .whitespaces)
            if bracketDepth > 0 {
                bracketDepth += code.filter { $0 == "[" }.count - code.filter { $0 == "]" }.count
                continue
            }
            if code.isEmpty { continue }
            if code.hasPrefix("[[") {
                let name = Self.trimmedKey(code.dropFirst(2).prefix { $0 != "]" })
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                prefix = name.split(separator: ".").map(String.init) + [String(n)]
                lines[prefix.joined(separator: ".")] = lineNumber
                continue
            }
            if code.hasPrefix("[") {
                prefix = Self.trimmedKey(code.dropFirst().prefix { $0 != "]" }).split(separator: ".").map(String.init)
                lines[prefix.joined(separator: ".")] = lineNumber
                continue
            }
            guard let equals = Self.assignmentIndex(code) else { continue }
            let key = Self.trimmedKey(code[..<equals])
            let path = (prefix + [key]).joined(separator: ".")
            if lines[path] == nil { lines[path] = lineNumber }
            let value = code[code.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"\"\"") || value.hasPrefix("'''") {
                let rest = value.dropFirst(3)
                if !(rest.contains("\"\"\"") || rest.contains("'''")) { inMultilineString = true }
            } else if value.hasPrefix("{") {
                // Keys of a one-line inline table: `{ shape = [...], kind = "x" }`.
                for part in Self.splitTopLevel(String(value.dropFirst().dropLast())) {
                    if let e = Self.assignmentIndex(part) {
                        let inner = Self.trimmedKey(part[..<e])
                        if lines[path + "." + inner] == nil { lines[path + "." + inner] = lineNumber }
                    }
                }
            } else if value.hasPrefix("[") {
                bracketDepth = value.filter { $0 == "[" }.count - value.filter { $0 == "]" }.count
            }
        }
    }

    /// The line of `path`, or of its longest recorded prefix.
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let line = lines[p.joined(separator: ".")] { return line }
            p.removeLast()
        }
        return nil
    }

    private static func trimmedKey<S: StringProtocol>(_ s: S) -> String {
        s.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// The index of the `=` of a `key = value` line, outside quotes.
    private static func assignmentIndex(_ s: String) -> String.Index? {
        var quote: Character?
        for i in s.indices {
            let c = s[i]
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "=" { return i }
            if c == "[" || c == "{" { return nil }
        }
        return nil
    }

    private static func stripComment(_ s: String) -> String {
        var quote: Character?
        var result = ""
        for c in s {
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#" { break }
            result.append(c)
        }
        return result
    }

    /// Splits at commas that are outside brackets and quotes.
    private static func splitTopLevel(_ s: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in s {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            } else if c == "," && depth == 0 {
                parts.append(current); current = ""; continue
            }
            current.append(c)
        }
        parts.append(current)
        return parts
    }
}
