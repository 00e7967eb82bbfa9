#!/usr/bin/env python3
"""P1a and P1b (deep linear network gradient flows, docs/benchmark-problems.md) with Attest's Taylor stepper, heyoka
and (P1a) mpmath.odefun, at 256 and 512 bits, in one run: paired medians and ratios.

Usage (from the repository root, after `make bench-dynamics` has built the release binary):
  .venv-bench/bin/python Benchmarks/peers/p1_peers.py --ours .build/release/attest-benchmarks [--repeats 5]
      [--bits 256 512] [--problems p1a p1b] [--p1b-horizon 2] [--mpmath full|scaled|skip]

* P1a (N = 3, d = 4) on [0, 20]; P1b (N = 5, d = 8, 320 unknowns, 16x the work per order) on [0, --p1b-horizon]
  (default 2: one P1b run on [0, 20] takes minutes per peer, too long for paired repeats). P1b has no published
  reference: its digits are measured against one Attest run at B + 64 bits and tolerance 2^-(B+64) (a different
  precision and order), made once before the paired runs.
* The paired ratio is the median over the pairs of (Attest time / heyoka time) of the same pair; the medians of
  each peer's times and their ratio are printed as well. Each run is timed in wall-clock seconds around the
  integration and in CPU seconds (Attest: the whole process, user + system, tracing included; heyoka:
  time.process_time() around propagate_until), since a loaded machine inflates CPU time far less.

* Attest: `attest-benchmarks --taylor-json --bits B` runs one integration and prints one JSON line.
* heyoka: hy.real at B bits, compact_mode=True, tolerance 2^-B (the same tolerance and hence the same
  Jorba-Zou order as Attest: 90 at 256 bits, 179 at 512); the JIT build (taylor_adaptive) is timed apart from propagate_until.
* mpmath.odefun: mp.prec = B. It takes minutes: `--mpmath full` times one full run per precision,
  `--mpmath scaled` (default) times t in [0, 20] once at 256 bits and, at 512 bits, a short horizon
  [0, --mpmath-short-horizon] (default 1/2) at 256 and at 512 bits, and scales the 256-bit full time by their ratio
  (stated in the output). On [0, 2] those two runs took more than 45 minutes on a loaded 2-core machine.
Digits of agreement are -log10(|x - r|/|r|) against the docs/benchmark-problems.md reference values (700-bit C/MPFR Taylor);
L(20) is evaluated from each peer's final state at B + 64 bits, so that its own evaluation adds no rounding.
"""
import argparse, json, math, os, resource, statistics, subprocess, sys, time
from fractions import Fraction

REF_W = "-5.463918410301220763504887101144814240753543651373316784588071749152267433441280299616460211864369914514399188125194623624365280617204501148090288371463246240592901011389844432166869968820207743964800528916997760641e-01"
REF_L = "9.047816789152304883960852803156107004632699890718925327182110347097963224978196867643463900250597396177793095699013990175117845814098267046505832147623404294724713611158905830535156842019959138905668293640225196852e-10"

T_END = 20
# name: (N, d, alpha, beta), docs/benchmark-problems.md
PROBLEMS = {"p1a": (3, 4, Fraction(0), 16), "p1b": (5, 8, Fraction(3, 8), 64)}
N, D = 3, 4  # the problem being run (set by use_problem)


def use_problem(name):
    global N, D
    N, D = PROBLEMS[name][0], PROBLEMS[name][1]


def p1a_data():
    """The initial layers and the target of the problem being run (P1a unless use_problem chose another)."""
    name = next(k for k, v in PROBLEMS.items() if v[0] == N and v[1] == D)
    _, _, alpha, beta = PROBLEMS[name]
    w0 = []
    for j in range(N):
        for a in range(D):
            for b in range(D):
                w0.append((alpha if a == b else 0) + Fraction((7 * a + 3 * b + 5 * j) % 11 - 5, beta))
    phi = [(Fraction(2 * D - a, D) if a == b else 0) + Fraction((2 * a + 5 * b + 1) % 9 - 4, 8)
           for a in range(D) for b in range(D)]
    return w0, phi


def matmul(A, B, n):  # row-major flat lists, generic over +,*
    return [sum_(A[i * n + k] * B[k * n + j] for k in range(n)) for i in range(n) for j in range(n)]


