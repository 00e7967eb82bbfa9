import Foundation
import LinearAlgebra
import MultiPrecision

/// The validating reader behind `ClaimFileParser`: walks the TOML tree, collects every problem with its line and
/// key, and builds the `ClaimSpec`.
struct _ClaimFileReader {
    let file: String
    let baseDirectory: String
    let keyLines: TOMLKeyLines
    let registry: ClaimKindRegistry
    var errors: [ClaimFileError] = []
    private var seenMessages: Set<String> = []
    private var dataCache: [String: Result<Matrix<Rational>, DataFileProblem>] = [:]
    /// The text of each number written as a string, by its path (`model.eta`, `grid.eta[1]`), for reports.
    private var writtenNumbers: [String: String] = [:]

    init(file: String, baseDirectory: String, keyLines: TOMLKeyLines, registry: ClaimKindRegistry) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.keyLines = keyLines
        self.registry = registry
    }

    // MARK: - Errors

    mutating func report(_ key: String?, _ problem: ClaimFileError.Problem) {
        let error = ClaimFileError(file: file, line: key.flatMap { keyLines.line(for: $0) }, key: key, problem: problem)
        if seenMessages.insert(error.description).inserted { errors.append(error) }
    }

    // MARK: - The whole file

    mutating func read(_ root: TOMLNode) -> ClaimSpec? {
        guard case let .table(top) = root else { return nil }
        let known = ClaimFileParser.metadataKeys + ClaimFileParser.sectionKeys + Self.searchTableKeys
        for key in top.keys.sorted() where !known.contains(key) {
            report(key, .unknownKey(suggestion: KeySuggestion.closest(to: key, among: known), valid: known))
        }
        let id = requiredString(top, "id")
        if let id, id.isEmpty || !id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            report("id", .invalidValue("the id \"\(id)\" must be non-empty and use only letters, digits, '-', '_' and '.'"))
        }
        let title = requiredString(top, "title")
        let kindName = requiredString(top, "kind")
        let source = requiredString(top, "source")
        let statement = requiredString(top, "statement")
        let statementLaTeX = optionalString(top, "statement_latex")
        let notes = optionalString(top, "notes")
        let hypotheses = readHypotheses(top["hypotheses"])
        var expectation = Expectation.pass
        if let text = optionalString(top, "expect") {
            if let value = Expectation(rawValue: text) {
                expectation = value
            } else {
                report("expect", .outOfRange(value: "\"\(text)\"", allowed: "it must be \"pass\", \"fail\" or \"inconclusive\""))
            }
        }
        let numerics = readNumerics(top["numerics"])

        var kind: (any ClaimKind)?
        if let kindName {
            kind = registry.kind(named: kindName)
            if kind == nil {
                report("kind", .unknownKind(name: kindName, suggestion: KeySuggestion.closest(to: kindName, among: registry.names),
                                            known: registry.names))
            }
        }
        guard let kind else { return nil }
        let searched = readSearchTables(top, parameters: kind.parameters)
        let instances = readInstances(top, kind: kind, filling: searched.baseValues)
        guard let id, let title, let kindName, let source, let statement, let numerics, let instances, searched.ok else {
            return nil
        }
        var spec = ClaimSpec(file: file, id: id, title: title, kind: kindName, expectation: expectation, source: source,
                             statement: statement, statementLaTeX: statementLaTeX, hypotheses: hypotheses, notes: notes,
                             numerics: numerics, instances: instances, idLine: keyLines.line(for: "id"))
        spec.search = searched.search
        spec.threshold = searched.threshold
        return spec
    }

    // MARK: - Metadata

    mutating func requiredString(_ table: [String: TOMLNode], _ key: String) -> String? {
        guard let node = table[key] else {
            report(key, .missingKey)
            return nil
        }
        guard case let .string(text) = node else {
            report(key, .wrongType(expected: "a string", found: node.typeDescription))
            return nil
        }
        return text
    }

    mutating func optionalString(_ table: [String: TOMLNode], _ key: String) -> String? {
        guard let node = table[key] else { return nil }
        guard case let .string(text) = node else {
            report(key, .wrongType(expected: "a string", found: node.typeDescription))
            return nil
        }
        return text
    }

    mutating func readHypotheses(_ node: TOMLNode?) -> [String] {
        switch node {
        case nil: return []
        case let .string(text)?: return [text]
        case let .array(items)?:
            var out: [String] = []
            for (i, item) in items.enumerated() {
                if case let .string(text) = item { out.append(text) } else {
                    report("hypotheses[\(i)]", .wrongType(expected: "a string", found: item.typeDescription))
                }
            }
            return out
        case let other?:
            report("hypotheses", .wrongType(expected: "an array of strings", found: other.typeDescription))
            return []
        }
    }

    mutating func readNumerics(_ node: TOMLNode?) -> NumericsSettings? {
        guard let node else { return NumericsSettings() }
        guard case let .table(table) = node else {
            report("numerics", .wrongType(expected: "a table ([numerics])", found: node.typeDescription))
            return nil
        }
        for key in table.keys.sorted() where !ClaimFileParser.numericsKeys.contains(key) {
            report("numerics.\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: ClaimFileParser.numericsKeys),
                                                      valid: ClaimFileParser.numericsKeys))
        }
        let bits = ClaimFileParser.precisionRange
        let bitsText = "it must be between \(bits.lowerBound) and \(bits.upperBound) bits"
        var ok = true
        var precision = NumericsSettings.defaultPrecision
        if let value = table["precision"] {
            if case let .integer(n)? = readValue(value, .integer(Int.min...Int.max), path: "numerics.precision") {
                if bits.contains(n) { precision = n } else {
                    report("numerics.precision", .outOfRange(value: "\(n)", allowed: bitsText)); ok = false
                }
            } else { ok = false }
        }
        var maxPrecision: Int?
        if let value = table["max_precision"] {
            if case let .integer(n)? = readValue(value, .integer(Int.min...Int.max), path: "numerics.max_precision") {
                if !bits.contains(n) {
                    report("numerics.max_precision", .outOfRange(value: "\(n)", allowed: bitsText)); ok = false
                } else if n < precision {
                    report("numerics.max_precision", .outOfRange(value: "\(n)",
                                                                 allowed: "it must be at least the precision (\(precision) bits)"))
                    ok = false
                } else { maxPrecision = n }
            } else { ok = false }
        }
        var tolerance = Rational(0)
        if let value = table["tolerance"] {
            if case let .rational(r)? = readValue(value, .rational(minimum: 0, exclusive: false), path: "numerics.tolerance") {
                tolerance = r
            } else { ok = false }
        }
        var guardBits = NumericsSettings.defaultGuardBits
        if let value = table["guard_bits"] {
            if case let .integer(n)? = readValue(value, .integer(16...4096), path: "numerics.guard_bits") {
                guardBits = n
            } else { ok = false }
        }
        var rigorous = false
        if let value = table["rigorous"] {
            if case let .boolean(flag) = value { rigorous = flag } else {
                report("numerics.rigorous", .wrongType(expected: "a boolean (true or false)", found: value.typeDescription))
                ok = false
            }
        }
        var settings = NumericsSettings(precision: precision, tolerance: tolerance, maxPrecision: maxPrecision,
                                        guardBits: guardBits)
        settings.rigorous = rigorous
        return ok ? settings : nil
    }

    // MARK: - Parameters and instances

    mutating func readInstances(_ top: [String: TOMLNode], kind: any ClaimKind,
                                filling searchValues: [String: (ParameterValue, String)] = [:]) -> [InstanceSpec]? {
        let specs = Dictionary(uniqueKeysWithValues: kind.parameters.map { ($0.name, $0) })
        let allNames = kind.parameters.map(\.name)
        var base: [String: (ParameterValue, String)] = [:]           // name → (value, key path)
        var ok = true

        for section in ParameterSection.allCases {
            guard let node = top[section.rawValue] else { continue }
            guard case let .table(table) = node else {
                report(section.rawValue, .wrongType(expected: "a table ([\(section.rawValue)])", found: node.typeDescription))
                ok = false
                continue
            }
            for key in table.keys.sorted() {
                let path = "\(section.rawValue).\(key)"
                guard let spec = specs[key] else {
                    let here = kind.parameters.filter { $0.section == section }.map(\.name)
                    report(path, .unknownKey(suggestion: KeySuggestion.closest(to: key, among: here.isEmpty ? allNames : here), valid: here))
                    ok = false
                    continue
                }
                guard spec.section == section else {
                    report(path, .invalidValue("'\(key)' belongs in [\(spec.section.rawValue)], not in [\(section.rawValue)]"))
                    ok = false
                    continue
                }
                if let value = readValue(table[key]!, spec.type, path: path) { base[key] = (value, path) } else { ok = false }
            }
        }

        for (name, entry) in searchValues where base[name] == nil { base[name] = entry }   // [search] / [threshold]

        // Variations: a grid, or an explicit list, or neither (one instance).
        var variations: [[String: (ParameterValue, String)]] = [[:]]
        let grid = top["grid"], list = top["instance"]
        if grid != nil && list != nil {
            report("instance", .invalidValue("use either [grid] or [[instance]] tables, not both"))
            return nil
        }
        if let grid {
            guard let expanded = readGrid(grid, specs: specs, allNames: allNames) else { return nil }
            variations = expanded
        } else if let list {
            guard let explicit = readInstanceList(list, specs: specs, allNames: allNames) else { return nil }
            variations = explicit
        }
        guard ok else { return nil }

        // Assemble each instance: defaults, then the sections, then the variation.
        let order = kind.parameters.map(\.name).sorted { a, b in
            let pa = keyLines.position(of: "\(specs[a]!.section.rawValue).\(a)")
            let pb = keyLines.position(of: "\(specs[b]!.section.rawValue).\(b)")
            return pa != pb ? pa < pb : allNames.firstIndex(of: a)! < allNames.firstIndex(of: b)!
        }
        var instances: [InstanceSpec] = []
        for (index, variation) in variations.enumerated() {
            var values: [String: ParameterValue] = [:]
            var origins: [String: String] = [:]
            for spec in kind.parameters {
                if let value = spec.defaultValue { values[spec.name] = value }
                origins[spec.name] = "\(spec.section.rawValue).\(spec.name)"
            }
            for (name, entry) in base { values[name] = entry.0; origins[name] = entry.1 }
            for (name, entry) in variation { values[name] = entry.0; origins[name] = entry.1 }
            var complete = true
            for spec in kind.parameters where spec.isRequired && values[spec.name] == nil {
                report("\(spec.section.rawValue).\(spec.name)", .missingKey)
                complete = false
            }
            guard complete else { ok = false; continue }
            var written: [String: String] = [:]
            for (name, origin) in origins where values[name] != nil { written[name] = writtenNumbers[origin] }
            let parameters = InstanceParameters(values: values, order: order.filter { values[$0] != nil },
                                                writtenText: written)
            do {
                try kind.validate(parameters)
            } catch {
                report(origins[error.key] ?? error.key, error.problem)
                ok = false
                continue
            }
            instances.append(InstanceSpec(index: index, parameters: parameters))
        }
        return ok ? instances : nil
    }

    /// Expands `[grid]`: every combination, axes in file order, the last axis varying fastest.
    mutating func readGrid(_ node: TOMLNode, specs: [String: ParameterSpec],
                           allNames: [String]) -> [[String: (ParameterValue, String)]]? {
        guard case let .table(table) = node else {
            report("grid", .wrongType(expected: "a table ([grid])", found: node.typeDescription))
            return nil
        }
        if table.isEmpty {
            report("grid", .emptyGrid)
            return nil
        }
        let variable = allNames.filter { specs[$0]!.isVariable }
        var axes: [(name: String, values: [(ParameterValue, String)])] = []
        var ok = true
        for key in table.keys.sorted(by: { keyLines.position(of: "grid.\($0)") < keyLines.position(of: "grid.\($1)") }) {
            let path = "grid.\(key)"
            guard let spec = specs[key] else {
                report(path, .unknownKey(suggestion: KeySuggestion.closest(to: key, among: variable), valid: variable))
                ok = false
                continue
            }
            guard spec.isVariable else {
                report(path, .invalidValue("'\(key)' cannot vary across instances: this kind fixes it for the "
                    + "whole claim (one data set, shape or loss per file, so that every instance checks the same "
                    + "statement); set it in [\(spec.section.rawValue)], or write one claim file per value"))
                ok = false
                continue
            }
            guard case let .array(items) = table[key]! else {
                report(path, .wrongType(expected: "an array of values, one per grid point", found: table[key]!.typeDescription))
                ok = false
                continue
            }
            if items.isEmpty {
                report(path, .emptyGrid)
                ok = false
                continue
            }
            var values: [(ParameterValue, String)] = []
            for (i, item) in items.enumerated() {
                if let value = readValue(item, spec.type, path: "\(path)[\(i)]") { values.append((value, "\(path)[\(i)]")) } else { ok = false }
            }
            axes.append((key, values))
        }
        guard ok else { return nil }
        // The product of the axis lengths, stopped as soon as it passes the limit (it would wrap around at 2⁶⁴).
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= ClaimFileParser.maximumInstances else {
                let sizes = axes.map { "\($0.values.count)" }.joined(separator: " × ")
                report("grid", .outOfRange(value: "\(sizes) instances (more than \(ClaimFileParser.maximumInstances))",
                                           allowed: "a claim may have at most \(ClaimFileParser.maximumInstances)"))
                return nil
            }
            count = product
        }
        var combinations: [[String: (ParameterValue, String)]] = [[:]]
        for axis in axes {
            combinations = combinations.flatMap { partial in
                axis.values.map { value in
                    var next = partial
                    next[axis.name] = value
                    return next
                }
            }
        }
        return combinations
    }

    /// Reads `[[instance]]` tables: each an explicit instance overriding the sections' values.
    mutating func readInstanceList(_ node: TOMLNode, specs: [String: ParameterSpec],
                                   allNames: [String]) -> [[String: (ParameterValue, String)]]? {
        if case let .array(items) = node, items.isEmpty {
            report("instance", .invalidValue("the instance list is empty: give at least one [[instance]] table"))
            return nil
        }
        guard case let .array(items) = node else {
            report("instance", .wrongType(expected: "one or more [[instance]] tables", found: node.typeDescription))
            return nil
        }
        let variable = allNames.filter { specs[$0]!.isVariable }
        var out: [[String: (ParameterValue, String)]] = []
        var ok = true
        for (i, item) in items.enumerated() {
            guard case let .table(table) = item else {
                report("instance[\(i)]", .wrongType(expected: "a table ([[instance]])", found: item.typeDescription))
                ok = false
                continue
            }
            var values: [String: (ParameterValue, String)] = [:]
            for key in table.keys.sorted() {
                let path = "instance[\(i)].\(key)"
                guard let spec = specs[key], spec.isVariable else {
                    report(path, specs[key] == nil
                        ? .unknownKey(suggestion: KeySuggestion.closest(to: key, among: variable), valid: variable)
                        : .invalidValue("'\(key)' cannot vary across instances: this kind fixes it for the whole claim (one data "
                                         + "set, shape or loss per file, so that every instance checks the same statement); "
                                         + "set it in [\(specs[key]!.section.rawValue)], or write one claim file per value"))
                    ok = false
                    continue
                }
                if let value = readValue(table[key]!, spec.type, path: path) { values[key] = (value, path) } else { ok = false }
            }
            out.append(values)
        }
        return ok ? out : nil
    }

    // MARK: - Values

    /// Reads one value of `type`, reporting any problem at `path`.
    mutating func readValue(_ node: TOMLNode, _ type: ParameterType, path: String) -> ParameterValue? {
        switch type {
        case let .integer(range):
            guard case let .integer(n) = node else {
                report(path, .wrongType(expected: type.expectation, found: describe(node)))
                return nil
            }
            guard range.contains(n) else {
                report(path, .outOfRange(value: "\(n)", allowed: "it must be between \(range.lowerBound) and \(range.upperBound)"))
                return nil
            }
            return .integer(n)
        case let .rational(minimum, exclusive):
            guard let r = readRational(node, path: path, expected: type.expectation) else { return nil }
            if let minimum, exclusive ? !(r > minimum) : r < minimum {
                report(path, .outOfRange(value: r.description,
                                         allowed: "it must be \(exclusive ? "greater than" : "at least") \(minimum)"))
                return nil
            }
            return .rational(r)
        case let .integerList(element, count):
            guard case let .array(items) = node else {
                report(path, .wrongType(expected: type.expectation, found: describe(node)))
                return nil
            }
            var list: [Int] = []
            for (i, item) in items.enumerated() {
                guard case let .integer(n) = item else {
                    report("\(path)[\(i)]", .wrongType(expected: "an integer", found: describe(item)))
                    return nil
                }
                guard element.contains(n) else {
                    report("\(path)[\(i)]", .outOfRange(value: "\(n)",
                                                        allowed: "each entry must be between \(element.lowerBound) and \(element.upperBound)"))
                    return nil
                }
                list.append(n)
            }
            guard count.contains(list.count) else {
                report(path, .outOfRange(value: "\(list.count) entries",
                                         allowed: "it must have between \(count.lowerBound) and \(count.upperBound) entries"))
                return nil
            }
            return .integerList(list)
        case let .choice(options):
            guard case let .string(text) = node else {
                report(path, .wrongType(expected: type.expectation, found: describe(node)))
                return nil
            }
            guard options.contains(text) else {
                let suggestion = KeySuggestion.closest(to: text, among: options).map { "; did you mean \"\($0)\"?" } ?? ""
                report(path, .outOfRange(value: "\"\(text)\"", allowed: "it must be \(type.expectation)\(suggestion)"))
                return nil
            }
            return .choice(text)
        case .text:
            guard case let .string(text) = node else {
                report(path, .wrongType(expected: type.expectation, found: describe(node)))
                return nil
            }
            return .text(text)
        case .matrix:
            return readMatrix(node, path: path).map { .matrix($0) }
        case .matrixList:
            guard case let .array(items) = node, !items.isEmpty else {
                report(path, .wrongType(expected: type.expectation, found: describe(node)))
                return nil
            }
            var list: [MatrixSource] = []
            for (i, item) in items.enumerated() {
                if case .string("random") = item {
                    report("\(path)[\(i)]", .invalidValue("each matrix of the list must be given (inline or a file)"))
                    return nil
                }
                guard let matrix = readMatrix(item, path: "\(path)[\(i)]") else { return nil }
                list.append(matrix)
            }
            return .matrixList(list)
        }
    }

    /// `a float (0.1)`: the type, and the value for scalars.
    func describe(_ node: TOMLNode) -> String {
        switch node {
        case .table, .array: return node.typeDescription
        default: return "\(node.typeDescription) (\(node.shortText))"
        }
    }

    /// An exact number from an integer or a string; floats are refused because they have already been rounded.
    mutating func readRational(_ node: TOMLNode, path: String, expected: String) -> Rational? {
        switch node {
        case let .integer(n):
            return Rational(n)
        case let .string(text):
            do {
                let value = try Rational(parsing: text)
                guard let problem = ClaimFileParser.sizeProblem(value) else {
                    writtenNumbers[path] = text.trimmingCharacters(in: .whitespaces)
                    return value
                }
                report(path, .invalidNumber(text: text, reason: problem))
                return nil
            } catch {
                report(path, .invalidNumber(text: text, reason: MatrixDataFile.entryReason(text, error)))
                return nil
            }
        case let .float(x):
            if x.isNaN || x.isInfinite {
                report(path, .invalidNumber(text: node.shortText, reason: x.isNaN ? "NaN is not allowed" : "infinities are not allowed"))
            } else {
                report(path, .inexactNumber(text: node.shortText))
            }
            return nil
        default:
            report(path, .wrongType(expected: expected, found: describe(node)))
            return nil
        }
    }

    /// A matrix: inline rows, a data file, or "random".
    mutating func readMatrix(_ node: TOMLNode, path: String) -> MatrixSource? {
        switch node {
        case .string("random"):
            return .random
        case let .string(relative):
            let resolved = relative.hasPrefix("/") ? relative : (baseDirectory as NSString).appendingPathComponent(relative)
            let result = dataCache[resolved] ?? Result { () throws(DataFileProblem) in try MatrixDataFile.read(path: resolved) }
            dataCache[resolved] = result
            switch result {
            case let .success(matrix): return .exact(matrix, origin: relative)
            case let .failure(problem):
                report(path, .dataFile(path: relative, problem: problem))
                return nil
            }
        case let .array(rows):
            guard !rows.isEmpty else {
                report(path, .invalidValue("the matrix has no rows"))
                return nil
            }
            var entries: [[Rational]] = []
            for (i, row) in rows.enumerated() {
                guard case let .array(items) = row else {
                    report("\(path)[\(i)]", .wrongType(expected: "a row (an array of exact numbers)", found: describe(row)))
                    return nil
                }
                var values: [Rational] = []
                for (j, item) in items.enumerated() {
                    guard let r = readRational(item, path: "\(path)[\(i)][\(j)]", expected: "an exact number") else { return nil }
                    values.append(r)
                }
                if let first = entries.first, first.count != values.count {
                    report("\(path)[\(i)]", .dimensionMismatch("row \(i + 1) has \(values.count) entries, but row 1 has \(first.count)"))
                    return nil
                }
                entries.append(values)
            }
            guard let matrix = try? Matrix(rows: entries), matrix.columnCount > 0 else {
                report(path, .invalidValue("the matrix has no columns"))
                return nil
            }
            return .exact(matrix, origin: "inline")
        default:
            report(path, .wrongType(expected: ParameterType.matrix.expectation, found: describe(node)))
            return nil
        }
    }
}
