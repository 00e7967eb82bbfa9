#!/usr/bin/env bash
# Times `attest check` (the checking step of `make proofs`) of two commits on the same claim files, in alternating
# pairs: is `make proofs` slower after a change (issue 17), faster (issue 20)?
#
#   scripts/bench-make-proofs.sh [--pairs N] [--jobs J] [--workdir DIR] [--no-build] BEFORE AFTER
#
# BEFORE and AFTER are commits (anything `git rev-parse` takes) or directories holding a checkout. A commit gets a
# detached worktree DIR/attest-<short hash> (DIR defaults to /tmp/attest-bench-worktrees), reused if present. Each
# tree gets its release `attest` (`swift build -c release --product attest`, incremental; skipped with --no-build).
# The claim files are those present under proofs/ in both trees (each binary checks its own tree's copy, run from
# its own root, so data paths resolve), so claims added after BEFORE are left out. Pair i runs BEFORE then AFTER
# for even i and AFTER then BEFORE for odd i; each run is timed by /usr/bin/time (wall, user and system seconds).
# Prints every run, the medians, the medians of the per-pair ratios AFTER / BEFORE (wall and CPU = user + system),
# the load average before each run, and each run's verdict summary line. Logs go to DIR/logs.
set -euo pipefail

pairs=2 jobs=2 workdir=/tmp/attest-bench-worktrees build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --pairs) pairs="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --workdir) workdir="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "bench-make-proofs: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
if [[ $# -ne 2 ]]; then echo "usage: $0 [--pairs N] [--jobs J] [--workdir DIR] [--no-build] BEFORE AFTER" >&2; exit 2; fi
repo=$(git rev-parse --show-toplevel)
mkdir -p "$workdir/logs"

# The checkout of a commit or directory (printed), created as a detached worktree when needed.
checkout() {
    if [[ -d "$1" ]]; then (cd "$1" && pwd); return; fi
    local hash; hash=$(git -C "$repo" rev-parse --short "$1^{commit}")
    local dir="$workdir/attest-$hash"
    if [[ ! -d "$dir" ]]; then git -C "$repo" worktree add --detach "$dir" "$hash" >&2; fi
    echo "$dir"
}
before=$(checkout "$1") after=$(checkout "$2")
for tree in "$before" "$after"; do
    if [[ $build -eq 1 ]]; then (cd "$tree" && swift build -c release --product attest >&2); fi
    [[ -x "$tree/.build/release/attest" ]] || { echo "bench-make-proofs: no release attest in $tree" >&2; exit 2; }
done

# The claim files present in both trees.
files=$(comm -12 <(cd "$before" && find proofs -name '*.toml' -not -path 'proofs/baseline/*' | sort) \
                 <(cd "$after" && find proofs -name '*.toml' -not -path 'proofs/baseline/*' | sort))
count=$(echo "$files" | wc -l)
echo "before: $before ($(git -C "$before" rev-parse --short HEAD)); after: $after ($(git -C "$after" rev-parse --short HEAD))"
echo "$count claim files in both trees; attest check --jobs $jobs; $pairs alternating pairs; $(nproc) cores"

# One timed run: prints "wall user sys load".
run() {
    local tree="$1" tag="$2" load; load=$(cut -d' ' -f1 /proc/loadavg)
    local log="$workdir/logs/$tag.log" timing="$workdir/logs/$tag.time"
    # shellcheck disable=SC2086
    (cd "$tree" && /usr/bin/time -f "%e %U %S" -o "$timing" .build/release/attest check --jobs "$jobs" $files \
        > "$log" 2>&1) || true
    echo "$(tail -1 "$timing") $load"
}

declare -a bw bc aw ac rw rc
for ((i = 0; i < pairs; i++)); do
    if ((i % 2 == 0)); then b=$(run "$before" "pair$i-before"); a=$(run "$after" "pair$i-after")
    else a=$(run "$after" "pair$i-after"); b=$(run "$before" "pair$i-before"); fi
    read -r w u s l <<< "$b"; bw[i]=$w; bc[i]=$(echo "$u + $s" | bc -l)
    echo "pair $i: before ${w} s wall, ${bc[i]} s CPU (load $l): $(grep -E 'claims.*(met|instances)' "$workdir/logs/pair$i-before.log" | tail -1)"
    read -r w u s l <<< "$a"; aw[i]=$w; ac[i]=$(echo "$u + $s" | bc -l)
    echo "pair $i: after  ${w} s wall, ${ac[i]} s CPU (load $l): $(grep -E 'claims.*(met|instances)' "$workdir/logs/pair$i-after.log" | tail -1)"
    rw[i]=$(echo "${aw[i]} / ${bw[i]}" | bc -l); rc[i]=$(echo "${ac[i]} / ${bc[i]}" | bc -l)
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
printf 'median wall: before %.2f s, after %.2f s; median CPU: before %.2f s, after %.2f s\n' \
    "$(median "${bw[@]}")" "$(median "${aw[@]}")" "$(median "${bc[@]}")" "$(median "${ac[@]}")"
printf 'median of paired ratios after / before: wall %.3f, CPU %.3f; load average now %s\n' \
    "$(median "${rw[@]}")" "$(median "${rc[@]}")" "$(cut -d' ' -f1-3 /proc/loadavg)"
