#!/usr/bin/env python3
"""Adversarial probe of the attest binary (issue 21): several hundred hostile or unusual inputs across every
subcommand, each with the exit status it must give.

Usage: scripts/probe/run-probe.py [--list] [--only SUBSTRING] [--skip SUBSTRING]… [--jobs N] PATH/TO/attest

Every probe states its expected exit status (0 success, 1 a claim not met or an interrupted run, 2 a usage or
input error). A probe fails when the process ends by a signal (a crash or trap), runs past its time limit (a hang),
or exits with another status; some probes also check that a report was written. The inputs are generated here, in
a temporary folder that is removed at the end. The script uses only the Python standard library. Exit status 0 when
every probe is right, 1 otherwise.
"""
import argparse
import resource
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# ----------------------------------------------------------------------------------------------------------------
# Inputs

HEADER = 'id = "{id}"\ntitle = "t"\nkind = "{kind}"\nexpect = "{expect}"\nsource = "probe"\nstatement = "s"\n\n'
STEP_BODY = ('[model]\nwidths = [2, 3, 2]\nsamples = 3\n[dynamics]\nstep_size = "1/10"\nsteps = 2\n'
             '[grid]\nseed = [1, 2]\n')
DRIFT_BODY = ('[model]\nwidths = [2, 3, 2]\nsamples = 3\n[dynamics]\nstep_size = "1/10"\nsteps = 3\n'
              '[grid]\nseed = [1, 2]\n')
SLOW_BODY = '[model]\nwidths = [2, 3, 2]\n[dynamics]\nstep_size = "1/10"\nsteps = 100000\n[numerics]\nprecision = 4096\n'


def claim(body=STEP_BODY, id="p", kind="dln-gd-balancedness-step", expect="pass"):
    return HEADER.format(id=id, kind=kind, expect=expect) + body


HOLDS = claim()
DRIFT = claim(DRIFT_BODY, id="d", kind="dln-gd-balancedness-drift")
SLOW = claim(SLOW_BODY, id="slow", kind="dln-gd-balancedness-drift")


def obligation(identity, expect="proved", symbols='A = "matrix"\nB = "matrix"\n', extra=""):
    return ('id = "o"\ntitle = "T"\nstatement = "S"\nsource = "probe"\nexpect = "%s"\n[symbols]\n%s%s'
            '[[identity]]\nclaim = "%s"\n' % (expect, symbols, extra, identity))


def sweep(body_sweep='quantities = ["margin"]\n', grid="seed = [1, 2]\n", set_="", claim_file="claim.toml"):
    text = '[sweep]\nclaim = "%s"\ncaption = "c"\n%s' % (claim_file, body_sweep)
    if set_:
        text += "[set]\n" + set_
    if grid is not None:
        text += "[grid]\n" + grid
    return text


SWEEP_CLAIM = claim('[model]\nsamples = 3\ninit_scale = "1/2"\n[dynamics]\nsteps = 2\n'
                    '[grid]\nwidths = [[2, 3, 2]]\nseed = [1]\nstep_size = ["1/100"]\n', id="gd-step")


def axis(n, start=1):
    return "[" + ", ".join(str(i) for i in range(start, start + n)) + "]"


def report_json(series_x, series_y, error=None, claims=1):
    """A minimal JSON report with one claim and one instance holding one series (for attest plot)."""
    instance = {"index": 0, "parameters": [], "verdict": "PASS", "measurements": [], "attempts": [], "seconds": 0,
                "series": [{"name": "loss", "xLabel": "t", "yLabel": "L", "logarithmic": False,
                            "x": series_x, "y": series_y}]}
    if error is not None:
        instance["series"][0]["error"] = error
    return instance


# ----------------------------------------------------------------------------------------------------------------
# Probes

class Probe:
    def __init__(self, name, args, expect, files=None, timeout=60, shell=None, check=None, user=None, setup=None):
        self.name, self.args, self.expect, self.files = name, args, expect, files or {}
        self.timeout, self.shell, self.check, self.user, self.setup = timeout, shell, check, user, setup


