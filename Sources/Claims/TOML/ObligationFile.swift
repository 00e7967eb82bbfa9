import Symbolic

/// Proof-obligation files (`proofs/symbolic/*.toml`, format in docs/symbolic-obligations.md), read through the TOML
/// front-end: the file checks, the preflight against toml++ aborts and the key-to-line scan of every TOML file, then
/// the keys of the format into `ObligationDeclarations`, which the `Symbolic` module checks.
///
/// ```swift
/// let obligation = try ObligationFile.read(file: "proofs/symbolic/balancedness-flow-N2.toml")
/// print(obligation.check().verdictLine)   // PASS  balancedness-flow-N2  proved: 1 identity, …
/// ```
public enum ObligationFile {
    /// Reads the obligation file at `path`.
    ///
    /// - Throws: ``ObligationFileError`` with the file, line and key of the first problem.
    public static func read(file path: String) throws(ObligationFileError) -> ProofObligation {
        let text: String
        do { text = try TOMLDocument.text(ofFile: path) } catch {
            guard case let .unreadable(reason) = error else { throw ObligationFileError(file: path, line: nil, key: nil, message: "\(error)") }
            throw ObligationFileError(file: path, line: nil, key: nil, message: "cannot read the file: \(reason)")
        }
        return try parse(text: text, file: path)
    }

    /// Reads an obligation from TOML text; `file` names it in messages.
    ///
    /// - Throws: ``ObligationFileError`` with the line and key of the first problem.
    public static func parse(text: String, file: String? = nil) throws(ObligationFileError) -> ProofObligation {
        let document: TOMLDocument
        do { document = try TOMLDocument(text: text, file: file ?? "<text>") } catch {
            switch error {
            case let .syntax(line, column, message):
                throw ObligationFileError(file: file, line: line, key: nil,
                                          message: "TOML syntax error at column \(column): \(message)")
            case let .unreadable(reason):
                throw ObligationFileError(file: file, line: nil, key: nil, message: reason)
            }
        }
        return try _ObligationReader(document: document, file: file).read()
    }
}

/// The keys of an obligation file, read into declarations; every error names its line and key.
private struct _ObligationReader {
    let document: TOMLDocument
    let file: String?

    init(document: TOMLDocument, file: String?) {
        self.document = document
        self.file = file
    }

    static let topLevelKeys: Set<String> = ["id", "kind", "title", "statement", "source", "expect", "seed", "trials",
                                             "symbols", "definitions", "flow", "step", "identity"]
    static let symbolKeys: Set<String> = ["kind", "shape", "constant", "note"]
    static let identityKeys: Set<String> = ["name", "claim"]

    func error(_ path: String?, _ message: String) -> ObligationFileError {
        ObligationFileError(file: file, line: path.flatMap { document.keyLines.line(for: $0) }, key: path, message: message)
    }

    func join(_ path: String?, _ key: String) -> String { path.map { "\($0).\(key)" } ?? key }

    func string(_ table: [String: TOMLNode], _ key: String, _ path: String?, required: Bool = true)
        throws(ObligationFileError) -> String? {
        guard let value = table[key] else {
            if required { throw error(path, "missing key '\(key)'") }
            return nil
        }
        guard case let .string(s) = value else { throw error(join(path, key), "must be a string, not \(value.typeDescription)") }
        return s
    }

