// CArb shim: Arb 2.23 (Debian's libflint-arb-dev, library `flint-arb`) on FLINT 2.9. Arb has no pkg-config file on
// Debian, so the module map links the libraries directly, like CGLPK. The helpers below wrap Arb's macros
// (arb_midref, arb_radref) and the GMP/MPFR <-> FLINT/Arb conversions that need a temporary FLINT value.
// This module provides no stable Swift API.
#ifndef ATTEST_CARB_SHIM_H
#define ATTEST_CARB_SHIM_H

// GMP and MPFR come in through the CGMP and CMPFR shims, so that their declarations (MPFR_RNDN, mpz_t, ...) belong
// to those modules and Swift files that import only CMPFR still see them.
#include "../CGMP/shim.h"
#include "../CMPFR/shim.h"
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <arb.h>
#include <arb_mat.h>
#include <arb_poly.h>

#if __ARB_VERSION < 2 || (__ARB_VERSION == 2 && __ARB_VERSION_MINOR < 20)
#error "Attest needs Arb 2.20 or later (libflint-arb-dev)"
#endif

#define CARB_SHIM static inline __attribute__((__always_inline__))

/// Wraps the macro `arb_midref`.
CARB_SHIM arf_ptr carb_midref(arb_ptr x) { return arb_midref(x); }
/// Wraps the macro `arb_radref`.
CARB_SHIM mag_ptr carb_radref(arb_ptr x) { return arb_radref(x); }

/// x <- the integer z exactly (radius 0, the midpoint takes as many limbs as z needs).
CARB_SHIM void carb_set_mpz(arb_ptr x, mpz_srcptr z) {
    fmpz_t t; fmpz_init(t); fmpz_set_mpz(t, z); arb_set_fmpz(x, t); fmpz_clear(t);
}
/// x <- a ball containing the rational q (exact when q is dyadic and fits `prec` bits).
CARB_SHIM void carb_set_mpq(arb_ptr x, mpq_srcptr q, slong prec) {
    fmpq_t t; fmpq_init(t); fmpq_set_mpq(t, q); arb_set_fmpq(x, t, prec); fmpq_clear(t);
}
/// Whether the ball x contains the rational q.
CARB_SHIM int carb_contains_mpq(arb_srcptr x, mpq_srcptr q) {
    fmpq_t t; fmpq_init(t); fmpq_set_mpq(t, q); int r = arb_contains_fmpq(x, t); fmpq_clear(t); return r;
}
/// y <- x^q for a rational exponent q (Arb's enclosure).
CARB_SHIM void carb_pow_mpq(arb_ptr y, arb_srcptr x, mpq_srcptr q, slong prec) {
    fmpq_t t; fmpq_init(t); fmpq_set_mpq(t, q); arb_pow_fmpq(y, x, t, prec); fmpq_clear(t);
}
/// x <- the MPFR number y exactly (radius 0).
CARB_SHIM void carb_set_mpfr(arb_ptr x, mpfr_srcptr y) {
    arf_set_mpfr(arb_midref(x), y); mag_zero(arb_radref(x));
}
/// x <- [m +/- r] with both given as MPFR numbers (the radius is rounded up).
CARB_SHIM void carb_set_mid_rad_mpfr(arb_ptr x, mpfr_srcptr m, mpfr_srcptr r) {
    arf_t t; arf_init(t); arf_set_mpfr(t, r); arf_abs(t, t);
    arf_set_mpfr(arb_midref(x), m); arf_get_mag(arb_radref(x), t); arf_clear(t);
}
/// Whether the ball x contains the MPFR number y.
CARB_SHIM int carb_contains_mpfr(arb_srcptr x, mpfr_srcptr y) {
    arf_t t; arf_init(t); arf_set_mpfr(t, y); int r = arb_contains_arf(x, t); arf_clear(t); return r;
}
/// m <- the midpoint of x, rounded in direction rnd at m's precision.
CARB_SHIM void carb_get_mid_mpfr(mpfr_ptr m, arb_srcptr x, mpfr_rnd_t rnd) {
    arf_get_mpfr(m, arb_midref(x), rnd);
}
/// r <- the radius of x, rounded up at r's precision.
CARB_SHIM void carb_get_rad_mpfr(mpfr_ptr r, arb_srcptr x) {
    arf_t t; arf_init(t); arf_set_mag(t, arb_radref(x)); arf_get_mpfr(r, t, MPFR_RNDU); arf_clear(t);
}
/// b <- a lower bound of x (rounded down at b's precision).
CARB_SHIM void carb_get_lbound_mpfr(mpfr_ptr b, arb_srcptr x) {
    arf_t t; arf_init(t); arb_get_lbound_arf(t, x, mpfr_get_prec(b)); arf_get_mpfr(b, t, MPFR_RNDD); arf_clear(t);
}
/// b <- an upper bound of x (rounded up at b's precision).
CARB_SHIM void carb_get_ubound_mpfr(mpfr_ptr b, arb_srcptr x) {
    arf_t t; arf_init(t); arb_get_ubound_arf(t, x, mpfr_get_prec(b)); arf_get_mpfr(b, t, MPFR_RNDU); arf_clear(t);
}
/// Test hook: x's radius <- radius * 2^e. With e < 0 this makes the ball unsound on purpose (mutation tests only).
CARB_SHIM void carb_scale_radius_2exp(arb_ptr x, slong e) {
    mag_mul_2exp_si(arb_radref(x), arb_radref(x), e);
}
/// The radius of x as a double, rounded up (mag_get_d is an upper bound).
CARB_SHIM double carb_rad_d(arb_srcptr x) { return mag_get_d(arb_radref(x)); }
/// Wraps the macro `arb_mat_entry`: a pointer to entry (i, j).
CARB_SHIM arb_ptr carb_mat_entry(arb_mat_struct *m, slong i, slong j) { return arb_mat_entry(m, i, j); }
/// Whether the radius of x is zero (x is an exact number).
CARB_SHIM int carb_is_exact(arb_srcptr x) { return arb_is_exact(x); }

#endif
