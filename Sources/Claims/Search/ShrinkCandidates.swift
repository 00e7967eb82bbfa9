import LinearAlgebra
import MultiPrecision

/// The reductions tried when shrinking a failing instance, in a fixed order (bigger reductions first): each searched
/// integer towards the low end of its range (smaller dimensions, depth, steps, horizon, seeds), each list shorter
/// (fewer layers) or with smaller entries, each rational simpler (`SimplerRationals.candidates`, the low end), each
/// matrix entry zero or its simplest non-zero simpler value, each listed value earlier in its list.
public enum ShrinkCandidates {
    /// The candidates for `parameters`, each with a one-line description; the kind's validation is left to the caller.
    public static func candidates(of parameters: InstanceParameters, ranges: [SearchRange]) -> [(change: String, parameters: InstanceParameters)] {
        var out: [(String, InstanceParameters)] = []
        func with(_ name: String, _ value: ParameterValue) -> InstanceParameters {
            var values = parameters.values
            values[name] = value
            return InstanceParameters(values: values, order: parameters.order)
        }
        for range in ranges {
            let name = range.parameter
            guard let current = parameters.values[name] else { continue }
            switch (range.domain, current) {
            case let (.integer(r), .integer(v)):
                for c in unique([r.lowerBound, v / 2, v - 1]) where c < v && c >= r.lowerBound {
                    out.append(("\(name): \(v) → \(c)", with(name, .integer(c))))
                }
            case let (.rational(minimum, maximum, _), .rational(v)):
                let h = SimplerRationals.height(v)
                var seen: [Rational] = []
                for c in [Rational(0)] + SimplerRationals.candidates(of: v) + [minimum]
                where c >= minimum && c <= maximum && c != v && !seen.contains(c) && (SimplerRationals.height(c) < h || c == minimum) {
                    seen.append(c)
                    out.append(("\(name): \(text(v)) → \(text(c))", with(name, .rational(c))))
                }
            case let (.integerList(length, entries), .integerList(list)):
                if list.count > length.lowerBound {
                    let order = list.count > 2 ? Array(1..<(list.count - 1)) + [0, list.count - 1] : Array(list.indices)
                    for i in order {
                        var shorter = list
                        shorter.remove(at: i)
                        out.append(("\(name): \(listText(list)) → \(listText(shorter))", with(name, .integerList(shorter))))
                    }
                }
                for i in list.indices {
                    for c in unique([entries.lowerBound, list[i] / 2, list[i] - 1]) where c < list[i] && c >= entries.lowerBound {
                        var smaller = list
                        smaller[i] = c
                        out.append(("\(name): \(listText(list)) → \(listText(smaller))", with(name, .integerList(smaller))))
                    }
                }
            case let (.matrix, .matrix(.exact(m, origin))):
                for i in 0..<m.rowCount {
                    for j in 0..<m.columnCount where !m[i, j].isZero {
                        let zeroed = Matrix<Rational>(rows: m.rowCount, columns: m.columnCount) { a, b in a == i && b == j ? 0 : m[a, b] }
                        out.append(("\(name)[\(i + 1), \(j + 1)]: \(text(m[i, j])) → 0", with(name, .matrix(.exact(zeroed, origin: origin)))))
                    }
                }
                for i in 0..<m.rowCount {
                    for j in 0..<m.columnCount where !m[i, j].isZero {
                        guard let simpler = SimplerRationals.candidates(of: m[i, j]).first(where: { !$0.isZero }) else { continue }
                        let changed = Matrix<Rational>(rows: m.rowCount, columns: m.columnCount) { a, b in a == i && b == j ? simpler : m[a, b] }
                        out.append(("\(name)[\(i + 1), \(j + 1)]: \(text(m[i, j])) → \(text(simpler))",
                                    with(name, .matrix(.exact(changed, origin: origin)))))
                    }
                }
            case let (.values(list), value):
                guard let position = list.firstIndex(of: value) else { continue }
                for earlier in list[..<position] {
                    out.append(("\(name): \(value.reportText) → \(earlier.reportText)", with(name, earlier)))
                }
            default:
                continue
            }
        }
        return out
    }

    private static func unique(_ values: [Int]) -> [Int] {
        var seen: [Int] = []
        for v in values where !seen.contains(v) { seen.append(v) }
        return seen
    }

    static func text(_ r: Rational) -> String { r.description }

    private static func listText(_ list: [Int]) -> String { "[" + list.map(String.init).joined(separator: ", ") + "]" }
}
