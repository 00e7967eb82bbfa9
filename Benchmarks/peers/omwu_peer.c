/* The C peer of Attest's OMWU map (Sources/Models/MultiplicativeWeightsMap.swift, run by MultiplicativeWeights.run):
 * the same iteration on P2a of docs/benchmark-problems.md as a raw MPFR loop on preallocated mpfr_t, with the same
 * operations in the same order (log domain, expm1/log1p, KL_t after every step by fma, the same per-step
 * reductions). Usage: omwu_peer STEPS BITS [series|mpfr]  ->  one JSON line {"seconds": ..., "cpuSeconds": ..., "kl": "..."}.
 * e^u - 1 and ln(1 + S) are evaluated as Attest's map does (MultiPrecision's SmallArgumentSeries): once the argument
 * is below 2^-E with m = ceil((BITS + 68)/E) <= 16, by m fused multiply-adds at BITS + 64 bits (Horner) and one
 * rounding, else by mpfr_expm1/mpfr_log1p ("series", the default); "mpfr" calls mpfr_expm1/mpfr_log1p always.
 * Build: cc -O2 -o omwu_peer omwu_peer.c -lmpfr -lgmp   (Benchmarks/peers/omwu_peer.py does this).
 * Built with -DCOUNT_ALLOCATIONS and Benchmarks/CAllocationCounter/AllocationCounter.c, it also prints the
 * allocations per step made inside the timed loop ("allocationsPerStep": MPFR's and GMP's own, since the loop itself
 * allocates nothing). */
#include <mpfr.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#ifdef COUNT_ALLOCATIONS
#include "CAllocationCounter.h"
#define ALLOCATIONS() ((unsigned long long) attest_allocation_count())
#else
#define ALLOCATIONS() 0ULL
#endif

#define N 3
#define MAXIMUM_TERMS 16

/* The coefficients of P in f(x) = x P(x): 1/(k+1)! for expm1, (-1)^k/(k+1) for log1p, each rounded once, and the
 * Horner value, all at BITS + 64 bits. */
static mpfr_t expm1_coefficients[MAXIMUM_TERMS], log1p_coefficients[MAXIMUM_TERMS], horner;
static int use_series = 1;

static void init_series(mpfr_prec_t bits) {
    unsigned long factorial = 1;
    mpfr_init2(horner, bits + 64);
    for (int k = 0; k < MAXIMUM_TERMS; k++) {
        factorial *= (unsigned long) (k + 1);
        mpfr_inits2(bits + 64, expm1_coefficients[k], log1p_coefficients[k], (mpfr_ptr) 0);
        mpfr_set_ui(expm1_coefficients[k], 1, MPFR_RNDN); mpfr_div_ui(expm1_coefficients[k], expm1_coefficients[k], factorial, MPFR_RNDN);
        mpfr_set_si(log1p_coefficients[k], k % 2 == 0 ? 1 : -1, MPFR_RNDN); mpfr_div_si(log1p_coefficients[k], log1p_coefficients[k], k + 1, MPFR_RNDN);
    }
}

