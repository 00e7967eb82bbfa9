/// A problem in a conjecture's declarations, found before anything runs: the key it is under (`dynamics.map.x`,
/// `symbols.W1.init`, `property[2].invariant`), the 1-based column in the expression text where there is one, and
/// the message. The claim kind adds the file and line.
public struct ConjectureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The key whose value is wrong.
    public var key: String
    /// The 1-based column (in characters of the expression text), or `nil` when the problem is not in an expression.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// An error under `key`, at `column` if known.
    public init(key: String, column: Int? = nil, message: String) {
        self.key = key
        self.column = column
        self.message = message
    }

    /// `key, column c: message`.
    public var description: String {
        if let column { return "\(key), column \(column): \(message)" }
        return "\(key): \(message)"
    }
}

/// A failure while evaluating a bound conjecture on a state: the cause (log of a non-positive entry, a singular
/// solve, a division by zero, a non-finite value, a ReLU kink), with the expression column where it arose when known.
/// The claim kind adds the instance and the time or step.
public struct ConjectureRuntimeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The 1-based column of the operation in its expression text, if known.
    public var column: Int?

    /// A failure with the given cause.
    public init(_ message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }

    /// The cause, with the column when known.
    public var description: String {
        column.map { "\(message) (column \($0))" } ?? message
    }
}

/// The known name closest to a misspelt one, for "did you mean …?" (edit distance at most 2, or a third of the
/// name's length for long names).
func _closestName(to name: String, among candidates: [String]) -> String? {
    let a = Array(name.lowercased())
    var best: (Int, String)?
    for candidate in candidates.sorted() {
        let b = Array(candidate.lowercased())
        if a.isEmpty || b.isEmpty { continue }
        var d = Array(0...b.count)
        for i in 1...a.count {
            var previous = d[0]
            d[0] = i
            for j in 1...b.count {
                let substitution = previous + (a[i - 1] == b[j - 1] ? 0 : 1)
                previous = d[j]
                d[j] = min(d[j] + 1, d[j - 1] + 1, substitution)
            }
        }
        if best == nil || d[b.count] < best!.0 { best = (d[b.count], candidate) }
    }
    guard let best, best.0 <= max(2, a.count / 3) else { return nil }
    return best.1
}
