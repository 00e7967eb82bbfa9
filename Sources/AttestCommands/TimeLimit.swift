import ArgumentParser

/// Time limits given on the command line (`--timeout`, `--timeout-total`).
enum TimeLimit {
    /// The largest limit accepted, in seconds (about 31 years): beyond it, the conversion to a `Duration` in
    /// milliseconds (an `Int64`) would overflow.
    static let maximumSeconds = 1e9

    /// Checks a limit: positive, finite and at most `maximumSeconds`.
    ///
    /// - Throws: `ValidationError` (exit status 2) naming `flag`.
    static func validate(_ seconds: Double, _ flag: String) throws {
        guard seconds > 0, seconds.isFinite, seconds <= maximumSeconds else {
            throw ValidationError("\(flag) must be a positive number of seconds, at most 1e9 (\(seconds) given)")
        }
    }
}
