/// Why an earlier report cannot be resumed by this run.
public struct ResumeMismatch: Error, Sendable, CustomStringConvertible {
    /// What differs.
    public var reason: String

    /// Creates the error.
    public init(_ reason: String) { self.reason = reason }

    /// A one-line message.
    public var description: String { "the report cannot be resumed: \(reason)" }
}
