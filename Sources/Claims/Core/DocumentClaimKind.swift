/// A claim kind whose files have a format of their own, read whole by the kind rather than through the
/// `[model]`/`[dynamics]`/`[check]` parameter tables (for instance symbolic proof obligations, whose files declare
/// symbols, definitions and identities).
///
/// The parser hands such a file to the kind when its `kind` key names the kind, or when it has no `kind` key and the
/// kind `recognizes` its top-level keys. The kind returns a complete `ClaimSpec` (usually one instance per identity
/// or sub-claim); everything after that (running, verdicts, reports) is the engine's, as for any kind.
public protocol DocumentClaimKind: ClaimKind {
    /// Whether a file without a `kind` key, with these top-level keys, is in this kind's format.
    func recognizes(topLevelKeys: Set<String>) -> Bool

    /// Reads and validates a file in this kind's format.
    ///
    /// - Throws: `ClaimFileErrors` locating every problem by file, line and key.
    func readClaim(text: String, file: String) throws(ClaimFileErrors) -> ClaimSpec

    /// Reads a file whose data files (CSV, JSON) are found relative to `baseDirectory`. The default ignores the
    /// folder and calls `readClaim(text:file:)`.
    func readClaim(text: String, file: String, baseDirectory: String) throws(ClaimFileErrors) -> ClaimSpec
}

extension DocumentClaimKind {
    /// Kinds without data files read the text alone.
    public func readClaim(text: String, file: String, baseDirectory: String) throws(ClaimFileErrors) -> ClaimSpec {
        try readClaim(text: text, file: file)
    }
}
