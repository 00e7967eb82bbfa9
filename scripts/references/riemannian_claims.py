#!/usr/bin/env python3
"""Independent reference values for the instances of proofs/riemannian-product-flow.toml and its twin
proofs/riemannian-product-flow-unbalanced.toml (the corrections in proofs/baseline/corrections.json).

Nothing here uses the lifted (W, P, Q) system of Sources/Models/LiftedRiemannianFlow.swift. The Riemannian flow is
integrated from its definition,
    dW/dt = -A_W(W - A),   A_W(Z) = sum_{j=1}^{N} (W W^T)^{(N-j)/N} Z (W^T W)^{(j-1)/N}   (S^0 = I),
with the fractional powers taken from mpmath's symmetric eigendecomposition (eigsy) at every evaluation, and the
factors W_1 ... W_N from their gradient flow dW_j/dt = -(W_N...W_{j+1})^T (W_N...W_1 - A) (W_{j-1}...W_1)^T. Both
are integrated by Gragg–Bulirsch–Stoer extrapolation (modified midpoint rule, Neville extrapolation in h²) with
macro steps of T/64, each extrapolated until two successive diagonal entries agree to 10^(8 − DIGITS), at DIGITS
significant digits. The Riemannian flow keeps the rank r of W, so the zero eigenvalues of W^T W (d_0 > r) are
set to 0 exactly: an eigenvalue below 10^(−DIGITS/2) is rounding noise (the others are above 10^−3 here). The
script prints, per instance, the quantities the kind reports:
    gap      = max over t in {T/4, T/2, 3T/4, T} of ||W_N...W_1(t) - W(t)||_F / max(1, ||W(t)||_F)
    distance = ||W(T) - A||_F
    margin   = relative_tolerance - gap
Run it twice with different DIGITS (the default 50 and, e.g., 60): the printed digits that agree are the reference.

Run: python3 scripts/references/riemannian_claims.py [DIGITS]   (mpmath 1.3 or later)
"""
import sys
from mpmath import mp, mpf, matrix, eye, nstr, sqrt

mp.dps = int(sys.argv[1]) if len(sys.argv) > 1 else 50


def frac(x):
    if isinstance(x, str) and "/" in x:
        p, q = x.split("/")
        return mpf(int(p)) / int(q)
    return mpf(x)


def mat(rows):
    return matrix([[frac(x) for x in row] for row in rows])


