"""Round trips of real reports: every DataFrame number against the JSON's own digits, read independently."""

import json
import subprocess
from decimal import Decimal

import pandas as pd
import pytest

import attest_claims as ac

# Shapes: an exact (rational) claim with exact measurements and no precision; a known-false claim with its
# counterexample; a near miss that escalates from 64 to 128 bits; OMWU with a logarithmic series; a claim in the
# conjecture language with two series.
CLAIMS = [
    "proofs/dln-gd-balancedness-step.toml",
    "proofs/coarse-gradient-every-sample.toml",
    "proofs/dln-gd-drift-sharp-constant.toml",
    "proofs/omwu-kl-nonincreasing.toml",
    "proofs/conjectures/dln-gf-weight-decay-law.toml",
]


@pytest.fixture(scope="module")
def run_and_json(attest_binary, repository, tmp_path_factory):
    """One real run; its report as the package reads it, and the same JSON file read with the plain json module
    (numbers kept as their literal text, so nothing goes through a float)."""
    path = tmp_path_factory.mktemp("reports") / "run.json"
    report = ac.run(CLAIMS, attest=attest_binary, cwd=repository, jobs=2, report=path)
    raw = json.loads(path.read_text(encoding="utf-8"), parse_float=lambda text: text)
    return report, raw, path


def exactly(decimal_value, text):
    """Same number with the same digits and exponent as the report's text."""
    return isinstance(decimal_value, Decimal) and decimal_value.as_tuple() == Decimal(text).as_tuple()


def test_run_returns_every_claim_with_its_verdict(run_and_json):
    report, raw, _ = run_and_json
    assert report.exit_code == 0 and report.complete and report.all_met
    claims = report.claims.set_index("claim")
    assert sorted(claims.index) == sorted(c["id"] for c in raw["claims"])
    for c in raw["claims"]:
        row = claims.loc[c["id"]]
        assert (row["verdict"], row["expected"], row["kind"]) == (c["verdict"], c["expected"], c["kind"])
        assert row["instances"] == len(c["instances"])
    assert claims.loc["coarse-gradient-every-sample", "verdict"] == "FAIL"
    assert claims.loc["coarse-gradient-every-sample", "counterexample"].startswith("instance 0: ")
    assert claims.loc["dln-gd-balancedness-step", "verdict"] == "PASS"
    assert "Summary" in report.text


def test_measurements_keep_every_digit(run_and_json):
    report, raw, _ = run_and_json
    frame = report.measurements
    expected = [(c["id"], i["index"], m) for c in raw["claims"] for i in c["instances"] for m in i["measurements"]]
    assert len(frame) == len(expected) > 100
    for (claim, index, m), row in zip(expected, frame.itertuples(index=False)):
        assert (row.claim, row.instance, row.name) == (claim, index, m["name"])
        assert exactly(row.value, m["value"]) and exactly(row.error, m["error"])
        assert row.value_float == float(m["value"]) and row.error_float == float(m["error"])
        assert row.exact == m.get("exact")
    assert frame["value"].dtype == object and frame["value_float"].dtype == "float64"
    # The 80-digit KL_0 of the first OMWU instance, as the report prints it.
    kl0 = frame[(frame.claim == "omwu-kl-nonincreasing") & (frame.instance == 0) & (frame.name == "KL_0")]
    assert str(kl0["value"].iloc[0]) == raw["claims"][[c["id"] for c in raw["claims"]].index(
        "omwu-kl-nonincreasing")]["instances"][0]["measurements"][0]["value"]
    assert len(kl0["value"].iloc[0].as_tuple().digits) >= 70


def test_instances_keep_margins_parameters_and_precision(run_and_json):
    report, raw, _ = run_and_json
    frame = report.instances
    expected = [(c["id"], i) for c in raw["claims"] for i in c["instances"]]
    assert len(frame) == len(expected)
    for (claim, i), row in zip(expected, frame.to_dict("records")):
        assert (row["claim"], row["instance"], row["verdict"]) == (claim, i["index"], i["verdict"])
        assert exactly(row["margin"], i["margin"]) and exactly(row["margin_error"], i["margin_error"])
        assert row["margin_exact"] == i.get("margin_exact")
        if "precision_bits" in i:
            assert row["precision_bits"] == i["precision_bits"]
        else:  # exact (rational) arithmetic
            assert pd.isna(row["precision_bits"])
        assert row["attempts"] == len(i["attempts"])
        for name, value in i["parameters"].items():
            assert row["param:" + name] == value
    exact_rows = frame[frame.claim == "dln-gd-balancedness-step"]
    assert exact_rows["precision_bits"].isna().all() and exact_rows["margin_exact"].notna().all()
    near_miss = frame[frame.claim == "dln-gd-drift-sharp-constant"].iloc[0]
    assert near_miss["precision_bits"] == 128 and near_miss["attempts"] == 2
    attempts = report.attempts
    escalation = attempts[attempts.claim == "dln-gd-drift-sharp-constant"]
    assert list(escalation["precision_bits"]) == [64, 128]
    assert list(escalation["verdict"]) == ["INCONCLUSIVE", "PASS"]


