#!/usr/bin/env python3
"""Paired benchmark: Attest's OMWU map (attest-benchmarks --omwu-json) against the raw MPFR loop omwu_peer.c.

Both run the OMWU iteration of P2a (docs/benchmark-problems.md) with KL_t after every step, at the same precision,
alternately (C, Swift, C, Swift, ...), one process per run. Prints each run, the medians, the median of the
per-pair ratios Swift / C, and both final KL values (they agree to the working precision's digits).

Usage: python3 Benchmarks/peers/omwu_peer.py [--pairs 7] [--steps 20000] [--bits 256]
       (after `swift build -c release --product attest-benchmarks`; compiles the C peer with cc -O2 -lmpfr -lgmp)
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
parser = argparse.ArgumentParser()
parser.add_argument("--pairs", type=int, default=7)
parser.add_argument("--steps", type=int, default=20000)
parser.add_argument("--bits", type=int, default=256)
parser.add_argument("--binary", default=os.path.join(root, ".build/release/attest-benchmarks"))
args = parser.parse_args()

peer = os.path.join(tempfile.gettempdir(), "attest_omwu_peer")
os.makedirs(os.path.dirname(peer), exist_ok=True)
subprocess.run(["cc", "-O2", "-o", peer, os.path.join(here, "omwu_peer.c"), "-lmpfr", "-lgmp"], check=True)

def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return json.loads(out)

c_times, swift_times, ratios = [], [], []
for k in range(args.pairs):
    c = run([peer, str(args.steps), str(args.bits)])
    s = run([args.binary, "--omwu-json", "--steps", str(args.steps), "--bits", str(args.bits)])
    c_times.append(c["seconds"]); swift_times.append(s["seconds"]); ratios.append(s["seconds"] / c["seconds"])
    print(f"pair {k + 1}: C {c['seconds']:.3f} s, Attest {s['seconds']:.3f} s, ratio {ratios[-1]:.3f}, "
          f"allocations per step {s['allocationsPerStep']:.2f}", flush=True)
print(f"KL_T: C {c['kl']}, Attest {s['kl']}")
print(f"largest-change step: C {c['largestStep']}, Attest {s['largestStep']}; increases: C {c['increases']}, Attest {s['increases']}")
per_step = lambda t: 1e6 * statistics.median(t) / args.steps
print(f"median: C {statistics.median(c_times):.3f} s ({per_step(c_times):.2f} µs/step), "
      f"Attest {statistics.median(swift_times):.3f} s ({per_step(swift_times):.2f} µs/step); "
      f"median of paired ratios {statistics.median(ratios):.3f}; load average {os.getloadavg()[0]:.1f}")
