import Foundation

/// The relation of a `bound` or `at` property.
public enum Relation: String, Sendable, CaseIterable {
    /// lhs ≤ rhs.
    case lessOrEqual = "<="
    /// lhs < rhs.
    case less = "<"
    /// lhs ≥ rhs.
    case greaterOrEqual = ">="
    /// lhs > rhs.
    case greater = ">"

    /// Whether equality violates it.
    public var isStrict: Bool { self == .less || self == .greater }

    /// Whether `lhs` and `rhs` satisfy the relation.
    public func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .lessOrEqual: return lhs <= rhs
        case .less: return lhs < rhs
        case .greaterOrEqual: return lhs >= rhs
        case .greater: return lhs > rhs
        }
    }

    /// `≤`, `<`, `≥`, `>`.
    public var symbol: String {
        switch self {
        case .lessOrEqual: return "≤"
        case .less: return "<"
        case .greaterOrEqual: return "≥"
        case .greater: return ">"
        }
    }

    /// Splits `lhs <= rhs` at its relation (the first of `<=`, `>=`, `≤`, `≥`, `<`, `>` outside parentheses), giving
    /// the two sides and the 0-based character offset of the right-hand side; `nil` when there is none or more
    /// than one.
    public static func split(_ text: String) -> (lhs: String, relation: Relation, rhs: String, rhsOffset: Int)? {
        let characters = Array(text)
        var depth = 0
        var found: (start: Int, length: Int, relation: Relation)?
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "(" || c == "[" { depth += 1 } else if c == ")" || c == "]" { depth -= 1 }
            var match: (Int, Relation)?
            if depth == 0 {
                let next = i + 1 < characters.count ? characters[i + 1] : " "
                switch c {
                case "<": match = next == "=" ? (2, .lessOrEqual) : (1, .less)
                case ">": match = next == "=" ? (2, .greaterOrEqual) : (1, .greater)
                case "≤": match = (1, .lessOrEqual)
                case "≥": match = (1, .greaterOrEqual)
                default: break
                }
            }
            if let (length, relation) = match {
                guard found == nil else { return nil }
                found = (i, length, relation)
                i += length
                continue
            }
            i += 1
        }
        guard let found else { return nil }
        let lhs = String(characters[0..<found.start]).trimmingCharacters(in: .whitespaces)
        let rhsStart = found.start + found.length
        let rest = characters[rhsStart...]
        let leading = rest.prefix { $0 == " " || $0 == "\t" }.count
        let rhs = String(rest).trimmingCharacters(in: .whitespaces)
        guard !lhs.isEmpty, !rhs.isEmpty else { return nil }
        return (lhs, found.relation, rhs, rhsStart + leading)
    }
}
