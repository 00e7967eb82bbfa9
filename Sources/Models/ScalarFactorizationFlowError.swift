/// A request outside the domain of the closed forms of `ScalarFactorizationFlow` (docs/theory.md §5.2).
public struct ScalarFactorizationFlowError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is out of range, in words.
    public var reason: String

    /// An error with its reason.
    public init(_ reason: String) { self.reason = reason }

    /// A one-line message.
    public var description: String { "scalar factorization flow: \(reason)" }
}
