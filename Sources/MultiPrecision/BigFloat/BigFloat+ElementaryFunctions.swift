import CMPFR
import RealModule

/// The elementary functions (swift-numerics `ElementaryFunctions`), each correctly rounded by MPFR.
///
/// Precision: a unary function returns the argument's precision; `pow(x, y)` returns the larger of the two.
/// Edge cases follow MPFR, which follows IEEE 754 / C99 Annex F (for example `log(0) = −∞`, `sqrt(−1) = NaN`).
extension BigFloat: ElementaryFunctions {
    /// eˣ (`mpfr_exp`).
    @inlinable public static func exp(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_exp($0, $1, MPFR_RNDN) } }
    /// eˣ − 1 without cancellation near 0 (`mpfr_expm1`).
    @inlinable public static func expMinusOne(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_expm1($0, $1, MPFR_RNDN) } }
    /// cosh x = (eˣ + e⁻ˣ)/2 (`mpfr_cosh`).
    @inlinable public static func cosh(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_cosh($0, $1, MPFR_RNDN) } }
    /// sinh x = (eˣ − e⁻ˣ)/2 (`mpfr_sinh`).
    @inlinable public static func sinh(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_sinh($0, $1, MPFR_RNDN) } }
    /// tanh x (`mpfr_tanh`).
    @inlinable public static func tanh(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_tanh($0, $1, MPFR_RNDN) } }
    /// cos x, x in radians (`mpfr_cos`).
    @inlinable public static func cos(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_cos($0, $1, MPFR_RNDN) } }
    /// sin x, x in radians (`mpfr_sin`).
    @inlinable public static func sin(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_sin($0, $1, MPFR_RNDN) } }
    /// tan x, x in radians (`mpfr_tan`).
    @inlinable public static func tan(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_tan($0, $1, MPFR_RNDN) } }
    /// The natural logarithm ln x; −∞ at 0, NaN for x < 0 (`mpfr_log`).
    @inlinable public static func log(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_log($0, $1, MPFR_RNDN) } }
    /// ln(1 + x) without cancellation near 0 (`mpfr_log1p`).
    @inlinable public static func log(onePlus x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_log1p($0, $1, MPFR_RNDN) } }
    /// The inverse hyperbolic cosine, for x ≥ 1 (`mpfr_acosh`).
    @inlinable public static func acosh(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_acosh($0, $1, MPFR_RNDN) } }
    /// The inverse hyperbolic sine (`mpfr_asinh`).
    @inlinable public static func asinh(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_asinh($0, $1, MPFR_RNDN) } }
    /// The inverse hyperbolic tangent, for |x| < 1 (`mpfr_atanh`).
    @inlinable public static func atanh(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_atanh($0, $1, MPFR_RNDN) } }
    /// arccos x in [0, π], for |x| ≤ 1 (`mpfr_acos`).
    @inlinable public static func acos(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_acos($0, $1, MPFR_RNDN) } }
    /// arcsin x in [−π/2, π/2], for |x| ≤ 1 (`mpfr_asin`).
    @inlinable public static func asin(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_asin($0, $1, MPFR_RNDN) } }
    /// arctan x in (−π/2, π/2) (`mpfr_atan`).
    @inlinable public static func atan(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_atan($0, $1, MPFR_RNDN) } }

    /// xʸ with IEEE 754 `powr` semantics, as swift-numerics specifies: defined as exp(y·log x), so NaN for
    /// x < 0 and for 0⁰ (`mpfr_powr`). At the larger of the two precisions. For integer exponents with negative
    /// bases use `pow(_:_:)` with an `Int`.
    @inlinable public static func pow(_ x: BigFloat, _ y: BigFloat) -> BigFloat {
        _binary(x, y) { _ = mpfr_powr($0, $1, $2, MPFR_RNDN) }
    }

    /// xⁿ for an integer n, with the semantics of repeated multiplication (so 0⁰ = 1) (`mpfr_pow_si`).
    @inlinable public static func pow(_ x: BigFloat, _ n: Int) -> BigFloat {
        _unary(x) { _ = mpfr_pow_si($0, $1, n, MPFR_RNDN) }
    }

    /// √x; NaN for x < 0, and √−0 = −0 (`mpfr_sqrt`).
    @inlinable public static func sqrt(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_sqrt($0, $1, MPFR_RNDN) } }

    /// The real n-th root; for odd n also of negative x (`mpfr_rootn_si`).
    @inlinable public static func root(_ x: BigFloat, _ n: Int) -> BigFloat {
        _unary(x) { _ = mpfr_rootn_si($0, $1, n, MPFR_RNDN) }
    }

    /// The real cube root ∛x, also of negative x (`mpfr_cbrt`).
    @inlinable public static func cbrt(_ x: BigFloat) -> BigFloat { _unary(x) { _ = mpfr_cbrt($0, $1, MPFR_RNDN) } }
}
