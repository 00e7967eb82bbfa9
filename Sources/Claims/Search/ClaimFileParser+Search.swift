import Foundation

/// `[search]` and `[threshold]` in files of kinds that read their own format (`DocumentClaimKind`): the tables are
/// commented out of the text the kind reads (lines keep their numbers), then read here against the parameters of
/// the kind's first instance.
extension ClaimFileParser {
    /// `text` with the lines of the `[search]`, `[search.*]` and `[threshold]` tables commented out.
    static func removingSearchTables(from text: String) -> String {
        var dropping = false
        return text.components(separatedBy: "\n").map { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") && !trimmed.hasPrefix("[[") {
                let name = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                dropping = name == "search" || name == "threshold" || name.hasPrefix("search.")
            } else if trimmed.hasPrefix("[[") {
                dropping = false
            }
            return dropping && !line.isEmpty ? "# " + line : line
        }.joined(separator: "\n")
    }

    /// Reads the search tables of a document-kind file and attaches them to `spec`.
    ///
    /// - Throws: `ClaimFileErrors` locating every problem.
    func attachingSearch(to spec: ClaimSpec, top: [String: TOMLNode], text: String,
                         file: String, baseDirectory: String) throws(ClaimFileErrors) -> ClaimSpec {
        guard top["search"] != nil || top["threshold"] != nil else { return spec }
        var reader = _ClaimFileReader(file: file, baseDirectory: baseDirectory, keyLines: TOMLKeyLines(scanning: text),
                                      registry: registry)
        let base = spec.instances.first?.parameters
        let parameters: [ParameterSpec] = (base?.order ?? []).compactMap { name in
            guard let value = base?.values[name] else { return nil }
            let type: ParameterType
            switch value {
            case .integer: type = .integer(Int.min...Int.max)
            case .rational: type = .rational(minimum: nil, exclusive: false)
            case .integerList: type = .integerList(element: Int.min...Int.max, count: 0...1024)
            case let .choice(c): type = .choice([c])
            case .matrix: type = .matrix
            case .matrixList: type = .matrixList
            case .text: type = .text
            }
            return ParameterSpec(name, section: .model, type: type, help: "")
        }
        var withoutLists = top
        withoutLists["grid"] = nil
        withoutLists["instance"] = nil
        let read = reader.readSearchTables(withoutLists, parameters: parameters)
        if spec.instances.count > 1 {
            reader.report(top["search"] != nil ? "search" : "threshold",
                          .invalidValue("a claim with a search has one base instance; this file has \(spec.instances.count)"))
        }
        guard read.ok, reader.errors.isEmpty else { throw ClaimFileErrors(reader.errors) }
        var result = spec
        result.search = read.search
        result.threshold = read.threshold
        return result
    }
}
