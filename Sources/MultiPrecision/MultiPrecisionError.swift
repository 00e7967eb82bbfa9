/// Errors from parsing numbers and from precision requests that come from user input.
///
/// Each case describes itself: `description` names the offending text, its position and what was expected.
public enum MultiPrecisionError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `text` is not a number of the expected form; `position` is the 0-based offset (in characters) of the first
    /// character that could not be read, and `expected` says what was expected there.
    case invalidNumber(text: String, position: Int, expected: String)
    /// A precision in bits outside `allowed`.
    case precisionOutOfRange(Int, allowed: ClosedRange<Int>)
    /// A base (radix) outside 2...36.
    case invalidBase(Int)
    /// A division by zero in exact arithmetic (`BigInt`, `Rational`), or a zero denominator in a parsed rational.
    case divisionByZero(text: String?)

    /// A one-line message for people.
    public var description: String {
        switch self {
        case let .invalidNumber(text, position, expected):
            return "invalid number \"\(text)\": expected \(expected) at position \(position)"
        case let .precisionOutOfRange(bits, allowed):
            return "precision \(bits) bits is out of range: it must be between \(allowed.lowerBound) and \(allowed.upperBound) bits"
        case let .invalidBase(base):
            return "base \(base) is out of range: it must be between 2 and 36"
        case let .divisionByZero(text):
            if let text { return "division by zero in \"\(text)\"" }
            return "division by zero"
        }
    }
}
