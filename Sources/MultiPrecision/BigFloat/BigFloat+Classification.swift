import CMPFR

/// Classification and the unit in the last place.
extension BigFloat {
    /// Whether this value is NaN.
    @inlinable public var isNaN: Bool { withUnsafeMPFRPointer { cmpfr_nan_p($0) != 0 } }
    /// Whether this value is +∞ or −∞.
    @inlinable public var isInfinite: Bool { withUnsafeMPFRPointer { cmpfr_inf_p($0) != 0 } }
    /// Whether this value is neither NaN nor infinite.
    @inlinable public var isFinite: Bool { withUnsafeMPFRPointer { mpfr_number_p($0) != 0 } }
    /// Whether this value is +0 or −0.
    @inlinable public var isZero: Bool { withUnsafeMPFRPointer { cmpfr_zero_p($0) != 0 } }

    /// The sign bit: `.minus` for negative values, −0, −∞ and NaNs with the sign bit set.
    @inlinable public var sign: FloatingPointSign {
        withUnsafeMPFRPointer { cmpfr_signbit($0) != 0 ? .minus : .plus }
    }

    /// −1, 0 or +1 by the sign of the value (0 for ±0 and NaN).
    @inlinable public var signum: Int {
        withUnsafeMPFRPointer { cmpfr_nan_p($0) != 0 ? 0 : Int(cmpfr_sgn($0)) }
    }

    /// The binary exponent `e` with `2^(e−1) ≤ |x| < 2^e` (MPFR's convention), or `nil` for 0, ∞ and NaN.
    public var exponent: Int? {
        withUnsafeMPFRPointer { mpfr_regular_p($0) != 0 ? cmpfr_get_exp($0) : nil }
    }

    /// The unit in the last place of this value at its own precision: `2^(e − p)` where `2^(e−1) ≤ |x| < 2^e`.
    ///
    /// Edge cases: NaN for NaN and ±∞; for ±0, the smallest positive value MPFR can represent, 2^(emin−1),
    /// mirroring `Double.ulp` of zero. The result has this value's precision.
    public var ulp: BigFloat {
        let p = precision
        return withUnsafeMPFRPointer { x in
            BigFloat._make(precision: p) { r in
                if cmpfr_nan_p(x) != 0 || cmpfr_inf_p(x) != 0 {
                    mpfr_set_nan(r)
                } else if cmpfr_zero_p(x) != 0 {
                    _ = mpfr_set_ui_2exp(r, 1, mpfr_get_emin() - 1, MPFR_RNDN)
                } else {
                    _ = mpfr_set_ui_2exp(r, 1, cmpfr_get_exp(x) - p, MPFR_RNDN)
                }
            }
        }
    }

    /// Not-a-number at `precision` bits (default: `Precision.current`).
    public static func nan(precision: Int? = nil) -> BigFloat {
        _make(precision: precision ?? Precision.current) { mpfr_set_nan($0) }
    }

    /// +∞ (or −∞ for `sign: .minus`) at `precision` bits (default: `Precision.current`).
    public static func infinity(sign: FloatingPointSign = .plus, precision: Int? = nil) -> BigFloat {
        _make(precision: precision ?? Precision.current) { mpfr_set_inf($0, sign == .minus ? -1 : 1) }
    }
}
