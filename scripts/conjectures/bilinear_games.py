#!/usr/bin/env python3
"""Independent check of proofs/conjectures/{extragradient,gda}-bilinear-*.toml in exact rationals.

min_x max_y x^T A y. Simultaneous GDA: x+ = x - eta A y, y+ = y + eta A^T x; then
  ||z+||^2 = ||z||^2 + eta^2 (||A y||^2 + ||A^T x||^2)  (never decreases).
Extragradient: x+ = x - eta A (y + eta A^T x), y+ = y + eta A^T (x - eta A y); with J the skew matrix of the game,
  ||z+||^2 = ||z||^2 - eta^2 ||J z||^2 + eta^4 ||J^2 z||^2, non-increasing when eta <= 1/sigma_max(A).
"""
from fractions import Fraction as F

A = [[1, 2], [0, 1]]
def Av(v): return [sum(A[i][j] * v[j] for j in range(2)) for i in range(2)]
def Atv(v): return [sum(A[i][j] * v[i] for i in range(2)) for j in range(2)]
def n2(*vs): return sum(c * c for v in vs for c in v)

def run(update, x, y, eta, steps):
    norms = [n2(x, y)]
    for _ in range(steps):
        x, y = update(x, y, eta)
        norms.append(n2(x, y))
    return norms

def gda(x, y, eta):
    return [a - eta * b for a, b in zip(x, Av(y))], [a + eta * b for a, b in zip(y, Atv(x))]

def eg(x, y, eta):
    xh = [a - eta * b for a, b in zip(x, Av(y))]
    yh = [a + eta * b for a, b in zip(y, Atv(x))]
    return [a - eta * b for a, b in zip(x, Av(yh))], [a + eta * b for a, b in zip(y, Atv(xh))]

if __name__ == "__main__":
    x0, y0 = [F(1), F(-1, 2)], [F(1, 2), F(1)]
    for name, upd, eta in [("EG", eg, F(1, 4)), ("EG", eg, F(1, 8)), ("GDA", gda, F(1, 4)), ("EG", eg, F(1))]:
        norms = run(upd, x0, y0, eta, 20)
        d = [norms[k + 1] - norms[k] for k in range(20)]
        print(f"{name} eta={eta}: ||z_0||^2={norms[0]} ||z_20||^2={float(norms[-1]):.6g} "
              f"largest step change={float(max(d)):.6g} smallest decrease={float(min(-v for v in d)):.6g}")
