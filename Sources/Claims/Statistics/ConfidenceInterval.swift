import MultiPrecision

/// A two-sided confidence interval [lower, upper] with exact rational endpoints, rounded outwards: the true
/// parameter lies in it with probability at least `confidence` (δ/2 on each side, δ = 1 − confidence).
public struct ConfidenceInterval: Sendable, Equatable {
    /// The lower endpoint.
    public var lower: Rational
    /// The upper endpoint.
    public var upper: Rational
    /// The confidence level 1 − δ, in (0, 1).
    public var confidence: Rational
    /// The method, in words: "Clopper–Pearson", "Hoeffding", "empirical Bernstein (Maurer–Pontil)".
    public var method: String

    /// Creates an interval.
    public init(lower: Rational, upper: Rational, confidence: Rational, method: String) {
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.method = method
    }

    /// The interval widened by `slack` on both sides (the per-seed numerical error), clipped to `range` if given.
    public func widened(by slack: Rational, within range: ClosedRange<Rational>? = nil) -> ConfidenceInterval {
        var result = self
        result.lower = lower - slack
        result.upper = upper + slack
        if let range {
            result.lower = max(result.lower, range.lowerBound)
            result.upper = min(result.upper, range.upperBound)
        }
        return result
    }

    /// Whether the interval contains `value`.
    public func contains(_ value: Rational) -> Bool { lower <= value && value <= upper }

    /// A test hook: the interval shrunk towards its midpoint by `factor` ∈ [0, 1] (0 leaves it, 1 collapses it).
    /// Only tests use it, to check that the coverage tests catch an interval that is too narrow.
    public func shrunk(by factor: Rational) -> ConfidenceInterval {
        let middle = (lower + upper) / 2, half = (upper - lower) / 2 * (1 - factor)
        return ConfidenceInterval(lower: middle - half, upper: middle + half, confidence: confidence,
                                  method: method + " (shrunk by \(factor), test hook)")
    }
}

/// Outward rounding of BigFloat results to exact rationals, shared by the bounds that need logarithms and roots.
enum OutwardRounding {
    /// The precision at which the bounds' transcendental parts are evaluated.
    static let bits = 160

    /// An exact rational ≥ x: x enlarged by the relative 2⁻¹²⁸ (plus 2⁻¹²⁸ absolute), which exceeds the
    /// accumulated rounding of the few correctly rounded 160-bit operations that produced x (each ≤ 2⁻¹⁶⁰ relative).
    static func above(_ x: BigFloat) -> Rational {
        let r = Rational(exactly: x)!
        let slack = Rational(numerator: 1, denominator: BigInt(1) << 128)
        return r + (r < 0 ? -r : r) * slack + slack
    }

    /// An exact rational ≤ x (see `above`).
    static func below(_ x: BigFloat) -> Rational { -above(-x) }
}
