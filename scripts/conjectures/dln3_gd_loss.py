#!/usr/bin/env python3
"""Independent check of proofs/conjectures/dln3-gd-loss-{small,large}-step.toml.

Gradient descent on L = 1/2 ||W3 W2 W1 - Phi||_F^2 (2x2 layers, data inline in the claim files), mpmath at 256 bits (exact rationals grow too fast).
Prints, for each step size, the largest one-step change L(k+1) - L(k) over the run and the first step where the loss
increases (None: non-increasing at every step).
"""
from fractions import Fraction
import mpmath
mpmath.mp.prec = 256
def F(x): return mpmath.mpf(Fraction(x).numerator) / Fraction(x).denominator

def mat(rows): return [[F(x) for x in r] for r in rows]
def mul(a, b): return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def tr(a): return [list(r) for r in zip(*a)]
def sub(a, b): return [[x - y for x, y in zip(r, s)] for r, s in zip(a, b)]
def scale(c, a): return [[c * x for x in r] for r in a]
def norm2(a): return sum(x * x for r in a for x in r)

PHI = mat([[2, "1/2"], ["-1/2", 1]])
W1 = mat([["1/2", "1/4"], [0, "1/2"]])
W2 = mat([["1/2", 0], ["-1/4", "1/2"]])
W3 = mat([["1/2", "1/8"], ["1/8", "1/2"]])

def loss(ws): return norm2(sub(mul(ws[2], mul(ws[1], ws[0])), PHI)) / 2

def step(ws, eta):
    w1, w2, w3 = ws
    r = sub(mul(w3, mul(w2, w1)), PHI)
    g1 = mul(tr(mul(w3, w2)), r)
    g2 = mul(mul(tr(w3), r), tr(w1))
    g3 = mul(r, tr(mul(w2, w1)))
    return [sub(w1, scale(eta, g1)), sub(w2, scale(eta, g2)), sub(w3, scale(eta, g3))]

def run(eta, steps):
    ws = [W1, W2, W3]
    losses = [loss(ws)]
    for _ in range(steps):
        ws = step(ws, eta)
        losses.append(loss(ws))
    diffs = [losses[k + 1] - losses[k] for k in range(steps)]
    first_up = next((k for k, d in enumerate(diffs) if d > 0), None)
    return losses, max(diffs), first_up

if __name__ == "__main__":
    for eta, steps in [("1/100", 40), ("1/20", 40), ("1/10", 40), ("1/5", 40), ("3/10", 20), ("2/5", 20), ("1/2", 10), ("1", 10)]:
        losses, worst, first_up = run(F(eta), steps)
        print(f"eta={eta:5s} steps={steps} L0={float(losses[0]):.6g} L_end={float(losses[-1]):.6g} "
              f"max dL={float(worst):.6g} first increase at step {first_up}")
