import MultiPrecision

/// What a property yields on one run: the margin (≥ 0 when it holds), where the margin is smallest, the
/// measurements, and the series for figures.
public struct PropertyOutcome: Sendable {
    /// What was checked, in words: `tr(W2'W2) - tr(W1W1') at t = 0, 1/32, …, 2 (65 samples) equals its value at t = 0`.
    public var checked: String
    /// The margin: ≥ 0 when the property holds, in the units of the property.
    public var margin: QuantityValue
    /// Where the margin is smallest: `t = 5/32, entry (2, 1)`.
    public var place: String?
    /// The measurements, in report order; their names do not depend on the instance.
    public var quantities: [Quantity]
    /// Monitored quantities along the run.
    public var series: [Series]
    /// The theorem's hypotheses and the signs the run branched on, as `Evaluation` has them (a preset adds them).
    public var hypotheses: [Condition] = [], branches: [Condition] = []
    /// The margin's method error that a second precision cannot reveal (`Evaluation.marginMethodError`), if any.
    public var methodError: BigFloat?

    /// An outcome.
    public init(checked: String, margin: QuantityValue, place: String?, quantities: [Quantity], series: [Series] = []) {
        self.checked = checked
        self.margin = margin
        self.place = place
        self.quantities = quantities
        self.series = series
    }

    /// Whether `a` is a smaller margin than `b` (exact comparison for exact margins, else at 64 bits more than the
    /// finer of the two).
    public static func isSmaller(_ a: QuantityValue, than b: QuantityValue) -> Bool {
        if case let .exact(x) = a, case let .exact(y) = b { return x < y }
        let bits = 64 + max(precision(of: a), precision(of: b))
        return a.bigFloat(precision: bits) < b.bigFloat(precision: bits)
    }

    private static func precision(of value: QuantityValue) -> Int {
        if case let .rounded(x) = value { return x.precision }
        return 64
    }
}

/// How the places of a run are described in a verdict: `t = 0, 1/32, …, 2 (65 samples)`.
public enum SampleListDescription {
    /// The first two and the last place, with the count.
    public static func text(_ places: [SamplePlace]) -> String {
        switch places.count {
        case 0: return "no samples"
        case 1: return "\(places[0])"
        case 2: return "\(places[0]) and \(value(places[1]))"
        case 3: return "\(places[0]), \(value(places[1])), \(value(places[2]))"
        default:
            return "\(places[0]), \(value(places[1])), …, \(value(places[places.count - 1])) (\(places.count) samples)"
        }
    }

    /// The place without its variable: `1/32`, `12`.
    static func value(_ place: SamplePlace) -> String {
        switch place {
        case let .time(t): return ExactDecimal.text(t) ?? t.description
        case let .step(k): return "\(k)"
        case let .parameter(_, v): return ExactDecimal.text(v) ?? v.description
        case .labelled: return place.description
        }
    }
}
