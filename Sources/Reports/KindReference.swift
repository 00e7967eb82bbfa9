import Claims

/// What a claim kind reads and checks, from the kind itself (the same source as the catalogue and the claim-file
/// validation): its summary, method, and every key with section, type, default and help text. `attest kinds`
/// prints it; `attest list --catalogue` puts the keys table under each kind.
public enum KindReference {
    /// One key of a kind, as shown.
    public struct Key: Sendable, Equatable {
        /// `[section] name`.
        public var name: String
        /// The section.
        public var section: String
        /// The type in words (`an integer in 1…16`, `one of "gf", "gd"`).
        public var type: String
        /// The default as written in a claim file, `required`, or `—` (optional without default).
        public var defaultValue: String
        /// Whether `[grid]` and `[[instance]]` may vary it.
        public var variable: Bool
        /// The help text.
        public var help: String
    }

    /// The keys of `kind`, in declaration order.
    public static func keys(of kind: any ClaimKind) -> [Key] {
        kind.parameters.map { spec in
            Key(name: spec.name, section: spec.section.rawValue, type: typeText(spec.type),
                defaultValue: spec.isRequired ? "required" : (spec.defaultValue?.reportText ?? "—"),
                variable: spec.isVariable, help: spec.help)
        }
    }

    /// A type in words, with its range.
    static func typeText(_ type: ParameterType) -> String {
        switch type {
        case let .integer(range):
            return range.lowerBound == Int.min ? "integer" : "integer in \(range.lowerBound)…\(range.upperBound)"
        case let .rational(minimum, exclusive):
            return minimum.map { "exact number \(exclusive ? ">" : "≥") \(ReadableNumber.text($0))" } ?? "exact number"
        case let .integerList(element, count):
            return "list of \(count.lowerBound)…\(count.upperBound) integers in \(element.lowerBound)…\(element.upperBound)"
        case let .choice(options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        case .matrix: return "matrix (rows, a .csv/.json file, or \"random\")"
        case .matrixList: return "list of matrices"
        case .text: return "string"
        }
    }

    /// The kind as plain text for the terminal.
    public static func text(_ kind: any ClaimKind) -> String {
        var out = ["\(kind.name)  (\(kind.arithmetic == .exact ? "exact" : "rounded, MPFR"))", "  " + kind.summary, ""]
        out.append("  How: " + kind.method)
        let keys = keys(of: kind)
        if keys.isEmpty {
            out += ["", "  Keys: none (the file has a format of its own; see docs/symbolic-obligations.md)"]
        } else {
            out += ["", "  Keys:"]
            for key in keys {
                out.append("    [\(key.section)] \(key.name): \(key.type); default \(key.defaultValue)"
                           + (key.variable ? "" : "; fixed for the whole claim (cannot vary in [grid]/[[instance]])"))
                out.append("        " + key.help)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The keys as a Markdown table.
    public static func markdownKeys(_ kind: any ClaimKind) -> [String] {
        let keys = keys(of: kind)
        guard !keys.isEmpty else { return [] }
        var out = ["| key | type | default | varies | meaning |", "|---|---|---|---|---|"]
        for key in keys {
            let cells = ["`[\(key.section)] \(key.name)`", key.type, key.defaultValue, key.variable ? "yes" : "no", key.help]
            out.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: " | ") + " |")
        }
        return out
    }
}
