import CArb
import CMPFR
import MultiPrecision

/// A rigorous enclosure of a real number: the closed interval [midpoint − radius, midpoint + radius].
///
/// The midpoint is exact (a binary number at the working precision) and the radius is an upper bound (rounded up),
/// so the interval is never narrower than the ball arithmetic that produced it.
public struct BallEnclosure: Sendable, CustomStringConvertible {
    /// The midpoint.
    public var midpoint: BigFloat
    /// The radius (an upper bound, ≥ 0).
    public var radius: BigFloat

    /// The enclosure [midpoint − radius, midpoint + radius].
    public init(midpoint: BigFloat, radius: BigFloat) {
        self.midpoint = midpoint
        self.radius = radius
    }

    /// The width 2·radius (exact: a doubling).
    public var width: BigFloat { radius + radius }

    /// Whether the interval contains x, decided exactly (no rounding).
    public func contains(_ x: BigFloat) -> Bool {
        var ball = arb_struct(), r = arf_struct(), y = arf_struct()
        arb_init(&ball)
        arf_init(&r)
        arf_init(&y)
        defer { arb_clear(&ball); arf_clear(&r); arf_clear(&y) }
        midpoint.withUnsafeMPFRPointer { carb_set_mpfr(&ball, $0) }
        radius.withUnsafeMPFRPointer { arf_set_mpfr(&r, $0) }
        arf_get_mag(carb_radref(&ball), &r)     // rounds up: the ball only grows
        x.withUnsafeMPFRPointer { arf_set_mpfr(&y, $0) }
        return arb_contains_arf(&ball, &y) != 0
    }

    /// "midpoint ± radius" with a few digits of each.
    public var description: String { "\(midpoint) ± \(radius)" }
}
