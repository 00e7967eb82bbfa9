import CMPFR
import RealModule

/// The real functions of swift-numerics' `RealFunctions`, each correctly rounded by MPFR.
///
/// Precision: unary functions keep the argument's precision; `atan2` and `hypot` return the larger precision.
extension BigFloat: RealFunctions {
    /// The angle of the point (x, y) in (−π, π] (`mpfr_atan2`), with C99's signed-zero conventions.
    @inlinable public static func atan2(y: BigFloat, x: BigFloat) -> BigFloat {
        _binary(y, x) { _ = mpfr_atan2($0, $1, $2, MPFR_RNDN) }
    }
    /// The error function erf x = (2/√π) ∫₀ˣ e^(−t²) dt (`mpfr_erf`).
    @inlinable public static func erf(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_erf($0, $1, MPFR_RNDN) } }
    /// The complementary error function 1 − erf x, accurate for large x (`mpfr_erfc`).
    @inlinable public static func erfc(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_erfc($0, $1, MPFR_RNDN) } }
    /// 2ˣ (`mpfr_exp2`).
    @inlinable public static func exp2(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_exp2($0, $1, MPFR_RNDN) } }
    /// 10ˣ (`mpfr_exp10`).
    @inlinable public static func exp10(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_exp10($0, $1, MPFR_RNDN) } }
    /// √(x² + y²) without undue overflow or underflow (`mpfr_hypot`).
    @inlinable public static func hypot(_ x: BigFloat, _ y: BigFloat) -> BigFloat {
        _binary(x, y) { _ = mpfr_hypot($0, $1, $2, MPFR_RNDN) }
    }
    /// The gamma function Γ(x); NaN at the poles 0, −1, −2, … except ±∞ at ±0 (`mpfr_gamma`).
    @inlinable public static func gamma(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_gamma($0, $1, MPFR_RNDN) } }
    /// log₂ x (`mpfr_log2`).
    @inlinable public static func log2(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_log2($0, $1, MPFR_RNDN) } }
    /// log₁₀ x (`mpfr_log10`).
    @inlinable public static func log10(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_log10($0, $1, MPFR_RNDN) } }

    /// log |Γ(x)|, +∞ at the poles 0, −1, −2, … (`mpfr_lgamma`).
    public static func logGamma(_ x: BigFloat) -> BigFloat {
        _unary(x) { r, a in
            var sign: Int32 = 0
            _ = mpfr_lgamma(r, &sign, a, MPFR_RNDN)
        }
    }

    /// The sign of Γ(x). At the poles (0, −1, −2, …) and for NaN it is `.plus`, as swift-numerics defines it.
    public static func signGamma(_ x: BigFloat) -> FloatingPointSign {
        x.withUnsafeMPFRPointer { a in
            if cmpfr_nan_p(a) != 0 || (mpfr_integer_p(a) != 0 && cmpfr_sgn(a) <= 0 && cmpfr_zero_p(a) == 0) {
                return .plus
            }
            if cmpfr_zero_p(a) != 0 { return cmpfr_signbit(a) != 0 ? .minus : .plus }
            let scratch = BigFloat(precision: Swift.max(cmpfr_get_prec(a), 2))
            var sign: Int32 = 0
            scratch.storage.withUnsafeMutablePointerToHeader { _ = mpfr_lgamma($0, &sign, a, MPFR_RNDN) }
            return sign < 0 ? .minus : .plus
        }
    }
}
