#!/usr/bin/env bash
# Runs the benchmark executable's long loop of MultiPrecision operations under valgrind and fails on any
# definite or indirect leak. "Possibly lost" blocks are the Swift runtime's metadata caches, constant in size
# whatever the iteration count, and are reported but not counted.
set -euo pipefail
binary=${1:-.build/release/attest-benchmarks}
log=$(mktemp)
stripped=$(mktemp)
trap 'rm -f "$log" "$stripped"' EXIT
# valgrind 3.19 cannot read the DWARF 5 debug info that Swift emits for a binary of this size ("Possibly corrupted
# debuginfo file ... Giving up"), so run a copy without debug sections; symbols stay, so reports still name functions.
if command -v objcopy >/dev/null 2>&1; then
    objcopy --strip-debug "$binary" "$stripped"
    chmod +x "$stripped"
else
    cp "$binary" "$stripped"
fi
status=0
valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
    --error-exitcode=1 --log-file="$log" "$stripped" --leak-check || status=$?
grep -E "definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== */leak check: /' || true
if [ "$status" -ne 0 ]; then
    echo "leak check: FAILED (valgrind exit status $status); details:" >&2
    grep -v "DW_FORM\|debug info\|dwarf" "$log" >&2
    exit 1
fi
echo "leak check: no leaks"
