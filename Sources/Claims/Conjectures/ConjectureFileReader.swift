import Foundation
import LinearAlgebra
import MultiPrecision

/// Reads a conjecture claim file (docs/conjecture-language.md): metadata, `[symbols]`, `[parameters]`,
/// `[definitions]`, `[dynamics]`, `[[property]]`, `[grid]` or `[[instance]]`, and `[numerics]`.
///
/// Every problem is collected with file, line and key (and, for an expression, the column) through the claim-file
/// reader's error list, so a file with several mistakes reports them all. The expressions themselves are checked
/// afterwards, by the language core, in `ConjectureKind.readClaim`.
struct ConjectureFileReader {
    /// The shared reader: errors, exact numbers, data files, grids and `[numerics]`.
    var base: _ClaimFileReader

    /// The top-level keys of a conjecture file.
    static let topLevelKeys = ClaimFileParser.metadataKeys
        + ["symbols", "parameters", "definitions", "dynamics", "property", "grid", "instance", "numerics"]
    /// The keys of a `[symbols]` entry.
    static let symbolKeys = ["shape", "data", "init", "scale", "seed", "kind", "draw", "sampling"]
    /// The keys of `[dynamics]`.
    static let dynamicsKeys = ["gradient-flow", "gradient-descent", "flow", "map", "over", "extra", "horizon",
                               "output_times", "steps", "step_size", "arithmetic", "stop_when", "integrator"]
    /// The statement keys of a `[[property]]`: exactly one per property.
    static let propertyKinds = ["invariant", "monotone", "bound", "limit", "equal", "at", "trend"]
    /// The other keys each statement allows.
    static let propertyOptions: [String: [String]] = [
        "invariant": ["law"], "monotone": ["direction", "from_step", "from_time"], "bound": ["along", "at_end"],
        "limit": ["value", "within", "rate"], "equal": [], "at": ["time", "step"],
        "trend": ["over", "values", "direction"],
    ]
    /// Sources given by a word.
    static let sourceWords = ["random", "gaussian", "uniform", "zeros", "ones", "identity"]
    /// The integrators a flow may use.
    static let integrators = ["taylor", "gauss-legendre", "rk78"]

    init(file: String, baseDirectory: String, text: String) {
        base = _ClaimFileReader(file: file, baseDirectory: baseDirectory, keyLines: TOMLKeyLines(scanning: text),
                                registry: ClaimKindRegistry([]))
    }

    var errors: [ClaimFileError] { base.errors }

    mutating func report(_ key: String?, _ problem: ClaimFileError.Problem) { base.report(key, problem) }

    func line(_ key: String) -> Int? { base.keyLines.line(for: key) }

    func source(_ text: String, _ key: String) -> SourceText { SourceText(text: text, key: key, line: line(key)) }

    // MARK: - The whole file

    /// The metadata, the document and the instance bindings; `nil` when something is wrong (see `errors`).
    mutating func read(_ top: [String: TOMLNode]) -> (metadata: Metadata, document: ConjectureDocument,
                                                        instances: [(binding: InstanceBinding, origin: String)])? {
        for key in top.keys.sorted() where !Self.topLevelKeys.contains(key) {
            report(key, .unknownKey(suggestion: KeySuggestion.closest(to: key, among: Self.topLevelKeys)))
        }
        let metadata = readMetadata(top)
        let numerics = base.readNumerics(top["numerics"])
        let parameters = readParameters(top["parameters"])
        let symbols = readSymbols(top["symbols"])
        let definitions = readDefinitions(top["definitions"], symbols: symbols)
        let dynamics = readDynamics(top["dynamics"], symbols: symbols)
        var properties: [PropertyDeclaration] = []
        if let dynamics { properties = readProperties(top["property"], dynamics: dynamics, parameters: parameters) }
        guard let metadata, let numerics, let dynamics, base.errors.isEmpty else { return nil }
        var document = ConjectureDocument(file: base.file, symbols: symbols, parameters: parameters,
                                          definitions: definitions, dynamics: dynamics, properties: properties,
                                          precision: numerics.precision)
        guard let instances = readInstances(top, document: &document) else { return nil }
        var full = metadata
        full.numerics = numerics
        return (full, document, instances)
    }

    /// The claim's description and numerics.
    struct Metadata {
        var id: String
        var title: String
        var expectation: Expectation
        var source: String
        var statement: String
        var statementLaTeX: String?
        var hypotheses: [String]
        var notes: String?
        var numerics = NumericsSettings()
    }

