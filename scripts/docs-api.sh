#!/usr/bin/env bash
# API documentation: builds the DocC archive of every library module (the targets of the package's library products,
# read from `swift package dump-package`) with `swift package generate-documentation` (swift-docc-plugin), one
# module at a time, with docc's --warnings-as-errors. Prints the number of docc diagnostics per module and fails if
# any module has one (an unresolved ``symbol`` link, a documented parameter that does not exist, a missing one, ...).
# The archives are in .build/plugins/Swift-DocC/outputs/<Module>.doccarchive; the full log of each module is in
# $DOCS_API_LOGS (default .build/docs-api). Usage: scripts/docs-api.sh [Module ...] (default: every library module).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
LOGS=${DOCS_API_LOGS:-.build/docs-api}
mkdir -p "$LOGS"

if [ "$#" -gt 0 ]; then
    modules=("$@")
else
    mapfile -t modules < <("$SWIFT" package dump-package | python3 -c '
import json, sys
package = json.load(sys.stdin)
seen = []
for product in package["products"]:
    if "library" in product["type"]:
        for target in product["targets"]:
            if target not in seen:
                seen.append(target)
print("\n".join(seen))')
fi

failed=()
total=0
for module in "${modules[@]}"; do
    log="$LOGS/$module.log"
    status=0
    "$SWIFT" package generate-documentation --target "$module" --warnings-as-errors >"$log" 2>&1 || status=$?
    # docc's own diagnostics start a line (compiler diagnostics start with a file path); the plugin's two follow-up
    # errors of a failed docc run (nonzero exit, no archive to move) are not counted.
    count=$(grep -E '^(warning|error):' "$log" | grep -cvE "'docc convert' invocation failed|Error Domain=" || true)
    total=$((total + count))
    if [ "$status" -ne 0 ] || [ "$count" -ne 0 ]; then
        failed+=("$module")
        echo "docs-api: $module: $count diagnostics (exit $status)"
        grep -E -A8 '^(warning|error):' "$log" | grep -vE "'docc convert' invocation failed|Error Domain=" | sed 's/^/    /' >&2 || true
    else
        echo "docs-api: $module: 0 diagnostics"
    fi
done

if [ "${#failed[@]}" -ne 0 ]; then
    echo "docs-api: $total diagnostics in ${#failed[@]} module(s): ${failed[*]} (logs in $LOGS)" >&2
    exit 1
fi
echo "docs-api: ${#modules[@]} modules documented without warnings (archives in .build/plugins/Swift-DocC/outputs)"
