#!/usr/bin/env python3
"""Independent check of proofs/conjectures/diagonal-network-*.toml (mpmath).

Depth-2 diagonal network x = u*u - v*v, u(0) = v(0) = alpha*1, gradient flow of 1/2 ||A x - b||^2:
  u' = -2 u * g, v' = 2 v * g, g = A^T (A x - b).
Along the flow u = alpha exp(-2 A^T s), v = alpha exp(2 A^T s), s(t) = int_0^t (A x - b), so
  x(t) = -2 alpha^2 sinh(2 A^T s(t))  and  asinh(x / (2 alpha^2)) in range(A^T) at every t (Woodworth et al. 2020).
The limit x_inf = 2 alpha^2 sinh(A^T mu) with A x_inf = b is found by Newton's method on mu (closed form route), and
the flow itself is integrated by mpmath.odefun (Taylor) to the claim files' horizon to show how close x(T) is.
"""
import mpmath
from mpmath import mpf, matrix
mpmath.mp.dps = 40

A = matrix([[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]])
B = matrix([3, 1])

def limit(alpha):
    mu = matrix([0, 0])
    a2 = 2 * mpf(alpha) ** 2
    for _ in range(200):
        z = A.T * mu
        x = matrix([a2 * mpmath.sinh(v) for v in z])
        r = A * x - B
        if mpmath.norm(r) < mpf(10) ** -35: break
        J = A * mpmath.diag([a2 * mpmath.cosh(v) for v in z]) * A.T
        step = mpmath.lu_solve(J, r)
        t = mpf(1)
        while True:   # damped Newton: halve until the residual falls
            mu2 = mu - t * step
            x2 = matrix([a2 * mpmath.sinh(v) for v in A.T * mu2])
            if mpmath.norm(A * x2 - B) < mpmath.norm(r) or t < mpf(2) ** -60: break
            t /= 2
        mu = mu2
    return x

def flow_at(alpha, T, dps=20):
    """x(T) by mpmath.odefun on (u, v) in R^10 (slow but independent)."""
    with mpmath.workdps(dps):
        alpha = mpf(alpha)
        def f(t, w):
            u, v = w[:5], w[5:]
            x = [u[i] ** 2 - v[i] ** 2 for i in range(5)]
            r = [sum(A[p, i] * x[i] for i in range(5)) - B[p] for p in range(2)]
            g = [sum(A[p, i] * r[p] for p in range(2)) for i in range(5)]
            return [-2 * u[i] * g[i] for i in range(5)] + [2 * v[i] * g[i] for i in range(5)]
        sol = mpmath.odefun(f, 0, [alpha] * 10)
        w = sol(T)
        return [w[i] ** 2 - w[5 + i] ** 2 for i in range(5)]

def proj_distance(z):
    """||(I - A^T (A A^T)^{-1} A) z|| / ||z||: relative distance of z to range(A^T)."""
    P = A.T * mpmath.inverse(A * A.T) * A
    d = z - P * z
    return mpmath.norm(d) / mpmath.norm(z)

if __name__ == "__main__":
    import sys
    alphas = ["1", "1/2", "1/4", "1/8", "1/16", "1/32"]
    for a in alphas:
        al = mpf(mpmath.fraction(*map(int, (a + "/1").split("/")[:2])))
        x = limit(al)
        l1 = sum(abs(v) for v in x)
        print(f"alpha={a:5s} ||x_inf||_1 = {mpmath.nstr(l1, 15)}  x_inf = {[mpmath.nstr(v, 8) for v in x]}"
              f"  kernel-certificate distance = {mpmath.nstr(proj_distance(x), 10)}")
    if "--flow" in sys.argv:
        for a, T in [("1/10", 20), ("1/10", 40)]:
            al = mpf(1) / 10
            x = matrix(flow_at(al, T))
            print(f"flow alpha={a} T={T}: x(T) = {[mpmath.nstr(v, 12) for v in x]}  dist to limit {mpmath.nstr(mpmath.norm(x - limit(al)), 5)}"
                  f"  kernel distance {mpmath.nstr(proj_distance(x), 10)}"
                  f"  asinh distance {mpmath.nstr(proj_distance(matrix([mpmath.asinh(v / (2 * al ** 2)) for v in x])), 5)}")