def probes(real_report):
    P = []
    add = lambda *a, **k: P.append(Probe(*a, **k))

    # -- check: options ------------------------------------------------------------------------------------------
    for bits, code in [("-1", 2), ("0", 2), ("1", 2), ("2", 2), ("4", 2), ("16", 2), ("31", 2), ("32", 0), ("64", 0),
                       ("16777217", 2), ("99999999999999999999", 2), ("x", 2), ("1e3", 2), ("", 2)]:
        add("check --precision %r" % bits, ["check", "-q", "--precision", bits, "{d}"], code, {"a.toml": DRIFT})
    for bits, code in [("8", 2), ("31", 2), ("64", 0), ("16777217", 2), ("-5", 2)]:
        add("check --max-precision %r" % bits, ["check", "-q", "--max-precision", bits, "{d}"], code, {"a.toml": DRIFT})
    for seconds, code in [("0", 2), ("-1", 2), ("nan", 2), ("inf", 2), ("-inf", 2), ("1e16", 2), ("1e300", 2),
                          ("1e10", 2), ("abc", 2), ("1e9", 0), ("30", 0), ("0x10", 0), ("", 2)]:
        add("check --timeout %r" % seconds, ["check", "-q", "--timeout", seconds, "{d}"], code, {"a.toml": HOLDS})
        add("check --timeout-total %r" % seconds, ["check", "-q", "--timeout-total", seconds, "{d}"], code,
            {"a.toml": HOLDS})
    for tol, code in [("-1", 2), ("1/0", 2), ("nan", 2), ("inf", 2), ("1e-1000001", 2), ("abc", 2), ("0", 0),
                      ("1e-30", 0), ("1/3", 0), (" 1", 2), ("1e-1000000", 0), ("--1", 2), ("1..2", 2)]:
        add("check --tolerance %r" % tol, ["check", "-q", "--tolerance", tol, "{d}"], code, {"a.toml": HOLDS})
    for jobs, code in [("0", 2), ("-1", 2), ("x", 2), ("1", 0), ("3", 0), ("99999999999999999999", 2)]:
        add("check --jobs %r" % jobs, ["check", "-q", "--jobs", jobs, "{d}"], code, {"a.toml": HOLDS})
    for pattern, code in [("nomatch", 2), ("*", 0), ("p", 0), ("[", 2), ("\x1b[2J", 2), ("", 2), ("p*", 0)]:
        add("check --filter %r" % pattern, ["check", "-q", "--filter", pattern, "{d}"], code, {"a.toml": HOLDS})
    add("check -q -v", ["check", "-q", "-v", "{d}"], 2, {"a.toml": HOLDS})
    add("check unknown option", ["check", "--frobnicate", "{d}"], 2, {"a.toml": HOLDS})
    for ext in ["r.pdf", "r", "r.JSON.bak", ".json"]:
        code = 0 if ext == ".json" else 2
        add("check --report %s" % ext, ["check", "-q", "--report", "{d}/" + ext, "{d}"], code, {"a.toml": HOLDS})
    for fmt in ["json", "md", "tex", "xml", "csv", "txt", "html"]:
        add("check --report r.%s" % fmt, ["check", "-q", "--report", "{d}/r." + fmt, "{d}"], 0, {"a.toml": HOLDS},
            check=("exists", "{d}/r." + fmt))
        add("check --report missing/r.%s before a slow claim" % fmt,
            ["check", "-q", "--report", "{d}/missing/r." + fmt, "{d}"], 2, {"a.toml": HOLDS, "b.toml": SLOW},
            timeout=30)
    add("check --report onto a folder", ["check", "-q", "--report", "{d}/sub.json", "{d}"], 2,
        {"a.toml": HOLDS, "sub.json/x.txt": ""}, timeout=30)
    add("check --report into a file used as folder", ["check", "-q", "--report", "{d}/a.toml/r.json", "{d}"], 2,
        {"a.toml": HOLDS}, timeout=30)
    add("check --figures onto a file", ["check", "-q", "--figures", "{d}/a.toml", "{d}"], 2, {"a.toml": HOLDS})
    add("check --figures new folder", ["check", "-q", "--figures", "{d}/figs/deeper", "{d}"], 0, {"a.toml": DRIFT})
    add("check --resume garbage", ["check", "-q", "--resume", "{d}/g.json", "{d}"], 2, {"a.toml": HOLDS, "g.json": "{"})
    add("check --resume missing", ["check", "-q", "--resume", "{d}/none.json", "{d}"], 2, {"a.toml": HOLDS})
    add("check --resume JSON of another shape", ["check", "-q", "--resume", "{d}/g.json", "{d}"], 2,
        {"a.toml": HOLDS, "g.json": '{"claims": 5}'})

    # -- check: paths -----------------------------------------------------------------------------------------------
    add("check empty folder", ["check", "{d}"], 2, {"notes.txt": "x"})
    add("list empty folder", ["list", "{d}"], 2, {"notes.txt": "x"})
    add("check nonexistent path", ["check", "{d}/nope"], 2, {})
    add("check a path with control characters", ["check", "{d}/\x1b[31mred"], 2, {})
    add("check dangling symlink .toml", ["check", "{d}"], 2, {"a.toml": HOLDS}, setup="dangling")
    add("check symlink loop folder", ["check", "-q", "{d}"], 0, {"a.toml": HOLDS}, setup="loop")
    add("check a folder named x.toml", ["check", "{d}"], 2, {"x.toml/inner.txt": ""})
    add("check default path missing (cwd without proofs/)", ["check"], 2, {}, shell="cd {d} && exec \"$ATTEST\" check")
    if os.geteuid() == 0 and shutil.which("setpriv"):
        add("check unreadable subfolder (as nobody)", ["check", "-q", "{d}"], 2,
            {"a.toml": HOLDS, "hidden/b.toml": DRIFT}, user="nobody", setup="hide")
        add("check unreadable file (as nobody)", ["check", "-q", "{d}"], 2,
            {"a.toml": HOLDS, "b.toml": DRIFT}, user="nobody", setup="hidefile")
        add("check --report into a read-only folder (as nobody)", ["check", "-q", "--report", "{d}/ro/r.json", "{d}"], 2,
            {"a.toml": HOLDS, "ro/keep.txt": ""}, user="nobody", setup="open")

    # -- check: claim files ----------------------------------------------------------------------------------------
    bad_claims = {
        "empty file": "",
        "binary junk": "\x00\x01\x02\xff",
        "only a comment": "# nothing\n",
        "unterminated string": 'id = "p\n',
        "missing id": claim().replace('id = "p"\n', ""),
        "unknown kind": claim(kind="no-such-kind"),
        "expect maybe": claim(expect="maybe"),
        "zero-width key": claim(STEP_BODY.replace("samples = 3", "sam\u200bples = 3")),
        "bidi in id": claim(id="p\u202eevil"),
        "escape in title": claim().replace('title = "t"', 'title = "\\u001b[2J"') + "[model.x]\n",
        "NUL in statement": claim().replace('statement = "s"', 'statement = "a\\u0000b"') + "bogus = 1\n",
        "precision 2": claim(DRIFT_BODY + "[numerics]\nprecision = 2\n", kind="dln-gd-balancedness-drift"),
        "precision 24": claim(DRIFT_BODY + "[numerics]\nprecision = 24\n", kind="dln-gd-balancedness-drift"),
        "precision 2^25": claim(DRIFT_BODY + "[numerics]\nprecision = 33554432\n", kind="dln-gd-balancedness-drift"),
        "precision float": claim(DRIFT_BODY + "[numerics]\nprecision = 64.0\n", kind="dln-gd-balancedness-drift"),
        "max below precision": claim(DRIFT_BODY + "[numerics]\nprecision = 128\nmax_precision = 64\n",
                                     kind="dln-gd-balancedness-drift"),
        "guard bits 1": claim(DRIFT_BODY + "[numerics]\nguard_bits = 1\n", kind="dln-gd-balancedness-drift"),
        "tolerance negative": claim(DRIFT_BODY + '[numerics]\ntolerance = "-1"\n', kind="dln-gd-balancedness-drift"),
        "step 1e-1000000": claim(STEP_BODY.replace('"1/10"', '"1e-1000000"')),
        "step 1e999999": claim(STEP_BODY.replace('"1/10"', '"1e999999"').replace("[2, 3, 2]", "[64, 64]")),
        "step 1e-99999999999": claim(STEP_BODY.replace('"1/10"', '"1e-99999999999"')),
        "step 1/0": claim(STEP_BODY.replace('"1/10"', '"1/0"')),
        "step float": claim(STEP_BODY.replace('"1/10"', "0.1")),
        "step nan": claim(STEP_BODY.replace('"1/10"', "nan")),
        "step inf": claim(STEP_BODY.replace('"1/10"', "inf")),
        "step negative": claim(STEP_BODY.replace('"1/10"', '"-1/10"')),
        "step 40000 digits": claim(STEP_BODY.replace('"1/10"', '"1/%s"' % ("9" * 40000))),
        "steps 10^12": claim(STEP_BODY.replace("steps = 2", "steps = 1000000000000")),
        "steps 2^63": claim(STEP_BODY.replace("steps = 2", "steps = 9223372036854775807")),
        "steps overflow": claim(STEP_BODY.replace("steps = 2", "steps = 99999999999999999999")),
        "widths with 0": claim(STEP_BODY.replace("[2, 3, 2]", "[2, 0, 2]")),
        "widths 18 layers": claim(STEP_BODY.replace("[2, 3, 2]", "[" + ", ".join(["2"] * 18) + "]")),
        "widths 65": claim(STEP_BODY.replace("[2, 3, 2]", "[65, 2]")),
        "widths strings": claim(STEP_BODY.replace("[2, 3, 2]", '["2", "3"]')),
        "samples 0": claim(STEP_BODY.replace("samples = 3", "samples = 0")),
        "grid empty": claim(STEP_BODY.replace("seed = [1, 2]", "seed = []")),
        "grid not array": claim(STEP_BODY.replace("seed = [1, 2]", "seed = 1")),
        "grid unknown key": claim(STEP_BODY.replace("seed = [1, 2]", "sede = [1, 2]")),
        "grid 2^64 instances": claim("[model]\nwidth = 2\n[grid]\nseed = %s\nsteps = %s\nsamples = %s\n"
                                     "data_scale = %s\ninit_scale = %s\nstep_size = %s\ninput_dim = %s\n"
                                     "output_dim = %s\ndepth = %s\n" % (axis(256, 0), axis(256), axis(256), axis(256),
                                                                       axis(256), axis(256), axis(64), axis(64),
                                                                       axis(16))),
        "grid 2^65 instances": claim("[model]\nwidth = 2\n[grid]\nseed = %s\nsteps = %s\nsamples = %s\n"
                                     "data_scale = %s\ninit_scale = %s\n" % (axis(8192, 0), axis(8192), axis(8192),
                                                                            axis(8192), axis(8192))),
        "grid 100001 instances": claim("[model]\nwidths = [2, 2]\n[dynamics]\nstep_size = \"1/10\"\n[grid]\n"
                                       "seed = %s\n" % axis(100001, 0)),
        "instance list empty": claim(STEP_BODY.replace("[grid]\nseed = [1, 2]\n", "instance = []\n")),
        "deep nested arrays": claim(STEP_BODY) + "[check]\nx = " + "[" * 2000 + "]" * 2000 + "\n",
        "very long key": claim(STEP_BODY.replace("samples = 3", "s" * 100000 + " = 3")),
        "file over 1 MiB": claim(STEP_BODY) + "# " + "x" * (1 << 20) + "\n",
        "duplicate key": claim(STEP_BODY.replace("samples = 3", "samples = 3\nsamples = 4")),
        "invalid UTF-8": claim().encode() + b"\xc3\x28 = 1\n",
        "CRLF line ends with error": claim(STEP_BODY.replace("samples = 3", "samples = -3")).replace("\n", "\r\n"),
        "data file missing": claim(STEP_BODY.replace('samples = 3', 'samples = 3\nX = "none.csv"')),
        "data file huge entry": claim(STEP_BODY.replace('samples = 3', 'samples = 3\nX = "x.csv"')),
        "data file ragged": claim(STEP_BODY.replace('samples = 3', 'samples = 3\nX = "ragged.csv"')),
        "hypotheses not strings": claim().replace('statement = "s"', 'statement = "s"\nhypotheses = [1, 2]'),
    }
    for name, text in bad_claims.items():
        files = {"a.toml": text, "x.csv": "1,1e-50000\n2,3\n", "ragged.csv": "1,2\n3\n"}
        add("claim file: " + name, ["check", "-q", "--timeout", "20", "--timeout-total", "40", "{d}/a.toml"], 2, files,
            timeout=60)
        add("list: " + name, ["list", "{d}/a.toml"], 2, files, timeout=60)
    add("claim files: duplicate ids", ["check", "{d}"], 2, {"a.toml": HOLDS, "b.toml": HOLDS})
    add("claim file CRLF valid", ["check", "-q", "{d}"], 0, {"a.toml": HOLDS.replace("\n", "\r\n")})
    add("claim file with BOM", ["check", "-q", "{d}"], 0, {"a.toml": "\ufeff" + HOLDS})
    add("claim expected fail that holds", ["check", "-q", "{d}"], 1, {"a.toml": claim(expect="fail")})
    for bits in [32, 33, 48, 53, 64]:
        for kind, body in [("dln-gd-balancedness-drift", DRIFT_BODY), ("dln-gf-balancedness",
                           '[model]\nwidths = [2, 2, 2]\nsamples = 2\n[dynamics]\nhorizon = "1/2"\n[grid]\nseed = [1]\n')]:
            add("kind %s at %d bits" % (kind, bits), ["check", "-q", "--timeout", "30", "{d}"], None,
                {"a.toml": claim(body + "[numerics]\nprecision = %d\n" % bits, kind=kind)}, timeout=90)

    # -- symbolic obligations ----------------------------------------------------------------------------------------
    twenty = " ".join(["(A + B)"] * 20)
    add("symbolic: 20-factor product", ["check", "-q", "--timeout", "5", "--report", "{d}/r.json", "{d}"], 2,
        {"a.toml": obligation("%s = %s" % (twenty, twenty))}, timeout=30)
    add("symbolic: 12-factor product", ["check", "-q", "--timeout", "60", "{d}"], 0,
        {"a.toml": obligation("%s = (A + B)^12" % " ".join(["(A + B)"] * 12))}, timeout=120)
    add("symbolic: (A + B)^15", ["check", "-q", "--timeout", "5", "{d}"], 2,
        {"a.toml": obligation("(A + B)^15 = (A + B)^15")}, timeout=60)
    add("symbolic: (A + B)^5000", ["check", "-q", "--timeout", "5", "{d}"], 2,
        {"a.toml": obligation("(A + B)^5000 = (A + B)^5000")}, timeout=60)
    add("symbolic: A^100000", ["check", "-q", "--timeout", "5", "{d}"], 2,
        {"a.toml": obligation("A^100000 = A^100000")}, timeout=60)
    add("symbolic: A^99999999999999999999", ["check", "-q", "--timeout", "5", "{d}"], 2,
        {"a.toml": obligation("A^99999999999999999999 = A")}, timeout=60)
    add("symbolic: (A + B)^12 expands", ["check", "-q", "--timeout", "30", "{d}"], 0,
        {"a.toml": obligation("(A + B)^2 = A^2 + A B + B A + B^2")}, timeout=60)
    add("symbolic: commutativity refuted", ["check", "-q", "{d}"], 0,
        {"a.toml": obligation("A B = B A", expect="refuted")})
    add("symbolic: undeclared name", ["check", "-q", "{d}"], 2, {"a.toml": obligation("A C = C A")})
    add("symbolic: deep parentheses", ["check", "-q", "--timeout", "10", "{d}"], 2,
        {"a.toml": obligation("(" * 5000 + "A" + ")" * 5000 + " = A")}, timeout=60)
    add("symbolic: moderately deep parentheses", ["check", "-q", "--timeout", "10", "{d}"], 0,
        {"a.toml": obligation("(" * 50 + "A" + ")" * 50 + " = A")}, timeout=60)
    add("symbolic: sum of 3000 terms (too deep)", ["check", "-q", "--timeout", "20", "{d}"], 2,
        {"a.toml": obligation(" + ".join(["A"] * 3000) + " = 3000 A")}, timeout=90)
    add("symbolic: product of 3000 factors (too deep)", ["check", "-q", "--timeout", "20", "{d}"], 2,
        {"a.toml": obligation(" ".join(["A"] * 3000) + " = A^3000")}, timeout=90)
    add("symbolic: sum of 200 terms", ["check", "-q", "--timeout", "20", "{d}"], 0,
        {"a.toml": obligation(" + ".join(["A"] * 200) + " = 200 A")}, timeout=90)
    add("symbolic: huge coefficient", ["check", "-q", "--timeout", "10", "{d}"], None,
        {"a.toml": obligation("1e-1000000 A = A")}, timeout=60)
    add("symbolic: control characters", ["check", "-q", "{d}"], 2,
        {"a.toml": obligation("A \u001b[2J B = B A")})
    add("symbolic: zero-width space", ["check", "-q", "{d}"], 2,
        {"a.toml": obligation("A\u200b B = B A")})
    add("symbolic: empty claim", ["check", "-q", "{d}"], 2, {"a.toml": obligation("")})
    add("symbolic: division by zero", ["check", "-q", "{d}"], 2, {"a.toml": obligation("A / 0 = A")})

    # -- list and explain ------------------------------------------------------------------------------------------
    add("list ok", ["list", "{d}"], 0, {"a.toml": HOLDS})
    add("list --catalogue", ["list", "--catalogue", "{d}"], 0, {"a.toml": HOLDS, "b.toml": DRIFT})
    add("list --filter none", ["list", "--filter", "zzz", "{d}"], 2, {"a.toml": HOLDS})
    add("explain ok", ["explain", "p", "{d}"], 0, {"a.toml": HOLDS})
    add("explain unknown id", ["explain", "q", "{d}"], 2, {"a.toml": HOLDS})
    add("explain id with escape", ["explain", "\x1b[2Jp", "{d}"], 2, {"a.toml": HOLDS})
    add("explain --report garbage", ["explain", "p", "--report", "{d}/g.json", "{d}"], 2,
        {"a.toml": HOLDS, "g.json": "garbage"})
    add("explain --report missing", ["explain", "p", "--report", "{d}/none.json", "{d}"], 2, {"a.toml": HOLDS})
    add("explain --report real", ["explain", "p", "--report", "{d}/r.json", "{d}"], 0,
        {"a.toml": HOLDS, "r.json": real_report})
    add("explain --report empty file", ["explain", "p", "--report", "{d}/e.json", "{d}"], 2,
        {"a.toml": HOLDS, "e.json": ""})
    add("explain no id", ["explain"], 2, {})

    # -- table ---------------------------------------------------------------------------------------------------------
    T = lambda s: {"claim.toml": SWEEP_CLAIM, "s.toml": s, "slow.toml": SLOW}
    add("table ok", ["table", "-q", "{d}/s.toml"], 0, T(sweep()))
    for fmt in ["latex", "markdown", "csv"]:
        add("table --format %s" % fmt, ["table", "-q", "--format", fmt, "{d}/s.toml"], 0, T(sweep()))
    add("table --format html", ["table", "-q", "--format", "html", "{d}/s.toml"], 2, T(sweep()))
    add("table --standalone", ["table", "-q", "--standalone", "--format", "latex", "{d}/s.toml"], 0, T(sweep()))
    for out, code in [("t.tex", 0), ("t.md", 0), ("t.csv", 0), ("t.pdf", 2), ("missing/t.md", 2)]:
        add("table --output %s" % out, ["table", "-q", "--output", "{d}/" + out, "{d}/s.toml"], code, T(sweep()))
    for out, code in [("r.json", 0), ("r.txt", 0), ("r.pdf", 2), ("missing/r.json", 2)]:
        add("table --report %s" % out, ["table", "-q", "--report", "{d}/" + out, "{d}/s.toml"], code, T(sweep()))
    add("table --report missing before slow sweep", ["table", "-q", "--report", "{d}/missing/r.json", "{d}/s.toml"], 2,
        T(sweep(claim_file="slow.toml")), timeout=30)
    add("table --jobs 0", ["table", "--jobs", "0", "{d}/s.toml"], 2, T(sweep()))
    sweeps_bad = {
        "rows typo (slow claim)": sweep('quantities = ["margin"]\nrows = ["sed"]\n', claim_file="slow.toml"),
        "reduce_over typo (slow claim)": sweep('quantities = ["margin"]\nreduce_over = "sed"\n', claim_file="slow.toml"),
        "unlisted varying parameter": sweep('quantities = ["margin"]\nrows = ["step_size"]\n',
                                            grid='seed = [1, 2]\nstep_size = ["1/10", "1/20"]\n'),
        "several per row": sweep('quantities = ["margin"]\nrows = ["step_size"]\n', grid='seed = [1, 2]\n'),
        "quantities typo": sweep('quantities = ["drfit"]\n', set_='"dynamics.steps" = 2\n'),
        "quantities empty": sweep('quantities = []\n'),
        "quantities not strings": sweep('quantities = [1]\n'),
        "labels count": sweep('quantities = ["margin"]\nquantity_labels = ["a", "b"]\n'),
        "significant digits 0": sweep('quantities = ["margin"]\nsignificant_digits = 0\n'),
        "significant digits 21": sweep('quantities = ["margin"]\nsignificant_digits = 21\n'),
        "precision grid 8": sweep(grid="seed = [1]\nprecision = [8, 64]\n"),
        "precision grid 31": sweep(grid="seed = [1]\nprecision = [31]\n"),
        "precision grid empty": sweep(grid="seed = [1]\nprecision = []\n"),
        "grid value wrong type": sweep(grid='seed = [1, "two"]\n'),
        "grid unknown key": sweep(grid="sede = [1]\n"),
        "grid empty array": sweep(grid="seed = []\n"),
        "grid 2^64": sweep(grid="seed = %s\nsteps = %s\nsamples = %s\ndata_scale = %s\ninit_scale = %s\n"
                                "step_size = %s\ninput_dim = %s\noutput_dim = %s\ndepth = %s\n" %
                                (axis(256, 0), axis(256), axis(256), axis(256), axis(256), axis(256), axis(64),
                                 axis(64), axis(16))),
        "set bad key": sweep(set_='"dynamics" = 3\n'),
        "set unknown section": sweep(set_='"nosuch.key" = 3\n'),
        "set bad value": sweep(set_='"dynamics.steps" = -1\n'),
        "set step 1e-1000000": sweep(set_='"dynamics.step_size" = "1e-1000000"\n', grid="seed = [1]\n"),
        "missing claim file": sweep(claim_file="none.toml"),
        "claim file is a folder": sweep(claim_file="."),
        "missing [sweep]": "[grid]\nseed = [1]\n",
        "missing [grid]": sweep(grid=None),
        "unknown top key": sweep() + "[extra]\nx = 1\n",
        "syntax error": sweep() + "x = \n",
        "escape in caption": sweep().replace('caption = "c"', 'caption = "\\u001b[2J"') + "[bogus]\n",
    }
    for name, text in sweeps_bad.items():
        add("table: " + name, ["table", "-q", "{d}/s.toml"], 2, T(text), timeout=60)
    add("table: missing sweep file", ["table", "{d}/none.toml"], 2, {})

    # -- plot ------------------------------------------------------------------------------------------------------------
    def plot_report(x, y, error=None, logarithmic=False):
        report = json.loads(real_report)
        series = {"name": "loss", "xLabel": "t", "yLabel": "L", "logarithmic": logarithmic, "x": x, "y": y}
        if error is not None:
            series["error"] = error
        report["claims"][0]["instances"][0]["series"] = [series]
        return json.dumps(report)
    n = 100000
    big_x = list(range(n))
    plots = [
        ("plot: valid", [0, 1, 2], [1.0, 0.5, 0.25], None, False, 0),
        ("plot: ±1.7e308", [0, 1], [-1.7e308, 1.7e308], None, False, 0),
        ("plot: ±max double x", [-1.7976931348623157e308, 1.7976931348623157e308], [1.0, 2.0], None, False, 0),
        ("plot: tiny values", [0, 1], [5e-324, 1e-323], None, False, 0),
        ("plot: log axis 1e-300..1e300", [0, 1, 2], [1e-300, 1.0, 1e300], [1e-310, 1e-20, 1e280], True, 0),
        ("plot: log axis with zeros", [0, 1, 2], [0.0, 0.0, 1.0], None, True, 0),
        ("plot: all equal", [0, 1, 2], [3.0, 3.0, 3.0], None, False, 0),
        ("plot: all zero", [0, 0, 0], [0.0, 0.0, 0.0], None, False, 0),
        ("plot: single point", [0], [1.0], None, False, 0),
        ("plot: empty series", [], [], None, False, 0),
        ("plot: y shorter than x", [0, 1, 2], [1.0], None, False, 2),
        ("plot: error shorter than y", [0, 1, 2], [1.0, 2.0, 3.0], [0.1], True, 2),
        ("plot: 100000 points", big_x, [float(i % 97) for i in big_x], None, False, 0),
        ("plot: 100000 log points with errors", big_x, [1.0 + i for i in big_x], [1e-30 * (1 + i) for i in big_x],
         True, 0),
    ]
    for name, x, y, error, log, code in plots:
        add(name, ["plot", "{d}/r.json", "-o", "{d}/figs"], code, {"r.json": plot_report(x, y, error, log)},
            timeout=60)
    add("plot: garbage", ["plot", "{d}/g.json"], 2, {"g.json": "{{{"})
    add("plot: missing", ["plot", "{d}/none.json"], 2, {})
    add("plot: --series without --claim", ["plot", "{d}/r.json", "--series", "loss"], 2, {"r.json": real_report})
    add("plot: --name without --series", ["plot", "{d}/r.json", "--name", "x"], 2, {"r.json": real_report})
    add("plot: output onto a file", ["plot", "{d}/r.json", "-o", "{d}/r.json"], 2, {"r.json": real_report})
    add("plot: output in missing parents", ["plot", "{d}/r.json", "-o", "{d}/a/b/c"], 0,
        {"r.json": plot_report([0, 1], [1.0, 2.0])})
    add("plot: overlay of a recorded series", ["plot", "{d}/r.json", "--series", "loss", "--claim", "d", "-o", "{d}/f"],
        0, {"r.json": plot_report([0, 1], [1.0, 2.0])})
    add("plot: overlay, unknown series", ["plot", "{d}/r.json", "--series", "KL", "--claim", "d", "-o", "{d}/f"],
        2, {"r.json": plot_report([0, 1], [1.0, 2.0])})
    add("plot: unknown claim overlay", ["plot", "{d}/r.json", "--series", "loss", "--claim", "nope", "-o", "{d}/f"], 2,
        {"r.json": real_report})
    add("plot: instance 999 overlay", ["plot", "{d}/r.json", "--series", "loss", "--claim", "d", "--instance",
                                       "999", "-o", "{d}/f"], 2, {"r.json": real_report})
    add("plot: instance -1 overlay", ["plot", "{d}/r.json", "--series", "loss", "--claim", "d", "--instance",
                                      "-1", "-o", "{d}/f"], 2, {"r.json": real_report})
    add("plot: stem with slashes", ["plot", "{d}/r.json", "--series", "loss", "--claim", "d", "--name", "../../x",
                                    "-o", "{d}/f"], None, {"r.json": real_report})

    # -- standard streams and signals ----------------------------------------------------------------------------------
    add("stdout to /dev/full", None, 2, {"a.toml": HOLDS}, shell='"$ATTEST" check --report {d}/r.json {d} >/dev/full',
        check=("exists", "{d}/r.json"))
    add("stderr closed", None, 0, {"a.toml": HOLDS}, shell='"$ATTEST" check --report {d}/r.json {d} 2>&-',
        check=("exists", "{d}/r.json"))
    add("stderr to /dev/full", None, 0, {"a.toml": HOLDS}, shell='"$ATTEST" check --report {d}/r.json {d} 2>/dev/full',
        check=("exists", "{d}/r.json"))
    add("stdout and stderr closed", None, 2, {"a.toml": HOLDS},
        shell='"$ATTEST" check --report {d}/r.json {d} >&- 2>&-', check=("exists", "{d}/r.json"))
    add("stdout to a closed pipe (SIGPIPE default)", None, 2, {"a.toml": HOLDS},
        shell='exec env --default-signal=PIPE "$ATTEST" check --report {d}/r.json {d}', check=("exists", "{d}/r.json"),
        setup="closedpipe")
    add("list to /dev/full", None, 2, {"a.toml": HOLDS}, shell='"$ATTEST" list {d} >/dev/full')
    add("list --catalogue to a closed pipe", None, 2, {"a.toml": HOLDS},
        shell='exec env --default-signal=PIPE "$ATTEST" list --catalogue {d}', setup="closedpipe")
    add("explain to /dev/full", None, 2, {"a.toml": HOLDS}, shell='"$ATTEST" explain p {d} >/dev/full')
    add("table to /dev/full", None, 2, T(sweep()), shell='"$ATTEST" table {d}/s.toml >/dev/full')
    add("version to /dev/full", None, 2, {}, shell='"$ATTEST" version >/dev/full')
    add("help to /dev/full", None, 2, {}, shell='"$ATTEST" --help >/dev/full')
    add("stdin closed", None, 0, {"a.toml": HOLDS}, shell='"$ATTEST" check -q {d} <&-')
    for sig in ["INT", "TERM", "HUP"]:
        add("SIG%s during a slow claim" % sig, None, 1, {"a.toml": HOLDS, "b.toml": SLOW},
            shell='env --default-signal=%s "$ATTEST" check --report {d}/r.json {d} & p=$!; sleep 2; kill -%s $p; '
                  'wait $p' % (sig, sig), check=("incomplete", "{d}/r.json"), timeout=60)
    add("--timeout-total 1 on a slow claim", ["check", "-q", "--timeout-total", "1", "--report", "{d}/r.json", "{d}"],
        1, {"a.toml": HOLDS, "b.toml": SLOW}, check=("incomplete", "{d}/r.json"), timeout=60)
    add("--timeout 1 on a slow claim", ["check", "-q", "--timeout", "1", "{d}"], 1, {"b.toml": SLOW}, timeout=60)

    # -- top level -----------------------------------------------------------------------------------------------------
    add("--version", ["--version"], 0, {})
    add("version", ["version"], 0, {})
    add("--help", ["--help"], 0, {})
    add("check --help", ["check", "--help"], 0, {})
    add("unknown subcommand as path", ["frobnicate"], 2, {})
    add("no arguments without proofs/", None, 2, {}, shell='cd {d} && exec "$ATTEST"')
    add("argument with NUL-like escape", ["check", "{d}/\u200b"], 2, {})
    return P


