#!/usr/bin/env python3
"""Independent check of proofs/conjectures/omwu-duality-gap-*.toml and omwu-kl-*.toml (mpmath, 256 bits).

OMWU on min_x max_y x^T A y from the uniform start with x_{-1} = x_0:
  x+ = normalize(x * exp(-eta (2 A y - A y_prev))),  y+ = normalize(y * exp(eta (2 A^T x - A^T x_prev))).
Prints the duality gap max_j (A^T x)_j - min_i (A y)_i: the steps k >= from where it increases, and KL(z*||z_k).
"""
import sys
import mpmath
from mpmath import mpf
mpmath.mp.prec = 256

def q(s):
    p, _, d = str(s).partition("/")
    return mpf(int(p)) / int(d or 1)

def omwu(A, eta, steps):
    n, m = len(A), len(A[0])
    x = [mpf(1) / n] * n; y = [mpf(1) / m] * m
    xp, yp = x, y
    Ay = lambda y: [sum(A[i][j] * y[j] for j in range(m)) for i in range(n)]
    Atx = lambda x: [sum(A[i][j] * x[i] for i in range(n)) for j in range(m)]
    traj = [(x, y)]
    for _ in range(steps):
        g, gp, h, hp = Ay(y), Ay(yp), Atx(x), Atx(xp)
        xn = [x[i] * mpmath.exp(-eta * (2 * g[i] - gp[i])) for i in range(n)]
        yn = [y[j] * mpmath.exp(eta * (2 * h[j] - hp[j])) for j in range(m)]
        sx, sy = sum(xn), sum(yn)
        xp, yp = x, y
        x, y = [v / sx for v in xn], [v / sy for v in yn]
        traj.append((x, y))
    gaps = [max(Atx(x)) - min(Ay(y)) for x, y in traj]
    return traj, gaps

def kl(p, x): return sum(pi * mpmath.log(pi / xi) for pi, xi in zip(p, x))

WRPS = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]]
P2A = [[q("-25/24"), q("-7/24"), q("89/24")], [q("23/24"), q("-31/24"), q("-7/24")], [q("-7/24"), q("23/24"), q("-25/24")]]

if __name__ == "__main__":
    for name, A, eta, steps, xs, ys in [
        ("wRPS", WRPS, q("1/10"), 500, [q("1/2"), q("1/3"), q("1/6")], [q("1/2"), q("1/3"), q("1/6")]),
        ("P2a", P2A, q("1/20"), 500, [q("1/6"), q("1/3"), q("1/2")], [q("1/2"), q("1/3"), q("1/6")]),
    ]:
        traj, gaps = omwu(A, eta, steps)
        ups = [k for k in range(1, steps + 1) if gaps[k] > gaps[k - 1]]
        print(f"{name}: eta={eta} gap_0={mpmath.nstr(gaps[0], 8)} gap_10={mpmath.nstr(gaps[10], 8)} gap_{steps}={mpmath.nstr(gaps[-1], 8)}")
        print(f"  steps k>=1 with gap_k > gap_(k-1): {len(ups)}; first few {ups[:12]}; after 10: {[k for k in ups if k > 10][:8]}")
        kls = [kl(xs, x) + kl(ys, y) for x, y in traj]
        kups = [k for k in range(1, steps + 1) if kls[k] > kls[k - 1]]
        print(f"  KL_0={mpmath.nstr(kls[0], 10)} KL_1-KL_0={mpmath.nstr(kls[1]-kls[0], 10)} KL_{steps}={mpmath.nstr(kls[-1], 12)}; KL increases at steps {kups[:10]}")
        print(f"  smallest KL decrease from step 2: {mpmath.nstr(min(kls[k-1]-kls[k] for k in range(2, steps+1)), 6)}")
