import CArb
import CMPFR
import MultiPrecision

// Small operations on Arb balls used by the validated Taylor step, written with Arb's own functions (no shim beyond
// the midpoint and radius references).

/// y = the midpoint of x, rounded to nearest at y's precision.
@inline(__always) func _arbMidpoint(_ y: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafeMutablePointer<arb_struct>) {
    _ = arf_get_mpfr(y, carb_midref(x), MPFR_RNDN)
}

/// y = the radius of x, rounded up at y's precision (an upper bound).
func _arbRadius(_ y: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafeMutablePointer<arb_struct>) {
    var r = arf_struct()
    arf_init(&r)
    arf_set_mag(&r, carb_radref(x))
    _ = arf_get_mpfr(y, &r, MPFR_RNDU)
    arf_clear(&r)
}

/// y = an upper bound of |x| (|mid| + rad, rounded up at y's precision).
func _arbAbsUpperBound(_ y: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafeMutablePointer<arb_struct>) {
    var u = arf_struct()
    arf_init(&u)
    arb_get_abs_ubound_arf(&u, x, 64)
    _ = arf_get_mpfr(y, &u, MPFR_RNDU)
    arf_clear(&u)
}

/// y = a lower bound of |x| (0 when x contains 0; rounded down at y's precision).
func _arbAbsLowerBound(_ y: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafeMutablePointer<arb_struct>) {
    var u = arf_struct()
    arf_init(&u)
    arb_get_abs_lbound_arf(&u, x, 64)
    _ = arf_get_mpfr(y, &u, MPFR_RNDD)
    arf_clear(&u)
}

/// log₂ of x's radius as a `Double` (−∞ for an exact ball, +∞ for an infinite radius).
func _arbLog2Radius(_ x: UnsafeMutablePointer<arb_struct>) -> Double {
    let r = carb_radref(x)
    if mag_is_zero(r) != 0 { return -.infinity }
    if mag_is_inf(r) != 0 { return .infinity }
    var value = BigFloat(precision: 64)
    value.withUnsafeMutableMPFRPointer { _arbRadius($0, x) }
    return value.withUnsafeMPFRPointer { _log2Magnitude($0) }
}

/// Inflates x: its radius times 2^`doublings`, plus 2^`absoluteExponent`.
@inline(__always) func _arbInflate(_ x: UnsafeMutablePointer<arb_struct>, doublings: Int, absoluteExponent: Int) {
    mag_mul_2exp_si(carb_radref(x), carb_radref(x), doublings)
    arb_add_error_2exp_si(x, absoluteExponent)
}

/// Multiplies x's radius by 2^e (e < 0 shrinks it: only the mutation hooks of the tests do that).
@inline(__always) func _arbScaleRadius(_ x: UnsafeMutablePointer<arb_struct>, by e: Int) {
    mag_mul_2exp_si(carb_radref(x), carb_radref(x), e)
}
