import CArb
import CMPFR

/// Balls from exact numbers and from `BigFloat`, and the midpoint, radius and bounds of a ball as `BigFloat`s.
extension Ball {
    /// The integer `n` exactly (radius 0).
    @inlinable
    public init(_ n: Int, precision: Int? = nil) {
        self.init(precision: precision)
        storage.withUnsafeMutablePointerToHeader { arb_set_si($0, n) }
    }

    /// The integer `n` exactly (radius 0), at the default precision (`DynamicsScalar`'s constant initializer).
    @inlinable
    public init(_ n: Int) { self.init(n, precision: nil) }

    /// The integer `n` exactly (radius 0); the midpoint takes as many limbs as `n` needs.
    public init(_ n: BigInt, precision: Int? = nil) {
        self.init(precision: precision)
        storage.withUnsafeMutablePointerToHeader { x in n.withUnsafeMPZPointer { carb_set_mpz(x, $0) } }
    }

    /// The smallest ball Arb gives around the rational `r` at `precision` bits: exact (radius 0) when `r` is a dyadic
    /// number that fits, otherwise a midpoint within half an ulp of `r` and a radius that covers the difference.
    public init(_ r: Rational, precision: Int? = nil) {
        self.init(precision: precision)
        let bits = self.precision
        storage.withUnsafeMutablePointerToHeader { x in r.withUnsafeMPQPointer { carb_set_mpq(x, $0, bits) } }
    }

    /// A ball containing `r` at the default precision (`DynamicsScalar`'s constant initializer).
    public init(_ r: Rational) { self.init(r, precision: nil) }

    /// The exact number `x` as a ball of radius 0 (working precision: `x`'s own, unless `precision` is given).
    /// A NaN gives Arb's indeterminate ball (NaN midpoint), about which nothing is certain.
    public init(enclosing x: BigFloat, precision: Int? = nil) {
        self.init(precision: precision ?? x.precision)
        storage.withUnsafeMutablePointerToHeader { b in x.withUnsafeMPFRPointer { carb_set_mpfr(b, $0) } }
    }

    /// The ball `[midpoint ± radius]` (the radius is taken in magnitude and rounded up to Arb's 30-bit radius).
    public init(midpoint: BigFloat, radius: BigFloat, precision: Int? = nil) {
        self.init(precision: precision ?? midpoint.precision)
        storage.withUnsafeMutablePointerToHeader { b in
            midpoint.withUnsafeMPFRPointer { m in radius.withUnsafeMPFRPointer { r in carb_set_mid_rad_mpfr(b, m, r) } }
        }
    }

    /// The midpoint, exactly when `precision` bits (default: this ball's working precision) hold it, else rounded
    /// to nearest. Not an enclosure: use `lowerBound` and `upperBound` for rigorous ends.
    public func midpoint(precision bits: Int? = nil) -> BigFloat {
        var result = BigFloat(precision: bits ?? precision)
        result.withUnsafeMutableMPFRPointer { m in withUnsafeArbPointer { carb_get_mid_mpfr(m, $0, MPFR_RNDN) } }
        return result
    }

    /// The midpoint at this ball's working precision.
    public var midpoint: BigFloat { midpoint() }

    /// The radius, rounded up (exact: Arb's radius has 30 bits), at 64 bits.
    public var radius: BigFloat {
        var result = BigFloat(precision: 64)
        result.withUnsafeMutableMPFRPointer { r in withUnsafeArbPointer { carb_get_rad_mpfr(r, $0) } }
        return result
    }

    /// A lower bound of every number in the ball, rounded down at this ball's precision.
    public var lowerBound: BigFloat {
        var result = BigFloat(precision: precision)
        result.withUnsafeMutableMPFRPointer { b in withUnsafeArbPointer { carb_get_lbound_mpfr(b, $0) } }
        return result
    }

    /// An upper bound of every number in the ball, rounded up at this ball's precision.
    public var upperBound: BigFloat {
        var result = BigFloat(precision: precision)
        result.withUnsafeMutableMPFRPointer { b in withUnsafeArbPointer { carb_get_ubound_mpfr(b, $0) } }
        return result
    }

    /// An upper bound of the radius as a `Double` (rounded up).
    public var radiusUpperBound: Double { withUnsafeArbPointer { carb_rad_d($0) } }

    /// Whether the radius is zero: the ball is one exact number.
    public var isExact: Bool { withUnsafeArbPointer { carb_is_exact($0) != 0 } }

    /// Whether the midpoint and radius are finite (Arb's indeterminate results, such as log of a ball containing
    /// zero, are not).
    public var isFinite: Bool { withUnsafeArbPointer { arb_is_finite($0) != 0 } }

    /// The number of bits of relative accuracy, about −log₂(radius/|midpoint|) (Arb's `arb_rel_accuracy_bits`);
    /// `Int.max` for an exact ball, negative for a ball wider than its midpoint.
    public var relativeAccuracyBits: Int { withUnsafeArbPointer { arb_rel_accuracy_bits($0) } }

    /// Whether the ball contains the rational `r` (the test of an enclosure).
    public func contains(_ r: Rational) -> Bool {
        withUnsafeArbPointer { x in r.withUnsafeMPQPointer { carb_contains_mpq(x, $0) != 0 } }
    }

    /// Whether the ball contains the exact number `x`.
    public func contains(_ x: BigFloat) -> Bool {
        withUnsafeArbPointer { b in x.withUnsafeMPFRPointer { carb_contains_mpfr(b, $0) != 0 } }
    }

    /// Whether this ball contains every number of `other`.
    public func contains(_ other: Ball) -> Bool {
        withUnsafeArbPointer { x in other.withUnsafeArbPointer { arb_contains(x, $0) != 0 } }
    }

    /// Whether the two balls have a number in common.
    public func overlaps(_ other: Ball) -> Bool {
        withUnsafeArbPointer { x in other.withUnsafeArbPointer { arb_overlaps(x, $0) != 0 } }
    }

    /// Test hook for mutation tests: the same midpoint with the radius multiplied by `2^exponent`. A negative
    /// exponent makes the ball *unsound* on purpose; rigorous code never calls this.
    public func _scalingRadius(byPowerOfTwo exponent: Int) -> Ball {
        var copy = self
        copy.withUnsafeMutableArbPointer { carb_scale_radius_2exp($0, exponent) }
        return copy
    }
}

extension Ball: CustomStringConvertible {
    /// Arb's decimal form `[m +/- r]`, with as many digits of the midpoint as the radius allows (at most the
    /// digits of the working precision).
    public var description: String {
        let digits = Swift.max(1, Int(Double(precision) * 0.30103))
        return withUnsafeArbPointer { x in
            guard let c = arb_get_str(x, digits, 0) else { return "[? ± ?]" }
            defer { flint_free(c) }
            return String(cString: c)
        }
    }
}
