#!/usr/bin/env python3
"""Claim-by-claim paired A/B runs of two `attest` binaries over the claim files of `make proofs` (issue 20).

`scripts/bench-make-proofs.sh` times whole runs, whose pairs are a minute apart, so a shared host whose speed drifts
by 5-10 % within minutes blurs a 3 % change. This script pairs at the grain of one claim file instead: for each file,
`A check --jobs 1 FILE` and `B check --jobs 1 FILE` run back to back (A first for even passes and files, B first
otherwise), each timed in CPU seconds of the child (user + system, getrusage). It prints the total CPU of each
binary, the ratio of the totals B / A, and the median of the per-file ratios, per pass and over all passes.

Usage (from the repository root; both binaries check this tree's claim files):
  python3 Benchmarks/peers/ab_claims.py --a BINARY_A --b BINARY_B [--passes 2]
"""
import argparse, os, statistics, subprocess, sys

from ab_cpu import child_cpu


def timed(binary, path):
    before = child_cpu()
    result = subprocess.run([binary, "check", "--jobs", "1", path], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    return child_cpu() - before, result.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", required=True)
    parser.add_argument("--b", required=True)
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    files = sorted(os.path.join(root, name) for root, _, names in os.walk("proofs") if not root.startswith("proofs/baseline")
                   for name in names if name.endswith(".toml"))
    print(f"A: {args.a}\nB: {args.b}\n{len(files)} claim files, {args.passes} passes, load {os.getloadavg()[0]:.2f}")
    totals_a, totals_b, ratios = 0.0, 0.0, []
    for p in range(args.passes):
        pass_a = pass_b = 0.0
        pass_ratios = []
        for i, path in enumerate(files):
            if (i + p) % 2 == 0:
                a, code_a = timed(args.a, path); b, code_b = timed(args.b, path)
            else:
                b, code_b = timed(args.b, path); a, code_a = timed(args.a, path)
            if code_a != code_b:
                print(f"  {path}: exit codes differ (A {code_a}, B {code_b})")
            pass_a += a; pass_b += b
            if a > 0.05: pass_ratios.append(b / a)
        totals_a += pass_a; totals_b += pass_b; ratios += pass_ratios
        print(f"pass {p}: A {pass_a:.2f} s CPU, B {pass_b:.2f} s CPU, total ratio B / A {pass_b / pass_a:.3f}, "
              f"median per-file ratio {statistics.median(pass_ratios):.3f} ({len(pass_ratios)} files above 0.05 s)")
        sys.stdout.flush()
    print(f"all passes: A {totals_a:.2f} s CPU, B {totals_b:.2f} s CPU, total ratio B / A {totals_b / totals_a:.3f}, "
          f"median per-file ratio {statistics.median(ratios):.3f}; load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