    func checkKeys(_ table: [String: TOMLNode], allowed: Set<String>, _ path: String?) throws(ObligationFileError) {
        for key in keysInFileOrder(table, path) where !allowed.contains(key) {
            throw error(join(path, key), "unknown key '\(key)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// The keys of `table` in the order they appear in the file.
    func keysInFileOrder(_ table: [String: TOMLNode], _ path: String?) -> [String] {
        table.keys.sorted { a, b in
            (document.keyLines.position(of: join(path, a)), a) < (document.keyLines.position(of: join(path, b)), b)
        }
    }

    /// The key path of a declaration that `Symbolic` found at fault.
    func path(of place: ObligationError.Place) -> String {
        switch place {
        case let .symbol(name): return "symbols.\(name)"
        case .symbols: return "symbols"
        case let .definition(name): return "definitions.\(name)"
        case let .flow(name): return "flow.\(name)"
        case let .step(name): return "step.\(name)"
        case let .identity(index): return "identity[\(index)].claim"
        case .identities: return "identity"
        }
    }

    func read() throws(ObligationFileError) -> ProofObligation {
        let root = document.root
        try checkKeys(root, allowed: Self.topLevelKeys, nil)
        let id = try string(root, "id", nil)!
        let title = try string(root, "title", nil)!
        let statement = try string(root, "statement", nil)!
        let source = try string(root, "source", nil)!
        let expectText = try string(root, "expect", nil)!
        guard let expectation = ProofObligation.Expectation(rawValue: expectText) else {
            throw error("expect", "must be \"proved\" or \"refuted\", not \"\(expectText)\"")
        }
        var check = RandomizedCheck()
        if let seed = root["seed"] {
            guard case let .integer(s) = seed, s >= 0 else { throw error("seed", "must be a non-negative integer") }
            check.seed = UInt64(s)
        }
        if let trials = root["trials"] {
            guard case let .integer(t) = trials, (1...100).contains(t) else {
                throw error("trials", "must be an integer from 1 to 100")
            }
            check.trials = t
        }
        guard case let .table(symbolsTable)? = root["symbols"] else {
            throw error("symbols", root["symbols"] == nil ? "missing table [symbols]" : "must be a table")
        }
        var declarations = ObligationDeclarations(symbols: [], identities: [])
        for name in keysInFileOrder(symbolsTable, "symbols") {
            declarations.symbols.append(try symbol(name, symbolsTable[name]!))
        }
        for section in ["definitions", "flow", "step"] {
            guard let value = root[section] else { continue }
            guard case let .table(table) = value else {
                throw error(section, "must be a table of " + (section == "definitions" ? "name" : "symbol") + " = \"expression\"")
            }
            var entries: [ObligationDeclarations.Entry] = []
            for key in keysInFileOrder(table, section) {
                entries.append(.init(key, try string(table, key, section)!))
            }
            switch section {
            case "definitions": declarations.definitions = entries
            case "flow": declarations.flow = entries
            default: declarations.step = entries
            }
        }
        guard case let .array(identities)? = root["identity"], !identities.isEmpty else {
            throw error("identity", "missing [[identity]] entries (each with claim = \"lhs = rhs\")")
        }
        for (index, node) in identities.enumerated() {
            let path = "identity[\(index)]"
            guard case let .table(table) = node else { throw error(path, "must be a table with claim = \"lhs = rhs\"") }
            try checkKeys(table, allowed: Self.identityKeys, path)
            let name = try string(table, "name", path, required: false) ?? ""
            declarations.identities.append(.init(name, try string(table, "claim", path)!))
        }
        do {
            return try ProofObligation(id: id, title: title, statement: statement, source: source,
                                       expectation: expectation, declarations: declarations, crossCheck: check, file: file)
        } catch {
            throw self.error(path(of: error.place), error.message)
        }
    }

    /// One `[symbols]` entry: a kind (`"matrix"`, `"symmetric"`, `"scalar"`) or an inline table.
    func symbol(_ name: String, _ entry: TOMLNode) throws(ObligationFileError) -> ObligationDeclarations.SymbolDeclaration {
        let path = "symbols.\(name)"
        func kind(_ text: String, at place: String) throws(ObligationFileError) -> Symbol.Kind {
            guard let kind = Symbol.Kind(rawValue: text) else {
                throw error(place, "unknown kind \"\(text)\" (matrix, symmetric, scalar)")
            }
            return kind
        }
        switch entry {
        case let .string(text):
            return .init(name, kind: try kind(text, at: path))
        case let .table(table):
            try checkKeys(table, allowed: Self.symbolKeys, path)
            var declaration = ObligationDeclarations.SymbolDeclaration(name)
            if let text = try string(table, "kind", path, required: false) {
                declaration.kind = try kind(text, at: path + ".kind")
            }
            if let shape = table["shape"] {
                guard case let .array(dimensions) = shape, dimensions.count == 2 else {
                    throw error(path + ".shape", "must be [rows, columns], each a dimension name or a size")
                }
                var parsed: [Dimension] = []
                for dimension in dimensions {
                    switch dimension {
                    case let .integer(n) where n >= 1: parsed.append(.fixed(n))
                    case let .string(d) where !d.isEmpty: parsed.append(.named(d))
                    default: throw error(path + ".shape", "each dimension must be a name or a positive size")
                    }
                }
                declaration.shape = Shape(parsed[0], parsed[1])
            }
            if let constant = table["constant"] {
                guard case let .boolean(flag) = constant else { throw error(path + ".constant", "must be true or false") }
                declaration.isConstant = flag
            }
            if table["note"] != nil { _ = try string(table, "note", path) }
            return declaration
        default:
            throw error(path, "must be a kind (\"matrix\", \"symmetric\", \"scalar\") or an inline table")
        }
    }
}
