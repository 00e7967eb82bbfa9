/// A kind's words, declared once: its name in claim files, its one-line summary, and how the check works (for
/// reports, `attest explain`, the catalogue and the doc comment).
public struct KindDescription: Sendable {
    /// The name used in claim files: `kind = "diagonal-network-implicit-bias"`.
    public let name: String
    /// One line: what the kind checks.
    public let summary: String
    /// How the check works, in a few sentences.
    public let method: String

    /// The words of a kind.
    public init(_ name: String, summary: String, method: String) {
        self.name = name
        self.summary = summary
        self.method = method
    }
}

/// A kind whose name, summary and method come from one `KindDescription`:
///
/// ```swift
/// public struct MyKind: TrajectoryKind, DescribedKind {
///     public static let about = KindDescription("my-kind", summary: "…", method: "…")
///     …
/// }
/// ```
public protocol DescribedKind: ClaimKind {
    /// The kind's words.
    static var about: KindDescription { get }
}

extension DescribedKind {
    public var name: String { Self.about.name }
    public var summary: String { Self.about.summary }
    public var method: String { Self.about.method }
}
