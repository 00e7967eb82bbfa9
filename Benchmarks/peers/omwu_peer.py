#!/usr/bin/env python3
"""Paired benchmark: Attest's OMWU map (attest-benchmarks --omwu-json) against the raw MPFR loop omwu_peer.c.

Both run the OMWU iteration of P2a (docs/benchmark-problems.md) with KL_t after every step, at the same precision,
alternately (C, Swift, C, Swift, ...), one process per run. Each run reports the wall-clock and the CPU seconds
(CLOCK_PROCESS_CPUTIME_ID) of its loop; a loaded machine inflates the wall clock far more than the CPU time, so the
median of the per-pair CPU ratios Swift / C is the figure to compare. Prints each run, the medians, both paired
ratios, the load average before and after, both final KL values (they agree to the working precision's digits),
and the allocations per step of both: Attest's (attest_allocation_count() over the loop) and the C loop's, counted
by a second build of the peer with Benchmarks/CAllocationCounter (MPFR's and GMP's own allocations inside
mpfr_expm1 and mpfr_log1p; the C loop itself allocates nothing).

The C loop evaluates e^u − 1 and ln(1 + S) as the map does: by their Taylor series once the argument is small (see
omwu_peer.c), else by mpfr_expm1/mpfr_log1p; `--peer-functions mpfr` makes it call mpfr_expm1/mpfr_log1p always, as
the map did before session 12.

Usage: python3 Benchmarks/peers/omwu_peer.py [--pairs 7] [--steps 20000] [--bits 256] [--peer-functions series|mpfr]
       (after `swift build -c release --product attest-benchmarks`; compiles the C peer with cc -O2 -lmpfr -lgmp)
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
parser = argparse.ArgumentParser()
parser.add_argument("--pairs", type=int, default=7)
parser.add_argument("--steps", type=int, default=20000)
parser.add_argument("--bits", type=int, default=256)
parser.add_argument("--peer-functions", choices=["series", "mpfr"], default="series")
parser.add_argument("--binary", default=os.path.join(root, ".build/release/attest-benchmarks"))
args = parser.parse_args()

peer = os.path.join(tempfile.gettempdir(), "attest_omwu_peer")
counting = peer + "_counting"
os.makedirs(os.path.dirname(peer), exist_ok=True)
subprocess.run(["cc", "-O2", "-o", peer, os.path.join(here, "omwu_peer.c"), "-lmpfr", "-lgmp"], check=True)
counter = os.path.join(root, "Benchmarks", "CAllocationCounter")
subprocess.run(["cc", "-O2", "-DCOUNT_ALLOCATIONS", "-I", os.path.join(counter, "include"), "-o", counting,
                os.path.join(here, "omwu_peer.c"), os.path.join(counter, "AllocationCounter.c"), "-lmpfr", "-lgmp"],
               check=True)

def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return json.loads(out)

load0 = os.getloadavg()
c_runs, swift_runs = [], []
for k in range(args.pairs):
    c = run([peer, str(args.steps), str(args.bits), args.peer_functions])
    s = run([args.binary, "--omwu-json", "--steps", str(args.steps), "--bits", str(args.bits)])
    c_runs.append(c); swift_runs.append(s)
    print(f"pair {k + 1}: C {c['seconds']:.3f} s wall, {c['cpuSeconds']:.3f} s CPU; "
          f"Attest {s['seconds']:.3f} s wall, {s['cpuSeconds']:.3f} s CPU; "
          f"CPU ratio {s['cpuSeconds'] / c['cpuSeconds']:.3f}, wall ratio {s['seconds'] / c['seconds']:.3f}; "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
c_allocations = run([counting, str(args.steps), str(args.bits), args.peer_functions])["allocationsPerStep"]
median = statistics.median
per_step = lambda runs, key: 1e6 * median(r[key] for r in runs) / args.steps
print(f"C loop's e^u − 1 and ln(1 + S): {args.peer_functions}")
print(f"KL_T: C {c['kl']}, Attest {s['kl']}")
print(f"largest-change step: C {c['largestStep']}, Attest {s['largestStep']}; increases: C {c['increases']}, Attest {s['increases']}")
print(f"allocations per step: Attest {s['allocationsPerStep']:.2f}, C loop {c_allocations:.2f} (MPFR and GMP inside "
      f"expm1/log1p), difference {s['allocationsPerStep'] - c_allocations:.2f}")
print(f"median wall: C {per_step(c_runs, 'seconds'):.2f} µs/step, Attest {per_step(swift_runs, 'seconds'):.2f} µs/step; "
      f"median CPU: C {per_step(c_runs, 'cpuSeconds'):.2f} µs/step, Attest {per_step(swift_runs, 'cpuSeconds'):.2f} µs/step")
print(f"median of paired ratios Attest / C ({args.pairs} pairs, {args.steps} steps, {args.bits} bits): "
      f"CPU {median(s['cpuSeconds'] / c['cpuSeconds'] for c, s in zip(c_runs, swift_runs)):.3f}, "
      f"wall {median(s['seconds'] / c['seconds'] for c, s in zip(c_runs, swift_runs)):.3f}; "
      f"load average before {load0[0]:.1f}, after {os.getloadavg()[0]:.1f}")
