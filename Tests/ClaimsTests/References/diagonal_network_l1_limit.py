#!/usr/bin/env python3
"""Reference values for the α → 0 claim of diagonal linear networks (docs/theory.md §4.5), independent of Attest.

For the reference instance A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]], y = (3, 1) this computes, with mpmath at 60
digits, the implicit-bias limit x_α (the minimizer of Q_α on Ax = y) by Newton's method on the dual equation
A·x(Aᵀλ) = y with continuation in α, where x(z) = 2α² sinh(z) (depth 2) or α^N h_N(z) (depth N ≥ 3), and prints
‖x_α‖₁, the distance ‖x_α − x_ℓ1‖₂ to the minimum-ℓ1 interpolant x_ℓ1 = (0, 0, 0, 7/5, −1/5), and the local
exponents log(d_k/d_{k+1}) / log(α_k/α_{k+1}).

Run: python3 Tests/ClaimsTests/References/diagonal_network_l1_limit.py
"""
from mpmath import mp, mpf, matrix, sinh, cosh, lu_solve, log, sqrt, fabs

mp.dps = 60
A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
Y = [3, 1]
X_L1 = [mpf(0), mpf(0), mpf(0), mpf(7) / 5, mpf(-1) / 5]
m, n = 2, 5


def primal(z, alpha, depth):
    """x(z) and x'(z) componentwise."""
    if depth == 2:
        s = 2 * alpha**2
        return s * sinh(z), s * cosh(z)
    e = mpf(-depth) / (depth - 2)
    e1 = mpf(-2 * (depth - 1)) / (depth - 2)
    s = alpha**depth
    return s * ((1 - z)**e - (1 + z)**e), s * mpf(depth) / (depth - 2) * ((1 - z)**e1 + (1 + z)**e1)


def limit(alpha, depth, lam):
    """Newton on A x(Aᵀλ) = y from lam (damped by halving until the residual falls and |z| < 1 for N ≥ 3)."""
    def residual(l):
        z = [sum(A[i][j] * l[i] for i in range(m)) for j in range(n)]
        if depth > 2 and max(fabs(v) for v in z) >= 1:
            return None, None, None
        vals = [primal(v, alpha, depth) for v in z]
        r = [sum(A[i][j] * vals[j][0] for j in range(n)) - Y[i] for i in range(m)]
        return r, vals, z
    r, vals, _ = residual(lam)
    for _ in range(400):
        norm = sqrt(sum(v * v for v in r))
        if norm < mpf(10)**(-55):
            break
        J = matrix(m, m)
        for i in range(m):
            for k in range(m):
                J[i, k] = sum(A[i][j] * vals[j][1] * A[k][j] for j in range(n))
        step = lu_solve(J, matrix(r))
        t = mpf(1)
        while True:
            trial = [lam[i] - t * step[i] for i in range(m)]
            r2, vals2, _ = residual(trial)
            if r2 is not None and sqrt(sum(v * v for v in r2)) < norm:
                lam, r, vals = trial, r2, vals2
                break
            t /= 2
    x = [v[0] for v in vals]
    return x, lam


def sweep(depth, alphas):
    lam = [mpf(0)] * m
    rows = []
    for alpha in alphas:
        x, lam = limit(alpha, depth, lam)
        d = sqrt(sum((x[j] - X_L1[j])**2 for j in range(n)))
        rows.append((alpha, x, sum(fabs(v) for v in x), d))
    print(f"depth {depth}")
    for k, (alpha, x, l1, d) in enumerate(rows):
        exponent = ""
        if k > 0:
            exponent = mp.nstr(log(rows[k - 1][3] / d) / log(rows[k - 1][0] / alpha), 12)
        print(f"  alpha={mp.nstr(alpha, 6)}  |x|_1={mp.nstr(l1, 15)}  d={mp.nstr(d, 15)}  local_exponent={exponent}")
        print("    x =", [mp.nstr(v, 15) for v in x])


sweep(2, [mpf(10)**(-k) for k in range(0, 9)])
sweep(3, [mpf(1) / 2**k for k in range(0, 8)])
sweep(3, [mpf(1), mpf(1) / 2, mpf(3) / 10, mpf(1) / 10, mpf(1) / 20, mpf(1) / 100])
sweep(2, [mpf(1) / 2**k for k in range(0, 3)])

# The 3 × 7 instance of proofs/diagonal-network-l1-limit-3x7.toml: x_ℓ1 = (0, 0, 15/23, 0, −37/23, 0, 48/23), dual
# certificate slack 4/23. The depth-2 local exponents approach 2·4/23 = 0.3478 (derived in docs/implicit-bias.md) from
# above after a transient (column 2, exponent 2·5/23, has the larger prefactor).
A = [[2, -1, 0, 1, 3, 1, -2], [1, 1, 2, 0, -1, 2, 1], [0, 2, -1, 1, 1, -1, 3]]
Y = [-9, 5, 4]
X_L1 = [mpf(0), mpf(0), mpf(15) / 23, mpf(0), mpf(-37) / 23, mpf(0), mpf(48) / 23]
m, n = 3, 7
sweep(2, [mpf(10)**(-k) for k in range(0, 21, 2)])
