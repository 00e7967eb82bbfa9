import TOMLKit

extension TOMLNode {
    /// Reads TOML text through TOMLKit (toml++) into a `TOMLNode` table.
    ///
    /// - Throws: `TOMLSyntaxError` with the line and column that toml++ reports, or that `TOMLPreflight` finds for
    ///   text toml++ would stop the process on.
    static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLNode {
        if let problem = TOMLPreflight.firstProblem(in: text) {
            throw TOMLSyntaxError(line: problem.line, column: problem.column, message: problem.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw TOMLSyntaxError(line: error.source.begin.line, column: error.source.begin.column,
                                  message: error.description)
        } catch {
            throw TOMLSyntaxError(line: 1, column: 1, message: String(describing: error))
        }
        return TOMLNode(table)
    }

    private init(_ table: TOMLTable) {
        var entries: [String: TOMLNode] = [:]
        for (key, value) in table { entries[key] = TOMLNode(value) }
        self = .table(entries)
    }

    private init(_ value: any TOMLValueConvertible) {
        switch value.type {
        case .table: self = value.table.map { TOMLNode($0) } ?? .table([:])
        case .array: self = .array(value.array.map { array in array.map { TOMLNode($0) } } ?? [])
        case .string: self = .string(value.string ?? "")
        case .int: self = .integer(value.int ?? 0)
        case .double: self = .float(value.double ?? .nan)
        case .bool: self = .boolean(value.bool ?? false)
        case .date, .time, .dateTime: self = .dateTime(String(describing: value))
        }
    }
}

/// A TOML syntax error, positioned by toml++.
struct TOMLSyntaxError: Error, Sendable {
    /// The 1-based line.
    var line: Int
    /// The 1-based column.
    var column: Int
    /// toml++'s description of the problem.
    var message: String
}
