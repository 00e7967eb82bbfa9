#!/usr/bin/env python3
"""OMWU with a large step size is chaotic: the reference for the unreliable-estimate detector.

Runs optimistic multiplicative weights on a zero-sum game exactly as Attest's `omwu-kl` kind does (log domain,
x minimizes, y maximizes, uniform start with x_{-1} = x_0, the identity dKL_t = ln Z_x + ln Z_y), in mpmath at
several precisions, and prints, per precision, KL at a few steps, the count of steps t >= 2 with dKL_t > 0 and
the largest dKL_t. The run at `--truth` bits (2000 by default) stands for the exact values: the script reports the
true error of the p-bit values next to the ordinary estimate |v_p - v_{p+64}| and the second difference
|v_{p+64} - v_{p+128}|, which is what the detector compares.

    python3 scripts/reliability/omwu_chaos_reference.py --eta 2 --steps 3000 --bits 256 512
"""
import argparse
from fractions import Fraction

import mpmath as mp

# wRPS(1,2,3) in Attest's convention (x pays x^T A y and minimizes); equilibrium x* = y* = (1/2, 1/3, 1/6), v = 0.
PAYOFF = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]]
X_STAR = [Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)]
Y_STAR = [Fraction(1, 2), Fraction(1, 3), Fraction(1, 6)]
VALUE = Fraction(0)


def check_equilibrium():
    n = len(PAYOFF)
    for i in range(n):  # (A y*)_i = v for every row, (A^T x*)_j = v for every column
        assert sum(PAYOFF[i][j] * Y_STAR[j] for j in range(n)) == VALUE
        assert sum(PAYOFF[j][i] * X_STAR[j] for j in range(n)) == VALUE


def run(eta, steps, bits, samples):
    mp.mp.prec = bits
    n = len(PAYOFF)
    a = [[mp.mpf(v) for v in row] for row in PAYOFF]
    eta = mp.mpf(eta.numerator) / eta.denominator
    v = mp.mpf(VALUE.numerator) / VALUE.denominator
    xs = [mp.mpf(q.numerator) / q.denominator for q in X_STAR]
    ys = [mp.mpf(q.numerator) / q.denominator for q in Y_STAR]
    lxs, lys = [mp.log(q) for q in xs], [mp.log(q) for q in ys]
    x = [mp.mpf(1) / n] * n
    y = list(x)
    lx, ly = [mp.log(q) for q in x], [mp.log(q) for q in y]

    def products():
        return ([mp.fsum(a[i][j] * y[j] for j in range(n)) for i in range(n)],
                [mp.fsum(a[j][i] * x[j] for j in range(n)) for i in range(n)])

    def update(p, lp, cur, prev, sign):
        u = [sign * eta * (2 * cur[i] - prev[i] - v) for i in range(n)]
        e = [mp.expm1(ui) for ui in u]
        s = mp.fsum(p[i] * e[i] for i in range(n))
        log_z = mp.log1p(s)
        return ([p[i] * (1 + e[i]) / (1 + s) for i in range(n)],
                [lp[i] + u[i] - log_z for i in range(n)], log_z)

    def kl():
        return mp.fsum(xs[i] * (lxs[i] - lx[i]) + ys[i] * (lys[i] - ly[i]) for i in range(n))

    g, h = products()
    g_prev, h_prev = g, h
    kls, increases, largest = {0: kl()}, 0, None
    for t in range(1, steps + 1):
        if t > 1:
            g, h = products()
        x, lx, log_zx = update(x, lx, g, g_prev, -1)
        y, ly, log_zy = update(y, ly, h, h_prev, +1)
        change = log_zx + log_zy
        if t >= 2:
            increases += change > 0
            largest = change if largest is None or change > largest else largest
        if t in samples:
            kls[t] = kl()
        g_prev, h_prev = g, h
    return kls, increases, largest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eta", default="2", help="the step size, exact (default 2)")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--bits", type=int, nargs="+", default=[256, 512])
    parser.add_argument("--guard", type=int, default=64)
    parser.add_argument("--truth", type=int, default=2000)
    parser.add_argument("--samples", type=int, nargs="*", default=None)
    args = parser.parse_args()
    check_equilibrium()
    eta = Fraction(args.eta)
    samples = set(args.samples or [args.steps // 10 * k for k in range(1, 11)])
    truth = run(eta, args.steps, args.truth, samples)
    truth_check = run(eta, args.steps, args.truth + args.guard, samples)
    mp.mp.prec = args.truth + args.guard
    truth_error = max(abs(truth[0][t] - truth_check[0][t]) for t in samples)
    print(f"OMWU on wRPS(1,2,3), eta = {eta}, {args.steps} steps; truth at {args.truth} bits "
          f"(max |KL_t({args.truth}) - KL_t({args.truth + args.guard})| = {mp.nstr(truth_error, 3)}, "
          f"increases {truth[1]} vs {truth_check[1]})")
    for p in args.bits:
        runs = [run(eta, args.steps, b, samples) for b in (p, p + args.guard, p + 2 * args.guard)]
        print(f"\n-- p = {p} bits (estimate from p + {args.guard}, second difference from p + {2 * args.guard})")
        print(f"{'quantity':>26} {'value at p':>14} {'truth':>22} {'true error':>11} {'estimate':>11} {'2nd diff':>11} "
              f"{'true/est':>9}")

        def row(name, pick):
            vp, v1, v2, vt = (pick(r) for r in runs + [truth])
            true, est, second = abs(vp - vt), abs(vp - v1), abs(v1 - v2)
            ratio = true / est if est else mp.inf
            print(f"{name:>26} {mp.nstr(vp, 6):>14} {mp.nstr(vt, 20):>22} {mp.nstr(true, 3):>11} {mp.nstr(est, 3):>11} "
                  f"{mp.nstr(second, 3):>11} {mp.nstr(ratio, 3):>9}")

        for t in sorted(samples):
            row(f"KL_{t}", lambda r, t=t: r[0][t])
        row("increases t >= 2", lambda r: mp.mpf(r[1]))
        row("max dKL_t, t >= 2", lambda r: r[2])


if __name__ == "__main__":
    main()