# ----------------------------------------------------------------------------------------------------------------
# Running

def prepare(probe, root, index):
    folder = os.path.join(root, "p%03d" % index)
    os.makedirs(folder)
    for name, text in probe.files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    if probe.setup == "dangling":
        os.symlink(os.path.join(folder, "nowhere.toml"), os.path.join(folder, "b.toml"))
    elif probe.setup == "loop":
        os.symlink(folder, os.path.join(folder, "loop"))
    if probe.user:
        for dirpath, dirnames, filenames in os.walk(folder):
            os.chmod(dirpath, 0o755)
        os.chmod(root, 0o755)
        if probe.setup == "hide":
            os.chmod(os.path.join(folder, "hidden"), 0)
        elif probe.setup == "hidefile":
            os.chmod(os.path.join(folder, "b.toml"), 0)
    return folder


MEMORY_LIMIT = 8 << 30


def limit_memory():
    """Caps the address space of a probe at 8 GiB: a blow-up ends as a failed allocation (a crash the probe reports)
    instead of taking the machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_probe(binary, probe, root, index):
    folder = prepare(probe, root, index)
    env = dict(os.environ, ATTEST=binary)
    fill = lambda s: s.replace("{d}", folder)
    stdout = subprocess.DEVNULL
    if probe.setup == "closedpipe":
        r, w = os.pipe()
        os.close(r)
        stdout = w
    if probe.shell is not None:
        command = ["/bin/bash", "-c", fill(probe.shell)]
    else:
        command = [binary] + [fill(a) for a in probe.args]
        if probe.user:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
    began = time.monotonic()
    try:
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env,
                                   start_new_session=True, cwd=folder, preexec_fn=limit_memory)
        if probe.setup == "closedpipe":
            os.close(stdout)
        try:
            _, err = process.communicate(timeout=probe.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return "hang", "no exit within %d s" % probe.timeout, time.monotonic() - began
        code = process.returncode
    finally:
        pass
    seconds = time.monotonic() - began
    text = err.decode("utf-8", "replace")
    if code < 0 or code >= 128:
        return "crash", "ended by signal %d: %s" % (abs(code) if code < 0 else code - 128, text[-300:]), seconds
    if "\x1b" in text or "\u200b" in text or "\u202e" in text:
        return "wrong", "raw control or invisible character in standard error", seconds
    if probe.expect is not None and code != probe.expect:
        return "wrong", "exit %d, expected %d: %s" % (code, probe.expect, text[-300:]), seconds
    if probe.expect is None and code not in (0, 1, 2):
        return "wrong", "exit %d" % code, seconds
    if probe.check:
        what, path = probe.check[0], fill(probe.check[1])
        if not os.path.exists(path):
            return "wrong", "no report at %s" % path, seconds
        if what == "small" and os.path.getsize(path) > 1_000_000:
            return "wrong", "report of %d bytes" % os.path.getsize(path), seconds
        if what == "incomplete":
            with open(path) as f:
                if json.load(f).get("complete") is not False:
                    return "wrong", "report not marked incomplete", seconds
    leftovers = [n for n in os.listdir(folder) if ".tmp-" in n or n.startswith(".attest-write-test")]
    if leftovers:
        return "wrong", "temporary files left behind: %s" % leftovers, seconds
    return "right", "exit %d" % code, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--list", action="store_true", help="list the probes and exit")
    parser.add_argument("--only", default="", help="run only probes whose name contains this text")
    parser.add_argument("--skip", action="append", default=[],
                        help="leave out probes whose name contains this text (repeatable)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    root = tempfile.mkdtemp(prefix="attest-probe-")
    try:
        # A real report of a small run (with a series) for explain and plot.
        seed = os.path.join(root, "seed")
        os.makedirs(seed)
        with open(os.path.join(seed, "d.toml"), "w") as f:
            f.write(DRIFT)
        subprocess.run([binary, "check", "-q", "--report", os.path.join(seed, "r.json"), seed],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        with open(os.path.join(seed, "r.json")) as f:
            real_report = f.read()
        selected = [p for p in probes(real_report)
                    if args.only in p.name and not any(s in p.name for s in args.skip)]
        if args.list:
            for p in selected:
                print("%-4s %s" % ("*" if p.expect is None else p.expect, p.name))
            print("%d probes" % len(selected))
            return 0
        counts = {"right": 0, "wrong": 0, "crash": 0, "hang": 0}
        began = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [pool.submit(run_probe, binary, p, root, i) for i, p in enumerate(selected)]
            for p, future in zip(selected, futures):
                outcome, detail, seconds = future.result()
                counts[outcome] += 1
                if outcome != "right":
                    print("%-5s %-60s %s" % (outcome.upper(), p.name[:60], detail.replace("\n", " | ")))
        print("attest probe: %d probes, %d right, %d wrong exit status, %d crashes, %d hangs (%.0f s)" %
              (len(selected), counts["right"], counts["wrong"], counts["crash"], counts["hang"],
               time.monotonic() - began))
        return 0 if counts["right"] == len(selected) else 1
    finally:
        for dirpath, dirnames, filenames in os.walk(root):
            os.chmod(dirpath, 0o755)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
