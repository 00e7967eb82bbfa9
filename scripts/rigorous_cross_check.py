#!/usr/bin/env python3
"""Cross-check of the ordinary error estimate against rigorous enclosures (issue 18).

Usage (scripts/rigorous-cross-check.sh runs all of it):
    attest check --jobs 2 --report /tmp/ordinary.json FILES...
    attest check --jobs 2 --rigorous --report /tmp/rigorous.json FILES...
    scripts/rigorous_cross_check.py /tmp/ordinary.json [MORE-ORDINARY.json ...] /tmp/rigorous.json > table.md

Files with `rigorous = true` run rigorously even without --rigorous: their ordinary run is a copy without that
line, in a further ordinary report (a later ordinary report overrides an earlier one for the same claim id).

For every instance that ran in balls (statistics `mode` = "rigorous (ball arithmetic, Arb)"), the margin of the
ordinary run (value v, p/p+64 error estimate e) is compared with the rigorous margin (midpoint m, radius r):

- `radius / estimate`: how the rigorous radius compares with the ordinary estimate;
- `certified error ≥`: max(0, |v − m| − r), a lower bound of the ordinary margin's true error *when both margins
  are the same quantity* (the same property at the same place; the `same place` column says whether the two
  reports name the same place);
- `understated`: the certified error exceeds the estimate (by more than the 1 % of its 3-digit rounding), i.e. the
  estimate is provably too small; `n/a` when the two margins are at different places (not the same quantity);
- `ordinary flag`: whether the ordinary report marks that instance's estimate unreliable (the cross-check at a third
  precision), as it must wherever the estimate is understated.

Measurements with the same name in both reports are compared the same way (`--measurements`).
Reads .json or .json.gz; prints a Markdown table. Exact arithmetic only (fractions), no rounding.
"""
import gzip
import json
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def number(text):
    if text is None:
        return None
    text = str(text).strip()
    if "/" in text:
        try:
            return Fraction(text)
        except ValueError:
            return None
    try:
        d = Decimal(text)
    except InvalidOperation:
        return None
    return Fraction(d) if d.is_finite() else None


def short(x):
    if x is None:
        return "—"
    if x == 0:
        return "0"
    return f"{float(x):.2e}"


def instances(report):
    out = {}
    for claim in report["claims"]:
        for inst in claim["instances"]:
            out[(claim["id"], inst["index"])] = (claim, inst)
    return out


def statistics(inst):
    return inst.get("integrator_statistics") or inst.get("statistics") or {}


def unreliable(inst):
    text = (inst.get("message") or "") + " " + json.dumps(statistics(inst))
    return "unreliable" in text


def place(location):
    """The place of a margin without the property's own wording (k = …, t = …, entry …)."""
    if not location:
        return ""
    text = location.split("; checked:")[0]
    return text.split(": ", 1)[1] if ": " in text else text


def rows(ordinary, rigorous, with_measurements):
    ordinary_instances = instances(ordinary)
    for key, (claim, inst) in sorted(instances(rigorous).items()):
        if statistics(inst).get("mode") != "rigorous (ball arithmetic, Arb)":
            continue
        if statistics(inst).get("method") == "exact rational arithmetic":
            continue    # an exact run: nothing is enclosed, both margins are the same rational
        if key not in ordinary_instances:
            continue
        _, base = ordinary_instances[key]
        pairs = [("margin", base.get("margin"), base.get("margin_error"), inst.get("margin"), inst.get("margin_error"),
                  place(base.get("location")), place(inst.get("location")))]
        if with_measurements:
            rigorous_measurements = {m["name"]: m for m in inst.get("measurements", [])}
            for m in base.get("measurements", []):
                r = rigorous_measurements.get(m["name"])
                if r is not None:
                    pairs.append((m["name"], m.get("value"), m.get("error"), r.get("value"), r.get("error"), "", ""))
        for name, v, e, m, r, place_o, place_r in pairs:
            v, e, m, r = number(v), number(e), number(m), number(r)
            if None in (v, e, m, r):
                continue
            certified = max(Fraction(0), abs(v - m) - r)
            same = "yes" if place_o and place_o == place_r else ("—" if not place_o else "no")
            # The reports print the ordinary estimate to 3 significant digits (rounded to nearest): a certified
            # error within 1 % of it is that rounding, not an understatement.
            yield {
                "claim": claim["id"], "instance": key[1], "quantity": name,
                "ordinary": base.get("verdict"), "rigorous": inst.get("verdict"),
                "estimate": e, "radius": r, "ratio": (r / e) if e else None, "certified": certified,
                "understated": same != "no" and certified > e * Fraction(101, 100), "flagged": unreliable(base), "same": same,
            }


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ordinary = {"claims": []}
    for path in args[:-1]:
        ordinary["claims"] += load(path)["claims"]
    rigorous = load(args[-1])
    table = list(rows(ordinary, rigorous, "--measurements" in argv))
    print("| claim | inst. | quantity | ordinary | rigorous | p/p+64 estimate | rigorous radius | radius / estimate "
          "| certified error ≥ | same place | understated | ordinary flag |")
    print("|---|---:|---|---|---|---:|---:|---:|---:|---|---|---|")
    for row in table:
        ratio = "—" if row["ratio"] is None else short(row["ratio"])
        print(f"| {row['claim']} | {row['instance']} | {row['quantity']} | {row['ordinary']} | {row['rigorous']} "
              f"| {short(row['estimate'])} | {short(row['radius'])} | {ratio} | {short(row['certified'])} "
              f"| {row['same']} | {'**yes**' if row['understated'] else ('n/a' if row['same'] == 'no' else 'no')} | {'unreliable' if row['flagged'] else '—'} |")
    bad = [r for r in table if r["understated"] and not r["flagged"]]
    print()
    print(f"{len(table)} comparisons; {sum(r['understated'] for r in table)} with the estimate below the certified "
          f"error; {len(bad)} of those not flagged by the ordinary mode.")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