def tmatmul(A, B, n):  # A^T B
    return [sum_(A[k * n + i] * B[k * n + j] for k in range(n)) for i in range(n) for j in range(n)]


def matmult(A, B, n):  # A B^T
    return [sum_(A[i * n + k] * B[j * n + k] for k in range(n)) for i in range(n) for j in range(n)]


def sum_(it):
    it = list(it)
    s = it[0]
    for x in it[1:]:
        s = s + x
    return s


def rhs(ws, phi, n=None, depth=None):
    """3N-3 matrix products, as in docs/benchmark-problems.md."""
    n, depth = n or D, depth or N
    W = [ws[j * n * n:(j + 1) * n * n] for j in range(depth)]
    P = [W[0]]
    for j in range(1, depth):
        P.append(matmul(W[j], P[j - 1], n))
    R = [None] * depth
    R[depth - 1] = [p - f for p, f in zip(P[depth - 1], phi)]
    for j in range(depth - 2, -1, -1):
        R[j] = tmatmul(W[j + 1], R[j + 1], n)
    out = [-r for r in R[0]]
    for j in range(1, depth):
        out += [-x for x in matmult(R[j], P[j - 1], n)]
    return out


def digits(x_str, ref, bits):
    import mpmath
    with mpmath.workprec(bits + 64):
        x, r = mpmath.mpf(x_str), mpmath.mpf(ref)
        rel = abs((x - r) / r)
        return float("inf") if rel == 0 else float(-mpmath.log10(rel))


def loss_string(ws_str, phi, bits):
    import mpmath
    with mpmath.workprec(bits + 64):
        W = [mpmath.mpf(s) for s in ws_str]
        Ws = [W[j * D * D:(j + 1) * D * D] for j in range(N)]
        P = Ws[0]
        for j in range(1, N):
            P = matmul(Ws[j], P, D)
        L = sum_((p - mpmath.mpf(f.numerator) / f.denominator) ** 2 for p, f in zip(P, phi)) / 2
        return mpmath.nstr(L, int(bits * 0.30103) + 5, strip_zeros=False)


def run_ours(binary, bits, problem="p1a", t_end=T_END, log2_tolerance=None):
    command = [binary, "--taylor-json", "--bits", str(bits), "--problem", problem, "--t-end", str(t_end)]
    if log2_tolerance is not None:
        command += ["--log2-tolerance", str(log2_tolerance)]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = usage.ru_utime + usage.ru_stime
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu"] = usage.ru_utime + usage.ru_stime - before  # the whole process: tracing and setup included
    return result


def make_heyoka(bits):
    import heyoka as hy
    w0, phi = p1a_data()
    xs = hy.make_vars(*[f"w{j}_{a}_{b}" for j in range(N) for a in range(D) for b in range(D)])
    f = rhs(list(xs), [hy.expression(float(p)) for p in phi])
    state = [hy.real(float(v), bits) for v in w0]
    tol = hy.real(2, bits) ** (-bits)
    t0 = time.perf_counter()
    ta = hy.taylor_adaptive(list(zip(xs, f)), state, fp_type=hy.real, prec=bits, compact_mode=True, tol=tol)
    build = time.perf_counter() - t0
    return ta, state, build


def run_heyoka(ta, state, bits, t_end=T_END, ref_w=REF_W, ref_l=REF_L):
    import heyoka as hy
    import numpy as np
    ta.time = hy.real(0, bits)
    ta.state[:] = np.array(state)
    t0, c0 = time.perf_counter(), time.process_time()
    res = ta.propagate_until(hy.real(t_end, bits))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    ws = [str(v) for v in ta.state]
    _, phi = p1a_data()
    return {"seconds": seconds, "cpu": cpu, "steps": int(res[3]), "order": int(ta.order),
            "digitsW": digits(ws[0], ref_w, bits), "digitsL": digits(loss_string(ws, phi, bits), ref_l, bits)}


