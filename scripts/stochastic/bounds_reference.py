#!/usr/bin/env python3
"""References for the confidence bounds of Sources/Claims/Statistics (asserted in
Tests/ClaimsTests/ConfidenceBoundTests.swift).

- Clopper-Pearson endpoints: roots of the regularized incomplete beta function, I_p(k, n-k+1) = delta/2 (lower) and
  I_p(k+1, n-k) = 1 - delta/2 (upper), solved with mpmath at 60 digits, cross-checked against scipy's beta.ppf.
- Exact coverage of the Clopper-Pearson and Hoeffding intervals for Bernoulli samples, as fractions.
- Hoeffding and empirical-Bernstein half-widths at 60 digits.

Run: python3 scripts/stochastic/bounds_reference.py
"""
from fractions import Fraction
from math import comb
import mpmath
from scipy.stats import beta

mpmath.mp.dps = 60


def cp(k, n, conf):
    d = (1 - mpmath.mpf(conf.numerator) / conf.denominator) / 2
    lo = mpmath.mpf(0) if k == 0 else mpmath.findroot(
        lambda p: mpmath.betainc(k, n - k + 1, 0, p, regularized=True) - d, (mpmath.mpf(1e-9), 1 - mpmath.mpf(1e-9)), solver='illinois')
    hi = mpmath.mpf(1) if k == n else mpmath.findroot(
        lambda p: mpmath.betainc(k + 1, n - k, 0, p, regularized=True) - (1 - d), (mpmath.mpf(1e-9), 1 - mpmath.mpf(1e-9)), solver='illinois')
    c = float(conf)
    slo = 0.0 if k == 0 else beta.ppf((1 - c) / 2, k, n - k + 1)
    shi = 1.0 if k == n else beta.ppf(1 - (1 - c) / 2, k + 1, n - k)
    assert abs(float(lo) - slo) < 1e-12 and abs(float(hi) - shi) < 1e-12, (k, n, lo, slo, hi, shi)
    return lo, hi


def coverage(n, p, contains):
    return sum(comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(n + 1) if contains(k))


if __name__ == "__main__":
    for k, n, conf in [(0, 10, "0.95"), (10, 10, "0.95"), (3, 20, "0.95"), (45, 50, "0.95"), (7, 100, "0.99"), (50, 50, "0.95")]:
        lo, hi = cp(k, n, Fraction(conf))
        print(f"CP k={k} n={n} conf={conf}: lower = {mpmath.nstr(lo, 30)}, upper = {mpmath.nstr(hi, 30)}")

    # Exact coverage of the 95% Clopper-Pearson interval at n = 20, p = 3/10 (intervals from mpmath's roots).
    n, p = 20, Fraction(3, 10)
    ints = [cp(k, n, Fraction(95, 100)) for k in range(n + 1)]
    cov = coverage(n, p, lambda k: ints[k][0] <= mpmath.mpf(p.numerator) / p.denominator <= ints[k][1])
    print(f"CP coverage n=20 p=3/10: {cov} = {float(cov):.12f}")
    # The same intervals shrunk to half their width about their midpoints.
    def half(k):
        lo, hi = ints[k]; m = (lo + hi) / 2; w = (hi - lo) / 4
        return m - w, m + w
    cov = coverage(n, p, lambda k: half(k)[0] <= mpmath.mpf(3) / 10 <= half(k)[1])
    print(f"CP coverage shrunk by 1/2, n=20 p=3/10: {cov} = {float(cov):.12f}")

    # Hoeffding half-width t = sqrt(ln(2/delta)/(2n)) (range 1), and its exact coverage on Bernoulli(1/2), n = 40.
    for n, conf in [(100, "0.95"), (40, "0.95"), (1000, "0.99")]:
        d = 1 - mpmath.mpf(Fraction(conf).numerator) / Fraction(conf).denominator
        print(f"Hoeffding n={n} conf={conf}: t = {mpmath.nstr(mpmath.sqrt(mpmath.log(2 / d) / (2 * n)), 40)}")
    n = 40
    t = mpmath.sqrt(mpmath.log(40) / (2 * n))
    cov = coverage(n, Fraction(1, 2), lambda k: abs(mpmath.mpf(k) / n - mpmath.mpf(1) / 2) <= t)
    print(f"Hoeffding coverage n=40 p=1/2: {cov} = {float(cov):.12f}")
    cov = coverage(n, Fraction(1, 2), lambda k: abs(mpmath.mpf(k) / n - mpmath.mpf(1) / 2) <= t / 4)
    print(f"Hoeffding coverage shrunk to 1/4 width, n=40 p=1/2: {cov} = {float(cov):.12f}")

    # Empirical Bernstein half-width, n = 50 samples, variance 1/4 * 50/49 (25 zeros and 25 ones), range 1, 95%.
    n, var = 50, mpmath.mpf(25) / 98
    lt = mpmath.log(4 / mpmath.mpf("0.05"))
    print(f"EB n=50 V=25/98: t = {mpmath.nstr(mpmath.sqrt(2 * var * lt / n) + 7 * lt / (3 * (n - 1)), 40)}")

    # Seeds needed: the smallest n with 0.025^(1/n) >= 0.9 (all successes, claim P >= 0.9 at 95%).
    n = 1
    while mpmath.power(mpmath.mpf("0.025"), mpmath.mpf(1) / n) < mpmath.mpf("0.9"):
        n += 1
    print(f"seeds needed for 'P >= 0.9' with every seed a success: {n}")
