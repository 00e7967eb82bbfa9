#!/usr/bin/env python3
"""Writes Benchmarks/conjectures/p1a-gradient-flow.toml and p2a-omwu-map.toml: the problems P1a and P2a of the
benchmark set (deterministic rational data from integer formulas) as conjecture claim files.

P1a: W_{j+1}(0)[a,b] = ((7a + 3b + 5j) mod 11 - 5)/16, Phi[a,b] = delta_ab (2d - a)/d + ((2a + 5b + 1) mod 9 - 4)/8,
N = 3, d = 4, horizon 20. P2a: A = [[-25/24, -7/24, 89/24], [23/24, -31/24, -7/24], [-7/24, 23/24, -25/24]],
x* = (1/6, 1/3, 1/2), y* = (1/2, 1/3, 1/6), eta = 1/20.
"""
from fractions import Fraction as F
import os

def q(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else f'"{x.numerator}/{x.denominator}"'

def rows(m): return "[" + ", ".join("[" + ", ".join(q(v) for v in r) + "]" for r in m) + "]"

d, N = 4, 3
W = [[[F((7 * a + 3 * b + 5 * j) % 11 - 5, 16) for b in range(d)] for a in range(d)] for j in range(N)]
Phi = [[(F(2 * d - a, d) if a == b else 0) + F((2 * a + 5 * b + 1) % 9 - 4, 8) for b in range(d)] for a in range(d)]
here = os.path.join(os.path.dirname(__file__), "..", "..", "Benchmarks", "conjectures")

p1a = f'''# P1a of the benchmark problems (deep linear network, N = 3, d = 4, t in [0, 20]) as a conjecture claim file:
# the gradient of 1/2 ||W3 W2 W1 - Phi||_F^2 is derived automatically. Written by
# scripts/conjectures/write_benchmark_claims.py; timed against the built-in field by `make bench-conjectures`.
id = "p1a-gradient-flow"
title = "P1a: gradient flow of a depth-3 linear network conserves the balancedness matrices"
source = "Arora, Cohen, Hazan, ICML 2018, Theorem 1; the P1a benchmark instance (docs/benchmarks.md)"
statement = "W_(j+1)'W_(j+1) - W_j W_j' is constant, j = 1, 2, along the gradient flow of 1/2 ||W3 W2 W1 - Phi||^2, t in [0, 20]"

[symbols]
Phi = {{ data = {rows(Phi)} }}
W1 = {{ init = {rows(W[0])} }}
W2 = {{ init = {rows(W[1])} }}
W3 = {{ init = {rows(W[2])} }}

[dynamics]
gradient-flow = "1/2 norm2(W3 W2 W1 - Phi)"
horizon = 20

[[property]]
name = "D1"
invariant = "W2' W2 - W1 W1'"

[[property]]
name = "D2"
invariant = "W3' W3 - W2 W2'"

[numerics]
precision = 256
'''
A = [["-25/24", "-7/24", "89/24"], ["23/24", "-31/24", "-7/24"], ["-7/24", "23/24", "-25/24"]]
p2a = f'''# P2a of the benchmark problems (OMWU on a 3 x 3 zero-sum game, eta = 1/20) as a conjecture claim file with an
# explicit map. Written by scripts/conjectures/write_benchmark_claims.py; timed against the built-in OMWU loop by
# `make bench-conjectures`.
id = "p2a-omwu-map"
title = "P2a: OMWU as a map, KL(z*||z_t) non-increasing for t >= 2"
source = "Daskalakis & Panageas, ITCS 2019 (arXiv:1807.04252), Theorem 3.1; the P2a benchmark instance (docs/benchmarks.md)"
statement = "KL_t <= KL_(t-1) for t = 2 ... 10000, KL_t = KL(x*||x_t) + KL(y*||y_t)"

[symbols]
A  = {{ data = {rows([[F(v) for v in r] for r in A])} }}
xs = {{ data = ["1/6", "1/3", "1/2"] }}
ys = {{ data = ["1/2", "1/3", "1/6"] }}
x  = {{ shape = [3], init = "uniform" }}
y  = {{ shape = [3], init = "uniform" }}

[parameters]
eta = "1/20"

[dynamics]
map.x = "normalize(x ∘ exp(-eta (2 A y - A prev(y))))"
map.y = "normalize(y ∘ exp(eta (2 A' x - A' prev(x))))"
steps = 10000

[[property]]
monotone = "sum(xs ∘ log(xs ⊘ x)) + sum(ys ∘ log(ys ⊘ y))"
direction = "non-increasing"
from_step = 1

[numerics]
precision = 256
'''
open(os.path.join(here, "p1a-gradient-flow.toml"), "w").write(p1a)
open(os.path.join(here, "p2a-omwu-map.toml"), "w").write(p2a)
