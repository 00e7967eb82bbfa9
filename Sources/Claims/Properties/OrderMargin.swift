import MultiPrecision

/// The margin of an order statement (`bound`, `monotone`, `trend`): the smallest signed gap g plus the slack of a
/// non-strict relation, g + tolerance (g alone for a strict one). A strict relation with g = 0 in exact arithmetic
/// is violated: the margin is −1 by convention (as for a refuted identity), and `tie` says so for the place.
struct OrderMargin {
    /// The margin.
    var margin: QuantityValue
    /// Whether a strict relation failed on a tie.
    var tie: Bool

    /// The margin of the smallest gap `smallest`.
    init<Scalar: PropertyScalar>(smallest: Scalar, strict: Bool, tolerance: Rational = 0) {
        tie = Scalar.isExact && strict && smallest == Scalar(propertyValue: 0)
        margin = tie ? .exact(-1) : (smallest + Scalar(propertyValue: strict ? 0 : tolerance)).quantityValue
    }

    /// The tolerance as the verdict states it (`1/1000`), or `nil` for a strict relation or a zero tolerance.
    static func toleranceText(_ tolerance: Rational, strict: Bool) -> String? {
        strict || tolerance.isZero ? nil : ExactDecimal.text(tolerance) ?? tolerance.description
    }
}
