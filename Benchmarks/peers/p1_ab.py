#!/usr/bin/env python3
"""Paired A/B runs of two Attest configurations on P1a (or P1b), for the share of one lever (docs/benchmarks.md).

Usage (from the repository root):
  python3 Benchmarks/peers/p1_ab.py --a "BINARY_A [FLAGS]" --b "BINARY_B [FLAGS]" --bits 256 --pairs 5
Each pair runs A then B, then the next pair B then A (alternating order), one process per run
(`--taylor-json`). Prints each run, the medians, the median of the per-pair ratios B/A, the digits of every run
and the load average before and after. Wall-clock seconds are timed inside the process around the integration;
CPU seconds are the whole process's (user + system), which load inflates far less.
"""
import argparse, json, os, shlex, statistics, sys

from ab_cpu import alternate, run as run_command


def run(command, bits, extra):
    """One `--taylor-json` run: its JSON line, with "cpu" added: the process's CPU seconds (user + system, whole
    process), which a loaded machine inflates far less than the wall-clock "seconds"."""
    r = run_command(shlex.join(shlex.split(command) + ["--taylor-json", "--bits", str(bits)] + extra))
    return {**r["output"], "cpu": r["cpu"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True)
    ap.add_argument("--b", required=True)
    ap.add_argument("--bits", type=int, default=256)
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--extra", default="", help="flags for both, e.g. '--problem p1b --t-end 1'")
    args = ap.parse_args()
    extra = shlex.split(args.extra)
    load0 = os.getloadavg()

    def report(i, a, b):
        print(f"# pair {i}: A {a['seconds']:.3f} s ({a['cpu']:.3f} s CPU), "
              f"B {b['seconds']:.3f} s ({b['cpu']:.3f} s CPU)", file=sys.stderr, flush=True)

    runs = alternate(args.a, args.b, args.pairs, lambda command: run(command, args.bits, extra), on_pair=report)
    a_runs, b_runs = runs["a"], runs["b"]
    summary = {
        "bits": args.bits, "a": args.a, "b": args.b, "extra": args.extra,
        "a_times": [round(r["seconds"], 3) for r in a_runs], "b_times": [round(r["seconds"], 3) for r in b_runs],
        "a_median": statistics.median(r["seconds"] for r in a_runs),
        "b_median": statistics.median(r["seconds"] for r in b_runs),
        "paired_ratio_b_over_a": statistics.median(b["seconds"] / a["seconds"] for a, b in zip(a_runs, b_runs)),
        "a_cpu": [round(r["cpu"], 3) for r in a_runs], "b_cpu": [round(r["cpu"], 3) for r in b_runs],
        "a_cpu_median": statistics.median(r["cpu"] for r in a_runs),
        "b_cpu_median": statistics.median(r["cpu"] for r in b_runs),
        "paired_cpu_ratio_b_over_a": statistics.median(b["cpu"] / a["cpu"] for a, b in zip(a_runs, b_runs)),
        "digits_a": sorted({(round(r["digitsW"], 2), round(r["digitsL"], 2)) for r in a_runs}),
        "digits_b": sorted({(round(r["digitsW"], 2), round(r["digitsL"], 2)) for r in b_runs}),
        "w00_equal": len({r["w00"] for r in a_runs + b_runs}) == 1 if "w00" in a_runs[0] and "w00" in b_runs[0] else None,
        "steps": sorted({r["steps"] for r in a_runs + b_runs}),
        "allocations_per_step": sorted({r["allocationsPerStep"] for r in a_runs + b_runs}),
        "load_before": load0, "load_after": os.getloadavg(),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
