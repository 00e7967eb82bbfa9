#!/bin/sh
# References for proofs/baseline/corrections.json (pbl-critical-points #2, pbl-joint-time-change #0 and #1): the
# claim files with only their precision raised to 512 bits, checked by the attest binary given as $1 (default
# .build/release/attest). Run it with the binary of ebe801e (the per-sample classifier field that produced the stored
# report) and with the current one (the field factored through S = Σ_n w_n x_n): the margins agree to ~1e-152.
set -eu
attest=${1:-.build/release/attest}
dir=$(mktemp -d)
sed 's/^precision = 128$/precision = 512/' proofs/pbl-critical-points.toml > "$dir/pbl-critical-points.toml"
sed 's/^precision = 256$/precision = 512/' proofs/pbl-joint-time-change.toml > "$dir/pbl-joint-time-change.toml"
"$attest" check --jobs 2 --report "$dir/report.json" "$dir/pbl-critical-points.toml" "$dir/pbl-joint-time-change.toml" > /dev/null
python3 - "$dir/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for claim in report["claims"]:
    for index in ([2] if claim["id"] == "pbl-critical-points" else [0, 1]):
        instance = claim["instances"][index]
        print(claim["id"], index, instance["precision_bits"], "bits, margin", instance["margin"])
        for m in instance["measurements"]:
            if m["name"].startswith("max violation"):
                print("   ", m["name"], m["value"], "±", m["error"])
PY
rm -r "$dir"
