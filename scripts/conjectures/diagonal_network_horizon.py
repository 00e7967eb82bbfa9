#!/usr/bin/env python3
"""How far x(T) of the diagonal network is from its limit at the claim files' horizons (float64 RK4, h = 1/200)."""
import numpy as np
from diagonal_network import limit
A = np.array([[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]], float); b = np.array([3.0, 1.0])

def x_at(alpha, T, h=1 / 200):
    w = np.full(10, float(alpha))
    def f(w):
        u, v = w[:5], w[5:]; g = A.T @ (A @ (u * u - v * v) - b)
        return np.concatenate([-2 * u * g, 2 * v * g])
    for _ in range(int(round(T / h))):
        k1 = f(w); k2 = f(w + h / 2 * k1); k3 = f(w + h / 2 * k2); k4 = f(w + h * k3)
        w = w + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return w[:5] ** 2 - w[5:] ** 2

if __name__ == "__main__":
    from fractions import Fraction
    for a in ["1", "1/2", "1/4", "1/8", "1/10"]:
        al = float(Fraction(a)); lim = np.array([float(v) for v in limit(Fraction(a).numerator / Fraction(a).denominator)])
        for T in [10, 20, 40]:
            x = x_at(al, T)
            print(f"alpha={a:4s} T={T:3d} |x(T)-x_inf|={np.linalg.norm(x - lim):.3e} l1={np.abs(x).sum():.12f}")
