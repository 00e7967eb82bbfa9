import Foundation
import MultiPrecision

/// Reading and validating `[search]` and `[threshold]` (every problem with file, line and key, before anything
/// runs), as part of the claim-file reader.
extension _ClaimFileReader {
    /// The top-level tables that this extension reads.
    static let searchTableKeys = ["search", "threshold"]
    /// The keys of `[search]`.
    static let searchKeys = ["draws", "seconds", "seed", "shrink", "shrink_limit", "ranges"]
    /// The keys of `[threshold]`.
    static let thresholdKeys = ["parameter", "pass", "fail", "width"]

    /// Reads `[search]` and `[threshold]` against the kind's parameters. `ok` is false when a problem was reported;
    /// `baseValues` fills the base instance where the sections leave a searched parameter out (the simplest value of
    /// its range, the threshold's pass end).
    mutating func readSearchTables(_ top: [String: TOMLNode], parameters: [ParameterSpec])
        -> (search: SearchSpec?, threshold: ThresholdSpec?, ok: Bool, baseValues: [String: (ParameterValue, String)]) {
        let before = errors.count
        let specs = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var search: SearchSpec?
        var threshold: ThresholdSpec?
        if let node = top["search"] { search = readSearch(node, specs: specs, names: parameters.map(\.name)) }
        if let node = top["threshold"] { threshold = readThreshold(node, specs: specs, names: parameters.map(\.name)) }
        if top["search"] != nil && top["threshold"] != nil {
            report("threshold", .invalidValue("a claim file may have [search] or [threshold], not both"))
        }
        if top["search"] != nil || top["threshold"] != nil {
            for key in ["grid", "instance"] where top[key] != nil {
                report(key, .invalidValue("a claim with [\(top["search"] != nil ? "search" : "threshold")] is checked by it: "
                                          + "give the fixed values in the sections and remove [\(key == "grid" ? "grid" : "[instance]")]"))
            }
        }
        var base: [String: (ParameterValue, String)] = [:]
        for range in search?.ranges ?? [] {
            if let value = range.simplestValue { base[range.parameter] = (value, "search.ranges.\(range.parameter)") }
        }
        if let threshold { base[threshold.parameter] = (.rational(threshold.pass), "threshold.pass") }
        return (search, threshold, errors.count == before, base)
    }

    // MARK: - [search]

