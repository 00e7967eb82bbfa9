/// Why a property could not be evaluated on the samples it was given (reported as an ERROR of the instance).
public struct PropertyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// An error.
    public init(_ description: String) { self.description = description }
}
