"""The report object: Attest's JSON report (docs/report-schema.md) as tidy pandas DataFrames.

Every number from the mathematics is kept exactly: the column named after it holds ``decimal.Decimal`` (object
dtype) built from the report's own digits, and ``<name>_float`` holds the nearest float for plotting.
"""

import json
import os
from decimal import Decimal

import pandas as pd

#: The largest report schema version this package reads.
SCHEMA_VERSION = 1


def _decimal(text):
    """The exact Decimal of a report number (a decimal string or a JSON number read as Decimal); None if absent."""
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, str):
        return Decimal(text)
    return Decimal(str(text))  # an int (or a float from an outside caller): its shortest decimal text


def _float(value):
    return float("nan") if value is None else float(value)


def _objects(frame, rows, columns):
    """Keeps ``columns`` as object columns with ``None`` where the report has no value (pandas would otherwise
    turn a text column with gaps into NaN)."""
    for column in columns:
        frame[column] = pd.Series([row.get(column) for row in rows], index=frame.index, dtype=object)
    return frame


def _with_floats(frame, columns):
    """Appends ``<c>_float`` beside each exact column ``c``."""
    for column in columns:
        frame[column + "_float"] = frame[column].map(_float).astype("float64")
    return frame


class Report:
    """One Attest run: the parsed JSON (``raw``) and DataFrames of its claims, instances, measurements and series.

    ``exit_code`` is Attest's exit status when the report came from :func:`run` (0: every claim met its
    expectation, 1: some did not), ``None`` when it was loaded; ``text`` is what Attest printed.
    """

    def __init__(self, raw, path=None, exit_code=None, text=None, stderr=None):
        version = raw.get("schemaVersion")
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ValueError(
                f"report schema version {version!r} is not supported (this package reads up to {SCHEMA_VERSION})")
        self.raw = raw
        self.path = path
        self.exit_code = exit_code
        self.text = text
        self.stderr = stderr
        self._frames = {}

    # --- top level -------------------------------------------------------------------------------------------

    @property
    def complete(self):
        """False when the run was interrupted: the report then holds only the instances that finished."""
        return bool(self.raw.get("complete", False))

    @property
    def summary(self):
        return self.raw.get("summary", {})

    @property
    def all_met(self):
        """Whether every claim met its expectation and the run was complete."""
        return self.complete and all(c.get("met_expectation") for c in self.raw.get("claims", []))

    def claim(self, claim_id):
        """The raw JSON object of one claim."""
        for c in self.raw.get("claims", []):
            if c["id"] == claim_id:
                return c
        raise KeyError(claim_id)

    def _instances(self):
        for c in self.raw.get("claims", []):
            for i in c.get("instances", []):
                yield c, i

    def _cached(self, name, build):
        if name not in self._frames:
            self._frames[name] = build()
        return self._frames[name].copy()

    # --- DataFrames ------------------------------------------------------------------------------------------

    @property
    def claims(self):
        """One row per claim: id, title, kind, file, expected, verdict, met_expectation, complete, instances (run),
        total_instances, counterexample, statement, source."""
        def build():
            rows = []
            for c in self.raw.get("claims", []):
                run = len(c.get("instances", []))
                rows.append({
                    "claim": c["id"], "title": c.get("title"), "kind": c.get("kind"), "file": c.get("file"),
                    "expected": c.get("expected"), "verdict": c.get("verdict"),
                    "met_expectation": bool(c.get("met_expectation")), "complete": bool(c.get("complete")),
                    "instances": run, "total_instances": c.get("total_instances", run),
                    "counterexample": c.get("counterexample"),
                    "statement": c.get("statement"), "source": c.get("source"),
                })
            columns = ["claim", "title", "kind", "file", "expected", "verdict", "met_expectation", "complete",
                       "instances", "total_instances", "counterexample", "statement", "source"]
            return _objects(pd.DataFrame(rows, columns=columns), rows, ["counterexample"])
        return self._cached("claims", build)

    @property
    def instances(self):
        """One row per instance: claim, instance (index), seed, precision_bits (<NA> for exact arithmetic),
        verdict, margin and margin_error (Decimal), margin_exact (fraction text or None), margin_float,
        margin_error_float, seconds, location, message, attempts (number of precision attempts), then
        ``param:NAME`` for every parameter (exact text). Absent text is None."""
        def build():
            rows, params = [], []
            for c, i in self._instances():
                row = {
                    "claim": c["id"], "instance": i["index"], "seed": i.get("seed"),
                    "precision_bits": i.get("precision_bits"), "verdict": i.get("verdict"),
                    "margin": _decimal(i.get("margin")), "margin_error": _decimal(i.get("margin_error")),
                    "margin_exact": i.get("margin_exact"),
                    "seconds": _float(i.get("seconds")), "location": i.get("location"),
                    "message": i.get("message"), "attempts": len(i.get("attempts", [])),
                }
                for name, value in i.get("parameters", {}).items():
                    key = "param:" + name
                    row[key] = value
                    if key not in params:
                        params.append(key)
                rows.append(row)
            columns = ["claim", "instance", "seed", "precision_bits", "verdict", "margin", "margin_error",
                       "margin_exact", "seconds", "location", "message", "attempts"] + params
            frame = _objects(pd.DataFrame(rows, columns=columns), rows,
                             ["margin_exact", "location", "message"] + params)
            frame["seed"] = frame["seed"].astype("Int64")
            frame["precision_bits"] = frame["precision_bits"].astype("Int64")
            frame["margin"] = frame["margin"].astype(object)
            frame["margin_error"] = frame["margin_error"].astype(object)
            return _with_floats(frame, ["margin", "margin_error"])
        return self._cached("instances", build)

    @property
    def measurements(self):
        """One row per measured quantity: claim, instance, precision_bits, name, value and error (Decimal: every
        digit of the report), exact (the exact fraction for an exact quantity, else None), value_float,
        error_float."""
        def build():
            rows = []
            for c, i in self._instances():
                for m in i.get("measurements", []):
                    rows.append({
                        "claim": c["id"], "instance": i["index"], "precision_bits": i.get("precision_bits"),
                        "name": m["name"], "value": _decimal(m.get("value")), "error": _decimal(m.get("error")),
                        "exact": m.get("exact"),
                    })
            columns = ["claim", "instance", "precision_bits", "name", "value", "error", "exact"]
            frame = _objects(pd.DataFrame(rows, columns=columns), rows, ["exact"])
            frame["precision_bits"] = frame["precision_bits"].astype("Int64")
            frame["value"] = frame["value"].astype(object)
            frame["error"] = frame["error"].astype(object)
            return _with_floats(frame, ["value", "error"])
        return self._cached("measurements", build)

    @property
    def attempts(self):
        """One row per precision attempt: claim, instance, attempt, precision_bits, verdict, margin, error
        (Decimal), seconds, margin_float, error_float."""
        def build():
            rows = []
            for c, i in self._instances():
                for k, a in enumerate(i.get("attempts", [])):
                    rows.append({
                        "claim": c["id"], "instance": i["index"], "attempt": k,
                        "precision_bits": a.get("precision_bits"), "verdict": a.get("verdict"),
                        "margin": _decimal(a.get("margin")), "error": _decimal(a.get("error")),
                        "seconds": _float(a.get("seconds")),
                    })
            columns = ["claim", "instance", "attempt", "precision_bits", "verdict", "margin", "error", "seconds"]
            frame = pd.DataFrame(rows, columns=columns)
            frame["precision_bits"] = frame["precision_bits"].astype("Int64")
            frame["margin"] = frame["margin"].astype(object)
            frame["error"] = frame["error"].astype(object)
            return _with_floats(frame, ["margin", "error"])
        return self._cached("attempts", build)

    @property
    def searches(self):
        """One row per claim with a ``[search]`` or ``[threshold]``: claim, seed, draws, draw_budget, rejected,
        failing_draw, minimal_margin (verdict, margin ± error and place, as text), first_violation, replay_file,
        and for a threshold the bracket: parameter, pass, fail (exact fractions), pass_decimal, fail_decimal
        (Decimal), width, target_width, verified, points. Absent entries are None."""
        def build():
            rows = []
            for c in self.raw.get("claims", []):
                search = c.get("search")
                if search is None:
                    continue
                bracket = search.get("bracket") or {}
                rows.append({
                    "claim": c["id"], "seed": search.get("seed"), "draws": search.get("draws"),
                    "draw_budget": search.get("draw_budget"), "rejected": search.get("rejected"),
                    "failing_draw": search.get("failing_draw"), "minimal_margin": search.get("minimal_margin"),
                    "first_violation": search.get("first_violation"), "replay_file": search.get("replay_file"),
                    "parameter": bracket.get("parameter"), "pass": bracket.get("pass"), "fail": bracket.get("fail"),
                    "pass_decimal": _decimal(bracket.get("pass_decimal")),
                    "fail_decimal": _decimal(bracket.get("fail_decimal")),
                    "width": bracket.get("width"), "target_width": bracket.get("target_width"),
                    "verified": bracket.get("verified"), "points": bracket.get("points"),
                })
            columns = ["claim", "seed", "draws", "draw_budget", "rejected", "failing_draw", "minimal_margin",
                       "first_violation", "replay_file", "parameter", "pass", "fail", "pass_decimal",
                       "fail_decimal", "width", "target_width", "verified", "points"]
            frame = pd.DataFrame(rows, columns=columns)
            return _objects(frame, rows, columns[1:])
        return self._cached("searches", build)

    @property
    def series(self):
        """Long (tidy) form of the monitored quantities, one row per point: claim, instance, series, x_label,
        y_label, logarithmic, point, x, y, error (Decimal of the report's JSON digits; a series is drawn from
        doubles, see docs/report-schema.md), x_float, y_float, error_float."""
        def build():
            rows = []
            for c, i in self._instances():
                for s in i.get("series", []):
                    for k, (x, y, e) in enumerate(zip(s["x"], s["y"], s["error"])):
                        rows.append((c["id"], i["index"], s["name"], s.get("xLabel"), s.get("yLabel"),
                                     bool(s.get("logarithmic")), k, _decimal(x), _decimal(y), _decimal(e)))
            columns = ["claim", "instance", "series", "x_label", "y_label", "logarithmic", "point", "x", "y",
                       "error"]
            frame = pd.DataFrame(rows, columns=columns)
            for column in ("x", "y", "error"):
                frame[column] = frame[column].astype(object)
            return _with_floats(frame, ["x", "y", "error"])
        return self._cached("series", build)

    def __repr__(self):
        s = self.summary
        where = f" from {self.path}" if self.path else ""
        def count(n, noun):
            return f"{n} {noun}" + ("" if n == 1 else "s")
        return (f"<attest_claims.Report{where}: {count(s.get('claims', 0), 'claim')}, "
                f"{count(s.get('instances', 0), 'instance')}, {s.get('met', 0)} met, {s.get('not_met', 0)} not met"
                f"{'' if self.complete else ', INCOMPLETE'}>")

    def _repr_html_(self):
        return self.claims[["claim", "kind", "expected", "verdict", "instances", "met_expectation"]].to_html(
            index=False)


def parse(json_text, path=None, **kwargs):
    """A Report from the text of a JSON report; numbers are read as Decimal, never through float."""
    return Report(json.loads(json_text, parse_float=Decimal), path=path, **kwargs)


def load(path):
    """Reads an existing JSON report (``attest check --report FILE.json``)."""
    with open(os.fspath(path), encoding="utf-8") as f:
        return parse(f.read(), path=os.fspath(path))
