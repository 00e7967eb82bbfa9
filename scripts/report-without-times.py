#!/usr/bin/env python3
"""Prints an attest JSON report without its time and host fields, for byte-for-byte comparison of two runs.

Removed: the top-level "time" (when the run started), "machine" (the host), "digest" (a hash over the rest, so it
changes with them) and every "seconds" (wall-clock times), at any depth. Everything else is printed as the report
writer prints it (sorted keys, two-space indentation)."""
import json
import sys


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


report = json.load(open(sys.argv[1], encoding="utf-8"))
for key in ("time", "machine", "digest"):
    report.pop(key, None)
print(json.dumps(strip(report), indent=2, sort_keys=True, ensure_ascii=False))
