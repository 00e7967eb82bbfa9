#!/usr/bin/env python3
"""Reference values for DynamicsTests (mpmath, 320 significant digits; printed to 310).

Run: python3 make_references.py > dynamics.txt

- p3a_y10: P3a of docs/benchmark-problems.md, y' = y^2 - t, y(0) = 1/2, y(10), from the closed form
  y = -u'/u, u = c1 Ai + c2 Bi, c1 = pi (u0 Bi'(0) - u0' Bi(0)), c2 = pi (u0' Ai(0) - u0 Ai'(0)),
  u0 = 1, u0' = -1/2.
- p3b_Y10_ij: P3b, Y' = A Y, Y(0) = I, Y(10) = expm(10 A), A[a,b] = ((3a + 5b + 1) mod 7 - 3)/4.
- dln_N<N>_w<T>: the end-to-end singular value ODE of a depth-N linear network (docs/theory.md §5.2),
  w' = w^(N-1) (lam - w^N), lam = 17/10, w(0) = 1/5, at t = T, by inverting the implicit solution
  t(w) = (F(w) - F(w0))/lam, F(w) = w^(2-N)/(2-N) + w^2/(2 lam) 2F1(1, 2/N; 1 + 2/N; w^N/lam),
  checked against mpmath.odefun at 40 digits.
"""
import mpmath as mp

mp.mp.dps = 320
out = []

# P3a
u0, du0 = mp.mpf(1), mp.mpf(-1) / 2
c1 = mp.pi * (u0 * mp.airybi(0, 1) - du0 * mp.airybi(0))
c2 = mp.pi * (du0 * mp.airyai(0) - u0 * mp.airyai(0, 1))
t = mp.mpf(10)
u = c1 * mp.airyai(t) + c2 * mp.airybi(t)
du = c1 * mp.airyai(t, 1) + c2 * mp.airybi(t, 1)
out.append(("p3a_y10", -du / u))

# P3b
A = mp.matrix(4, 4)
for a in range(4):
    for b in range(4):
        A[a, b] = mp.mpf((3 * a + 5 * b + 1) % 7 - 3) / 4
Y = mp.expm(10 * A)
for a in range(4):
    for b in range(4):
        out.append((f"p3b_Y10_{a}{b}", Y[a, b]))

# Deep linear network singular value
lam, w0 = mp.mpf(17) / 10, mp.mpf(1) / 5
for N in (3, 4, 6):
    def F(w):
        return w ** (2 - N) / (2 - N) + w ** 2 / (2 * lam) * mp.hyp2f1(1, mp.mpf(2) / N, 1 + mp.mpf(2) / N, w ** N / lam)
    for T in (2, 5):
        g = lambda w: (F(w) - F(w0)) / lam - T
        lo, hi = w0, lam ** (mp.mpf(1) / N)
        for _ in range(1200):  # bisection: t(w) is increasing on (w0, lam^(1/N))
            mid = (lo + hi) / 2
            if g(mid) < 0:
                lo = mid
            else:
                hi = mid
        out.append((f"dln_N{N}_w{T}", (lo + hi) / 2))

print("# name<TAB>value, from make_references.py (mpmath %s, 320 digits)" % mp.__version__)
for name, value in out:
    print(f"{name}\t{mp.nstr(value, 310, min_fixed=1, max_fixed=0)}")
