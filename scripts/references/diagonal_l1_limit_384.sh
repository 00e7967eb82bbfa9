#!/bin/sh
# The evidence for the resolution term of `attest compare` (proofs/README.md): proofs/diagonal-network-l1-limit.toml
# with only its precision raised from 192 to 384 bits, checked by the attest binary given as $1 (default
# .build/release/attest), and every rounded quantity of the report given as $2 (a `make proofs` report) and of the
# stored report (proofs/baseline/proofs-cf384e1.json.gz) measured against it in units of its own error estimate.
# Session 7 (Double tail of the Taylor engine): the 26 new quantities 0.93–1.04 (a printed last digit is 10–20 % of
# these estimates); the 2 stored ones whose names match 0.997 and 1.001 (the others were renamed since).
set -eu
attest=${1:-.build/release/attest}
current=${2:-.build/proofs-report.json}
dir=$(mktemp -d)
sed 's/^precision = 192$/precision = 384/' proofs/diagonal-network-l1-limit.toml > "$dir/l1.toml"
"$attest" check --jobs 2 --report "$dir/reference.json" "$dir/l1.toml" > /dev/null
python3 - "$dir/reference.json" "$current" proofs/baseline/proofs-cf384e1.json.gz <<'PY'
import gzip, json, sys
from fractions import Fraction
def load(path):
    return json.load(gzip.open(path) if path.endswith(".gz") else open(path))
reference, current, stored = (load(p) for p in sys.argv[1:4])
def instance(report, index):
    return [c for c in report["claims"] if c["id"] == "diagonal-network-l1-limit"][0]["instances"][index]
for index in (0, 1):
    ref = {m["name"]: m for m in instance(reference, index)["measurements"]}
    for label, report in (("new", current), ("stored", stored)):
        for m in instance(report, index)["measurements"]:
            r = ref.get(m["name"])
            if r is None or m.get("exact") or not m.get("error") or Fraction(m["error"]) == 0:
                continue
            ratio = abs(Fraction(m["value"]) - Fraction(r["value"])) / Fraction(m["error"])
            print(f"#{index} {label:6} {float(ratio):6.3f}  {m['name']}")
PY
rm -r "$dir"
