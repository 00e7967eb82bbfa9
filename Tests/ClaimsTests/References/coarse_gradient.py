#!/usr/bin/env python3
"""Reference values for the coarse-gradient claim (docs/theory.md §6.4, Yin et al.), independent of Attest.

Model: Z ∈ R^{m×n} with i.i.d. N(0,1) entries, σ(u) = 1[u > 0], output vᵀσ(Zw), teacher (v*, w*),
sample loss ℓ = ½(vᵀσ(Zw) − v*ᵀσ(Zw*))², coarse gradient g = (vᵀσ(Zw) − v*ᵀσ(Zw*)) · Zᵀ(1[Zw > 0] ⊙ v).

Nothing below uses the closed forms of §6.4 to compute the references:
1. The three Gaussian integrals that everything reduces to (rows z of Z are independent, and each integrand depends
   on z only through its projection onto span{w, w*}):  P(zᵀw > 0, zᵀw* > 0),  E[z 1{zᵀw > 0}],
   E[z 1{zᵀw > 0, zᵀw* > 0}], are computed by quadrature in polar coordinates of the plane (mpmath.quad: radial and angular integrals).
2. f = E ℓ and E g are assembled from them term by term (sums over rows i, j, independence for i ≠ j).
3. ∇_w f is mpmath.diff of that quadrature-based f in each coordinate of w.
The script then prints the closed forms of §6.4 beside the references and asserts agreement to 25 digits.

Run: python3 Tests/ClaimsTests/References/coarse_gradient.py
"""
from mpmath import mp, mpf, quad, cos, sin, exp, pi, sqrt, acos, diff, inf

mp.dps = 40

V = [mpf(1), mpf(-1) / 2, mpf(2), mpf(3) / 10]
VS = [mpf(4) / 5, mpf(1) / 5, mpf(3) / 2, mpf(-2) / 5]
W = [mpf(1), mpf(0), mpf(1) / 2]
WS = [mpf(3) / 10, mpf(1), mpf(-1) / 5]


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def norm(a):
    return sqrt(dot(a, a))


def unit(a):
    return [x / norm(a) for x in a]


def plane(w, ws):
    """Orthonormal e1 = ŵ, e2 ⊥ e1 in span{w, w*}, and the angle of w* in that basis."""
    e1 = unit(w)
    u = unit(ws)
    c = dot(e1, u)
    r = [u[k] - c * e1[k] for k in range(len(w))]
    e2 = unit(r)
    return e1, e2, mp.atan2(dot(u, e2), c)


def gauss_plane(degree, angular, arcs):
    """E[r^degree · angular(φ) · 1{φ ∈ arcs}] over a standard 2-D Gaussian in polar coordinates (r, φ): the radial
    and angular integrals separate, and both are done by quadrature."""
    radial = quad(lambda r: r ** (degree + 1) * exp(-r * r / 2), [0, inf])
    return radial * sum(quad(angular, [a, b]) for a, b in arcs) / (2 * pi)


def integrals(w, ws):
    e1, e2, phi = plane(w, ws)
    both = [(phi - pi / 2, pi / 2)]                 # zᵀw > 0 (|angle| < π/2) and zᵀw* > 0 (|angle − φ| < π/2)
    half = [(-pi / 2, pi / 2)]
    p_both = gauss_plane(0, lambda phi: 1, both)
    hs, ht = gauss_plane(1, cos, half), gauss_plane(1, sin, half)
    m_half = [hs * e1[k] + ht * e2[k] for k in range(len(w))]
    ms, mt = gauss_plane(1, cos, both), gauss_plane(1, sin, both)
    m_both = [ms * e1[k] + mt * e2[k] for k in range(len(w))]
    return p_both, m_half, m_both


def population(v, vs, w, ws):
    """f = E ℓ and E g, term by term from the quadrature integrals."""
    m = len(v)
    p_both, m_half, m_both = integrals(w, ws)
    half = mpf(1) / 2
    # E[σ_i(w)σ_j(w')]: 1/4 for i ≠ j (independent rows), P(both) or 1/2 for i = j.
    e_vv = sum(v[i] * v[j] * (half if i == j else half * half) for i in range(m) for j in range(m))
    e_ss = sum(vs[i] * vs[j] * (half if i == j else half * half) for i in range(m) for j in range(m))
    e_vs = sum(v[i] * vs[j] * (p_both if i == j else half * half) for i in range(m) for j in range(m))
    f = (e_vv - 2 * e_vs + e_ss) / 2
    n = len(w)
    eg = [mpf(0)] * n
    for j in range(m):
        for i in range(m):
            for k in range(n):
                if i == j:
                    term = v[j] * (v[j] * m_half[k] - vs[j] * m_both[k])
                else:
                    term = v[j] * (v[i] * half - vs[i] * half) * m_half[k]
                eg[k] += term
    return f, eg


def closed_forms(v, vs, w, ws):
    m = len(v)
    wh, wsh = unit(w), unit(ws)
    theta = acos(dot(wh, wsh))
    one_v, one_vs = sum(v), sum(vs)
    c = 1 - 2 * theta / pi
    f = (dot(v, v) + one_v ** 2 - 2 * (c * dot(v, vs) + one_v * one_vs) + dot(vs, vs) + one_vs ** 2) / 8
    vv = dot(v, vs)
    proj = [wsh[k] - dot(wh, wsh) * wh[k] for k in range(len(w))]
    grad = [-vv / (2 * pi * norm(w) * sin(theta)) * x for x in proj]
    a = dot(v, v) + one_v * (one_v - one_vs)
    eg = [(a * wh[k] - vv * wsh[k]) / (2 * sqrt(2 * pi)) for k in range(len(w))]
    inner = vv ** 2 * sin(theta) / (4 * pi * sqrt(2 * pi) * norm(w))
    return theta, f, grad, eg, inner


def main():
    f_ref, eg_ref = population(V, VS, W, WS)
    grad_ref = []
    for k in range(3):
        def f_of(x, k=k):
            w = list(W)
            w[k] = x
            return population(V, VS, w, WS)[0]
        grad_ref.append(diff(f_of, W[k]))
    inner_ref = dot(eg_ref, grad_ref)
    theta, f, grad, eg, inner = closed_forms(V, VS, W, WS)
    print("theta      ", mp.nstr(theta, 30))
    print("f          ", mp.nstr(f_ref, 30), " closed form", mp.nstr(f, 30))
    for k in range(3):
        print("E g[%d]     " % k, mp.nstr(eg_ref[k], 30), " closed form", mp.nstr(eg[k], 30))
    for k in range(3):
        print("grad f[%d]  " % k, mp.nstr(grad_ref[k], 30), " closed form", mp.nstr(grad[k], 30))
    print("<Eg, grad> ", mp.nstr(inner_ref, 30), " closed form", mp.nstr(inner, 30))
    tol = mpf(10) ** -25
    assert abs(f - f_ref) < tol and abs(inner - inner_ref) < tol
    assert all(abs(a - b) < tol for a, b in zip(eg, eg_ref)) and all(abs(a - b) < tol for a, b in zip(grad, grad_ref))
    print("closed forms agree with quadrature to 1e-25")


main()
