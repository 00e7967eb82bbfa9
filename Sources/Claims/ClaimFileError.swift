/// A problem in a claim file, located by file, line and key.
///
/// Every message reads `FILE:LINE: key 'KEY': WHAT IS WRONG`, so that an editor can jump to it and a theorist can
/// see what to change:
///
/// ```
/// proofs/dln-step.toml:14: key 'model.widht': unknown key; did you mean 'width'?
/// proofs/dln-step.toml:22: key 'numerics.precision': 1 is out of range: it must be between 2 and 16777216 bits
/// ```
public struct ClaimFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The claim file (as given on the command line, or the data file's claim file).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The dotted key (`model.widths`, `instance[2].seed`), when the problem belongs to one.
    public var key: String?
    /// What is wrong.
    public var problem: Problem

    /// Creates an error.
    public init(file: String, line: Int?, key: String?, problem: Problem) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    /// What is wrong, one case per kind of problem.
    public enum Problem: Equatable, Sendable {
        /// The file cannot be read (missing, a folder, not UTF-8, …).
        case unreadable(reason: String)
        /// The text is not valid TOML; toml++'s message, at a column of `line`.
        case syntax(column: Int, message: String)
        /// A key that this claim kind does not know, with the closest known key when one is close, and the keys
        /// that the table does accept (listed in the message when given).
        case unknownKey(suggestion: String?, valid: [String] = [])
        /// A required key is absent.
        case missingKey
        /// The value has the wrong TOML type.
        case wrongType(expected: String, found: String)
        /// The value is outside its allowed range.
        case outOfRange(value: String, allowed: String)
        /// A number that cannot be read exactly ("1/0", "abc", "nan").
        case invalidNumber(text: String, reason: String)
        /// A TOML float where an exact number is needed: floats are rounded to binary when read.
        case inexactNumber(text: String)
        /// Shapes that do not fit together (data, widths, weights).
        case dimensionMismatch(String)
        /// A data file (CSV or JSON) that cannot be used.
        case dataFile(path: String, problem: DataFileProblem)
        /// A grid axis with no values, or a grid with no instances.
        case emptyGrid
        /// Two claims with the same id.
        case duplicateID(id: String, firstFile: String, firstLine: Int?)
        /// A `kind` that no registered claim kind has.
        case unknownKind(name: String, suggestion: String?, known: [String])
        /// Any other invalid value, explained.
        case invalidValue(String)
    }

    /// The message: `FILE:LINE: key 'KEY': problem`.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let keyPart = key.map { " key '\($0)':" } ?? ""
        return "\(location):\(keyPart) \(problemDescription)"
    }

    /// The problem alone, without the location.
    public var problemDescription: String {
        switch problem {
        case let .unreadable(reason):
            return "cannot read the claim file: \(reason)"
        case let .syntax(column, message):
            return "TOML syntax error at column \(column): \(message)"
        case let .unknownKey(suggestion, valid):
            return "unknown key" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + (valid.isEmpty ? "" : " (valid keys here: \(valid.sorted().joined(separator: ", ")))")
        case .missingKey:
            return "missing key: this claim needs it"
        case let .wrongType(expected, found):
            return "expected \(expected), found \(found)"
        case let .outOfRange(value, allowed):
            return "\(value) is out of range: \(allowed)"
        case let .invalidNumber(text, reason):
            return "\"\(text)\" is not an exact number: \(reason)"
        case let .inexactNumber(text):
            return "\(text) is a TOML float, which is rounded to binary when read; write it as a string, "
                + "\"\(text)\", so that it is read exactly (fractions such as \"1/3\" work too)"
        case let .dimensionMismatch(message):
            return "mismatched dimensions: \(message)"
        case let .dataFile(path, problem):
            return "data file \(path): \(problem)"
        case .emptyGrid:
            return "the grid is empty: every axis needs at least one value"
        case let .duplicateID(id, firstFile, firstLine):
            return "duplicate claim id \"\(id)\", already used in \(firstFile)" + (firstLine.map { ":\($0)" } ?? "")
        case let .unknownKind(name, suggestion, known):
            return "unknown claim kind \"\(name)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
                + " (known kinds: \(known.joined(separator: ", ")))"
        case let .invalidValue(message):
            return message
        }
    }
}

/// Why a data file (CSV or JSON matrix) cannot be used.
public enum DataFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at that path.
    case missing
    /// The file exists but cannot be read.
    case unreadable(String)
    /// Larger than `MatrixDataFile.maximumBytes`.
    case oversized(bytes: Int, limit: Int)
    /// The extension is neither `.csv` nor `.json`.
    case unsupportedFormat(String)
    /// No rows.
    case empty
    /// Row `row` (1-based) has `found` entries where the first row has `expected`.
    case ragged(row: Int, expected: Int, found: Int)
    /// An entry that is not an exact number (NaN and infinities included); row and column are 1-based.
    case badEntry(row: Int, column: Int, text: String, reason: String)
    /// The JSON is not an array of arrays of numbers or numeric strings.
    case malformedJSON(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .missing: return "no such file"
        case let .unreadable(reason): return "cannot be read (\(reason))"
        case let .oversized(bytes, limit): return "is \(bytes) bytes, larger than the limit of \(limit) bytes"
        case let .unsupportedFormat(ext): return "unsupported format '\(ext)': use .csv or .json"
        case .empty: return "has no rows"
        case let .ragged(row, expected, found): return "row \(row) has \(found) entries, but row 1 has \(expected)"
        case let .badEntry(row, column, text, reason):
            return "row \(row), column \(column): \"\(text)\" is not an exact number (\(reason))"
        case let .malformedJSON(reason): return "malformed JSON: \(reason)"
        }
    }
}

/// All the problems found in one or more claim files. `attest check` prints each and exits with status 2.
public struct ClaimFileErrors: Error, CustomStringConvertible, Sendable {
    /// The problems, in file and line order.
    public var errors: [ClaimFileError]

    /// Wraps a list of problems.
    public init(_ errors: [ClaimFileError]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
