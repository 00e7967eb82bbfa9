#!/usr/bin/env python3
"""Reference instances for SeededMatrixSensingTests and SeededBuresWassersteinTests (docs/theory.md §6.2, §6.3).

An independent reimplementation of SplitMix64 (Steele, Lea, Flood 2014), of the rejection sampler for a uniform
integer in [lo, hi] (no modulo bias: reject x >= 2^64 - 2^64 mod span), and of the two seeded instances, in exact
fractions. Run: python3 seeded_instances.py
"""
from fractions import Fraction as F

from splitmix64 import SplitMix64


def matrix_sensing(n, m, seed):
    """m symmetric A_i (upper triangle row by row, entries U{-3..3}/4), u in {-2..2}^n redrawn until nonzero."""
    rng = SplitMix64(seed)
    sensing = []
    for _ in range(m):
        a = [[F(0)] * n for _ in range(n)]
        for i in range(n):
            for j in range(i, n):
                a[i][j] = a[j][i] = F(rng.uniform(-3, 3), 4)
        sensing.append(a)
    u = [0] * n
    while all(x == 0 for x in u):
        u = [rng.uniform(-2, 2) for _ in range(n)]
    x = [[F(u[i] * u[j]) for j in range(n)] for i in range(n)]
    y = [sum(a[i][j] * x[i][j] for i in range(n) for j in range(n)) for a in sensing]
    return sensing, u, y


def bures_wasserstein(d, k, seed):
    """Sigma_0 = B B^T + I/4 (B row by row, entries U{-3..3}/2), then W (d x k, row by row, entries U{-4..4}/4)."""
    rng = SplitMix64(seed)
    b = [[F(rng.uniform(-3, 3), 2) for _ in range(d)] for _ in range(d)]
    target = [[sum(b[i][l] * b[j][l] for l in range(d)) + (F(1, 4) if i == j else 0) for j in range(d)] for i in range(d)]
    w = [[F(rng.uniform(-4, 4), 4) for _ in range(k)] for _ in range(d)]
    return target, w


def show(rows):
    return "[" + ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in rows) + "]"


print("SplitMix64 seed 1, first output:", SplitMix64(1).next())
sensing, u, y = matrix_sensing(3, 2, 7)
print("matrix sensing n=3 m=2 seed=7")
for i, a in enumerate(sensing):
    print("  A_%d =" % (i + 1), show(a))
print("  u =", u, " y =", [str(v) for v in y])
target, w = bures_wasserstein(3, 2, 5)
print("Bures-Wasserstein d=3 k=2 seed=5")
print("  Sigma_0 =", show(target))
print("  W =", show(w))
rng = SplitMix64(5)
print("  W with Sigma_0 given (the draws start with W) =", show([[F(rng.uniform(-4, 4), 4) for _ in range(2)] for _ in range(3)]))
