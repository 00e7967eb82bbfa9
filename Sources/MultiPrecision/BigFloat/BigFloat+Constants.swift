import CMPFR

/// Mathematical constants, correctly rounded at the requested precision.
extension BigFloat {
    /// π at the default precision `Precision.current`.
    public static var pi: BigFloat { pi(precision: Precision.current) }
    /// Euler's number e at the default precision.
    public static var e: BigFloat { e(precision: Precision.current) }
    /// ln 2 at the default precision.
    public static var ln2: BigFloat { ln2(precision: Precision.current) }

    /// π at `precision` bits (`mpfr_const_pi`, cached by MPFR per thread).
    public static func pi(precision: Int) -> BigFloat {
        _make(precision: precision) { _ = mpfr_const_pi($0, MPFR_RNDN) }
    }
    /// e = exp(1) at `precision` bits.
    public static func e(precision: Int) -> BigFloat {
        _make(precision: precision) { r in
            _ = mpfr_set_ui(r, 1, MPFR_RNDN)
            _ = mpfr_exp(r, r, MPFR_RNDN)
        }
    }
    /// ln 2 at `precision` bits (`mpfr_const_log2`).
    public static func ln2(precision: Int) -> BigFloat {
        _make(precision: precision) { _ = mpfr_const_log2($0, MPFR_RNDN) }
    }
}