def test_series_keep_the_json_digits(run_and_json):
    report, raw, _ = run_and_json
    frame = report.series
    expected = [(c["id"], i["index"], s, k) for c in raw["claims"] for i in c["instances"]
                for s in i.get("series", []) for k in range(len(s["x"]))]
    assert len(frame) == len(expected) > 1000
    for (claim, index, s, k), row in zip(expected, frame.itertuples(index=False)):
        assert (row.claim, row.instance, row.series, row.point) == (claim, index, s["name"], k)
        for column in ("x", "y", "error"):
            text = str(s[column][k])  # the literal JSON text (an integer literal stays an int)
            assert getattr(row, column) == Decimal(text)
            assert getattr(row, column + "_float") == float(text)
        assert row.logarithmic == s["logarithmic"]
    assert {"KL", "D1 deviation", "D2 deviation"} <= set(frame.series)


def test_load_reads_the_same_report(run_and_json):
    report, _, path = run_and_json
    loaded = ac.load(path)
    assert loaded.exit_code is None and loaded.path == str(path)
    for name in ("claims", "instances", "measurements", "attempts", "series"):
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(report, name))


def test_an_interrupted_run_is_marked_incomplete(attest_binary, repository):
    report = ac.run("proofs/dln-gf-conserves-balancedness.toml", attest=attest_binary, cwd=repository,
                    timeout_total=1)
    claims = report.claims
    assert report.exit_code == 1 and not report.complete and not report.all_met
    assert claims.loc[0, "total_instances"] == 8 and claims.loc[0, "instances"] < 8
    assert len(report.instances) == claims.loc[0, "instances"]


def test_bad_input_raises_with_attests_message(attest_binary, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nkind = "no-such-kind"\n', encoding="utf-8")
    with pytest.raises(ac.AttestInputError) as caught:
        ac.run(bad, attest=attest_binary)
    cli = subprocess.run([attest_binary, "check", str(bad)], capture_output=True, text=True)
    assert cli.returncode == 2 and caught.value.exit_code == 2
    assert str(caught.value) == cli.stderr.strip()
    assert f"{bad}:2: key 'kind': unknown claim kind \"no-such-kind\"" in str(caught.value)
    assert f"{bad}: key 'title': missing key" in str(caught.value)


def test_a_bad_option_is_an_input_error_too(attest_binary, repository):
    with pytest.raises(ac.AttestInputError) as caught:
        ac.run("proofs/dln-gd-drift-sharp-constant.toml", attest=attest_binary, cwd=repository, precision="many")
    assert caught.value.exit_code == 2 and "precision" in str(caught.value)


def test_a_missing_executable_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("ATTEST", raising=False)
    with pytest.raises(ac.AttestNotFound, match="not found"):
        ac.run("x.toml", attest=str(tmp_path / "no-attest"))


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.json"
    path.write_text('{"schemaVersion": 2, "claims": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="schema version 2"):
        ac.load(path)


def test_search_and_threshold_claims(attest_binary, repository, tmp_path):
    report = ac.run(["proofs/search/dln-gd-conserves-balancedness-search.toml",
                     "proofs/search/dln-gd-lemma-1-critical-step-size.toml"],
                    attest=attest_binary, cwd=repository, save_counterexamples=tmp_path, report=tmp_path / "r.json")
    raw = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"), parse_float=lambda text: text)
    searches = report.searches.set_index("claim")
    assert sorted(searches.index) == sorted(c["id"] for c in raw["claims"])
    for c in raw["claims"]:
        row, search = searches.loc[c["id"]], c["search"]
        assert row["replay_file"] == search.get("replay_file")
        assert row["draws"] == search.get("draws") and row["minimal_margin"] == search.get("minimal_margin")
        bracket = search.get("bracket")
        if bracket:
            assert (row["pass"], row["fail"], row["parameter"]) == (bracket["pass"], bracket["fail"], "step_size")
            assert exactly(row["pass_decimal"], bracket["pass_decimal"])
            assert exactly(row["fail_decimal"], bracket["fail_decimal"])
            # The exact fraction and its decimal are the same number.
            numerator, denominator = (int(part) for part in bracket["pass"].split("/"))
            assert row["pass_decimal"] * denominator == numerator
    found = searches.loc["dln-gd-conserves-balancedness-search"]
    assert found["failing_draw"] == 0 and found["replay_file"].startswith(str(tmp_path))
    assert report.claims.set_index("claim").loc["dln-gd-conserves-balancedness-search", "verdict"] == "FAIL"
