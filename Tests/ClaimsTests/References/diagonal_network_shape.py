#!/usr/bin/env python3
"""Reference values for the initialization-shape claim (docs/theory.md §4.4), independent of Attest.

Model β = u ⊙ v, gradient flow on ½‖Aβ − y‖² from (u0, v0), on docs/theory.md §4.5's A, y with
u0 = (1, 1/2, 2, 1, 1/4), v0 = (1/2, 1, 1/4, 2, 1).

1. Checks the closed form β(s) = ¼[(u0+v0)² e^{2s} − (u0−v0)² e^{−2s}] against the full 2n-dimensional flow
   u̇ = −v⊙g, v̇ = −u⊙g (g = Aᵀ(Aβ − y)) integrated by mpmath's Taylor ODE solver up to t = 1, with s(t) taken from
   the reduced ODE ṡ = −Aᵀ(Aβ(s) − y) integrated alongside.
2. Computes the limit β_∞ by Newton's method on A β(Aᵀμ) = y (s_∞ = Aᵀμ ∈ range Aᵀ) and prints it, with the relative
   distance of the "shape-blind" certificate arcsinh(2β_∞/|c|) from range(Aᵀ) (the known-false twin).

Run: python3 Tests/ClaimsTests/References/diagonal_network_shape.py
"""
from mpmath import mp, mpf, matrix, exp, asinh, lu_solve, sqrt, odefun

mp.dps = 40
A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
Y = [3, 1]
U0 = [mpf(1), mpf(1) / 2, mpf(2), mpf(1), mpf(1) / 4]
V0 = [mpf(1) / 2, mpf(1), mpf(1) / 4, mpf(2), mpf(1)]
m, n = 2, 5
P = [(u + v)**2 / 4 for u, v in zip(U0, V0)]
Q = [(u - v)**2 / 4 for u, v in zip(U0, V0)]


def beta(s):
    return [P[j] * exp(2 * s[j]) - Q[j] * exp(-2 * s[j]) for j in range(n)]


def grad(b):
    r = [sum(A[i][j] * b[j] for j in range(n)) - Y[i] for i in range(m)]
    return [sum(A[i][j] * r[i] for i in range(m)) for j in range(n)]


def full_and_reduced(t, w):
    u, v, s = w[:n], w[n:2 * n], w[2 * n:]
    g = grad([u[j] * v[j] for j in range(n)])
    gs = grad(beta(s))
    return [-v[j] * g[j] for j in range(n)] + [-u[j] * g[j] for j in range(n)] + [-gs[j] for j in range(n)]


solution = odefun(full_and_reduced, 0, U0 + V0 + [mpf(0)] * n)
w = solution(1)
b_full = [w[j] * w[n + j] for j in range(n)]
b_closed = beta(w[2 * n:])
print("closed form vs full flow at t = 1: max |difference| =", mp.nstr(max(abs(x - y) for x, y in zip(b_full, b_closed)), 3))

mu = [mpf(0)] * m
for _ in range(100):
    z = [sum(A[i][j] * mu[i] for i in range(m)) for j in range(n)]
    b = beta(z)
    r = [sum(A[i][j] * b[j] for j in range(n)) - Y[i] for i in range(m)]
    if sqrt(sum(x * x for x in r)) < mpf(10)**(-35):
        break
    d = [2 * (P[j] * exp(2 * z[j]) + Q[j] * exp(-2 * z[j])) for j in range(n)]
    J = matrix(m, m)
    for i in range(m):
        for k in range(m):
            J[i, k] = sum(A[i][j] * d[j] * A[k][j] for j in range(n))
    step = lu_solve(J, matrix(r))
    mu = [mu[i] - step[i] for i in range(m)]
print("beta_inf =", [mp.nstr(x, 20) for x in b])

c = [abs(u * u - v * v) for u, v in zip(U0, V0)]
phi = [asinh(2 * b[j] / c[j]) for j in range(n)]
G = matrix([[sum(A[i][j] * A[k][j] for j in range(n)) for k in range(m)] for i in range(m)])
coef = lu_solve(G, matrix([sum(A[i][j] * phi[j] for j in range(n)) for i in range(m)]))
res = [phi[j] - sum(A[i][j] * coef[i] for i in range(m)) for j in range(n)]
print("shape-blind certificate: relative distance from range(A^T) =",
      mp.nstr(sqrt(sum(x * x for x in res)) / sqrt(sum(x * x for x in phi)), 10))
