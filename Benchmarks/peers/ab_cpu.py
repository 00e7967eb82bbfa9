#!/usr/bin/env python3
"""Paired A/B runs of two whole commands: wall-clock and CPU seconds (user + system of the child, from getrusage),
alternating order (A B, B A, A B, ...), medians and the median of the per-pair ratios B / A. For a lever's share
(docs/benchmarks.md, issue 20) when the two configurations are two binaries or two flags of one binary.

Usage (from the repository root):
  python3 Benchmarks/peers/ab_cpu.py --a "COMMAND A" --b "COMMAND B" [--pairs 3]
Each command's last line of standard output, if it is a JSON object, is kept in the log (--log FILE, JSON lines).
"""
import argparse, json, os, resource, shlex, statistics, subprocess, sys, time


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command):
    load = os.getloadavg()[0]
    cpu0, wall0 = child_cpu(), time.monotonic()
    out = subprocess.run(shlex.split(command), check=True, capture_output=True, text=True).stdout.strip()
    result = {"wall": time.monotonic() - wall0, "cpu": child_cpu() - cpu0, "load": load}
    last = out.splitlines()[-1] if out else ""
    try:
        result["output"] = json.loads(last)
    except ValueError:
        result["output"] = last
    return result


def alternate(a, b, pairs, run_one, on_run=None, on_pair=None):
    """Runs A and B in `pairs` pairs, A then B for even pairs and B then A for odd ones, with `run_one(command)`;
    calls `on_run(pair, name, result)` after each run and `on_pair(pair, a_result, b_result)` after each pair.
    Returns {"a": [results], "b": [results]}."""
    runs = {"a": [], "b": []}
    commands = {"a": a, "b": b}
    for i in range(pairs):
        for name in (("a", "b") if i % 2 == 0 else ("b", "a")):
            r = run_one(commands[name])
            runs[name].append(r)
            if on_run:
                on_run(i, name, r)
        if on_pair:
            on_pair(i, runs["a"][-1], runs["b"][-1])
    return runs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True)
    ap.add_argument("--b", required=True)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--log")
    args = ap.parse_args()
    def logged(i, name, r):
        if args.log:
            with open(args.log, "a") as f:
                f.write(json.dumps({"pair": i, "config": name, "command": getattr(args, name), **r}) + "\n")

    def report(i, a, b):
        print(f"pair {i}: A {a['wall']:.2f} s wall, {a['cpu']:.2f} s CPU (load {a['load']:.1f}); "
              f"B {b['wall']:.2f} s wall, {b['cpu']:.2f} s CPU (load {b['load']:.1f}); CPU ratio B/A {b['cpu'] / a['cpu']:.3f}",
              flush=True)

    runs = alternate(args.a, args.b, args.pairs, run, on_run=logged, on_pair=report)
    med = statistics.median
    print(f"A: {args.a}\nB: {args.b}")
    print(f"median wall: A {med(r['wall'] for r in runs['a']):.2f} s, B {med(r['wall'] for r in runs['b']):.2f} s; "
          f"median CPU: A {med(r['cpu'] for r in runs['a']):.2f} s, B {med(r['cpu'] for r in runs['b']):.2f} s")
    print(f"median of paired ratios B / A ({args.pairs} pairs): "
          f"CPU {med(b['cpu'] / a['cpu'] for a, b in zip(runs['a'], runs['b'])):.3f}, "
          f"wall {med(b['wall'] / a['wall'] for a, b in zip(runs['a'], runs['b'])):.3f}; "
          f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
