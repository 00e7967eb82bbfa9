#!/usr/bin/env bash
# The cross-check table of docs/rigorous-mode.md: every shipped claim that runs rigorously (the files that ask for
# it, the kinds with a rigorous mode, the conjecture files), checked once ordinarily and once with --rigorous; then
# scripts/rigorous_cross_check.py compares the p/p+64 error estimates with the rigorous radii.
# Usage: scripts/rigorous-cross-check.sh [ATTEST] [OUT-DIR]   (defaults: .build/debug/attest, /tmp/rigorous-cross-check)
set -euo pipefail
attest=${1:-.build/debug/attest}
out=${2:-/tmp/rigorous-cross-check}
mkdir -p "$out/ordinary-copies"
ln -sfn "$(pwd)/proofs/data" "$out/ordinary-copies/data"     # data files are read relative to the claim file
files=$( { grep -l 'kind = "omwu-kl"\|kind = "dln-gf-balancedness"' proofs/*.toml; grep -rl 'rigorous' proofs --include='*.toml';
           ls proofs/conjectures/*.toml; } | sort -u)
# Files with rigorous = true run rigorously in any mode: their ordinary run is a copy without that line.
copies=()
for f in $(grep -l '^rigorous = true' $files); do
    sed '/^rigorous = true$/d' "$f" > "$out/ordinary-copies/$(basename "$f")"
    copies+=("$out/ordinary-copies/$(basename "$f")")
done
"$attest" check --jobs 2 --timeout 600 --report "$out/ordinary.json" $files > "$out/ordinary.txt" 2>&1 || true
"$attest" check --jobs 2 --timeout 600 --report "$out/ordinary-copies.json" "${copies[@]}" > "$out/ordinary-copies.txt" 2>&1 || true
"$attest" check --jobs 2 --timeout 600 --rigorous --report "$out/rigorous.json" $files > "$out/rigorous.txt" 2>&1 || true
scripts/rigorous_cross_check.py "$out/ordinary.json" "$out/ordinary-copies.json" "$out/rigorous.json"