/* r <- x P(x) when x is zero or small enough for at most MAXIMUM_TERMS terms; 0 (r untouched) otherwise. */
static int series(mpfr_ptr r, mpfr_srcptr x, mpfr_t *c) {
    if (!use_series) return 0;
    if (mpfr_zero_p(x)) { mpfr_set(r, x, MPFR_RNDN); return 1; }
    if (!mpfr_regular_p(x) || mpfr_get_prec(r) + 64 > mpfr_get_prec(horner)) return 0;
    long e = -(long) mpfr_get_exp(x);
    if (e < 2) return 0;
    long terms = ((long) mpfr_get_prec(horner) + 4 + e - 1) / e;
    if (terms > MAXIMUM_TERMS) return 0;
    mpfr_set(horner, c[terms - 1], MPFR_RNDN);
    for (long k = terms - 2; k >= 0; k--) mpfr_fma(horner, horner, x, c[k], MPFR_RNDN);
    mpfr_mul(r, horner, x, MPFR_RNDN);
    return 1;
}

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 10000;
    mpfr_prec_t bits = argc > 2 ? atol(argv[2]) : 256;
    use_series = !(argc > 3 && argv[3][0] == 'm');
    init_series(bits);
    /* P2a: A = (entries below)/24, step 1/20; its equilibrium x* = (1/6, 1/3, 1/2), y* = (1/2, 1/3, 1/6), v = 0
     * (exact; ZeroSumGame computes the same from the bordered systems). */
    static const long an[N * N] = {-25, -7, 89, 23, -31, -7, -7, 23, -25};
    static const long xsn[N] = {1, 1, 1}, xsd[N] = {6, 3, 2};
    static const long ysn[N] = {1, 1, 1}, ysd[N] = {2, 3, 6};
    static const long vn = 0, vd = 1;
    mpfr_t a[N * N], x[2 * N], lx[2 * N], g[2 * N], gp[2 * N], u[N], e[N], star[2 * N], logstar[2 * N];
    mpfr_t eta, v, sum, logz, oneplus, scratch, total, d, previous, change, gap, identity;
    mpfr_t largest, largestdirect, discrepancy;
    for (int i = 0; i < N * N; i++) { mpfr_init2(a[i], bits); mpfr_set_si(a[i], an[i], MPFR_RNDN); mpfr_div_ui(a[i], a[i], 24, MPFR_RNDN); }
    for (int i = 0; i < 2 * N; i++) {
        mpfr_inits2(bits, x[i], lx[i], g[i], gp[i], star[i], logstar[i], (mpfr_ptr) 0);
        mpfr_set_ui(x[i], 1, MPFR_RNDN); mpfr_div_ui(x[i], x[i], N, MPFR_RNDN);
        mpfr_set_zero(lx[i], 1);
        long num = i < N ? xsn[i] : ysn[i - N], den = i < N ? xsd[i] : ysd[i - N];
        mpfr_set_si(star[i], num, MPFR_RNDN); mpfr_div_si(star[i], star[i], den, MPFR_RNDN);
        mpfr_set_si(logstar[i], num * N, MPFR_RNDN); mpfr_div_si(logstar[i], logstar[i], den, MPFR_RNDN);
        mpfr_log(logstar[i], logstar[i], MPFR_RNDN);
    }
    for (int i = 0; i < N; i++) mpfr_inits2(bits, u[i], e[i], (mpfr_ptr) 0);
    mpfr_inits2(bits, eta, v, sum, logz, oneplus, scratch, total, d, previous, change, gap, identity, largest,
                largestdirect, discrepancy, (mpfr_ptr) 0);
    mpfr_set_ui(eta, 1, MPFR_RNDN); mpfr_div_ui(eta, eta, 20, MPFR_RNDN);
    mpfr_set_si(v, vn, MPFR_RNDN); mpfr_div_si(v, v, vd, MPFR_RNDN);
    /* g_{-1} = A y_0, h_{-1} = A^T x_0. */
    for (int i = 0; i < N; i++) {
        mpfr_set_zero(gp[i], 1); mpfr_set_zero(gp[N + i], 1);
        for (int j = 0; j < N; j++) { mpfr_fma(gp[i], a[i * N + j], x[N + j], gp[i], MPFR_RNDN); mpfr_fma(gp[N + i], a[j * N + i], x[j], gp[N + i], MPFR_RNDN); }
    }
    mpfr_set_zero(total, 1);
    for (int i = 0; i < 2 * N; i++) { mpfr_sub(d, logstar[i], lx[i], MPFR_RNDN); mpfr_fma(total, star[i], d, total, MPFR_RNDN); }
    mpfr_set(previous, total, MPFR_RNDN);
    mpfr_set_zero(largest, 1); mpfr_set_zero(largestdirect, 1); mpfr_set_zero(discrepancy, 1);
    long increases = 0, directincreases = 0, first = 0, largeststep = 2;
    struct timespec t0, t1, c0, c1;
    unsigned long long allocations = ALLOCATIONS();
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (long t = 1; t <= steps; t++) {
        for (int i = 0; i < N; i++) {
            mpfr_set_zero(g[i], 1); mpfr_set_zero(g[N + i], 1);
            for (int j = 0; j < N; j++) { mpfr_fma(g[i], a[i * N + j], x[N + j], g[i], MPFR_RNDN); mpfr_fma(g[N + i], a[j * N + i], x[j], g[N + i], MPFR_RNDN); }
        }
        mpfr_set_zero(identity, 1);
        for (int player = 0; player < 2; player++) {
            int p = player * N, sign = player == 0 ? -1 : 1;
            mpfr_set_zero(sum, 1);
            for (int i = 0; i < N; i++) {
                mpfr_add(u[i], g[p + i], g[p + i], MPFR_RNDN); mpfr_sub(u[i], u[i], gp[p + i], MPFR_RNDN);
                mpfr_sub(u[i], u[i], v, MPFR_RNDN); mpfr_mul(u[i], u[i], eta, MPFR_RNDN); mpfr_mul_si(u[i], u[i], sign, MPFR_RNDN);
                if (!series(e[i], u[i], expm1_coefficients)) mpfr_expm1(e[i], u[i], MPFR_RNDN);
                mpfr_fma(sum, x[p + i], e[i], sum, MPFR_RNDN);
            }
            if (!series(logz, sum, log1p_coefficients)) mpfr_log1p(logz, sum, MPFR_RNDN);
            mpfr_add(identity, identity, logz, MPFR_RNDN);
            mpfr_set(oneplus, sum, MPFR_RNDN); mpfr_add_ui(oneplus, oneplus, 1, MPFR_RNDN);
            for (int i = 0; i < N; i++) {
                mpfr_add(lx[p + i], lx[p + i], u[i], MPFR_RNDN); mpfr_sub(lx[p + i], lx[p + i], logz, MPFR_RNDN);
                mpfr_set(scratch, e[i], MPFR_RNDN); mpfr_add_ui(scratch, scratch, 1, MPFR_RNDN);
                mpfr_mul(x[p + i], x[p + i], scratch, MPFR_RNDN); mpfr_div(x[p + i], x[p + i], oneplus, MPFR_RNDN);
            }
        }
        for (int i = 0; i < 2 * N; i++) mpfr_set(gp[i], g[i], MPFR_RNDN);
        /* KL_t, its change by subtraction, and the reductions over t >= 2. */
        mpfr_set_zero(total, 1);
        for (int i = 0; i < 2 * N; i++) { mpfr_sub(d, logstar[i], lx[i], MPFR_RNDN); mpfr_fma(total, star[i], d, total, MPFR_RNDN); }
        mpfr_sub(change, total, previous, MPFR_RNDN);
        mpfr_swap(previous, total);
        if (mpfr_sgn(identity) > 0) { increases++; if (t >= 2 && first == 0) first = t; }
        if (mpfr_sgn(change) > 0) directincreases++;
        if (t == 2 || (t > 2 && mpfr_greater_p(identity, largest))) { largeststep = t; mpfr_set(largest, identity, MPFR_RNDN); }
        if (t == 2 || (t > 2 && mpfr_greater_p(change, largestdirect))) mpfr_set(largestdirect, change, MPFR_RNDN);
        mpfr_sub(gap, identity, change, MPFR_RNDN); mpfr_abs(gap, gap, MPFR_RNDN);
        if (mpfr_greater_p(gap, discrepancy)) mpfr_set(discrepancy, gap, MPFR_RNDN);
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    allocations = ALLOCATIONS() - allocations;
    double seconds = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
    double cpu = (c1.tv_sec - c0.tv_sec) + 1e-9 * (c1.tv_nsec - c0.tv_nsec);
    mpfr_printf("{\"seconds\": %.6f, \"cpuSeconds\": %.6f, \"kl\": \"%.40Re\", \"increases\": %ld, \"largestStep\": %ld",
                seconds, cpu, previous, increases, largeststep);
#ifdef COUNT_ALLOCATIONS
    printf(", \"allocationsPerStep\": %.3f", (double) allocations / (double) steps);
#endif
    printf("}\n");
    return 0;
}
