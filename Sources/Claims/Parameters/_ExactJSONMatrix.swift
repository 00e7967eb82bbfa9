/// A tiny JSON reader for one shape, an array of arrays of numbers or strings, that keeps every number's text so
/// that it can be read exactly (Foundation's JSON reader turns numbers into `Double`).
enum _ExactJSONMatrix {
    /// The entry texts of `[[…], […]]`.
    static func rows(_ text: String) throws(DataFileProblem) -> [[String]] {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.skipSpace()
        guard scanner.take("[") else { throw .malformedJSON("expected '[' at the start") }
        var rows: [[String]] = []
        scanner.skipSpace()
        if scanner.take("]") { return rows }
        repeat {
            scanner.skipSpace()
            guard scanner.take("[") else { throw .malformedJSON("expected '[' to start row \(rows.count + 1)") }
            var row: [String] = []
            scanner.skipSpace()
            if !scanner.take("]") {
                repeat {
                    scanner.skipSpace()
                    guard let entry = scanner.entry() else {
                        throw .malformedJSON("expected a number or string in row \(rows.count + 1), entry \(row.count + 1)")
                    }
                    row.append(entry)
                    scanner.skipSpace()
                } while scanner.take(",")
                guard scanner.take("]") else { throw .malformedJSON("expected ',' or ']' in row \(rows.count + 1)") }
            }
            rows.append(row)
            scanner.skipSpace()
        } while scanner.take(",")
        guard scanner.take("]") else { throw .malformedJSON("expected ',' or ']' after row \(rows.count)") }
        scanner.skipSpace()
        guard scanner.atEnd else { throw .malformedJSON("unexpected text after the closing ']'") }
        return rows
    }

    private struct Scanner {
        let text: [Unicode.Scalar]
        var index = 0
        init(_ text: [Unicode.Scalar]) { self.text = text }
        var atEnd: Bool { index >= text.count }

        mutating func skipSpace() {
            while index < text.count, [" ", "\n", "\r", "\t"].contains(text[index]) { index += 1 }
        }

        mutating func take(_ c: Unicode.Scalar) -> Bool {
            guard index < text.count, text[index] == c else { return false }
            index += 1
            return true
        }

        /// A string (without its quotes; escapes are kept as written) or a bare token up to a delimiter.
        mutating func entry() -> String? {
            var out = ""
            if take("\"") {
                while index < text.count, text[index] != "\"" {
                    if text[index] == "\\" { index += 1 }
                    if index < text.count { out.unicodeScalars.append(text[index]); index += 1 }
                }
                return take("\"") ? out : nil
            }
            while index < text.count, ![",", "]", " ", "\n", "\r", "\t", "[", "{"].contains(text[index]) {
                out.unicodeScalars.append(text[index])
                index += 1
            }
            return out.isEmpty ? nil : out
        }
    }
}
