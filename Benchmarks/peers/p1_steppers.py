#!/usr/bin/env python3
"""P1a (docs/benchmark-problems.md) with every Attest stepper: Taylor, Gauss-Legendre, Fehlberg 7(8) and classical
RK4, at 256 and 512 bits, in one run, so that the ratios to the Taylor stepper are same-run ratios.

Usage (from the repository root, after `swift build -c release --product attest-benchmarks`):
  python3 Benchmarks/peers/p1_steppers.py --ours .build/release/attest-benchmarks [--repeats 3] [--bits 256 512]
      [--budget 30] [--gl-stages 16] [--gl-iteration newton] [--log FILE]

Each rung of a ladder is one configuration (a tolerance 2^-k for the adaptive steppers, a step count for RK4).
The script makes --repeats passes; each pass runs the Taylor stepper once, then every rung of every ladder (one
process per run: `attest-benchmarks --taylor-json` or `--stepper-json`), so the ratios to the Taylor median are
same-run ratios. In the first pass a ladder climbs until a rung takes more than --budget seconds or reaches P1a's
targets (but climbs at least 3 rungs, to fit); the later passes rerun the rungs climbed. The targets:
W_1(20)[0,0] within 2^-(p-10) relative and L(20) within 10^5 2^-p (digits -log10 of the relative error against
the 700-bit reference values).

When a stepper's last rung misses the targets, reaching them is infeasible in minutes (a fixed order q needs work
~ 10^(digits/q)), so the script fits log10(seconds) = a + b * digits over the measured rungs (least squares, on the
rungs with at least 3 digits, separately for W and L), and reports the PROJECTED time to reach the targets as
max(projection for W, projection for L). Projections are extrapolations, printed as such, never as measurements.
"""
import argparse, json, math, statistics, subprocess, sys

TARGET_LOG2 = {"W": lambda bits: -(bits - 10), "L": lambda bits: math.log2(1e5) - bits}


def target_digits(bits):
    return {k: -f(bits) * math.log10(2) for k, f in TARGET_LOG2.items()}


