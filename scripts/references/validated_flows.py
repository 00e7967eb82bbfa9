#!/usr/bin/env python3
"""Reference values for the validated (rigorous) Taylor flows: Tests/DynamicsTests/References/validated-flows.txt.

Run: python3 scripts/references/validated_flows.py > Tests/DynamicsTests/References/validated-flows.txt

mpmath at 130 significant digits, printed to 120 (the enclosures at 256 bits are about 1e-70 wide, so the
references are exact to far below the radii they are compared with).

- linear_t<T>_<i>: x' = A x, x(0) = x0, x(T) = expm(T A) x0 with the rational
  A[a,b] = ((3a + 5b + 1) mod 7 - 3)/4 (a, b = 0..3) and x0 = (1, -1/2, 1/3, 2/7) (not all dyadic: the initial
  enclosure has a positive radius).
- dln2_w<T>: the singular-value ODE of a depth-2 linear network on a balanced scalar chain,
  w' = w (lam - w^2), lam = 17/10, w(0) = 1/5: u = w^2 solves the logistic equation u' = 2u(lam - u), so
  w(T) = sqrt(lam u0 e^(2 lam T) / (lam + u0 (e^(2 lam T) - 1))).
- dln3_w<T>: the same for depth 3, w' = w^2 (lam - w^3), by mpmath.odefun (Taylor series, 130 digits), checked
  against the implicit closed form t(w) = (F(w) - F(w0))/lam, F(w) = -1/w + w^2/(2 lam) 2F1(1, 2/3; 5/3; w^3/lam)
  (the script stops if they differ beyond 1e-110).
"""
import mpmath as mp

mp.mp.dps = 130
out = []

A = mp.matrix(4, 4)
for a in range(4):
    for b in range(4):
        A[a, b] = mp.mpf((3 * a + 5 * b + 1) % 7 - 3) / 4
x0 = mp.matrix([mp.mpf(1), mp.mpf(-1) / 2, mp.mpf(1) / 3, mp.mpf(2) / 7])
for T in (1, 5):
    x = mp.expm(T * A) * x0
    for i in range(4):
        out.append((f"linear_t{T}_{i}", x[i]))

lam, w0 = mp.mpf(17) / 10, mp.mpf(1) / 5
u0 = w0 ** 2
for T in (1, 2, 5):
    e = mp.exp(2 * lam * T)
    out.append((f"dln2_w{T}", mp.sqrt(lam * u0 * e / (lam + u0 * (e - 1)))))

f = mp.odefun(lambda t, w: w ** 2 * (lam - w ** 3), 0, w0)
def F(w):
    return -1 / w + w ** 2 / (2 * lam) * mp.hyp2f1(1, mp.mpf(2) / 3, mp.mpf(5) / 3, w ** 3 / lam)
for T in (1, 2):
    w = f(T)
    implicit = (F(w) - F(w0)) / lam
    assert abs(implicit - T) < mp.mpf(10) ** -110, (T, implicit)
    out.append((f"dln3_w{T}", w))

print("# name<TAB>value, from scripts/references/validated_flows.py (mpmath %s, 130 digits)" % mp.__version__)
for name, value in out:
    print(f"{name}\t{mp.nstr(value, 120, min_fixed=1, max_fixed=0)}")
