import Foundation

/// The TOML front-end: one way to read a TOML file or text, for claim files, conjecture files, sweep files and
/// symbolic proof obligations alike.
///
/// Reading a file checks that it exists, is not a folder, has at most `ClaimFileParser.maximumFileBytes` bytes and
/// is UTF-8. Reading text runs `TOMLPreflight` first (the inputs on which toml++ would stop the process), then
/// TOMLKit, and scans the key-to-line table (`TOMLKeyLines`) that locates every later message by line and key.
struct TOMLDocument: Sendable {
    /// The file name used in messages.
    let file: String
    /// The text.
    let text: String
    /// The top-level table.
    let root: [String: TOMLNode]
    /// The line of every key.
    let keyLines: TOMLKeyLines

    /// Why a file or text could not be read as TOML.
    enum Failure: Error, Sendable {
        /// The file cannot be read (missing, a folder, too large, not UTF-8).
        case unreadable(reason: String)
        /// The text is not TOML (or is TOML that toml++ cannot read safely).
        case syntax(line: Int, column: Int, message: String)

        /// As a claim-file problem of `file`.
        func claimFileErrors(file: String) -> ClaimFileErrors {
            switch self {
            case let .unreadable(reason):
                return ClaimFileErrors([ClaimFileError(file: file, line: nil, key: nil, problem: .unreadable(reason: reason))])
            case let .syntax(line, column, message):
                return ClaimFileErrors([ClaimFileError(file: file, line: line, key: nil,
                                                       problem: .syntax(column: column, message: message))])
            }
        }
    }

    /// Parses `text` (preflight, TOMLKit, key lines); `file` names it in messages.
    init(text: String, file: String) throws(Failure) {
        let node: TOMLNode
        do { node = try TOMLNode.parse(text) } catch {
            throw .syntax(line: error.line, column: error.column, message: error.message)
        }
        guard case let .table(root) = node else { throw .syntax(line: 1, column: 1, message: "not a TOML table") }
        self.file = file
        self.text = text
        self.root = root
        self.keyLines = TOMLKeyLines(scanning: text)
    }

    /// Reads and parses the file at `path`.
    static func read(file path: String) throws(Failure) -> TOMLDocument {
        try TOMLDocument(text: text(ofFile: path), file: path)
    }

    /// The text of the file at `path`, once it is known to be a readable UTF-8 file of at most
    /// `ClaimFileParser.maximumFileBytes` bytes.
    static func text(ofFile path: String) throws(Failure) -> String {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable(reason: "no such file") }
        guard !isDirectory.boolValue else { throw .unreadable(reason: "it is a folder") }
        let size = ((try? fileManager.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        let limit = ClaimFileParser.maximumFileBytes
        guard size <= limit else {
            throw .unreadable(reason: "it is \(size) bytes, larger than the limit of \(limit) bytes")
        }
        guard let data = fileManager.contents(atPath: path) else { throw .unreadable(reason: "permission denied or I/O error") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(reason: "it is not UTF-8 text") }
        return text
    }
}