def run(binary, arguments):
    out = subprocess.run([binary] + arguments, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ladders(bits, methods, stages, iteration, gl_tolerances):
    """(name, arguments for --stepper-json, list of rungs as extra arguments) for each method in `methods`."""
    deep = list(range(-20, -bits - 1, -10))
    all_ladders = {
        # Gauss-Legendre's steps on P1a are bounded by the Newton iteration (about 20 steps) until the tolerance is
        # below the error of those steps (~1e-25 at s = 16), so its ladder starts there (--gl-log2-tolerances).
        "gl": (f"Gauss–Legendre s = {stages}", ["--method", "gl", "--stages", str(stages), "--iteration", iteration],
               [["--log2-tolerance", str(k)] for k in gl_tolerances]),
        "rkf78": ("Fehlberg 7(8)", ["--method", "rkf78"], [["--log2-tolerance", str(k)] for k in deep]),
        "rk4": ("classical RK4", ["--method", "rk4"], [["--steps", str(n)] for n in [250, 500, 1000, 2000, 4000, 8000,
                                                                                     16000, 32000]]),
    }
    return [all_ladders[m] for m in methods]


def fit(points):
    """Least squares log10(seconds) = a + b * digits over (digits, seconds) points; (a, b) or None."""
    pts = [(d, math.log10(s)) for d, s in points if d >= 3 and s > 0]
    if len(pts) < 2:
        return None
    n = len(pts)
    mx, my = sum(p[0] for p in pts) / n, sum(p[1] for p in pts) / n
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    if sxx == 0:
        return None
    b = sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx
    return my - b * mx, b


def report(bits, taylor, rows):
    """Prints the table for one precision and the projections for the ladders that missed the targets."""
    targets = target_digits(bits)
    taylor_median = statistics.median(t["seconds"] for t in taylor)
    print(f"\n### {bits} bits (targets: {targets['W']:.1f} digits of W₁[0,0], {targets['L']:.1f} of L)\n")
    t0 = taylor[0]
    taylor_times = ", ".join(f"{t['seconds']:.1f}" for t in taylor)
    print("| stepper | configuration | steps | evaluations | digits W₁[0,0] | digits L | median s (runs) | "
          "÷ Taylor | reached targets |")
    print("|---|---|---:|---:|---:|---:|---:|---:|:-:|")
    print(f"| **Taylor** (order {t0['order']}) | tolerance 2^−{bits} | {t0['steps']} | {t0['tapePasses']} tape "
          f"passes | {t0['digitsW']:.1f} | {t0['digitsL']:.1f} | {taylor_median:.2f} "
          f"({taylor_times}) | 1 | "
          f"{'yes' if t0['withinW'] and t0['withinL'] else 'NO'} |")
    for name, measured in rows:
        for r in measured:
            if "median" not in r:
                x = r["runs"][0]
                print(f"| {name} | {r['rung']} | ≥ {x['steps']} | ≥ {x['evaluations']} | – | – | stopped by the "
                      f"{x['failure']} after {x['seconds']:.0f} s, at t = {x['timeReached']:.3g} of 20 | – | – |")
                continue
            times = ", ".join(f"{x:.1f}" for x in r["times"])
            for x in r.get("cut", []):
                times += f"; one more run stopped ({x['failure']}, {x['seconds']:.0f} s) at t = {x['timeReached']:.3g}"
            extra = f", {r['rejected']} rejected" if r["rejected"] else ""
            iters = f", {r['stageIterations']} stage sweeps" if r["stageIterations"] else ""
            print(f"| {name} | {r['rung']} | {r['steps']}{extra} | {r['evaluations']}{iters} | "
                  f"{r['digitsW']:.1f} | {r['digitsL']:.1f} | {r['median']:.2f} ({times}) | "
                  f"{r['median'] / r.get('taylor_median', taylor_median):.2f} | {'yes' if r['withinW'] and r['withinL'] else 'no'} |")
    print("\nProjections to the targets (least-squares fits over the measured rungs above; NOT measurements):\n")
    for name, measured in rows:
        done = [r for r in measured if "median" in r]
        if done and done[-1]["withinW"] and done[-1]["withinL"]:
            print(f"- {name}: reached the targets (measured, {done[-1]['median']:.2f} s); a fit over the looser "
                  f"rungs is not needed.")
            continue
        # Work (evaluations) is deterministic, time is not on a loaded machine: fit evaluations against digits
        # and convert with the seconds per evaluation of the top rung; the fit of time itself is given beside it.
        fits = {k: (fit([(r["digits" + k], r["evaluations"]) for r in done]),
                    fit([(r["digits" + k], r["median"]) for r in done])) for k in ("W", "L")}
        if any(f is None for pair in fits.values() for f in pair):
            print(f"- {name}: too few rungs to fit.")
            continue
        top = done[-1]
        per_evaluation = top["median"] / top["evaluations"]
        evaluations = max(10 ** (fits[k][0][0] + fits[k][0][1] * targets[k]) for k in ("W", "L"))
        seconds = evaluations * per_evaluation
        direct = max(10 ** (fits[k][1][0] + fits[k][1][1] * targets[k]) for k in ("W", "L"))
        steps = evaluations / (top["evaluations"] / top["steps"])
        fw, fl = fits["W"][0], fits["L"][0]
        print(f"- {name}: evaluations ×10 per {1 / fw[1]:.1f} digits of W and per {1 / fl[1]:.1f} digits of L "
              f"(log10 evaluations = {fw[0]:.2f} + {fw[1]:.4f}·digits W, = {fl[0]:.2f} + {fl[1]:.4f}·digits L); "
              f"PROJECTED to reach both targets: {evaluations:.2g} evaluations (~{steps:.2g} steps) × "
              f"{per_evaluation * 1e3:.3g} ms each (top rung) = {seconds:.2g} s (≈ {seconds / 86400:.2g} days, "
              f"{seconds / top.get('taylor_median', taylor_median):.2g}× the Taylor median of the top rung's run); "
              f"the fit of time itself gives {direct:.2g} s.")


def from_log(paths, bits):
    """Rebuilds the Taylor runs and the ladders of one precision from --log files. Each rung's ratio is taken to
    the median of the Taylor runs of the same files (the same invocations) as its own runs."""
    runs = []
    for index, path in enumerate(paths):
        for line in open(path):
            if line.strip():
                r = json.loads(line)
                r["file"] = index
                if r["bits"] == bits:
                    runs.append(r)
    taylor = [r for r in runs if r["kind"] == "taylor"]
    rows = {}
    for r in runs:
        if r["kind"] == "taylor":
            continue
        rung = (f"--log2-tolerance {r['log2Tolerance']}" if r["log2Tolerance"] is not None
                else f"--steps {r['fixedSteps']}")
        rows.setdefault(r["kind"], {}).setdefault(rung, []).append(r)
    result = []
    for name, rungs in rows.items():
        measured = []
        for rung, group in rungs.items():
            ok = [x for x in group if x["completed"]]
            if not ok:
                measured.append({"rung": rung, "runs": group})
                continue
            m = dict(ok[0])
            m["rung"] = rung
            m["median"] = statistics.median(x["seconds"] for x in ok)
            m["times"] = [x["seconds"] for x in ok]
            m["cut"] = [x for x in group if not x["completed"]]
            files = {x["file"] for x in ok}
            m["taylor_median"] = statistics.median(t["seconds"] for t in taylor if t["file"] in files)
            measured.append(m)
        result.append((name, measured))
    return taylor, result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", help="the attest-benchmarks binary (not needed with --from-log)")
    ap.add_argument("--from-log", nargs="+", default=None, help="print the tables from --log files instead of running")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--bits", type=int, nargs="+", default=[256, 512])
    ap.add_argument("--budget", type=float, default=30.0, help="stop a ladder after a rung slower than this (s)")
    ap.add_argument("--methods", nargs="+", default=["gl", "rkf78", "rk4"], choices=["gl", "rkf78", "rk4"])
    ap.add_argument("--gl-stages", type=int, default=16)
    ap.add_argument("--gl-log2-tolerances", type=int, nargs="+", default=[-100, -140, -180])
    ap.add_argument("--gl-iteration", default="newton", choices=["newton", "fixed-point", "automatic"])
    ap.add_argument("--time-limit", type=float, default=300.0, help="per run (s); a run cut short is reported")
    ap.add_argument("--log", default=None, help="append every run's JSON line to this file")
    args = ap.parse_args()
    if args.from_log:
        for bits in args.bits:
            taylor, rows = from_log(args.from_log, bits)
            if taylor:
                report(bits, taylor, rows)
        return
    log = open(args.log, "a") if args.log else None

    def record(kind, bits, result):
        result["kind"] = kind
        print("# " + json.dumps(result), file=sys.stderr, flush=True)
        if log:
            log.write(json.dumps(result) + "\n")
            log.flush()
        return result

    for bits in args.bits:
        targets = target_digits(bits)
        taylor = []
        ladder = ladders(bits, args.methods, args.gl_stages, args.gl_iteration, args.gl_log2_tolerances)
        chosen = [None] * len(ladder)  # the rungs climbed in the first pass, rerun in the others
        results = [[] for _ in ladder]  # per ladder, per rung: the runs
        for repeat in range(args.repeats):
            # One Taylor run per pass, so that the ratios are same-run ratios.
            taylor.append(record("taylor", bits, run(args.ours, ["--taylor-json", "--bits", str(bits)])))
            for index, (name, base, rungs) in enumerate(ladder):
                if repeat == 0:
                    chosen[index] = []
                    for rung in rungs:
                        r = record(name, bits, run(args.ours, ["--stepper-json", "--bits", str(bits), "--time-limit",
                                                               str(args.time_limit)] + base + rung))
                        chosen[index].append(rung)
                        results[index].append([r])
                        if not r["completed"] or (r["withinW"] and r["withinL"]):
                            break
                        if r["seconds"] > args.budget and len(chosen[index]) >= 3:  # at least 3 rungs to fit
                            break
                else:
                    for k, rung in enumerate(chosen[index]):
                        results[index][k].append(record(name, bits, run(args.ours, [
                            "--stepper-json", "--bits", str(bits), "--time-limit", str(args.time_limit)]
                            + base + rung)))
        rows = []
        for index, (name, base, rungs) in enumerate(ladder):
            measured = []
            for rung, runs in zip(chosen[index], results[index]):
                ok = [r for r in runs if r["completed"]]
                if not ok:
                    measured.append({"rung": " ".join(rung), "completed": False, "runs": runs})
                    continue
                r = dict(ok[0])
                r["rung"] = " ".join(rung)
                r["median"] = statistics.median(x["seconds"] for x in ok)
                r["times"] = [x["seconds"] for x in ok]
                measured.append(r)
            rows.append((name, measured))
        report(bits, taylor, rows)
    if log:
        log.close()


if __name__ == "__main__":
    main()
