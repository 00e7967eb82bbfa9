#!/usr/bin/env python3
"""Independent check of proofs/conjectures/mirror-descent-*.toml (mpmath, 256 bits).

Entropic mirror descent (exponentiated gradient) on the simplex for f(x) = 1/2 ||A x - b||^2 with b = A c, c interior:
  x+ = normalize(x * exp(-eta A^T (A x - b))),  x_0 = uniform; the minimizer on the simplex is x* = c (f(c) = 0).
f is L-smooth relative to the negative entropy with L = max_ij |(A^T A)_ij| (Pinsker), so for eta <= 1/L
Lu, Freund, Nesterov (SIAM J. Optim. 2018), Lemma 3.1 / Theorem 3.1 give
  eta (f(x_{k+1}) - f(x*)) <= KL(x*||x_k) - KL(x*||x_{k+1}),  hence KL(x*||x_k) non-increasing,
and f(x_k) - f(x*) <= KL(x*||x_0) / (eta k).
Prints the largest KL increase over the run for several step sizes.
"""
import mpmath
from mpmath import mpf
mpmath.mp.prec = 256

A = [[2, 1, 0], [0, 1, 1], [1, 0, 2]]
C = [mpf(1) / 2, mpf(1) / 3, mpf(1) / 6]
n = 3
B = [sum(A[i][j] * C[j] for j in range(n)) for i in range(n)]

def grad(x):
    r = [sum(A[i][j] * x[j] for j in range(n)) - B[i] for i in range(n)]
    return [sum(A[i][j] * r[i] for i in range(n)) for j in range(n)]

def f(x):
    return sum((sum(A[i][j] * x[j] for j in range(n)) - B[i]) ** 2 for i in range(n)) / 2

def kl(p, x): return sum(pi * mpmath.log(pi / xi) for pi, xi in zip(p, x))

def run(eta, steps):
    x = [mpf(1) / n] * n
    kls, fs = [kl(C, x)], [f(x)]
    for _ in range(steps):
        g = grad(x)
        w = [x[j] * mpmath.exp(-eta * g[j]) for j in range(n)]
        s = sum(w)
        x = [v / s for v in w]
        kls.append(kl(C, x)); fs.append(f(x))
    return kls, fs

if __name__ == "__main__":
    AtA = [[sum(A[k][i] * A[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    L = max(abs(v) for r in AtA for v in r)
    print("A^T A =", AtA, " L = max |(A^T A)_ij| =", L)
    for eta, steps in [("1/10", 100), ("1/5", 100), ("1/5", 200), ("1/2", 200), ("1", 200), ("3/2", 200), ("2", 200), ("3", 100)]:
        e = mpf(mpmath.fraction(*map(int, (eta + "/1").split("/")[:2])))
        kls, fs = run(e, steps)
        d = [kls[k + 1] - kls[k] for k in range(steps)]
        ups = [k + 1 for k in range(steps) if d[k] > 0]
        rate = min(kls[0] / (e * k) - fs[k] for k in range(1, steps + 1))
        print(f"eta={eta:4s} KL_0={mpmath.nstr(kls[0], 8)} KL_end={mpmath.nstr(kls[-1], 8)} max increase={mpmath.nstr(max(d), 6)}"
              f" increases at {ups[:6]}  min_k KL_0/(eta k) - f_k = {mpmath.nstr(rate, 6)}")
