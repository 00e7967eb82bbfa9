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

    /// `t = 5/32`, `k = 12`, `alpha = 1/4`.
    public var description: String {
        switch self {
        case let .time(t): return "t = \(ExactDecimal.text(t) ?? t.description)"
        case let .step(k): return "k = \(k)"
        case let .parameter(name, value): return "\(name) = \(ExactDecimal.text(value) ?? value.description)"
        }
    }

    /// The abscissa for a series.
    public var abscissa: Double {
        switch self {
        case let .time(t): return Double(t)
        case let .step(k): return Double(k)
        case let .parameter(_, value): return Double(value)
        }
    }

    /// The axis label for a series: `t`, `step k`, or the parameter's name.
    public var axisLabel: String {
        switch self {
        case .time: return "t"
        case .step: return "step k"
        case let .parameter(name, _): return name
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
