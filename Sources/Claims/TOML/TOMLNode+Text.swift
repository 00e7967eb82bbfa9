/// TOML text from a `TOMLNode` tree, so that a sweep can write the claim file it derives from another one.
extension TOMLNode {
    /// The document text of a top-level table: plain keys first, then one `[section]` per sub-table, keys sorted;
    /// deeper tables are written inline.
    var documentText: String {
        guard case let .table(entries) = self else { return "" }
        var lines: [String] = []
        for key in entries.keys.sorted() {
            if case .table = entries[key]! { continue }
            lines.append("\(Self.keyText(key)) = \(entries[key]!.valueText)")
        }
        for key in entries.keys.sorted() {
            guard case let .table(section) = entries[key]! else { continue }
            lines.append("")
            lines.append("[\(Self.keyText(key))]")
            for inner in section.keys.sorted() { lines.append("\(Self.keyText(inner)) = \(section[inner]!.valueText)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value as TOML text (tables inline).
    var valueText: String {
        switch self {
        case let .table(entries):
            return "{ " + entries.keys.sorted().map { "\(Self.keyText($0)) = \(entries[$0]!.valueText)" }
                .joined(separator: ", ") + " }"
        case let .array(items): return "[" + items.map(\.valueText).joined(separator: ", ") + "]"
        case let .string(text): return Self.quoted(text)
        case let .integer(value): return String(value)
        case let .float(value):
            if value.isNaN { return "nan" }
            if value.isInfinite { return value > 0 ? "inf" : "-inf" }
            let text = String(value)
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case let .boolean(value): return String(value)
        case let .dateTime(text): return text
        }
    }

    /// A bare key when it can be one, a quoted key otherwise.
    static func keyText(_ key: String) -> String {
        !key.isEmpty && key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }) ? key : quoted(key)
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
