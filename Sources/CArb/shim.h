// CArb shim: Arb 2.23 (Debian libflint-arb-dev) for Swift, with the macros Swift cannot import wrapped as
// static inline functions. This module provides no stable Swift API.
#ifndef ATTEST_CARB_SHIM_H
#define ATTEST_CARB_SHIM_H

#include <math.h>
#include <gmp.h>
#include <mpfr.h>
#include <arb.h>

#define CARB_SHIM static inline __attribute__((__always_inline__))

/// Wraps `arb_midref`.
CARB_SHIM arf_ptr carb_midref(arb_ptr x) { return arb_midref(x); }
/// Wraps `arb_radref`.
CARB_SHIM mag_ptr carb_radref(arb_ptr x) { return arb_radref(x); }

/// x = the exact value of an MPFR number (radius 0).
CARB_SHIM void carb_set_mpfr(arb_ptr x, mpfr_srcptr y) {
    arf_set_mpfr(arb_midref(x), y);
    mag_zero(arb_radref(x));
}

/// x = a ball containing the rational q (numerator and denominator exact, one division at `prec` bits).
CARB_SHIM void carb_set_mpq(arb_ptr x, mpq_srcptr q, slong prec) {
    arb_t d;
    arb_init(d);
    arf_set_mpz(arb_midref(x), mpq_numref(q));
    mag_zero(arb_radref(x));
    arf_set_mpz(arb_midref(d), mpq_denref(q));
    arb_div(x, x, d, prec);
    arb_clear(d);
}

#endif