def run_p1b(args, bits, problem="p1b", horizon=None):
    """P1b on [0, --p1b-horizon] (or `problem` on [0, `horizon`]): one reference run of Attest at bits + 64, then
    paired alternating runs."""
    use_problem(problem)
    horizon = args.p1b_horizon if horizon is None else horizon
    print(f"# {problem} {bits} bits on [0, {horizon}]: reference run (Attest at {bits + 64} bits) ...",
          file=sys.stderr, flush=True)
    ref = run_ours(args.ours, bits + 64, problem, horizon)
    repeats = args.repeats if bits <= 256 else max(1, min(args.repeats, 3))
    ta, state, build = make_heyoka(bits)
    ours, theirs = [], []
    for _ in range(repeats):
        r = run_ours(args.ours, bits, problem, horizon)
        r["digitsW"], r["digitsL"] = digits(r["w00"], ref["w00"], bits), digits(r["loss"], ref["loss"], bits)
        ours.append(r)
        theirs.append(run_heyoka(ta, state, bits, horizon, ref["w00"], ref["loss"]))
        print(f"# {problem} {bits} bits: attest {ours[-1]['seconds']:.3f} s ({ours[-1]['cpu']:.3f} s CPU), heyoka {theirs[-1]['seconds']:.3f} s ({theirs[-1]['cpu']:.3f} s CPU)",
              file=sys.stderr, flush=True)
    use_problem("p1a")
    return summarize(problem, bits, ours, theirs, build, horizon)


def summarize(problem, bits, ours, theirs, build, t_end):
    row = {"problem": problem, "t_end": t_end, "bits": bits, "attest": ours[0], "heyoka": theirs[0],
           "heyoka_build": build,
           "attest_median": statistics.median(r["seconds"] for r in ours),
           "heyoka_median": statistics.median(r["seconds"] for r in theirs),
           "paired_ratio": statistics.median(a["seconds"] / h["seconds"] for a, h in zip(ours, theirs)),
           "attest_times": [r["seconds"] for r in ours], "heyoka_times": [r["seconds"] for r in theirs],
           "attest_cpu": [round(r["cpu"], 3) for r in ours], "heyoka_cpu": [round(r["cpu"], 3) for r in theirs],
           "attest_cpu_median": statistics.median(r["cpu"] for r in ours),
           "heyoka_cpu_median": statistics.median(r["cpu"] for r in theirs),
           "paired_cpu_ratio": statistics.median(a["cpu"] / h["cpu"] for a, h in zip(ours, theirs)),
           "attest_digits": [[round(r["digitsW"], 2), round(r["digitsL"], 2)] for r in ours],
           "heyoka_digits": [[round(r["digitsW"], 2), round(r["digitsL"], 2)] for r in theirs],
           "load_average": os.getloadavg()}
    print("# " + json.dumps(row), file=sys.stderr, flush=True)
    return row


