"""Reference for HypothesisMarginTests (issue 21): Arora et al.'s step-size hypothesis η ≤ η_max on the instance
Φ = [[1, 1/5], [1/10, 9/10]], W(0) = [[4/5, 1/10], [0, 3/4]], N = 2 (dln-gd-convergence-rate), where

    c     = σ_min(Φ) − ‖W(0) − Φ‖_F                   (deficiency margin)
    η_max = c^{(4N−2)/N} / (6144 N³ ‖Φ‖_F^{(6N−4)/N}) = c³ / (6144 · 8 · ‖Φ‖_F⁴)   for N = 2.

σ_min(Φ)² is the smaller eigenvalue of ΦᵀΦ: (‖Φ‖_F² − √(‖Φ‖_F⁴ − 4 det(Φ)²))/2. The test's step size is η_max
truncated to 35 significant digits, so η < η_max by about 1.4·10⁻⁴² (relative 2·10⁻³⁶): inside the hypotheses by far
less than the rounding error of 64 bits (≈ 10⁻¹⁹ relative), by far more than that of 128 bits (≈ 3·10⁻³⁹).

Run: python3 arora_step_size_bound.py (mpmath 1.3).
"""
from mpmath import mp, mpf, sqrt, matrix

mp.dps = 80
phi = matrix([[1, mpf(1) / 5], [mpf(1) / 10, mpf(9) / 10]])
w0 = matrix([[mpf(4) / 5, mpf(1) / 10], [0, mpf(3) / 4]])
frobenius2 = sum(phi[i, j] ** 2 for i in range(2) for j in range(2))
det = phi[0, 0] * phi[1, 1] - phi[0, 1] * phi[1, 0]
sigma_min = sqrt((frobenius2 - sqrt(frobenius2 ** 2 - 4 * det ** 2)) / 2)
c = sigma_min - sqrt(sum((w0[i, j] - phi[i, j]) ** 2 for i in range(2) for j in range(2)))
eta_max = c ** 3 / (6144 * 8 * frobenius2 ** 2)
eta = mpf("7.6175373978754487440841886370488727e-7")
print("c      =", mp.nstr(c, 40))
print("η_max  =", mp.nstr(eta_max, 50))
print("η      =", mp.nstr(eta, 50))
print("η_max − η =", mp.nstr(eta_max - eta, 10), " relative", mp.nstr((eta_max - eta) / eta_max, 5))
print("ℓ(0) = ½‖W(0) − Φ‖_F² =", mp.nstr(sum((w0[i, j] - phi[i, j]) ** 2 for i in range(2) for j in range(2)) / 2, 20))
