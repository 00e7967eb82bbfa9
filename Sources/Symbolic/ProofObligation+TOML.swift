import Foundation
import TOMLKit

extension ProofObligation {
    /// Reads an obligation file (TOML; format in docs/symbolic-obligations.md).
    ///
    /// - Throws: ``ObligationFileError`` with the file, line and key of the problem.
    public init(contentsOfFile path: String) throws(ObligationFileError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ObligationFileError(file: path, line: nil, key: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(toml: text, file: path)
    }

    /// Reads an obligation from TOML text. Every name must be declared under `[symbols]`, and every definition,
    /// rate, step and identity must parse and evaluate; errors name the line and key.
    ///
    /// - Throws: ``ObligationFileError``.
    public init(toml text: String, file: String? = nil) throws(ObligationFileError) {
        var reader = _ObligationReader(text: text, file: file)
        self = try reader.read()
    }
}

/// Reads and validates one obligation file.
struct _ObligationReader {
    let text: String
    let file: String?
    let keyLines: _TOMLKeyLines

    init(text: String, file: String?) {
        self.text = text
        self.file = file
        self.keyLines = _TOMLKeyLines(text)
    }

    static let topLevelKeys: Set<String> = ["id", "kind", "title", "statement", "source", "expect", "seed", "trials",
                                             "symbols", "definitions", "flow", "step", "identity"]
    static let symbolKeys: Set<String> = ["kind", "shape", "constant", "note"]
    static let identityKeys: Set<String> = ["name", "claim"]

    func error(_ path: [String], _ message: String) -> ObligationFileError {
        let display = path.enumerated().map { index, part in
            index > 0 && Int(part) != nil ? "[\(Int(part)! + 1)]" : (index > 0 ? "." + part : part)
        }.joined()
        return ObligationFileError(file: file, line: keyLines.line(of: path), key: path.isEmpty ? nil : display, message: message)
    }

    func string(_ table: TOMLTable, _ key: String, _ path: [String], required: Bool = true) throws(ObligationFileError) -> String? {
        guard let value = table[key] else {
            if required { throw error(path, "missing key '\(key)'") }
            return nil
        }
        guard let s = value.string else { throw error(path + [key], "must be a string, not a \(value.type)") }
        return s
    }

