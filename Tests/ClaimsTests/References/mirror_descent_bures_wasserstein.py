#!/usr/bin/env python3
"""Reference values for docs/theory.md §6.2 (mirror descent, von Neumann entropy) and §6.3 (Bures–Wasserstein), independent
of Attest: mpmath at 60 digits, different formulas from the Swift code where possible.

§6.2, n = 3, m = 3 (the A_i, u below), α = 1/2, η = 1/5:
  * X_10 of mirror descent, by accumulating the generator G_{t+1} = G_t − η Σ r_i A_i / m, X_t = expm(G_t) (no matrix
    logarithm; Attest takes log X_t by an eigendecomposition every step);
  * the Bregman projection X_ref = expm(ln α I + Σ λ_k A_k) with A(X_ref) = y, λ by mpmath's findroot (secant/MDNewton).
§6.3, Σ_0 and W (4 × 2) below:
  * B²(WWᵀ, Σ_0) = tr WᵀW + tr Σ_0 − 2 tr (WᵀΣ_0W)^{1/2} (a k × k square root: no Σ_0^{1/2}, no SVD);
  * ∇_W B² by mpmath's numerical differentiation of that form;
  * Σ_{i>k} λ_i(Σ_0) by mpmath's eigsy.

Run: python3 Tests/ClaimsTests/References/mirror_descent_bures_wasserstein.py
"""
from mpmath import mp, mpf, matrix, expm, sqrtm, log, findroot, diff, eigsy, eye

mp.dps = 60
F = lambda s: mpf(s) if '/' not in str(s) else mpf(str(s).split('/')[0]) / mpf(str(s).split('/')[1])


def mat(rows):
    return matrix([[F(x) for x in row] for row in rows])


def inner(a, b):
    return sum(a[i, j] * b[i, j] for i in range(a.rows) for j in range(a.cols))


# §6.2
A = [mat([[1, '1/2', 0], ['1/2', 0, '1/4'], [0, '1/4', '-1/2']]),
     mat([[0, 1, 0], [1, 1, 0], [0, 0, '1/2']]),
     mat([['1/2', 0, 1], [0, '-1/4', 0], [1, 0, 0]])]
u = matrix([1, -1, F('1/2')])
Xstar = u * u.T
y = [inner(a, Xstar) for a in A]
alpha, eta, m = F('1/2'), F('1/5'), 3
G = log(alpha) * eye(3)
for t in range(10):
    X = expm(G)
    r = [inner(a, X) - yi for a, yi in zip(A, y)]
    G = G - eta / m * sum((ri * a for ri, a in zip(r, A)), matrix(3, 3))
X10 = expm(G)
print("MD X_10 =", [[mp.nstr(X10[i, j], 45) for j in range(3)] for i in range(3)])


def fit(*lam):
    X = expm(log(alpha) * eye(3) + sum((l * a for l, a in zip(lam, A)), matrix(3, 3)))
    return [inner(a, X) - yi for a, yi in zip(A, y)]


lam = findroot(fit, [mpf(0)] * 3)
Xref = expm(log(alpha) * eye(3) + sum((l * a for l, a in zip(lam, A)), matrix(3, 3)))
print("Bregman X_ref =", [[mp.nstr(Xref[i, j], 45) for j in range(3)] for i in range(3)])
print("residual", mp.nstr(max(abs(v) for v in fit(*lam)), 5))

# §6.3
S0 = mat([[4, 1, 0, '1/2'], [1, 3, '1/2', 0], [0, '1/2', 2, '1/4'], ['1/2', 0, '1/4', 1]])
W = mat([[1, 0], ['1/2', 1], [0, -1], ['1/4', '1/2']])


def bw(w):
    gram = w.T * S0 * w
    return inner(w, w) + sum(S0[i, i] for i in range(4)) - 2 * sum(sqrtm(gram)[i, i] for i in range(2))


print("B2 =", mp.nstr(bw(W), 45))
grad = []
for i in range(4):
    row = []
    for j in range(2):
        def along(h, i=i, j=j):
            w = W.copy()
            w[i, j] += h
            return bw(w)
        row.append(diff(along, 0))
    grad.append(row)
print("grad =", [[mp.nstr(g, 40) for g in row] for row in grad])
ev = sorted(eigsy(S0)[0], reverse=True)
print("eigenvalues =", [mp.nstr(e, 45) for e in ev])
print("sum_{i>2} =", mp.nstr(ev[2] + ev[3], 45))
