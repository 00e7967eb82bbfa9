import Foundation

/// A JSON value, read with `JSONDecoder` (booleans, integers and other numbers kept apart).
public indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let i = try? container.decode(Int64.self) { self = .integer(i) }
        else if let d = try? container.decode(Double.self) { self = .number(d) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var numeric: Double? {
        switch self {
        case let .integer(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }
}

/// A validator for the subset of JSON Schema (draft 2020-12) that docs/report-schema.json uses: `type` (one name or
/// a list), `required`, `properties`, `additionalProperties` (a boolean or a schema), `items`, `enum`, `const`,
/// `minimum`, `minItems`, `pattern` and local `$ref`s (`#/$defs/NAME`). Any other keyword is reported as a problem,
/// so that the schema cannot silently use more than this validator checks.
public struct JSONSchemaSubset {
    static let keywords: Set<String> = ["type", "required", "properties", "additionalProperties", "items", "enum",
                                        "const", "minimum", "minItems", "pattern", "$ref"]
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]

    /// The whole schema document (for `$ref`).
    let root: JSONValue

    /// Reads a schema document.
    public init(data: Data) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The problems of the JSON document `json` against the schema, each as `path: what`; empty when it is valid.
    public func problems(in json: Data) throws -> [String] {
        let value = try JSONDecoder().decode(JSONValue.self, from: json)
        var out: [String] = []
        check(value, against: root, at: "$", into: &out)
        return out
    }

    private func check(_ value: JSONValue, against schemaValue: JSONValue, at path: String, into out: inout [String]) {
        guard case let .object(schema) = schemaValue else {
            if schemaValue == .bool(false) { out.append("\(path): not allowed") }
            return
        }
        for key in schema.keys.sorted() where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            out.append("\(path): schema keyword '\(key)' is not supported by this validator")
        }
        if case let .string(ref)? = schema["$ref"] {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard case let .object(root) = root, case let .object(defs)? = root["$defs"], let target = defs[name] else {
                out.append("\(path): unresolved $ref \(ref)")
                return
            }
            check(value, against: target, at: path, into: &out)
        }
        if let type = schema["type"] {
            var names: [String] = []
            if case let .string(name) = type { names = [name] }
            if case let .array(list) = type { names = list.compactMap { if case let .string(s) = $0 { return s } else { return nil } } }
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                out.append("\(path): expected \(names.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if case let .array(options)? = schema["enum"], !options.contains(value) {
            out.append("\(path): \(Self.describe(value)) is not one of the allowed values")
        }
        if let constant = schema["const"], constant != value {
            out.append("\(path): \(Self.describe(value)) is not the required constant")
        }
        if let minimum = schema["minimum"]?.numeric, let number = value.numeric, number < minimum {
            out.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if case let .string(pattern)? = schema["pattern"], case let .string(text) = value {
            let regex = try? NSRegularExpression(pattern: pattern)
            if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                out.append("\(path): \"\(text.prefix(60))\" does not match \(pattern)")
            }
        }
        if case let .object(object) = value {
            if case let .array(required)? = schema["required"] {
                for case let .string(key) in required where object[key] == nil {
                    out.append("\(path): required key '\(key)' is missing")
                }
            }
            var properties: [String: JSONValue] = [:]
            if case let .object(p)? = schema["properties"] { properties = p }
            for key in object.keys.sorted() {
                if let sub = properties[key] {
                    check(object[key]!, against: sub, at: "\(path).\(key)", into: &out)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) { out.append("\(path): key '\(key)' is not allowed") }
                    else { check(object[key]!, against: additional, at: "\(path).\(key)", into: &out) }
                }
            }
        }
        if case let .array(array) = value {
            if case let .integer(minItems)? = schema["minItems"], array.count < minItems {
                out.append("\(path): \(array.count) items, fewer than \(minItems)")
            }
            if let items = schema["items"] {
                for (i, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(i)]", into: &out) }
            }
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("integer", .integer), ("number", .integer), ("number", .number): return true
        case let ("integer", .number(d)): return d.rounded() == d
        default: return false
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case let .string(s): return "\"\(s.prefix(60))\""
        case .object: return "an object"
        case .array: return "an array"
        case let .bool(b): return "\(b)"
        case let .integer(i): return "\(i)"
        case let .number(d): return "\(d)"
        case .null: return "null"
        }
    }
}