    func checkKeys(_ table: TOMLTable, allowed: Set<String>, _ path: [String]) throws(ObligationFileError) {
        for key in table.keys where !allowed.contains(key) {
            throw error(path + [key], "unknown key '\(key)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// The keys of `table` in the order they appear in the file.
    func keysInFileOrder(_ table: TOMLTable, _ path: [String]) -> [String] {
        table.keys.sorted { a, b in
            (keyLines.line(of: path + [a]) ?? 0, a) < (keyLines.line(of: path + [b]) ?? 0, b)
        }
    }

    func symbolic<T>(_ path: [String], _ body: () throws(SymbolicError) -> T) throws(ObligationFileError) -> T {
        do { return try body() } catch { throw self.error(path, error.description) }
    }

    mutating func read() throws(ObligationFileError) -> ProofObligation {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let parseError as TOMLParseError {
            throw ObligationFileError(file: file, line: parseError.source.begin.line, key: nil,
                                      message: "TOML syntax error: \(parseError.description)")
        } catch {
            throw ObligationFileError(file: file, line: nil, key: nil, message: "TOML syntax error: \(error)")
        }
        try checkKeys(root, allowed: Self.topLevelKeys, [])
        let id = try string(root, "id", [])!
        let title = try string(root, "title", [])!
        let statement = try string(root, "statement", [])!
        let source = try string(root, "source", [])!
        let expectText = try string(root, "expect", [])!
        guard let expectation = ProofObligation.Expectation(rawValue: expectText) else {
            throw error(["expect"], "must be \"proved\" or \"refuted\", not \"\(expectText)\"")
        }
        var check = RandomizedCheck()
        if let seed = root["seed"] {
            guard let s = seed.int, s >= 0 else { throw error(["seed"], "must be a non-negative integer") }
            check.seed = UInt64(s)
        }
        if let trials = root["trials"] {
            guard let t = trials.int, (1...100).contains(t) else { throw error(["trials"], "must be an integer from 1 to 100") }
            check.trials = t
        }

        // Symbols: a strict alphabet, in file order.
        guard let symbolsTable = root["symbols"]?.table else {
            throw error(["symbols"], root["symbols"] == nil ? "missing table [symbols]" : "must be a table")
        }
        var alphabet = Alphabet(strict: true)
        var constants: [String] = []
        for name in keysInFileOrder(symbolsTable, ["symbols"]) {
            let path = ["symbols", name]
            guard let canonical = _Naming.canonicalize(name), !_reservedNames.contains(canonical) else {
                throw error(path, "'\(name)' is not a valid symbol name (letters then digits, not a reserved word)")
            }
            var kind = Symbol.Kind.matrix
            var shape: Shape?
            let entry = symbolsTable[name]!
            if let k = entry.string {
                guard let parsed = Symbol.Kind(rawValue: k) else { throw error(path, "unknown kind \"\(k)\" (matrix, symmetric, scalar)") }
                kind = parsed
            } else if let t = entry.table {
                try checkKeys(t, allowed: Self.symbolKeys, path)
                if let k = try string(t, "kind", path, required: false) {
                    guard let parsed = Symbol.Kind(rawValue: k) else {
                        throw error(path + ["kind"], "unknown kind \"\(k)\" (matrix, symmetric, scalar)")
                    }
                    kind = parsed
                }
                if let s = t["shape"] {
                    guard let array = s.array, array.count == 2 else {
                        throw error(path + ["shape"], "must be [rows, columns], each a dimension name or a size")
                    }
                    var dims: [Dimension] = []
                    for element in array {
                        if let n = element.int, n >= 1 {
                            dims.append(.fixed(n))
                        } else if let d = element.string, !d.isEmpty {
                            dims.append(.named(d))
                        } else {
                            throw error(path + ["shape"], "each dimension must be a name or a positive size")
                        }
                    }
                    shape = Shape(dims[0], dims[1])
                }
                if let c = t["constant"] {
                    guard let flag = c.bool else { throw error(path + ["constant"], "must be true or false") }
                    if flag { constants.append(canonical) }
                }
                if t["note"] != nil { _ = try string(t, "note", path) }
            } else {
                throw error(path, "must be a kind (\"matrix\", \"symmetric\", \"scalar\") or an inline table")
            }
            let symbol = Symbol(canonical, kind: kind)
            try symbolic(path) { () throws(SymbolicError) in try alphabet.declare(symbol, shape: shape) }
        }
        var context = Context(alphabet: alphabet)

        // Definitions, in dependency order.
        if let d = root["definitions"] {
            guard let table = d.table else { throw error(["definitions"], "must be a table of name = \"expression\"") }
            var expressions: [String: (key: String, expression: Expression)] = [:]
            for key in keysInFileOrder(table, ["definitions"]) {
                guard let canonical = _Naming.canonicalize(key) else {
                    throw error(["definitions", key], "'\(key)' is not a valid name")
                }
                let text = try string(table, key, ["definitions"])!
                let expression: Expression
                do { expression = try Parser.expression(text) } catch {
                    throw self.error(["definitions", key], error.description)
                }
                expressions[canonical] = (key, expression)
            }
            var done = Set<String>(), visiting: [String] = []
            func visit(_ name: String) throws(ObligationFileError) {
                if done.contains(name) { return }
                let (key, expression) = expressions[name]!
                if let start = visiting.firstIndex(of: name) {
                    throw error(["definitions", key], SymbolicError.definitionCycle(Array(visiting[start...]) + [name]).description)
                }
                visiting.append(name)
                for dependency in expression.names.sorted() where expressions[dependency] != nil { try visit(dependency) }
                visiting.removeLast()
                try symbolic(["definitions", key]) { () throws(SymbolicError) in try context.define(name, as: expression) }
                done.insert(name)
            }
            for key in keysInFileOrder(table, ["definitions"]) { try visit(_Naming.canonicalize(key)!) }
        }

        // Flow and step.
        for section in ["flow", "step"] {
            guard let value = root[section] else {
                if section == "flow" && !constants.isEmpty {
                    try symbolic(["symbols"]) { () throws(SymbolicError) in try context.setFlow([], constants: constants) }
                }
                continue
            }
            guard let table = value.table else { throw error([section], "must be a table of symbol = \"expression\"") }
            var entries: [(String, String)] = []
            for key in keysInFileOrder(table, [section]) {
                entries.append((key, try string(table, key, [section])!))
            }
            // Report the first bad entry with its own line.
            for (index, entry) in entries.enumerated() {
                try symbolic([section, entry.0]) { () throws(SymbolicError) in
                    if section == "flow" {
                        try context.setFlow(Array(entries[...index]).map { ($0.0, $0.1) }, constants: constants)
                    } else {
                        try context.setStep(Array(entries[...index]).map { ($0.0, $0.1) })
                    }
                }
            }
        }

        // Identities.
        guard let identityArray = root["identity"]?.array, !identityArray.isEmpty else {
            throw error(["identity"], "missing [[identity]] entries (each with claim = \"lhs = rhs\")")
        }
        var claims: [ProofObligation.Claim] = []
        for index in 0..<identityArray.count {
            let path = ["identity", String(index)]
            guard let table = identityArray[index].table else { throw error(path, "must be a table with claim = \"lhs = rhs\"") }
            try checkKeys(table, allowed: Self.identityKeys, path)
            let name = try string(table, "name", path, required: false) ?? ""
            let claimText = try string(table, "claim", path)!
            let equation: Equation
            do { equation = try Parser.equation(claimText) } catch {
                throw self.error(path + ["claim"], error.description)
            }
            _ = try symbolic(path + ["claim"]) { () throws(SymbolicError) in try context.prove(equation) }
            claims.append(ProofObligation.Claim(name: name, equation: equation))
        }

        return ProofObligation(id: id, title: title, statement: statement, source: source, expectation: expectation,
                               context: context, claims: claims, crossCheck: check, file: file)
    }
}
