#!/usr/bin/env python3
"""Exact reference for the 1e-40 near misses of Tests/ClaimsTests/SoundnessCases.swift.

The instance: a scalar deep linear network of depth 2 (widths [1, 1, 1]), W1 = 1/2, W2 = 3/4, one data point
x = 1, y = 2, square loss L = 1/2 (W2 W1 x - y)^2, gradient descent with eta = 1/10 for 3 steps. Everything is
rational, so Python's Fraction gives the exact values of the dln-gd-balancedness-drift quantities:

    drift = |D(3) - D(0)|,  D = W2^2 - W1^2,   bound = sum_{t<3} eta^2 (G2(t)^2 + G1(t)^2),   rho = drift / bound

and prints two constants C (60 decimals) with exact margins C*bound - drift of about -1e-40 (a violation that only
high precision can see) and +1e-40 (a true claim with a tiny margin). Run: python3 scripts/soundness/near_miss_reference.py
"""
from fractions import Fraction as F
from decimal import Decimal, getcontext, ROUND_FLOOR, ROUND_CEILING

getcontext().prec = 120
eta, w1, w2, x, y, steps = F(1, 10), F(1, 2), F(3, 4), F(1), F(2), 3
d0 = w2 * w2 - w1 * w1
bound = F(0)
for _ in range(steps):
    e = w2 * w1 * x - y
    g1, g2 = w2 * e * x, e * w1 * x          # dL/dW1 = W2^T E X^T, dL/dW2 = E (W1 X)^T
    bound += eta * eta * (g2 * g2 + g1 * g1)
    w1, w2 = w1 - eta * g1, w2 - eta * g2
drift = abs(w2 * w2 - w1 * w1 - d0)
rho = drift / bound


def decimal(q: F, rounding) -> str:
    value = Decimal(q.numerator) / Decimal(q.denominator)
    return str(value.quantize(Decimal(10) ** -60, rounding=rounding))


def show(q: F) -> str:
    value = Decimal(q.numerator) / Decimal(q.denominator)
    return f"{value:.20e}"


print("drift =", show(drift), " bound =", show(bound), " rho =", decimal(rho, ROUND_FLOOR))
for name, target, rounding in [("fail", F(-1, 10**40), ROUND_FLOOR), ("pass", F(1, 10**40), ROUND_CEILING)]:
    c = F(Decimal(decimal(rho + target / bound, rounding)))
    print(f"{name}: bound_factor = \"{decimal(c, rounding)}\"  exact margin = {show(c * bound - drift)}")
