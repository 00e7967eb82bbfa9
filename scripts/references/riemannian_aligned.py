#!/usr/bin/env python3
"""Reference values for the lifted Riemannian flow (Tests/ModelsTests/LiftedRiemannianFlowTests.swift).

When A = U diag(a) V^T and W(0) = U diag(d^N) V^T share their singular vectors, the Riemannian flow
dW/dt = -A_W(W - A) keeps them, and each singular value sigma = s^N follows the scalar ODE
    d(s^N)/dt = -N s^(2N-2) (s^N - a),   i.e.   ds/dt = -s^(N-1) (s^N - a).
This script integrates the scalar ODEs with mpmath's Taylor integrator (odefun) at 130 digits and prints
sigma_i(T) = s_i(T)^N to 100 significant digits, for N = 3, d = (1, 1/2, 3/4), a = (2, 1, 1/4), T = 4.

Run: python3 scripts/references/riemannian_aligned.py   (mpmath 1.3 or later)
"""
from mpmath import mp, mpf, odefun, nstr

mp.dps = 130
N = 3
T = 4
roots = [mpf(1), mpf(1) / 2, mpf(3) / 4]
targets = [mpf(2), mpf(1), mpf(1) / 4]

for d, a in zip(roots, targets):
    s = odefun(lambda t, s, a=a: -s ** (N - 1) * (s ** N - a), 0, d)
    print(nstr(s(T) ** N, 100))
