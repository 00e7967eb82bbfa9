// CMPFR shim: exposes MPFR macros that Swift cannot import as static inline
// functions, each with a comment naming the macro it wraps.
// This module provides no stable Swift API.
#ifndef ATTEST_CMPFR_SHIM_H
#define ATTEST_CMPFR_SHIM_H

#include <stdio.h>
#include <string.h>
#include <gmp.h>
#include <mpfr.h>

#if MPFR_VERSION < MPFR_VERSION_NUM(4,2,0)
#error "Attest needs MPFR 4.2.0 or later (mpfr_powr, mpfr_rootn_si)"
#endif

#define CMPFR_SHIM static inline __attribute__((__always_inline__))

/// Wraps `MPFR_PREC_MAX` (a cast expression Swift cannot import).
CMPFR_SHIM long cmpfr_prec_max(void) { return (long)MPFR_PREC_MAX; }
/// Wraps the macro form of `mpfr_sgn` (inline speed; the function twin is out of line).
CMPFR_SHIM int cmpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
/// Wraps the macro form of `mpfr_get_prec`.
CMPFR_SHIM long cmpfr_get_prec(mpfr_srcptr x) { return (long)mpfr_get_prec(x); }
/// Wraps the macro form of `mpfr_nan_p`.
CMPFR_SHIM int cmpfr_nan_p(mpfr_srcptr x) { return mpfr_nan_p(x); }
/// Wraps the macro form of `mpfr_inf_p`.
CMPFR_SHIM int cmpfr_inf_p(mpfr_srcptr x) { return mpfr_inf_p(x); }
/// Wraps the macro form of `mpfr_zero_p`.
CMPFR_SHIM int cmpfr_zero_p(mpfr_srcptr x) { return mpfr_zero_p(x); }
/// Wraps the macro form of `mpfr_regular_p`: neither NaN, ±∞ nor ±0.
CMPFR_SHIM int cmpfr_regular_p(mpfr_srcptr x) { return mpfr_regular_p(x); }
/// Wraps the macro form of `mpfr_signbit`.
CMPFR_SHIM int cmpfr_signbit(mpfr_srcptr x) { return mpfr_signbit(x); }
/// Wraps the macro form of `mpfr_get_exp`.
CMPFR_SHIM long cmpfr_get_exp(mpfr_srcptr x) { return (long)mpfr_get_exp(x); }
/// Wraps the macro form of `mpfr_custom_get_size`: bytes of limbs for precision `p`.
CMPFR_SHIM size_t cmpfr_custom_get_size(long p) { return mpfr_custom_get_size((mpfr_prec_t)p); }
/// Wraps the macro form of `mpfr_custom_init`.
CMPFR_SHIM void cmpfr_custom_init(void *significand, long p) { mpfr_custom_init(significand, (mpfr_prec_t)p); }
/// Wraps the macro form of `mpfr_custom_init_set` with a zero value.
CMPFR_SHIM void cmpfr_custom_init_set_zero(mpfr_ptr x, long p, void *significand) {
    mpfr_custom_init_set(x, MPFR_ZERO_KIND, 0, (mpfr_prec_t)p, significand);
}
/// Limb size in bytes (`sizeof(mp_limb_t)`).
CMPFR_SHIM size_t cmpfr_limb_bytes(void) { return sizeof(mp_limb_t); }

/// Wraps `mpfr_set_q` (its prototype needs `__gmp_const mpq_t`, imported fine, kept for symmetry).
CMPFR_SHIM int cmpfr_set_q(mpfr_ptr r, mpq_srcptr q, mpfr_rnd_t rnd) { return mpfr_set_q(r, q, rnd); }
/// Wraps `mpfr_get_z_2exp` for exact conversion to a rational: x = m · 2^e.
CMPFR_SHIM long cmpfr_get_z_2exp(mpz_ptr m, mpfr_srcptr x) { return (long)mpfr_get_z_2exp(m, x); }
/// Wraps `mpfr_set_z_2exp`.
CMPFR_SHIM int cmpfr_set_z_2exp(mpfr_ptr r, mpz_srcptr m, long e, mpfr_rnd_t rnd) { return mpfr_set_z_2exp(r, m, (mpfr_exp_t)e, rnd); }
/// Wraps `mpfr_buildopt_tls_p`: nonzero when MPFR keeps its caches and flags thread-local.
CMPFR_SHIM int cmpfr_buildopt_tls_p(void) { return mpfr_buildopt_tls_p(); }

#endif
