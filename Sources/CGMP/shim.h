// CGMP shim: exposes GMP's function-like macros, which Swift cannot import, as
// static inline functions. GMP's public names (mpz_add, ...) are object-like
// macros for __gmpz_add and friends; Swift sees only the __gmp names, so the
// Swift code calls those directly and uses these shims for the true macros.
// This module provides no stable Swift API.
#ifndef ATTEST_CGMP_SHIM_H
#define ATTEST_CGMP_SHIM_H

#include <gmp.h>
#include <stdlib.h>

#define CGMP_SHIM static inline __attribute__((__always_inline__))

/// Wraps the macro `mpz_sgn`.
CGMP_SHIM int cgmp_mpz_sgn(const mpz_t z) { return mpz_sgn(z); }
/// Wraps the macro `mpq_sgn`.
CGMP_SHIM int cgmp_mpq_sgn(const mpq_t q) { return mpq_sgn(q); }
/// Wraps the macro `mpz_odd_p`.
CGMP_SHIM int cgmp_mpz_odd_p(const mpz_t z) { return mpz_odd_p(z); }
/// Wraps the macro `mpz_even_p`.
CGMP_SHIM int cgmp_mpz_even_p(const mpz_t z) { return mpz_even_p(z); }
/// Wraps the macro `mpq_numref` (a pointer into the rational, not a copy).
CGMP_SHIM mpz_ptr cgmp_mpq_numref(mpq_ptr q) { return mpq_numref(q); }
/// Wraps the macro `mpq_denref` (a pointer into the rational, not a copy).
CGMP_SHIM mpz_ptr cgmp_mpq_denref(mpq_ptr q) { return mpq_denref(q); }
/// Wraps the macro `mpz_cmp_si` (which dispatches on constant arguments in C).
CGMP_SHIM int cgmp_mpz_cmp_si(const mpz_t z, long v) { return mpz_cmp_si(z, v); }
/// Wraps the macro `mpq_cmp_si`.
CGMP_SHIM int cgmp_mpq_cmp_si(const mpq_t q, long n, unsigned long d) { return mpq_cmp_si(q, n, d); }
/// Wraps the macro `mpz_fits_slong_p`'s underlying function for symmetry.
CGMP_SHIM int cgmp_mpz_fits_slong_p(const mpz_t z) { return mpz_fits_slong_p(z); }

/// Wraps the macro `mpq_numref` for read-only access (const in, const out).
CGMP_SHIM mpz_srcptr cgmp_mpq_numref_const(mpq_srcptr q) { return mpq_numref(q); }
/// Wraps the macro `mpq_denref` for read-only access (const in, const out).
CGMP_SHIM mpz_srcptr cgmp_mpq_denref_const(mpq_srcptr q) { return mpq_denref(q); }

/// Frees a string allocated by GMP (mpz_get_str with a NULL buffer) through
/// GMP's own memory functions, so a custom allocator would be honoured.
CGMP_SHIM void cgmp_free_string(char *s) {
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, strlen(s) + 1);
}

#endif