    mutating func readMetadata(_ top: [String: TOMLNode]) -> Metadata? {
        let id = base.requiredString(top, "id")
        if let id, id.isEmpty || !id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) {
            report("id", .invalidValue("the id \"\(id)\" must be non-empty and use only letters, digits, '-', '_' and '.'"))
        }
        let title = base.requiredString(top, "title")
        let statement = base.requiredString(top, "statement")
        let source = base.optionalString(top, "source") ?? "stated in this file (a conjecture)"
        if let kind = base.optionalString(top, "kind"), kind != ConjectureKind.kindName {
            report("kind", .invalidValue("a conjecture file has kind = \"\(ConjectureKind.kindName)\""))
        }
        var expectation = Expectation.pass
        if let text = base.optionalString(top, "expect") {
            if let value = Expectation(rawValue: text) { expectation = value } else {
                report("expect", .outOfRange(value: "\"\(text)\"", allowed: "it must be \"pass\", \"fail\" or \"inconclusive\""))
            }
        }
        guard let id, let title, let statement else { return nil }
        return Metadata(id: id, title: title, expectation: expectation, source: source, statement: statement,
                        statementLaTeX: base.optionalString(top, "statement_latex"),
                        hypotheses: base.readHypotheses(top["hypotheses"]), notes: base.optionalString(top, "notes"))
    }

    /// A table at `key`, or `nil` (reported) when it is something else.
    mutating func table(_ node: TOMLNode?, _ key: String, required: Bool = false) -> [(String, TOMLNode)]? {
        guard let node else {
            if required { report(key, .missingKey) }
            return nil
        }
        guard case let .table(entries) = node else {
            report(key, .wrongType(expected: "a table ([\(key)])", found: node.typeDescription))
            return nil
        }
        return entries.keys.sorted { base.keyLines.position(of: "\(key).\($0)") < base.keyLines.position(of: "\(key).\($1)") }
            .map { ($0, entries[$0]!) }
    }

    /// An identifier: a letter, then letters, digits or `_`.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    // MARK: - [parameters]

    mutating func readParameters(_ node: TOMLNode?) -> [(name: String, value: Rational)] {
        guard let entries = table(node, "parameters") else { return [] }
        var out: [(name: String, value: Rational)] = []
        for (name, value) in entries {
            let key = "parameters.\(name)"
            guard Self.isIdentifier(name) else {
                report(key, .invalidValue("'\(name)' is not a name: use letters, digits and '_', starting with a letter"))
                continue
            }
            if let r = base.readRational(value, path: key, expected: "an exact number (an integer or a string such as \"1/10\")") {
                out.append((name, r))
            }
        }
        return out
    }

    // MARK: - [symbols]

    mutating func readSymbols(_ node: TOMLNode?) -> [SymbolDeclaration] {
        guard let entries = table(node, "symbols", required: true) else { return [] }
        if entries.isEmpty { report("symbols", .invalidValue("declare at least one symbol")) }
        var out: [SymbolDeclaration] = []
        for (position, (name, value)) in entries.enumerated() {
            let key = "symbols.\(name)"
            guard Self.isIdentifier(name) else {
                report(key, .invalidValue("'\(name)' is not a name: use letters, digits and '_', starting with a letter"))
                continue
            }
            guard case let .table(fields) = value else {
                report(key, .wrongType(expected: "an inline table such as { shape = [\"n\", \"m\"], init = \"random\" }",
                                       found: value.typeDescription))
                continue
            }
            if let symbol = readSymbol(name, fields, key: key, position: position) { out.append(symbol) }
        }
        if !entries.isEmpty, !out.isEmpty, !out.contains(where: \.isVariable), base.errors.isEmpty {
            report("symbols", .invalidValue("no symbol evolves: give at least one variable an `init` (constants have `data`)"))
        }
        return out
    }

    mutating func readSymbol(_ name: String, _ fields: [String: TOMLNode], key: String, position: Int) -> SymbolDeclaration? {
        for field in fields.keys.sorted() where !Self.symbolKeys.contains(field) {
            report("\(key).\(field)", .unknownKey(suggestion: KeySuggestion.closest(to: field, among: Self.symbolKeys)))
        }
        var shape: [DimensionEntry]?
        if let kind = fields["kind"] {
            guard case .string("scalar") = kind else {
                report("\(key).kind", .invalidValue("the only symbol kind is \"scalar\" (matrices and vectors have a shape)"))
                return nil
            }
            shape = []
        }
        if let node = fields["shape"] {
            guard case let .array(items) = node, items.count <= 2 else {
                report("\(key).shape", .wrongType(expected: "an array of at most two sizes ([], [n] or [rows, columns])",
                                                  found: base.describe(node)))
                return nil
            }
            var entries: [DimensionEntry] = []
            for (i, item) in items.enumerated() {
                switch item {
                case let .integer(n) where n >= 1 && n <= 100_000: entries.append(.fixed(n))
                case let .string(dimension) where Self.isIdentifier(dimension): entries.append(.named(dimension))
                default:
                    report("\(key).shape[\(i)]", .invalidValue("a size is a positive integer or a dimension name, found \(base.describe(item))"))
                    return nil
                }
            }
            if shape == [], !entries.isEmpty {
                report("\(key).shape", .invalidValue("a scalar (kind = \"scalar\") has shape []"))
                return nil
            }
            shape = entries
        }
        let data = fields["data"], initial = fields["init"]
        var draw: DrawDeclaration?
        if let node = fields["draw"] {
            guard let found = readDraw(node, fields, key: key, shape: shape, hasValues: data != nil || initial != nil) else { return nil }
            draw = found
        } else if fields["sampling"] != nil {
            report("\(key).sampling", .invalidValue("`sampling` belongs to a drawn minibatch: add draw = \"minibatch\""))
            return nil
        }
        if let draw {
            guard let scale = readScale(fields, key: key), let seed = readSeed(fields, key: key) else { return nil }
            return SymbolDeclaration(name: name, key: key, shape: shape, isVariable: false, source: .zeros,
                                     scale: scale, seed: seed.value, position: position, draw: draw)
        }
        guard (data == nil) != (initial == nil) else {
            report(key, .invalidValue(data == nil
                ? "give either `data` (a constant) or `init` (a variable that evolves)"
                : "give either `data` (a constant) or `init` (a variable), not both"))
            return nil
        }
        let field = data == nil ? "init" : "data"
        guard let sourceNode = data ?? initial, let source = readSource(sourceNode, key: "\(key).\(field)") else { return nil }
        if case .exact = source {} else if shape == nil {
            report("\(key).shape", .missingKey)
            return nil
        }
        guard let scale = readScale(fields, key: key), let seed = readSeed(fields, key: key) else { return nil }
        return SymbolDeclaration(name: name, key: key, shape: shape, isVariable: initial != nil, source: source,
                                 scale: scale, seed: seed.value, position: position)
    }

    /// `scale`: an exact number or a parameter's name (default 1); `nil` after an error.
    mutating func readScale(_ fields: [String: TOMLNode], key: String) -> ScaleEntry? {
        guard let node = fields["scale"] else { return .number(1) }
        if case let .string(text) = node, Self.isIdentifier(text) { return .parameter(text) }
        guard let r = base.readRational(node, path: "\(key).scale", expected: "an exact number or a parameter's name") else { return nil }
        return .number(r)
    }

    /// `seed`: an integer (absent: `value` is `nil`); `nil` after an error.
    mutating func readSeed(_ fields: [String: TOMLNode], key: String) -> (value: Int?, ())? {
        guard let node = fields["seed"] else { return (nil, ()) }
        guard case let .integer(n) = node else {
            report("\(key).seed", .wrongType(expected: "an integer", found: base.describe(node)))
            return nil
        }
        return (n, ())
    }

    /// `draw = "minibatch" | "gaussian" | "rademacher"` and, for a minibatch, `sampling = "without-replacement"`
    /// (default) | `"with-replacement"` | `"epochs"`. A drawn symbol is data with a declared shape and no values.
    mutating func readDraw(_ node: TOMLNode, _ fields: [String: TOMLNode], key: String, shape: [DimensionEntry]?,
                           hasValues: Bool) -> DrawDeclaration? {
        let laws = ["minibatch", "gaussian", "rademacher"]
        guard case let .string(text) = node, laws.contains(text) else {
            report("\(key).draw", .invalidValue("draw is one of \(laws.map { "\"\($0)\"" }.joined(separator: ", ")), found \(base.describe(node))"))
            return nil
        }
        if hasValues {
            report(key, .invalidValue("a drawn symbol is redrawn at every step: give `draw` without `data` or `init`"))
            return nil
        }
        guard let shape else {
            report("\(key).shape", .missingKey)
            return nil
        }
        guard text == "minibatch" else {
            if fields["sampling"] != nil {
                report("\(key).sampling", .invalidValue("`sampling` belongs to draw = \"minibatch\", not \"\(text)\""))
                return nil
            }
            return text == "gaussian" ? .gaussian : .rademacher
        }
        guard shape.count == 2 else {
            report("\(key).shape", .invalidValue("a minibatch is a selection matrix: shape = [samples, batch], e.g. [\"m\", \"b\"]"))
            return nil
        }
        var sampling = MinibatchSampling.withoutReplacement
        if let node = fields["sampling"] {
            let names = MinibatchSampling.allCases.map(\.rawValue)
            guard case let .string(s) = node, let found = MinibatchSampling(rawValue: s) else {
                report("\(key).sampling", .invalidValue("sampling is one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), found \(base.describe(node))"))
                return nil
            }
            sampling = found
        }
        return .minibatch(sampling)
    }

    /// `data` or `init`: inline exact values, a file, a word, an exact scalar or an expression.
    mutating func readSource(_ node: TOMLNode, key: String) -> SymbolDeclaration.Source? {
        switch node {
        case let .integer(n):
            return .exact(Matrix(rows: 1, columns: 1) { _, _ in Rational(n) }, origin: "inline")
        case let .string(text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            switch trimmed {
            case "random": return .random
            case "gaussian": return .gaussian
            case "uniform": return .uniform
            case "zeros": return .zeros
            case "ones": return .ones
            case "identity": return .identity
            default: break
            }
            let lowered = trimmed.lowercased()
            if lowered.hasSuffix(".csv") || lowered.hasSuffix(".json") {
                guard case let .exact(matrix, origin)? = base.readMatrix(node, path: key) else { return nil }
                return .exact(matrix, origin: origin)
            }
            if let r = try? Rational(parsing: trimmed) {
                return .exact(Matrix(rows: 1, columns: 1) { _, _ in r }, origin: "inline")
            }
            return .expression(source(text, key))
        case let .array(items):
            if items.isEmpty {
                report(key, .invalidValue("no values"))
                return nil
            }
            if items.allSatisfy({ if case .array = $0 { return true } else { return false } }) {
                guard case let .exact(matrix, origin)? = base.readMatrix(node, path: key) else { return nil }
                return .exact(matrix, origin: origin)
            }
            var entries: [Rational] = []
            for (i, item) in items.enumerated() {
                guard let r = base.readRational(item, path: "\(key)[\(i)]", expected: "an exact number") else { return nil }
                entries.append(r)
            }
            return .exact(Matrix(rows: entries.count, columns: 1) { i, _ in entries[i] }, origin: "inline")
        case .float:
            _ = base.readRational(node, path: key, expected: "an exact number")
            return nil
        default:
            report(key, .wrongType(expected: "inline values, a data file, \"random\", \"zeros\", … or an expression",
                                   found: base.describe(node)))
            return nil
        }
    }

    // MARK: - [definitions]

    mutating func readDefinitions(_ node: TOMLNode?, symbols: [SymbolDeclaration]) -> [(name: String, text: SourceText)] {
        guard let entries = table(node, "definitions") else { return [] }
        var out: [(name: String, text: SourceText)] = []
        let symbolNames = Set(symbols.map(\.name))
        for (name, value) in entries {
            let key = "definitions.\(name)"
            guard Self.isIdentifier(name) else {
                report(key, .invalidValue("'\(name)' is not a name: use letters, digits and '_', starting with a letter"))
                continue
            }
            if symbolNames.contains(name) {
                report(key, .invalidValue("'\(name)' is already a symbol"))
                continue
            }
            guard case let .string(text) = value else {
                report(key, .wrongType(expected: "an expression (a string)", found: base.describe(value)))
                continue
            }
            out.append((name, source(text, key)))
        }
        return out
    }

    // MARK: - [dynamics]

    mutating func readDynamics(_ node: TOMLNode?, symbols: [SymbolDeclaration]) -> DynamicsDeclaration? {
        guard let entries = table(node, "dynamics", required: true) else { return nil }
        let fields = Dictionary(uniqueKeysWithValues: entries)
        for (key, _) in entries where !Self.dynamicsKeys.contains(key) {
            report("dynamics.\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: Self.dynamicsKeys)))
        }
        let forms = ["gradient-flow", "gradient-descent", "flow", "map"].filter { fields[$0] != nil }
        guard forms.count == 1 else {
            report("dynamics", .invalidValue(forms.isEmpty
                ? "state the dynamics: one of gradient-flow = \"loss\", gradient-descent = \"loss\", flow.X = \"rate\" or map.X = \"update\""
                : "give exactly one of gradient-flow, gradient-descent, flow and map (found \(forms.joined(separator: ", ")))"))
            return nil
        }
        let variables = symbols.filter(\.isVariable).map(\.name)
        let allNames = symbols.map(\.name)
        func string(_ name: String) -> SourceText? {
            guard let node = fields[name] else { return nil }
            guard case let .string(text) = node else {
                report("dynamics.\(name)", .wrongType(expected: "an expression (a string)", found: base.describe(node)))
                return nil
            }
            return source(text, "dynamics.\(name)")
        }
        func perVariable(_ name: String, every: Bool) -> [(variable: String, text: SourceText)]? {
            guard let node = fields[name] else { return [] }
            guard case let .table(map) = node else {
                report("dynamics.\(name)", .wrongType(expected: "one entry per variable (\(name).X = \"…\")", found: base.describe(node)))
                return nil
            }
            var out: [(variable: String, text: SourceText)] = []
            var ok = true
            for variable in map.keys.sorted(by: { base.keyLines.position(of: "dynamics.\(name).\($0)") < base.keyLines.position(of: "dynamics.\(name).\($1)") }) {
                let key = "dynamics.\(name).\(variable)"
                guard variables.contains(variable) else {
                    report(key, allNames.contains(variable)
                        ? .invalidValue("'\(variable)' is constant data, not a variable: only symbols with `init` evolve")
                        : .unknownKey(suggestion: KeySuggestion.closest(to: variable, among: variables)))
                    ok = false
                    continue
                }
                guard case let .string(text) = map[variable]! else {
                    report(key, .wrongType(expected: "an expression (a string)", found: base.describe(map[variable]!)))
                    ok = false
                    continue
                }
                out.append((variable, source(text, key)))
            }
            if every {
                for variable in variables where !out.contains(where: { $0.variable == variable }) {
                    report("dynamics.\(name)", .invalidValue("the variable '\(variable)' has no \(name == "flow" ? "rate" : "update"): add \(name).\(variable) = \"…\""))
                    ok = false
                }
            }
            return ok ? out : nil
        }
        var over: [String]?
        if let node = fields["over"] {
            if case let .array(items) = node {
                var names: [String] = []
                for (i, item) in items.enumerated() {
                    guard case let .string(name) = item, variables.contains(name) else {
                        let text: String
                        if case let .string(s) = item { text = s } else { text = item.shortText }
                        report("dynamics.over[\(i)]", .invalidValue("'\(text)' is not a variable"
                            + (KeySuggestion.closest(to: text, among: variables).map { "; did you mean '\($0)'?" } ?? "")))
                        continue
                    }
                    names.append(name)
                }
                over = names
            } else {
                report("dynamics.over", .wrongType(expected: "an array of variable names", found: base.describe(node)))
            }
        }
        let form: DynamicsDeclaration.Form
        switch forms[0] {
        case "gradient-flow", "gradient-descent":
            guard let loss = string(forms[0]), let extra = perVariable("extra", every: false) else { return nil }
            if forms[0] == "gradient-flow" {
                if fields["step_size"] != nil { report("dynamics.step_size", .invalidValue("a gradient flow has no step size (it is gradient-descent's)")) }
                form = .gradientFlow(loss: loss, over: over, extra: extra)
            } else {
                guard let stepSize = string("step_size") else {
                    if fields["step_size"] == nil { report("dynamics.step_size", .missingKey) }
                    return nil
                }
                form = .gradientDescent(loss: loss, stepSize: stepSize, over: over, extra: extra)
            }
        default:
            if fields["over"] != nil { report("dynamics.over", .invalidValue("`over` selects the variables of a gradient flow or descent")) }
            if fields["extra"] != nil { report("dynamics.extra", .invalidValue("`extra` adds terms to a gradient flow or descent")) }
            if fields["step_size"] != nil { report("dynamics.step_size", .invalidValue("only gradient-descent has a step size; write it into the map")) }
            guard let entries = perVariable(forms[0], every: true) else { return nil }
            form = forms[0] == "flow" ? .flow(entries) : .map(entries)
        }
        let isFlow = forms[0] == "gradient-flow" || forms[0] == "flow"
        var horizon: Rational?, steps: Int?, outputTimes = 64
        if isFlow {
            if let node = fields["horizon"] {
                if case let .rational(r)? = base.readValue(node, .rational(minimum: 0, exclusive: true), path: "dynamics.horizon") { horizon = r }
            } else { report("dynamics.horizon", .missingKey) }
            if let node = fields["output_times"], case let .integer(n)? = base.readValue(node, .integer(1...100_000), path: "dynamics.output_times") {
                outputTimes = n
            }
            if fields["steps"] != nil { report("dynamics.steps", .invalidValue("a flow runs over a horizon, not a number of steps")) }
        } else {
            if let node = fields["steps"] {
                if case let .integer(n)? = base.readValue(node, .integer(1...100_000_000), path: "dynamics.steps") { steps = n }
            } else { report("dynamics.steps", .missingKey) }
            for key in ["horizon", "output_times", "integrator"] where fields[key] != nil {
                report("dynamics.\(key)", .invalidValue("'\(key)' belongs to flows; a map runs a number of steps"))
            }
        }
        var exact = false
        if let node = fields["arithmetic"], case let .choice(choice)? = base.readValue(node, .choice(["rounded", "exact"]), path: "dynamics.arithmetic") {
            exact = choice == "exact"
            if exact && isFlow {
                report("dynamics.arithmetic", .invalidValue("a flow cannot run in exact arithmetic (only maps and gradient descent can)"))
            }
        }
        var integrator = "taylor"
        if isFlow, let node = fields["integrator"], case let .choice(choice)? = base.readValue(node, .choice(Self.integrators), path: "dynamics.integrator") {
            integrator = choice
        }
        let stopWhen = string("stop_when")
        if let stopWhen, Relation.split(stopWhen.text) == nil {
            report("dynamics.stop_when", .invalidValue("a stopping rule is one relation of scalars, such as \"loss <= 1e-20\""))
        }
        return DynamicsDeclaration(form: form, horizon: horizon, outputTimes: outputTimes, steps: steps, exact: exact,
                                   stopWhen: stopWhen, integrator: integrator)
    }

    // MARK: - [[property]]

    mutating func readProperties(_ node: TOMLNode?, dynamics: DynamicsDeclaration,
                                 parameters: [(name: String, value: Rational)]) -> [PropertyDeclaration] {
        guard let node else {
            report("property", .invalidValue("state at least one [[property]]"))
            return []
        }
        guard case let .array(items) = node, !items.isEmpty else {
            report("property", .wrongType(expected: "one or more [[property]] tables", found: node.typeDescription))
            return []
        }
        var out: [PropertyDeclaration] = []
        for (index, item) in items.enumerated() {
            let key = "property[\(index)]"
            guard case let .table(fields) = item else {
                report(key, .wrongType(expected: "a table ([[property]])", found: item.typeDescription))
                continue
            }
            if let property = readProperty(fields, index: index, dynamics: dynamics) { out.append(property) }
        }
        var labels = Set<String>()
        for property in out where !labels.insert(property.label).inserted {
            report("\(property.key).name", .invalidValue("two properties are named \"\(property.label)\""))
        }
        return out
    }

    mutating func readProperty(_ fields: [String: TOMLNode], index: Int, dynamics: DynamicsDeclaration) -> PropertyDeclaration? {
        let key = "property[\(index)]"
        let kinds = Self.propertyKinds.filter { fields[$0] != nil }
        guard kinds.count == 1 else {
            report(key, .invalidValue(kinds.isEmpty
                ? "state what the property is: one of \(Self.propertyKinds.joined(separator: ", "))"
                : "give exactly one of \(Self.propertyKinds.joined(separator: ", ")) (found \(kinds.joined(separator: ", ")))"))
            return nil
        }
        let kind = kinds[0]
        let allowed = [kind, "name", "tolerance"] + Self.propertyOptions[kind]!
        var ok = true
        for field in fields.keys.sorted() where !allowed.contains(field) {
            let all = Set(Self.propertyOptions.values.flatMap { $0 } + Self.propertyKinds + ["name", "tolerance"])
            report("\(key).\(field)", all.contains(field)
                ? .invalidValue("'\(field)' does not belong to a `\(kind)` property (it takes \(allowed.dropFirst().joined(separator: ", ")))")
                : .unknownKey(suggestion: KeySuggestion.closest(to: field, among: allowed)))
            ok = false
        }
        /// The field `name` read by `read`, or `nil` when absent or of another type (reported as not `expected`).
        func field<T>(_ name: String, expected: String, _ read: (TOMLNode) -> T?) -> T? {
            guard let node = fields[name] else { return nil }
            guard let value = read(node) else {
                report("\(key).\(name)", .wrongType(expected: expected, found: base.describe(node)))
                ok = false
                return nil
            }
            return value
        }
        func text(_ name: String) -> SourceText? {
            let string = field(name, expected: "an expression (a string)") { node -> String? in
                if case let .string(s) = node { return s }
                return nil
            }
            return string.map { source($0, "\(key).\(name)") }
        }
        func relation(_ name: String) -> (SourceText, Relation, SourceText)? {
            guard let whole = text(name) else { return nil }
            guard let split = Relation.split(whole.text) else {
                report(whole.key, .invalidValue("\"\(whole.text)\" is not one relation lhs <= rhs (or <, >=, >)"))
                ok = false
                return nil
            }
            let leading = whole.text.prefix { $0 == " " || $0 == "\t" }.count
            return (SourceText(text: split.lhs, key: whole.key, line: whole.line, columnOffset: leading), split.relation,
                    SourceText(text: split.rhs, key: whole.key, line: whole.line, columnOffset: split.rhsOffset))
        }
        func direction() -> MonotoneDirection? {
            guard let node = fields["direction"] else {
                report("\(key).direction", .missingKey)
                ok = false
                return nil
            }
            guard case let .choice(c)? = base.readValue(node, .choice(MonotoneDirection.allCases.map(\.rawValue)), path: "\(key).direction") else {
                ok = false
                return nil
            }
            return MonotoneDirection(rawValue: c)
        }
        func boolean(_ name: String) -> Bool? {
            field(name, expected: "true or false") { node -> Bool? in
                if case let .boolean(b) = node { return b }
                return nil
            }
        }
        func place() -> SamplePlace? {
            if let node = fields["from_step"] ?? fields["step"] {
                let name = fields["from_step"] != nil ? "from_step" : "step"
                guard !dynamics.isFlow else {
                    report("\(key).\(name)", .invalidValue("a flow is sampled in time: use \(name == "step" ? "time" : "from_time")"))
                    ok = false
                    return nil
                }
                guard case let .integer(n)? = base.readValue(node, .integer(0...(dynamics.steps ?? Int.max)), path: "\(key).\(name)") else {
                    ok = false
                    return nil
                }
                return .step(n)
            }
            if let node = fields["from_time"] ?? fields["time"] {
                let name = fields["from_time"] != nil ? "from_time" : "time"
                guard dynamics.isFlow else {
                    report("\(key).\(name)", .invalidValue("a map is sampled at steps: use \(name == "time" ? "step" : "from_step")"))
                    ok = false
                    return nil
                }
                guard case let .rational(t)? = base.readValue(node, .rational(minimum: 0, exclusive: false), path: "\(key).\(name)") else {
                    ok = false
                    return nil
                }
                if let horizon = dynamics.horizon, t > horizon {
                    report("\(key).\(name)", .outOfRange(value: t.description, allowed: "it must be within the horizon [0, \(horizon)]"))
                    ok = false
                    return nil
                }
                return .time(t)
            }
            return nil
        }
        var tolerance: Rational?
        if let node = fields["tolerance"] {
            if case let .rational(r)? = base.readValue(node, .rational(minimum: 0, exclusive: false), path: "\(key).tolerance") { tolerance = r } else { ok = false }
        }
        var label = "property \(index + 1)"
        if let node = fields["name"] {
            if case let .string(name) = node, !name.isEmpty { label = name } else {
                report("\(key).name", .wrongType(expected: "a non-empty string", found: base.describe(node)))
                ok = false
            }
        }
        let statement: PropertyDeclaration.Statement?
        switch kind {
        case "invariant":
            statement = text("invariant").map { .invariant($0, law: text("law")) }
        case "monotone":
            let e = text("monotone"), d = direction(), from = place()
            if let d, d.isStrict, tolerance != nil {
                report("\(key).tolerance", .invalidValue("a strict direction (\(d.rawValue)) takes no tolerance"))
                ok = false
            }
            statement = e.flatMap { e in d.map { .monotone(e, direction: $0, from: from) } }
        case "bound":
            let along = boolean("along"), atEnd = boolean("at_end")
            if along == true && atEnd == true {
                report("\(key).at_end", .invalidValue("give along = true or at_end = true, not both"))
                ok = false
            }
            statement = relation("bound").map { .bound(lhs: $0.0, relation: $0.1, rhs: $0.2, atEnd: atEnd == true) }
        case "limit":
            var within: Rational?
            if let node = fields["within"] {
                if case let .rational(r)? = base.readValue(node, .rational(minimum: 0, exclusive: false), path: "\(key).within") { within = r } else { ok = false }
            } else {
                report("\(key).within", .missingKey)
                ok = false
            }
            statement = text("limit").flatMap { e in within.map { .limit(e, value: text("value"), within: $0, rate: text("rate")) } }
        case "equal":
            guard case let .array(items)? = fields["equal"], items.count == 2,
                  case let .string(a) = items[0], case let .string(b) = items[1] else {
                report("\(key).equal", .wrongType(expected: "two expressions, [\"a\", \"b\"]", found: base.describe(fields["equal"]!)))
                return nil
            }
            statement = .equal(source(a, "\(key).equal[0]"), source(b, "\(key).equal[1]"))
        case "at":
            let p = place()
            if p == nil && ok {
                report(key, .invalidValue(dynamics.isFlow ? "say when: time = \"…\"" : "say when: step = n"))
                ok = false
            }
            statement = relation("at").flatMap { r in p.map { .at(lhs: r.0, relation: r.1, rhs: r.2, place: $0) } }
        default:   // trend
            let d = direction()
            var parameter: String?
            if case let .string(name)? = fields["over"], Self.isIdentifier(name) { parameter = name } else {
                report("\(key).over", fields["over"] == nil ? .missingKey : .invalidValue("`over` names the parameter that varies"))
                ok = false
            }
            var values: [Rational] = []
            if case let .array(items)? = fields["values"], items.count >= 2 {
                for (i, item) in items.enumerated() {
                    if let r = base.readRational(item, path: "\(key).values[\(i)]", expected: "an exact number") { values.append(r) } else { ok = false }
                }
            } else {
                report("\(key).values", fields["values"] == nil ? .missingKey
                    : .invalidValue("list at least two values of the parameter, in the order of the trend"))
                ok = false
            }
            statement = text("trend").flatMap { e in d.flatMap { d in parameter.map { .trend(e, over: $0, values: values, direction: d) } } }
        }
        guard ok, let statement else { return nil }
        return PropertyDeclaration(index: index, label: label, statement: statement, tolerance: tolerance)
    }

    // MARK: - Instances

    /// The instances: `[grid]` (every combination) or `[[instance]]`, binding dimension names, parameters and `seed`.
    mutating func readInstances(_ top: [String: TOMLNode], document: inout ConjectureDocument) -> [(binding: InstanceBinding, origin: String)]? {
        var dimensions: [String] = []
        for symbol in document.symbols {
            for case let .named(name) in symbol.shape ?? [] where !dimensions.contains(name) { dimensions.append(name) }
        }
        let fixedParameters = Dictionary(document.parameters.map { ($0.name, $0.value) }) { a, _ in a }
        let identifiers = Self.identifiers(in: document)
        let symbolNames = Set(document.symbols.map(\.name) + document.definitions.map(\.name))
        var specs: [ParameterSpec] = [ParameterSpec("seed", section: .model, type: .integer(Int(Int32.min)...Int(Int32.max)),
                                                    help: "the seed of the random symbols")]
        for name in dimensions { specs.append(ParameterSpec(name, section: .model, type: .integer(1...100_000), help: "a dimension")) }
        var varied = Set<String>()
        for key in ["grid", "instance"] {
            switch top[key] {
            case let .table(t)?: varied.formUnion(t.keys)
            case let .array(items)?: for case let .table(t) in items { varied.formUnion(t.keys) }
            default: break
            }
        }
        var parameterNames = document.parameters.map(\.name)
        for name in varied.sorted() where !dimensions.contains(name) && name != "seed" && !parameterNames.contains(name)
            && identifiers.contains(name) && !symbolNames.contains(name) {
            parameterNames.append(name)
        }
        for name in parameterNames where !dimensions.contains(name) {
            specs.append(ParameterSpec(name, section: .model, type: .rational(minimum: nil, exclusive: false), help: "a parameter"))
        }
        let byName = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0) })
        let names = specs.map(\.name)
        var variations: [[String: (ParameterValue, String)]] = [[:]]
        if top["grid"] != nil && top["instance"] != nil {
            report("instance", .invalidValue("use either [grid] or [[instance]] tables, not both"))
            return nil
        }
        if let grid = top["grid"] {
            guard let expanded = base.readGrid(grid, specs: byName, allNames: names) else { return nil }
            variations = expanded
        } else if let list = top["instance"] {
            guard let explicit = base.readInstanceList(list, specs: byName, allNames: names) else { return nil }
            variations = explicit
        }
        var out: [(binding: InstanceBinding, origin: String)] = []
        for (index, variation) in variations.enumerated() {
            var binding = InstanceBinding(dimensions: [:], parameters: fixedParameters, seed: nil)
            for (name, entry) in variation {
                switch entry.0 {
                case let .integer(n) where name == "seed": binding.seed = n
                case let .integer(n): binding.dimensions[name] = n
                case let .rational(r): binding.parameters[name] = r
                default: break
                }
            }
            for name in dimensions where binding.dimensions[name] == nil {
                if let r = fixedParameters[name], r.isInteger, let n = Int(exactly: r.numerator), n >= 1 {
                    binding.dimensions[name] = n
                    continue
                }
                let user = document.symbols.first { $0.shape?.contains(.named(name)) == true }!
                report(top["instance"] != nil ? "instance[\(index)]" : (top["grid"] != nil ? "grid" : "\(user.key).shape"),
                       .invalidValue("the dimension '\(name)' (in the shape of \(user.name)) is not bound: give it in [grid] or in every [[instance]]"))
                return nil
            }
            let origin = top["instance"] != nil ? "instance[\(index)]" : (top["grid"] != nil ? "grid" : "symbols")
            out.append((binding, origin))
        }
        return out
    }

    /// Every identifier written in an expression or a scale, for telling swept parameters from typos.
    static func identifiers(in document: ConjectureDocument) -> Set<String> {
        var texts = document.definitions.map(\.text.text)
        for symbol in document.symbols {
            if case let .expression(e) = symbol.source { texts.append(e.text) }
            if case let .parameter(p) = symbol.scale { texts.append(p) }
        }
        switch document.dynamics.form {
        case let .gradientFlow(loss, _, extra): texts += [loss.text] + extra.map(\.text.text)
        case let .gradientDescent(loss, step, _, extra): texts += [loss.text, step.text] + extra.map(\.text.text)
        case let .flow(entries), let .map(entries): texts += entries.map(\.text.text)
        }
        if let stop = document.dynamics.stopWhen { texts.append(stop.text) }
        for property in document.properties {
            texts += property.expressions.map(\.text)
            if case let .trend(_, over, _, _) = property.statement { texts.append(over) }
        }
        var out = Set<String>()
        for text in texts {
            var current = ""
            for c in text {
                if c.isLetter || c == "_" || (c.isNumber && !current.isEmpty) { current.append(c) } else {
                    if !current.isEmpty { out.insert(current) }
                    current = ""
                }
            }
            if !current.isEmpty { out.insert(current) }
        }
        return out
    }
}
