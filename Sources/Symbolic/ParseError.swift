/// A parse error: what was wrong and where, as a 0-based character offset into the text.
///
/// ```swift
/// do { _ = try Expression(parsing: "W2' W2 - (W1 W1'") } catch {
///     print(error)           // column 17: expected ')' but found the end of the text
///     print(error.pointer)   // the text, then a caret under column 17
/// }
/// ```
public struct ParseError: Error, Hashable, Sendable {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// A character that starts no token.
        case unexpectedCharacter(Character)
        /// A token that does not fit the grammar here.
        case unexpectedToken(found: String, expected: String)
        /// The text ended too early.
        case unexpectedEnd(expected: String)
        /// A malformed or reserved name.
        case invalidName(String)
        /// A malformed number.
        case invalidNumber(String)
        /// An exponent that is not a non-negative integer or `T`.
        case invalidExponent(String)
        /// The text is empty.
        case empty
        /// Parentheses nested deeper than ``Parser/maximumNesting`` (the parser recurses once per level).
        case nestedTooDeeply(limit: Int)
    }

    /// What went wrong.
    public let reason: Reason
    /// The 0-based character offset of the problem.
    public let position: Int
    /// The text that was parsed.
    public let text: String

    /// An error at `position` in `text`.
    public init(_ reason: Reason, at position: Int, in text: String) {
        self.reason = reason
        self.position = position
        self.text = text
    }

    /// The 1-based column of the problem.
    public var column: Int { position + 1 }

    /// The text on one line and a caret under the problem on the next.
    public var pointer: String {
        text + "\n" + String(repeating: " ", count: max(0, position)) + "^"
    }
}

extension ParseError: CustomStringConvertible {
    /// `column k: message`.
    public var description: String {
        let message: String
        switch reason {
        case .unexpectedCharacter(let c): message = "unexpected character '\(c)'"
        case .unexpectedToken(let found, let expected): message = "expected \(expected) but found '\(found)'"
        case .unexpectedEnd(let expected): message = "expected \(expected) but found the end of the text"
        case .invalidName(let name): message = "'\(name)' is not a valid name"
        case .invalidNumber(let text): message = "'\(text)' is not a number"
        case .invalidExponent(let text): message = "the exponent '\(text)' is not a non-negative integer or T"
        case .empty: message = "the text is empty"
        case .nestedTooDeeply(let limit):
            message = limit == Parser.maximumNesting ? "parentheses are nested more than \(limit) deep"
                : "the expression is nested more than \(limit) operations deep (sums and products count)"
        }
        return "column \(column): \(message)"
    }
}