def run_mpmath(bits, t_end):
    import mpmath
    w0, phi = p1a_data()
    steps = [0]
    with mpmath.workprec(bits):
        phim = [mpmath.mpf(p.numerator) / p.denominator for p in phi]
        y0 = [mpmath.mpf(v.numerator) / v.denominator for v in w0]

        def F(t, y):
            steps[0] += 1
            return rhs(list(y), phim)

        t0 = time.perf_counter()
        sol = mpmath.odefun(F, 0, y0)
        y = sol(t_end)
        seconds = time.perf_counter() - t0
        ws = [mpmath.nstr(v, int(bits * 0.30103) + 5, strip_zeros=False) for v in y]
    result = {"seconds": seconds, "evaluations": steps[0]}
    if t_end == T_END:
        result["digitsW"] = digits(ws[0], REF_W, bits)
        result["digitsL"] = digits(loss_string(ws, phi, bits), REF_L, bits)
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--bits", type=int, nargs="+", default=[256, 512])
    ap.add_argument("--mpmath", choices=["full", "scaled", "skip"], default="scaled")
    ap.add_argument("--mpmath-short-horizon", type=float, default=0.5)
    ap.add_argument("--problems", nargs="+", choices=["p1a", "p1b"], default=["p1a", "p1b"])
    ap.add_argument("--p1b-horizon", type=float, default=2)
    ap.add_argument("--p1a-horizon", type=float, default=20,
                    help="below 20: P1a on [0, H], digits against an Attest run at B + 64 bits (as for P1b)")
    args = ap.parse_args()
    rows = []
    mpmath_full_256 = None
    print(f"# load average at start: {os.getloadavg()}", file=sys.stderr, flush=True)
    for bits in args.bits if "p1a" in args.problems and args.p1a_horizon < T_END else []:
        row = run_p1b(args, bits, "p1a", args.p1a_horizon)
        rows.append(row)
        print(json.dumps(row), flush=True)
    for bits in args.bits if "p1a" in args.problems and args.p1a_horizon >= T_END else []:
        repeats = args.repeats if bits <= 256 else max(1, min(args.repeats, 3))
        ta, state, build = make_heyoka(bits)
        ours, theirs = [], []
        for _ in range(repeats):  # paired, alternating runs
            ours.append(run_ours(args.ours, bits))
            theirs.append(run_heyoka(ta, state, bits))
            print(f"# {bits} bits: attest {ours[-1]['seconds']:.3f} s ({ours[-1]['cpu']:.3f} s CPU), "
                  f"heyoka {theirs[-1]['seconds']:.3f} s ({theirs[-1]['cpu']:.3f} s CPU)",
                  file=sys.stderr, flush=True)
        row = summarize("p1a", bits, ours, theirs, build, T_END)  # printed before mpmath, which may take long
        if args.mpmath == "full" or (args.mpmath == "scaled" and bits == 256):
            print(f"# {bits} bits: mpmath.odefun on [0, 20] (minutes)...", file=sys.stderr, flush=True)
            m = run_mpmath(bits, T_END)
            m["how"] = "one full run"
            if bits == 256:
                mpmath_full_256 = m
            row["mpmath"] = m
        elif args.mpmath == "scaled" and mpmath_full_256 is not None:
            horizon = args.mpmath_short_horizon
            print(f"# {bits} bits: mpmath.odefun on [0, {horizon}] at 256 and {bits} bits...", file=sys.stderr, flush=True)
            short_256 = run_mpmath(256, horizon)
            short = run_mpmath(bits, horizon)
            factor = short["seconds"] / short_256["seconds"]
            row["mpmath"] = {"seconds": mpmath_full_256["seconds"] * factor,
                             "how": f"scaled: 256-bit [0,20] time x ({short['seconds']:.1f} s / {short_256['seconds']:.1f} s on [0,{horizon}] at {bits}/256 bits)"}
        rows.append(row)
        print(json.dumps(row), flush=True)
    for bits in args.bits if "p1b" in args.problems else []:
        row = run_p1b(args, bits)
        rows.append(row)
        print(json.dumps(row), flush=True)
    print(f"# load average at end: {os.getloadavg()}", file=sys.stderr, flush=True)

    print()
    print("| problem | bits | stepper | order | steps | evaluations | digits W₁[0,0] | digits L | median s | ratio of medians | paired ratio | median CPU s | paired CPU ratio |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        b, a, h, pr = row["bits"], row["attest"], row["heyoka"], f"{row['problem']} [0, {row['t_end']:g}]"
        print(f"| {pr} | {b} | Attest Taylor | {a['order']} | {a['steps']} | {a['tapePasses']} tape passes | {a['digitsW']:.1f} | {a['digitsL']:.1f} | {row['attest_median']:.2f} | 1 | 1 | {row['attest_cpu_median']:.2f} | 1 |")
        print(f"| {pr} | {b} | heyoka (compact, JIT {row['heyoka_build']:.1f} s apart) | {h['order']} | {h['steps']} | {h['steps'] * h['order']} (steps × order) | {h['digitsW']:.1f} | {h['digitsL']:.1f} | {row['heyoka_median']:.2f} | {row['attest_median'] / row['heyoka_median']:.2f} | {row['paired_ratio']:.2f} | {row['heyoka_cpu_median']:.2f} | {row['paired_cpu_ratio']:.2f} |")
        if "mpmath" in row:
            m = row["mpmath"]
            dw = f"{m['digitsW']:.1f}" if "digitsW" in m else "–"
            dl = f"{m['digitsL']:.1f}" if "digitsL" in m else "–"
            ev = m.get("evaluations", "–")
            print(f"| {pr} | {b} | mpmath.odefun ({m['how']}) | – | – | {ev} field calls | {dw} | {dl} | {m['seconds']:.1f} | {row['attest_median'] / m['seconds']:.4f} ({m['seconds'] / row['attest_median']:.0f}× faster) | – | – | – |")


if __name__ == "__main__":
    main()
