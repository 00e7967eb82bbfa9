/// The line on which each key of a TOML document is written, found by a light scan of the text.
///
/// TOMLKit reports positions for syntax errors only, so validation messages ("file, line and key") take their line
/// numbers from this scan. Paths are dotted, with array elements and arrays of tables indexed from 0:
/// `model.widths`, `model.X[1]` (the line of row 1 of an inline matrix), `instance[2].seed`.
///
/// The scan runs only on text that TOMLKit has already accepted, so it can be simple: it follows strings (all four
/// kinds), comments, arrays and inline tables, and gives up quietly on anything it does not understand.
struct TOMLKeyLines: Sendable {
    /// Path → 1-based line.
    private(set) var lines: [String: Int] = [:]
    /// Path → order of first appearance, to list keys in file order.
    private(set) var order: [String: Int] = [:]

    /// Scans `text`.
    init(scanning text: String) {
        var scanner = _Scanner(Array(text.unicodeScalars))
        scanner.scanDocument()
        lines = scanner.lines
        order = scanner.order
    }

    /// The line of `path`, or of its nearest enclosing key that has one (`model.init.scale` falls back to
    /// `model.init`, then `model`).
    func line(for path: String) -> Int? {
        var candidate = path
        while true {
            if let line = lines[candidate] { return line }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            candidate = String(candidate[..<cut])
        }
    }

    /// The position of `path` in the file, for sorting keys in file order (unknown paths sort last).
    func position(of path: String) -> Int { order[path] ?? Int.max }
}

/// The character-level scanner behind `TOMLKeyLines`.
private struct _Scanner {
    let text: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lines: [String: Int] = [:]
    var order: [String: Int] = [:]
    var arrayTableCounts: [String: Int] = [:]

    init(_ text: [Unicode.Scalar]) { self.text = text }

    var atEnd: Bool { index >= text.count }
    var current: Unicode.Scalar? { atEnd ? nil : text[index] }
    func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < text.count ? text[index + offset] : nil }

    mutating func advance() {
        guard index < text.count else { return }
        if text[index] == "\n" { line += 1 }
        index += 1
    }

    mutating func record(_ path: String) {
        if lines[path] == nil { lines[path] = line }
        if order[path] == nil { order[path] = order.count }
    }

    /// Skips spaces, tabs, newlines and comments.
    mutating func skipTrivia(newlines: Bool) {
        while let c = current {
            if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                advance()
            } else if c == "#" {
                while let d = current, d != "\n" { advance() }
            } else {
                return
            }
        }
    }

    mutating func scanDocument() {
        var prefix = ""
        while !atEnd {
            skipTrivia(newlines: true)
            guard let c = current else { return }
            if c == "[" {
                let isArrayTable = peek(1) == "["
                advance(); if isArrayTable { advance() }
                let startLine = line
                guard let name = readKeyPath(until: "]") else { return }
                if isArrayTable {
                    let count = arrayTableCounts[name, default: 0]
                    arrayTableCounts[name] = count + 1
                    prefix = "\(name)[\(count)]"
                    if lines[name] == nil { lines[name] = startLine }
                } else {
                    prefix = name
                }
                if lines[prefix] == nil { lines[prefix] = startLine }
                if order[prefix] == nil { order[prefix] = order.count }
                while let d = current, d != "\n" { advance() }      // the closing bracket(s) and any comment
            } else {
                guard scanKeyValue(prefix: prefix) else { return }
            }
        }
    }

    /// Reads `key = value`, recording the key's path. Returns false when the text is not understood.
    mutating func scanKeyValue(prefix: String) -> Bool {
        let keyLine = line
        guard let key = readKeyPath(until: "=") else { return false }
        let path = prefix.isEmpty ? key : prefix + "." + key
        if lines[path] == nil { lines[path] = keyLine }
        if order[path] == nil { order[path] = order.count }
        advance()                                                // "="
        skipTrivia(newlines: false)
        return scanValue(path: path)
    }

    /// Reads a (possibly dotted, possibly quoted) key up to `terminator`, leaving the index on it.
    mutating func readKeyPath(until terminator: Unicode.Scalar) -> String? {
        var parts: [String] = []
        var part = ""
        while let c = current {
            if c == terminator {
                parts.append(part.trimmingSpaces)
                return parts.joined(separator: ".")
            } else if c == "\"" || c == "'" {
                let quote = c
                advance()
                while let d = current, d != quote {
                    if d == "\\" && quote == "\"" { advance() }
                    if let e = current { part.unicodeScalars.append(e) }
                    advance()
                }
                advance()
            } else if c == "." {
                parts.append(part.trimmingSpaces)
                part = ""
                advance()
            } else if c == "\n" {
                return nil
            } else {
                part.unicodeScalars.append(c)
                advance()
            }
        }
        return nil
    }

    /// Skips one value, recording the paths of array elements and inline-table keys inside it.
    mutating func scanValue(path: String) -> Bool {
        guard let c = current else { return false }
        switch c {
        case "\"", "'":
            skipString()
            return true
        case "[":
            advance()
            var element = 0
            while true {
                skipTrivia(newlines: true)
                guard let d = current else { return false }
                if d == "]" { advance(); return true }
                if d == "," { advance(); continue }
                record("\(path)[\(element)]")
                guard scanValue(path: "\(path)[\(element)]") else { return false }
                element += 1
            }
        case "{":
            advance()
            while true {
                skipTrivia(newlines: false)
                guard let d = current else { return false }
                if d == "}" { advance(); return true }
                if d == "," { advance(); continue }
                guard scanKeyValue(prefix: path) else { return false }
            }
        default:
            while let d = current, d != ",", d != "]", d != "}", d != "\n", d != "#" { advance() }
            return true
        }
    }

    /// Skips a basic, literal or multi-line string starting at the opening quote.
    mutating func skipString() {
        guard let quote = current else { return }
        let multiline = peek(1) == quote && peek(2) == quote
        if multiline {
            advance(); advance(); advance()
            while !atEnd {
                if current == "\\" && quote == "\"" { advance(); if !atEnd { advance() }; continue }
                if current == quote && peek(1) == quote && peek(2) == quote {
                    advance(); advance(); advance()
                    while current == quote { advance() }             // up to two quotes may close the content
                    return
                }
                advance()
            }
        } else {
            advance()
            while let d = current, d != quote, d != "\n" {
                if d == "\\" && quote == "\"" { advance() }
                if !atEnd { advance() }
            }
            if current == quote { advance() }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