def power(s, alpha):
    """S^alpha of a symmetric positive semidefinite S (S^0 = I; eigenvalues below 0 from rounding count as 0)."""
    if alpha == 0:
        return eye(s.rows)
    e, q = mp.eigsy(s)
    d = matrix(s.rows, s.rows)
    for i in range(s.rows):
        d[i, i] = e[i] ** alpha if e[i] > mpf(10) ** (-mp.dps // 2) else mpf(0)
    return q * d * q.T


def flat(m):
    return [m[i, j] for i in range(m.rows) for j in range(m.cols)]


def unflat(v, rows, cols, offset=0):
    return matrix([[v[offset + i * cols + j] for j in range(cols)] for i in range(rows)])


def frobenius(m):
    return sqrt(sum(x ** 2 for x in flat(m)))


def gbs(field, y0, t0, t1, steps, tolerance):
    """The solution at t0 + k(t1 − t0)/steps, k = 1 … steps, by Gragg–Bulirsch–Stoer extrapolation."""
    h_macro = (t1 - t0) / steps
    y, t, out = list(y0), t0, []
    for _ in range(steps):
        table = []
        for k in range(1, 25):
            n = 2 * k
            h = h_macro / n
            z0, f = y, field(t, y)
            z1 = [a + h * b for a, b in zip(z0, f)]
            for m in range(1, n):
                f = field(t + m * h, z1)
                z0, z1 = z1, [a + 2 * h * b for a, b in zip(z0, f)]
            f = field(t + h_macro, z1)
            row = [[(a + b + h * c) / 2 for a, b, c in zip(z0, z1, f)]]
            for j in range(1, k):
                ratio = (mpf(n) / (n - 2 * j)) ** 2 - 1
                row.append([a + (a - b) / ratio for a, b in zip(row[j - 1], table[-1][j - 1])])
            if table and max(abs(a - b) for a, b in zip(row[-1], table[-1][-1])) < tolerance:
                table.append(row)
                break
            table.append(row)
        else:
            raise RuntimeError("GBS did not converge")
        y, t = table[-1][-1], t + h_macro
        out.append(y)
    return out


def instance(a, u, v, roots, depth, imbalance, horizon, samples, tolerance):
    a, u, v = mat(a), mat(u), mat(v)
    d = matrix(len(roots), len(roots))
    for i, r in enumerate(roots):
        d[i, i] = frac(r)
    c = frac(imbalance)
    if depth == 1:
        layers = [u * d * v.T]
    else:
        layers = [c * d * v.T] + [d] * (depth - 2) + [(1 / c) * (u * d)]
    shapes = [(m.rows, m.cols) for m in layers]

    def split(y):
        out, offset = [], 0
        for rows, cols in shapes:
            out.append(unflat(y, rows, cols, offset))
            offset += rows * cols
        return out

    def product(ms):
        p = ms[0]
        for m in ms[1:]:
            p = m * p
        return p

    def factor_field(t, y):
        ws = split(y)
        g = product(ws) - a
        out = []
        for j in range(depth):
            left = product(ws[j + 1:]) if j + 1 < depth else eye(a.rows)
            right = product(ws[:j]) if j > 0 else eye(a.cols)
            out += flat(-(left.T * g * right.T))
        return out

    def riemannian_field(t, y):
        w = unflat(y, a.rows, a.cols)
        g = w - a
        left, right = w * w.T, w.T * w
        total = matrix(a.rows, a.cols)
        for j in range(1, depth + 1):
            total += power(left, mpf(depth - j) / depth) * g * power(right, mpf(j - 1) / depth)
        return flat(-total)

    tolerance_gbs = mpf(10) ** (8 - mp.dps)
    per_sample = 64 // samples
    factors = gbs(factor_field, [x for m in layers for x in flat(m)], mpf(0), frac(horizon), 64, tolerance_gbs)
    riemannian = gbs(riemannian_field, flat(product(layers)), mpf(0), frac(horizon), 64, tolerance_gbs)
    gap = mpf(0)
    for k in range(1, samples + 1):
        w = unflat(riemannian[k * per_sample - 1], a.rows, a.cols)
        p = product(split(factors[k * per_sample - 1]))
        gap = max(gap, frobenius(p - w) / max(mpf(1), frobenius(w)))
    w_end = unflat(riemannian[-1], a.rows, a.cols)
    return gap, frobenius(w_end - a), frac(tolerance) - gap


SQUARE = dict(a=[[1, 2], [-1, 3]], u=[["3/5", "-4/5"], ["4/5", "3/5"]], v=[[1, 0], [0, 1]], roots=[1, "1/2"],
              horizon=1, samples=4, tolerance="1e-10")
WIDE = dict(SQUARE, a=[[1, 0, 2], [-1, 3, 1]], v=[["1/3", "2/3"], ["2/3", "1/3"], ["2/3", "-2/3"]])
INSTANCES = [
    ("riemannian-product-flow", 0, dict(SQUARE, depth=2, imbalance=1)),
    ("riemannian-product-flow", 1, dict(SQUARE, depth=3, imbalance=1)),
    ("riemannian-product-flow", 2, dict(WIDE, depth=3, imbalance=1)),
    ("riemannian-product-flow-unbalanced", 0, dict(SQUARE, depth=2, imbalance=2)),
    ("riemannian-product-flow-unbalanced", 1, dict(SQUARE, depth=3, imbalance=2)),
]

if __name__ == "__main__":
    print(f"mp.dps = {mp.dps}")
    for claim, index, parameters in INSTANCES:
        gap, distance, margin = instance(**parameters)
        print(f"{claim} #{index}")
        print(f"  max_t gap               {nstr(gap, 40)}")
        print(f"  ||W(T) - A||_F          {nstr(distance, 40)}")
        print(f"  margin                  {nstr(margin, 40)}")
        sys.stdout.flush()
