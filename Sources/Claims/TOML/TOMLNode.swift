/// A parsed TOML value as a plain Sendable tree (TOMLKit's own types wrap C++ pointers and are not Sendable).
///
/// Tables keep their keys sorted; the order in which keys appear in the file comes from `TOMLKeyLines`.
enum TOMLNode: Sendable, Equatable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time, kept as its text (no claim parameter takes one).
    case dateTime(String)

    /// The TOML type with an article, for messages: "a string", "an integer", …
    var typeDescription: String {
        switch self {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .dateTime: return "a date/time"
        }
    }

    /// The value as it would be written in TOML, shortened, for messages.
    var shortText: String {
        let text: String
        switch self {
        case .table(let entries): text = "{" + entries.keys.sorted().joined(separator: ", ") + "}"
        case .array(let items): text = "[" + items.map(\.shortText).joined(separator: ", ") + "]"
        case .string(let s): text = "\"" + s + "\""
        case .integer(let n): text = String(n)
        case .float(let x): text = String(x)
        case .boolean(let b): text = String(b)
        case .dateTime(let s): text = s
        }
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
