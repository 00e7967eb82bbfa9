#!/usr/bin/env python3
"""Independent reference for the counter-based generator (Philox-4x32-10) and its chi-square tests.

Reimplements, from the SC'11 paper's definition, the block function, the stream of a draw site (seed, step, stream),
uniform integers by rejection, Fisher-Yates and the Box-Muller Gaussians (mpmath at 192 bits, rounded to 64
significant bits), then prints the counts, the exact chi-square statistics and scipy's critical values that
Tests/MultiPrecisionTests/CounterBasedGeneratorTests.swift asserts.

Run: python3 scripts/stochastic/generator_reference.py
"""
from fractions import Fraction
import mpmath
from scipy.stats import chi2, norm

M0, M1, W0, W1 = 0xD2511F53, 0xCD9E8D57, 0x9E3779B9, 0xBB67AE85
MASK = 0xFFFFFFFF


def philox(ctr, key):
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for r in range(10):
        if r:
            k0, k1 = (k0 + W0) & MASK, (k1 + W1) & MASK
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = ((p1 >> 32) ^ c1 ^ k0), p1 & MASK, ((p0 >> 32) ^ c3 ^ k1), p0 & MASK
    return c0, c1, c2, c3


class Site:
    def __init__(self, seed, step, stream):
        self.key = (seed & MASK, seed >> 32)
        self.high = (step & MASK, step >> 32, stream)
        self.block, self.words = 0, []

    def next32(self):
        if not self.words:
            self.words = list(philox(self.high + (self.block,), self.key))
            self.block += 1
        return self.words.pop(0)

    def next64(self):
        low = self.next32()
        return low | (self.next32() << 32)

    def uniform(self, n):
        limit = (1 << 64) - ((1 << 64) % n)
        while True:
            x = self.next64()
            if x < limit:
                return x % n

    def open_unit(self):
        return Fraction(2 * (self.next64() >> 11) + 1, 1 << 54)


def permutation(m, site):
    order = list(range(m))
    for i in range(m - 1, 0, -1):
        j = site.uniform(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def gaussians(seed, step, count, stream=4):
    site, out = Site(seed, step, stream), []
    mpmath.mp.prec = 192
    while len(out) < count:
        u, v = site.open_unit(), site.open_unit()
        radius = mpmath.sqrt(-2 * mpmath.log(mpmath.mpf(u.numerator) / u.denominator))
        angle = 2 * mpmath.pi * (mpmath.mpf(v.numerator) / v.denominator)
        for value in (radius * mpmath.cos(angle), radius * mpmath.sin(angle)):
            with mpmath.workprec(64):
                rounded = +value                                # round to nearest at 64 bits
            sign, man, exp, _ = rounded._mpf_
            out.append((-1) ** sign * Fraction(man) * Fraction(2) ** exp)
    return out[:count]


def chi_square(counts, expected):
    return sum(Fraction((c - expected) ** 2) / expected for c in counts) if isinstance(expected, int) else \
        sum((c - e) ** 2 / e for c, e in zip(counts, expected))


def report(name, counts, expected_each, df):
    stat = sum(Fraction((c - expected_each) ** 2, 1) for c in counts) / expected_each
    print(f"{name}: counts {counts}")
    print(f"  chi-square = {stat.numerator}/{stat.denominator} = {float(stat):.6f}, df = {df}, "
          f"99.9% critical value = {chi2.ppf(0.999, df):.6f}, p-value = {chi2.sf(float(stat), df):.4f}")


if __name__ == "__main__":
    print("KAT", [hex(w) for w in philox((0, 0, 0, 0), (0, 0))])
    print("KAT", [hex(w) for w in philox((MASK,) * 4, (MASK, MASK))])
    print("KAT", [hex(w) for w in philox((0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344), (0xa4093822, 0x299f31d0))])

    # 1. One long stream: 100 000 uniform integers in 0..<10 from site (2026, 0, minibatch = 1).
    site = Site(2026, 0, 1)
    counts = [0] * 10
    for _ in range(100_000):
        counts[site.uniform(10)] += 1
    report("uniform(below: 10), one site", counts, 10_000, 9)

    # 2. One draw per site: steps 0..<60 000, uniform in 0..<6 (site (99, k, minibatch)).
    counts = [0] * 6
    for k in range(60_000):
        counts[Site(99, k, 1).uniform(6)] += 1
    report("uniform(below: 6), one draw per step", counts, 10_000, 5)

    # 3. Fisher-Yates permutations of 4 elements, one per epoch: 24 000 epochs (site (5, e, epochPermutation = 2)).
    from itertools import permutations
    index = {p: i for i, p in enumerate(permutations(range(4)))}
    counts = [0] * 24
    for e in range(24_000):
        counts[index[tuple(permutation(4, Site(5, e, 2)))]] += 1
    report("permutation(4)", counts, 1_000, 23)

    # 4. Gaussians: 20 000 draws at site (11, 0, gradientNoise = 4), in the 10 bins between normal deciles.
    edges = [norm.ppf(i / 10) for i in range(1, 10)]
    print("decile edges", [mpmath.nstr(mpmath.mpf(e), 17) for e in edges])
    draws = gaussians(11, 0, 20_000)
    counts = [0] * 10
    closest = min(abs(float(d) - e) for d in draws for e in edges)
    for d in draws:
        counts[sum(1 for e in edges if float(d) > e)] += 1
    report("gaussians, decile bins", counts, 2_000, 9)
    print(f"  closest draw to an edge: {closest:.3e}")
    print("first gaussians", [f"{g.numerator}/{g.denominator}" for g in draws[:2]])
