import CGMP
import CMPFR

/// Conversions between `BigFloat` and the exact types `BigInt` and `Rational`.
extension BigFloat {
    /// `r` correctly rounded to nearest at `precision` bits (default: `Precision.current`) (`mpfr_set_q`).
    public init(_ r: Rational, precision: Int? = nil) {
        self.init(precision: precision ?? Precision.current)
        storage.withUnsafeMutablePointerToHeader { x in
            r.withUnsafeMPQPointer { _ = mpfr_set_q(x, $0, MPFR_RNDN) }
        }
    }

    /// `r` correctly rounded to nearest at the default precision (the `Scalar` requirement).
    public init(_ r: Rational) {
        self.init(r, precision: nil)
    }

    /// `r` rounded at `precision` bits in the given direction, for one-sided bounds.
    public init(_ r: Rational, precision: Int? = nil, rounding: RoundingMode) {
        self.init(precision: precision ?? Precision.current)
        storage.withUnsafeMutablePointerToHeader { x in
            r.withUnsafeMPQPointer { _ = mpfr_set_q(x, $0, rounding.mpfr) }
        }
    }

    /// `n` correctly rounded to nearest at `precision` bits (default: `Precision.current`) (`mpfr_set_z`).
    public init(_ n: BigInt, precision: Int? = nil) {
        self.init(precision: precision ?? Precision.current)
        storage.withUnsafeMutablePointerToHeader { x in
            n.withUnsafeMPZPointer { _ = mpfr_set_z(x, $0, MPFR_RNDN) }
        }
    }

    /// The value of `source` at the default precision, or `nil` if it is not exactly representable there.
    public init?<T: BinaryInteger>(exactly source: T) {
        let integer = BigInt(source)
        let result = BigFloat(precision: Precision.current)
        let ternary = result.storage.withUnsafeMutablePointerToHeader { x in
            integer.withUnsafeMPZPointer { mpfr_set_z(x, $0, MPFR_RNDN) }
        }
        guard ternary == 0 else { return nil }
        self = result
    }

    /// The exact value `m · 2^e` as an integer significand and exponent, or `nil` for NaN, ±∞ (internal).
    func _significandAndExponent() -> (significand: BigInt, exponent: Int)? {
        guard isFinite else { return nil }
        var significand = BigInt()
        let exponent = withUnsafeMPFRPointer { x in
            significand.withUnsafeMutableMPZPointer { cmpfr_get_z_2exp($0, x) }
        }
        return (significand, exponent)
    }
}

extension Rational {
    /// The exact value of `x` (every finite binary floating-point number is a dyadic rational), or `nil` for
    /// NaN and ±∞. Both zeros give 0.
    public init?(exactly x: BigFloat) {
        guard let (significand, exponent) = x._significandAndExponent() else { return nil }
        // MPFR reports a zero with the minimum exponent (about −2^30): shifting by it would build a 2^(2^30) denominator.
        if significand == BigInt(0) {
            self.init(0)
        } else if exponent >= 0 {
            self.init(significand << exponent)
        } else {
            self.init(numerator: significand, denominator: BigInt(1) << -exponent)
        }
    }
}

extension BigInt {
    /// The value of `x` when it is an integer, else `nil` (also for NaN and ±∞).
    public init?(exactly x: BigFloat) {
        guard let rational = Rational(exactly: x), rational.isInteger else { return nil }
        self = rational.numerator
    }
}
