#!/usr/bin/env bash
# `make docs`: regenerates the documentation artefacts that come straight out of Attest runs, and checks that they
# build: the example sweep tables (examples/sweeps/*.toml → docs/examples/tables/, LaTeX compiled with pdflatex),
# the HTML report and the figures of the headline claims (docs/examples/, PNGs in docs/images/ rendered by headless
# Chromium and pdftoppm). Installs missing TeX and Chromium packages on Debian (as root or through sudo).
#
#   scripts/make-docs.sh [path/to/attest]        # default: .build/release/attest
set -euo pipefail
cd "$(dirname "$0")/.."
attest=${1:-.build/release/attest}
[ -x "$attest" ] || { echo "make-docs: $attest not found; run make release first" >&2; exit 2; }

# TeX (pgfplots, standalone, booktabs, siunitx), pdftoppm and Chromium, installed only when missing.
need=()
command -v pdflatex > /dev/null 2>&1 || need+=(texlive-latex-base texlive-latex-recommended)
for pair in pgfplots.sty:texlive-pictures standalone.cls:texlive-latex-extra siunitx.sty:texlive-science \
            booktabs.sty:texlive-latex-recommended; do
    file=${pair%%:*}; package=${pair##*:}
    { command -v kpsewhich > /dev/null 2>&1 && kpsewhich "$file" > /dev/null 2>&1; } || need+=("$package")
done
command -v pdftoppm > /dev/null 2>&1 || need+=(poppler-utils)
command -v chromium > /dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
    mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
    echo "make-docs: installing ${need[*]}" >&2
    run=(); [ "$(id -u)" -eq 0 ] || run=(sudo)
    DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/examples/tables docs/examples/figures docs/images

compile() {  # compile FILE.tex in its folder with pdflatex; print the log's errors on failure
    local tex=$1 folder name
    folder=$(dirname "$tex"); name=$(basename "$tex" .tex)
    if ! (cd "$folder" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" > "$work/$name.log" 2>&1); then
        grep -A5 '^!' "$work/$name.log" >&2 || tail -20 "$work/$name.log" >&2
        echo "make-docs: pdflatex failed on $tex" >&2
        exit 1
    fi
    rm -f "$folder/$name.aux" "$folder/$name.log"
}

# 1. Example sweeps: LaTeX (standalone, compiled), Markdown and CSV.
for sweep in examples/sweeps/*.toml; do
    name=$(basename "$sweep" .toml)
    echo "make-docs: attest table $sweep" >&2
    "$attest" table "$sweep" --quiet --standalone --format markdown \
        --output "docs/examples/tables/$name.tex" --output "docs/examples/tables/$name.md" \
        --output "docs/examples/tables/$name.csv" > /dev/null
    cp "docs/examples/tables/$name.tex" "$work/$name.tex"
    compile "$work/$name.tex"
    pdftoppm -png -r 110 -singlefile "$work/$name.pdf" "docs/images/table-$name"
done

# 2. The headline claims with their monitored quantities: HTML report, SVG and pgfplots figures.
claims=${DOCS_CLAIMS:-"proofs/dln-gd-arora-rate.toml proofs/dln-gf-arora-rate.toml"}
for extra in proofs/dln-gf-conserves-balancedness.toml proofs/omwu-kl-nonincreasing.toml \
             proofs/omwu-mwu-kl-nonincreasing.toml proofs/omwu-p2a-kl-53-bits.toml proofs/omwu-p2a-kl-256-bits.toml \
             proofs/pbl-time-change.toml; do
    [ -f "$extra" ] && claims="$claims $extra"
done
echo "make-docs: attest check (figures and HTML report) on: $claims" >&2
# shellcheck disable=SC2086
"$attest" check $claims --quiet --report docs/examples/report.html --report "$work/report.json" \
    --figures docs/examples/figures > /dev/null || true
# The overlays the README shows.
if "$attest" plot "$work/report.json" --series KL --claim omwu-kl-nonincreasing --claim omwu-mwu-kl-nonincreasing \
        --name omwu-vs-mwu-kl --title "KL(z* ‖ z_k): OMWU against MWU" --output docs/examples/figures \
        --standalone > /dev/null 2>&1; then
    cp docs/examples/figures/omwu-vs-mwu-kl.* "$work/"
    compile "$work/omwu-vs-mwu-kl.tex"
    pdftoppm -png -r 110 -singlefile "$work/omwu-vs-mwu-kl.pdf" docs/images/omwu-vs-mwu-kl-pgfplots
fi
# P2a at 53 and 256 bits: where double precision meets its rounding floor.
"$attest" plot "$work/report.json" --series KL --claim omwu-p2a-kl-53-bits --claim omwu-p2a-kl-256-bits \
    --name omwu-p2a-53-vs-256-bits --title "OMWU on P2a: KL(z* ‖ z_t) at 53 and 256 bits" \
    --output docs/examples/figures --standalone > /dev/null
# The iterates of OMWU (series x_i, y_i) are in the JSON and series CSV; the docs keep no figure of each component.
rm -f docs/examples/figures/*-x_[0-9]*.* docs/examples/figures/*-y_[0-9]*.*
for svg in docs/examples/figures/*.svg; do
    name=$(basename "$svg" .svg)
    # The legend sits below the plot, so the picture is as tall as the SVG says.
    height=$(grep -o 'height="[0-9.]*"' "$svg" | head -1 | tr -dc '0-9.'); height=${height%.*}
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=640,"${height:-400}" \
        --screenshot="docs/images/$name.png" "file://$PWD/$svg" > /dev/null 2>&1
done
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
    --screenshot=docs/images/html-report.png "file://$PWD/docs/examples/report.html" > /dev/null 2>&1
echo "make-docs: wrote docs/examples/ and docs/images/ ($(ls docs/images | wc -l) images)" >&2
