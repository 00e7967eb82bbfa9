import Foundation
import LinearAlgebra
import MultiPrecision

/// The replay file of a counterexample: a self-contained claim file that reproduces one instance exactly — every
/// parameter value inline (matrices as exact rows, no data files), no search, the same kind, statement, expectation
/// and numerics — so that `attest check` on it gives the same FAIL with the same margin, and it can go into proofs/
/// as a regression test.
public enum ReplayFile {
    /// The id of the replay claim: the claim's id with `-counterexample`.
    public static func id(for claim: ClaimSpec) -> String { claim.id + "-counterexample" }

    /// `<id>-counterexample.toml`.
    public static func fileName(for claim: ClaimSpec) -> String { id(for: claim) + ".toml" }

    /// The file's text for `parameters` of `claim`; `note` becomes its leading comment and its `notes`;
    /// `expectation` replaces the claim's (the fail end of a threshold bracket is replayed as known false).
    public static func text(claim: ClaimSpec, kind: any ClaimKind, parameters: InstanceParameters,
                            numerics: NumericsSettings, note: String, expectation: Expectation? = nil) -> String {
        let expectation = expectation ?? claim.expectation
        if kind is any DocumentClaimKind {
            return documentText(claim: claim, parameters: parameters, note: note, expectation: expectation)
        }
        var top: [String: TOMLNode] = [
            "id": .string(id(for: claim)),
            "title": .string("Counterexample: " + claim.title),
            "kind": .string(claim.kind),
            "expect": .string(expectation.rawValue),
            "source": .string(claim.source),
            "statement": .string(claim.statement),
            "notes": .string(note),
        ]
        if let latex = claim.statementLaTeX { top["statement_latex"] = .string(latex) }
        if !claim.hypotheses.isEmpty { top["hypotheses"] = .array(claim.hypotheses.map { .string($0) }) }
        var sections: [String: [String: TOMLNode]] = [:]
        for spec in kind.parameters {
            guard let value = parameters.values[spec.name] else { continue }
            sections[spec.section.rawValue, default: [:]][spec.name] = node(value)
        }
        for (name, entries) in sections { top[name] = .table(entries) }
        top["numerics"] = .table([
            "precision": .integer(numerics.precision),
            "max_precision": .integer(numerics.maxPrecision),
            "guard_bits": .integer(numerics.guardBits),
            "tolerance": .string(numerics.tolerance.description),
        ])
        return "# " + note + "\n\n" + TOMLNode.table(top).documentText
    }

    /// Writes `text` as `name` into `folder` (created when missing) and returns the path.
    ///
    /// - Throws: the file system's error.
    public static func write(_ text: String, named name: String, in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A parameter value as TOML: exact numbers as strings (`"3/7"`), matrices as rows of exact strings.
    static func node(_ value: ParameterValue) -> TOMLNode {
        switch value {
        case let .integer(n): return .integer(n)
        case let .rational(r): return .string(r.description)
        case let .integerList(list): return .array(list.map { .integer($0) })
        case let .choice(text), let .text(text): return .string(text)
        case let .matrix(source): return matrixNode(source)
        case let .matrixList(list): return .array(list.map(matrixNode))
        }
    }

    private static func matrixNode(_ source: MatrixSource) -> TOMLNode {
        switch source {
        case .random: return .string("random")
        case let .exact(m, _):
            return .array((0..<m.rowCount).map { i in .array((0..<m.columnCount).map { j in .string(m[i, j].description) }) })
        }
    }

    /// For a kind that reads its own format: the original text with `[search]`, `[threshold]`, `[grid]` and
    /// `[[instance]]` commented out (every other line kept in place, so declarations keep their order), the id
    /// renamed, values of `[parameters]` entries written in place, and one `[[instance]]` with every other value.
    static func documentText(claim: ClaimSpec, parameters: InstanceParameters, note: String,
                             expectation: Expectation) -> String {
        let original = (try? String(contentsOfFile: claim.file, encoding: .utf8)) ?? ""
        var section = ""
        var dropping = false
        var lines: [String] = []
        var written: Set<String> = []
        for line in original.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                section = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).components(separatedBy: "]").first ?? ""
                dropping = ["search", "threshold", "grid", "instance"].contains(section) || section.hasPrefix("search.")
            }
            if dropping { lines.append(line.isEmpty ? line : "# " + line); continue }
            let key = trimmed.prefix { $0 != "=" && $0 != " " }
            if section.isEmpty && key == "id" {
                lines.append("id = " + TOMLNode.quoted(id(for: claim)))
                lines.append("expect = " + TOMLNode.quoted(expectation.rawValue))
            } else if section.isEmpty && key == "expect" {
                lines.append("# " + line)
            } else if section == "parameters", let value = parameters.values[String(key)], !key.isEmpty {
                lines.append("\(key) = \(node(value).valueText)")
                written.insert(String(key))
            } else {
                lines.append(line)
            }
        }
        lines.append("[[instance]]")
        for name in parameters.order where !written.contains(name) {
            if let value = parameters.values[name] { lines.append("\(TOMLNode.keyText(name)) = \(node(value).valueText)") }
        }
        return "# " + note + "\n" + lines.joined(separator: "\n") + "\n"
    }
}