    /// The table of section `[name]`, its keys outside `keys` reported; `nil` when it is not a table.
    private mutating func readSection(_ node: TOMLNode, _ name: String, keys: [String]) -> [String: TOMLNode]? {
        guard case let .table(table) = node else {
            report(name, .wrongType(expected: "a table ([\(name)])", found: node.typeDescription))
            return nil
        }
        for key in table.keys.sorted() where !keys.contains(key) {
            report("\(name).\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: keys)))
        }
        return table
    }

    private mutating func readSearch(_ node: TOMLNode, specs: [String: ParameterSpec], names: [String]) -> SearchSpec? {
        guard let table = readSection(node, "search", keys: Self.searchKeys) else { return nil }
        var draws: Int?
        if let value = table["draws"],
           case let .integer(n)? = readValue(value, .integer(1...SearchSpec.maximumDraws), path: "search.draws") { draws = n }
        var seconds: Double?
        switch table["seconds"] {
        case nil: break
        case let .integer(n)? where n > 0: seconds = Double(n)
        case let .float(x)? where x > 0 && x.isFinite: seconds = x
        case let other?: report("search.seconds", .wrongType(expected: "a positive number of seconds", found: describe(other)))
        }
        if table["draws"] == nil && table["seconds"] == nil {
            report("search", .invalidValue("give the budget: draws = N, seconds = S, or both"))
        }
        var seed = 0
        if let value = table["seed"], case let .integer(n)? = readValue(value, .integer(0...(1 << 53)), path: "search.seed") { seed = n }
        var shrink = true
        if let value = table["shrink"] {
            if case let .boolean(b) = value { shrink = b } else {
                report("search.shrink", .wrongType(expected: "true or false", found: describe(value)))
            }
        }
        var shrinkLimit = SearchSpec.defaultShrinkLimit
        if let value = table["shrink_limit"],
           case let .integer(n)? = readValue(value, .integer(0...100_000), path: "search.shrink_limit") { shrinkLimit = n }
        var ranges: [SearchRange] = []
        switch table["ranges"] {
        case nil:
            report("search.ranges", .missingKey)
        case let .table(entries)?:
            if entries.isEmpty { report("search.ranges", .invalidValue("name at least one parameter to search over")) }
            let keys = entries.keys.sorted {
                keyLines.position(of: "search.ranges.\($0)") < keyLines.position(of: "search.ranges.\($1)")
            }
            for key in keys {
                let path = "search.ranges.\(key)"
                guard let spec = specs[key] else {
                    report(path, .unknownKey(suggestion: KeySuggestion.closest(to: key, among: names)))
                    continue
                }
                if let range = readRange(entries[key]!, spec: spec, specs: specs, path: path) { ranges.append(range) }
            }
        case let other?:
            report("search.ranges", .wrongType(expected: "a table ([search.ranges])", found: other.typeDescription))
        }
        return SearchSpec(draws: draws, seconds: seconds, seed: seed, shrink: shrink, shrinkLimit: shrinkLimit, ranges: ranges)
    }

    /// One range, in the form the parameter's type allows.
    private mutating func readRange(_ node: TOMLNode, spec: ParameterSpec, specs: [String: ParameterSpec],
                                    path: String) -> SearchRange? {
        if case let .table(table) = node, let list = table["values"] {
            for key in table.keys.sorted() where key != "values" {
                report("\(path).\(key)", .unknownKey(suggestion: nil))
            }
            guard case let .array(items) = list, !items.isEmpty else {
                report("\(path).values", .wrongType(expected: "a non-empty array of values", found: describe(list)))
                return nil
            }
            return readValues(items, spec: spec, path: "\(path).values")
        }
        switch spec.type {
        case let .integer(allowed):
            guard let (low, high) = readPair(node, path: path, keys: ["min", "max"], extra: []) else { return nil }
            guard case let .integer(a)? = readValue(low.0, spec.type, path: low.1),
                  case let .integer(b)? = readValue(high.0, spec.type, path: high.1) else { return nil }
            guard ordered(a, b, path: path) else { return nil }
            _ = allowed
            return SearchRange(parameter: spec.name, domain: .integer(a...b))
        case .rational:
            guard let (low, high) = readPair(node, path: path, keys: ["min", "max"], extra: ["denominator"]) else { return nil }
            guard case let .rational(a)? = readValue(low.0, spec.type, path: low.1),
                  case let .rational(b)? = readValue(high.0, spec.type, path: high.1) else { return nil }
            guard ordered(a, b, path: path) else { return nil }
            guard let denominator = readDenominator(node, path: path, default: Self.defaultDenominator(a, b, factor: 16)) else {
                return nil
            }
            return SearchRange(parameter: spec.name, domain: .rational(minimum: a, maximum: b, denominator: denominator))
        case let .integerList(element, count):
            guard case let .table(table) = node else {
                report(path, .wrongType(expected: "a table { length = [a, b], entries = [c, d] } or { values = [...] }",
                                        found: describe(node)))
                return nil
            }
            for key in table.keys.sorted() where !["length", "entries"].contains(key) {
                report("\(path).\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: ["length", "entries"])))
            }
            guard let length = readIntegerRange(table["length"], path: "\(path).length", within: count),
                  let entries = readIntegerRange(table["entries"], path: "\(path).entries", within: element) else { return nil }
            return SearchRange(parameter: spec.name, domain: .integerList(length: length, entries: entries))
        case .matrix:
            guard case let .table(table) = node else {
                report(path, .wrongType(expected: "a table { rows = …, columns = …, entries = [a, b] } or { values = [...] }",
                                        found: describe(node)))
                return nil
            }
            let keys = ["rows", "columns", "entries", "denominator"]
            for key in table.keys.sorted() where !keys.contains(key) {
                report("\(path).\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: keys)))
            }
            let rows = readExtent(table["rows"], path: "\(path).rows", specs: specs)
            let columns = readExtent(table["columns"], path: "\(path).columns", specs: specs)
            guard case let .array(ends)? = table["entries"], ends.count == 2 else {
                report("\(path).entries", table["entries"] == nil ? .missingKey
                       : .wrongType(expected: "[lowest, highest] exact numbers", found: describe(table["entries"]!)))
                return nil
            }
            guard let a = readRational(ends[0], path: "\(path).entries[0]", expected: "an exact number"),
                  let b = readRational(ends[1], path: "\(path).entries[1]", expected: "an exact number") else { return nil }
            guard ordered(a, b, path: "\(path).entries") else { return nil }
            guard let rows, let columns,
                  let denominator = readDenominator(node, path: path, default: Self.defaultDenominator(a, b, factor: 4)) else {
                return nil
            }
            return SearchRange(parameter: spec.name, domain: .matrix(rows: rows, columns: columns, entries: a...b,
                                                                     denominator: denominator))
        case .choice:
            guard case let .array(items) = node, !items.isEmpty else {
                report(path, .wrongType(expected: "a non-empty array of the allowed strings", found: describe(node)))
                return nil
            }
            return readValues(items, spec: spec, path: path)
        case .matrixList, .text:
            report(path, .wrongType(expected: "{ values = [...] } (a list of the values to draw from)", found: describe(node)))
            return nil
        }
    }

    /// A `values` list: each item read as the parameter's type (`path[i]`), drawn uniformly.
    private mutating func readValues(_ items: [TOMLNode], spec: ParameterSpec, path: String) -> SearchRange? {
        var values: [ParameterValue] = []
        for (i, item) in items.enumerated() {
            guard let value = readValue(item, spec.type, path: "\(path)[\(i)]") else { return nil }
            values.append(value)
        }
        return SearchRange(parameter: spec.name, domain: .values(values))
    }

    /// Whether the ends of a range are in order (a ≤ b); reports the range at `path` when not.
    private mutating func ordered<T: Comparable>(_ a: T, _ b: T, path: String) -> Bool {
        guard a > b else { return true }
        report(path, .outOfRange(value: "[\(a), \(b)]", allowed: "the lower end must not exceed the upper end"))
        return false
    }

    /// `[low, high]` or `{ min = low, max = high, … }`: the two nodes with their key paths.
    private mutating func readPair(_ node: TOMLNode, path: String, keys: [String], extra: [String])
        -> ((TOMLNode, String), (TOMLNode, String))? {
        switch node {
        case let .array(items) where items.count == 2:
            return ((items[0], "\(path)[0]"), (items[1], "\(path)[1]"))
        case let .table(table):
            for key in table.keys.sorted() where !(keys + extra).contains(key) {
                report("\(path).\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: keys + extra)))
            }
            guard let low = table[keys[0]], let high = table[keys[1]] else {
                report("\(path).\(table[keys[0]] == nil ? keys[0] : keys[1])", .missingKey)
                return nil
            }
            return ((low, "\(path).\(keys[0])"), (high, "\(path).\(keys[1])"))
        default:
            report(path, .wrongType(expected: "[lowest, highest] or { \(keys[0]) = …, \(keys[1]) = … }", found: describe(node)))
            return nil
        }
    }

    private mutating func readIntegerRange(_ node: TOMLNode?, path: String, within allowed: ClosedRange<Int>) -> ClosedRange<Int>? {
        guard let node else {
            report(path, .missingKey)
            return nil
        }
        guard case let .array(items) = node, items.count == 2, case let .integer(a) = items[0], case let .integer(b) = items[1] else {
            report(path, .wrongType(expected: "[lowest, highest] integers", found: describe(node)))
            return nil
        }
        guard a <= b, allowed.contains(a), allowed.contains(b) else {
            report(path, .outOfRange(value: "[\(a), \(b)]",
                                     allowed: "it must be an increasing pair within \(allowed.lowerBound)…\(allowed.upperBound)"))
            return nil
        }
        return a...b
    }

    private mutating func readExtent(_ node: TOMLNode?, path: String, specs: [String: ParameterSpec]) -> SearchRange.Extent? {
        switch node {
        case nil:
            report(path, .missingKey)
            return nil
        case let .integer(n)? where (1...1024).contains(n):
            return .fixed(n)
        case let .string(name)?:
            guard let spec = specs[name], case .integer = spec.type else {
                report(path, .invalidValue("\"\(name)\" is not an integer parameter of this kind"
                                           + (KeySuggestion.closest(to: name, among: Array(specs.keys)).map { "; did you mean \"\($0)\"?" } ?? "")))
                return nil
            }
            return .parameter(name)
        case let other?:
            report(path, .wrongType(expected: "a size between 1 and 1024, or the name of an integer parameter", found: describe(other)))
            return nil
        }
    }

    private mutating func readDenominator(_ node: TOMLNode, path: String, default value: Int?) -> Int? {
        guard case let .table(table) = node, let given = table["denominator"] else {
            if let value { return value }
            report("\(path).denominator", .invalidValue("the ends have large denominators: give denominator = D explicitly"))
            return nil
        }
        guard case let .integer(d)? = readValue(given, .integer(1...(1 << 40)), path: "\(path).denominator") else { return nil }
        return d
    }

    /// `factor` × lcm of the ends' denominators, when that fits comfortably.
    static func defaultDenominator(_ a: Rational, _ b: Rational, factor: Int) -> Int? {
        let da = a.denominator, db = b.denominator
        var x = da, y = db
        while !y.isZero { (x, y) = (y, x % y) }
        let lcm = da / x * db
        guard let small = Int(exactly: lcm), small <= 1 << 36 else { return nil }
        return small * factor
    }

    // MARK: - [threshold]

    private mutating func readThreshold(_ node: TOMLNode, specs: [String: ParameterSpec], names: [String]) -> ThresholdSpec? {
        guard let table = readSection(node, "threshold", keys: Self.thresholdKeys) else { return nil }
        guard let name = requiredString(table, "parameter", path: "threshold.parameter") else { return nil }
        guard let spec = specs[name] else {
            report("threshold.parameter", .invalidValue("\"\(name)\" is not a parameter of this kind"
                                                        + (KeySuggestion.closest(to: name, among: names).map { "; did you mean \"\($0)\"?" } ?? "")))
            return nil
        }
        guard case .rational = spec.type else {
            report("threshold.parameter", .invalidValue("\"\(name)\" is not an exact number: bisection needs a scalar parameter"))
            return nil
        }
        var ends: [Rational] = []
        for key in ["pass", "fail"] {
            guard let value = table[key] else {
                report("threshold.\(key)", .missingKey)
                continue
            }
            if case let .rational(r)? = readValue(value, spec.type, path: "threshold.\(key)") { ends.append(r) }
        }
        guard ends.count == 2 else { return nil }
        guard ends[0] != ends[1] else {
            report("threshold.fail", .invalidValue("the pass and fail ends are equal"))
            return nil
        }
        var width = ThresholdSpec.defaultWidth
        if let value = table["width"] {
            if case let .string(text) = value, let power = Self.powerOfTwo(text) {
                width = power
            } else if let r = readRational(value, path: "threshold.width", expected: "an exact number or \"2^-n\"") {
                guard r > 0 else {
                    report("threshold.width", .outOfRange(value: r.description, allowed: "it must be positive"))
                    return nil
                }
                width = r
            } else { return nil }
        }
        var steps = 0
        var span = (ends[1] - ends[0]).magnitude
        while span > width && steps <= ThresholdSpec.maximumSteps { span = span / 2; steps += 1 }
        guard steps <= ThresholdSpec.maximumSteps else {
            report("threshold.width", .outOfRange(value: width.description,
                                                  allowed: "it must be reachable in \(ThresholdSpec.maximumSteps) bisection steps"))
            return nil
        }
        return ThresholdSpec(parameter: name, pass: ends[0], fail: ends[1], width: width)
    }

    private mutating func requiredString(_ table: [String: TOMLNode], _ key: String, path: String) -> String? {
        guard let node = table[key] else {
            report(path, .missingKey)
            return nil
        }
        guard case let .string(text) = node else {
            report(path, .wrongType(expected: "a string", found: describe(node)))
            return nil
        }
        return text
    }

    /// `"2^-20"` → 2⁻²⁰ (exponents from −4096 to 4096).
    static func powerOfTwo(_ text: String) -> Rational? {
        let compact = text.replacingOccurrences(of: " ", with: "")
        guard compact.hasPrefix("2^"), let exponent = Int(compact.dropFirst(2)), abs(exponent) <= 4096 else { return nil }
        let power = BigInt(1) << abs(exponent)
        return exponent >= 0 ? Rational(power) : Rational(numerator: 1, denominator: power)
    }
}
