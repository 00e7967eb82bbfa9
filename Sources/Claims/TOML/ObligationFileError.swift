/// A malformed proof-obligation file: where (file, line, key) and what is wrong.
///
/// ```
/// proofs/symbolic/balancedness-flow-N2.toml:17: identity[0].claim: column 9: expected ')' but found '='
/// ```
public struct ObligationFileError: Error, Hashable, Sendable {
    /// The file, when the text came from one.
    public let file: String?
    /// The 1-based line, when known.
    public let line: Int?
    /// The key path, such as `identity[0].claim` (0-based, as in claim files) or `symbols.W1.shape`.
    public let key: String?
    /// What is wrong.
    public let message: String

    /// An error at the given place.
    public init(file: String?, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }
}

extension ObligationFileError: CustomStringConvertible {
    /// `file:line: key: message`, leaving out what is unknown.
    public var description: String {
        var place = file ?? "<text>"
        if let line { place += ":\(line)" }
        if let key { return "\(place): \(key): \(message)" }
        return "\(place): \(message)"
    }
}
