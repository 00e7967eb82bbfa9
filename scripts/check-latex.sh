#!/usr/bin/env bash
# Compiles the printed LaTeX of every shipped symbolic proof obligation (proofs/symbolic/*.toml) with pdflatex,
# so that what the LaTeX printer writes is known to compile as written. Not part of `make test`.
#
#   scripts/check-latex.sh                 # uses .build as SwiftPM's scratch path
#   SCRATCH_PATH=.build-x scripts/check-latex.sh
#
# Needs pdflatex (Debian: apt-get install texlive-latex-base). The document is built by the test
# LaTeXDocumentTests (Tests/ClaimsTests/Symbolic/LaTeXDocumentTests.swift), which writes it to $ATTEST_LATEX_OUTPUT.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdflatex > /dev/null; then
    echo "check-latex: pdflatex not found; install texlive-latex-base" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tex="$work/symbolic-obligations.tex"

ATTEST_LATEX_OUTPUT="$tex" swift test --scratch-path "${SCRATCH_PATH:-.build}" --filter LaTeXDocumentTests > "$work/test.log" 2>&1 \
    || { cat "$work/test.log" >&2; echo "check-latex: the LaTeX document test failed" >&2; exit 1; }
[ -s "$tex" ] || { echo "check-latex: the test wrote no document" >&2; exit 1; }

if ! pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$work" "$tex" > "$work/pdflatex.log" 2>&1; then
    grep -A5 '^!' "$work/symbolic-obligations.log" >&2 || tail -30 "$work/pdflatex.log" >&2
    echo "check-latex: pdflatex failed" >&2
    exit 1
fi

displays=$(grep -c '^\\\[' "$tex")
pages=$(grep -o 'Output written on .* (\([0-9]*\) page' "$work/pdflatex.log" | grep -o '([0-9]*' | tr -d '(')
overfull=$(grep -c 'Overfull \\hbox' "$work/symbolic-obligations.log" || true)
echo "check-latex: OK — $displays displayed formulas from $(ls proofs/symbolic/*.toml | wc -l) obligations compiled with pdflatex ($pages pages; $overfull overfull lines, long canonical forms)"
