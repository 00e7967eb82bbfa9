import MultiPrecision

/// Where an observable was sampled: a time of a flow, a step of a map, or the value of a swept parameter (for a
/// trend across runs).
public enum SamplePlace: Sendable, Equatable, CustomStringConvertible {
    /// t, exact (output times are exact fractions of the horizon).
    case time(Rational)
    /// The iterate index k.
    case step(Int)
    /// One run of a trend: the parameter's name and value.
    case parameter(name: String, value: Rational)
    /// A place given by labelled integer coordinates, in order: `step 1, j = 1` (a step and a layer within it).
    case labelled([PlaceCoordinate])

    /// `t = 5/32`, `k = 12`, `alpha = 1/4`.
    public var description: String {
        switch self {
        case let .time(t): return "t = \(ExactDecimal.text(t) ?? t.description)"
        case let .step(k): return "k = \(k)"
        case let .parameter(name, value): return "\(name) = \(ExactDecimal.text(value) ?? value.description)"
        case let .labelled(coordinates): return coordinates.map(\.description).joined(separator: ", ")
        }
    }

    /// The abscissa for a series.
    public var abscissa: Double {
        switch self {
        case let .time(t): return Double(t)
        case let .step(k): return Double(k)
        case let .parameter(_, value): return Double(value)
        case let .labelled(coordinates): return Double(coordinates.first?.value ?? 0)
        }
    }

    /// The axis label for a series: `t`, `step k`, or the parameter's name.
    public var axisLabel: String {
        switch self {
        case .time: return "t"
        case .step: return "step k"
        case let .parameter(name, _): return name
        case let .labelled(coordinates): return coordinates.first?.label ?? ""
        }
    }

    /// Whether this place is at or after `start` (places of different sorts never compare: `false`).
    public func isAtOrAfter(_ start: SamplePlace) -> Bool {
        switch (self, start) {
        case let (.time(a), .time(b)): return a >= b
        case let (.step(a), .step(b)): return a >= b
        default: return false
        }
    }
}

/// One labelled coordinate of a `SamplePlace.labelled` place.
public enum PlaceCoordinate: Sendable, Equatable, CustomStringConvertible {
    /// Written `step 1`: a word and its number.
    case word(String, Int)
    /// Written `j = 1`: a symbol and its value.
    case symbol(String, Int)

    /// The label, `step` or `j`.
    public var label: String {
        switch self { case let .word(label, _), let .symbol(label, _): return label }
    }

    /// The number.
    public var value: Int {
        switch self { case let .word(_, value), let .symbol(_, value): return value }
    }

    /// `step 1` or `j = 1`.
    public var description: String {
        switch self {
        case let .word(label, value): return "\(label) \(value)"
        case let .symbol(label, value): return "\(label) = \(value)"
        }
    }
}
