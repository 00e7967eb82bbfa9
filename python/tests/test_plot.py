"""plot() on a real report: one curve and one error band per instance, a log axis where values span decades."""

import pytest

import attest_claims as ac


@pytest.fixture(scope="module")
def report(attest_binary, repository):
    return ac.run(["proofs/omwu-kl-nonincreasing.toml", "proofs/conjectures/dln-gf-weight-decay-law.toml"],
                  attest=attest_binary, cwd=repository, jobs=2)


def test_kl_is_drawn_on_a_log_axis_with_bands(report):
    figure = ac.plot(report, series="KL", claims="omwu-kl-nonincreasing")
    (axis,) = figure.axes
    instances = report.instances
    count = int((instances.claim == "omwu-kl-nonincreasing").sum())
    assert axis.get_yscale() == "log"
    assert len(axis.collections) == count  # one error band per instance
    assert len(axis.lines) == 2 * count  # the curve and its dotted error estimate
    points = report.series
    first = points[(points.claim == "omwu-kl-nonincreasing") & (points.instance == 0) & (points.series == "KL")]
    assert list(axis.lines[0].get_ydata()) == list(first["y_float"])
    assert axis.get_xlabel() == first["x_label"].iloc[0]


def test_every_series_of_a_claim_gets_its_axes(report):
    figure = ac.plot(report, claims="dln-gf-weight-decay-law")
    assert [a.get_title() for a in figure.axes] == [
        "dln-gf-weight-decay-law: D1 deviation", "dln-gf-weight-decay-law: D2 deviation"]
    assert all(a.get_yscale() == "log" for a in figure.axes)


def test_unknown_names_are_errors(report):
    with pytest.raises(ValueError, match="no series nope"):
        ac.plot(report, series="nope")
    with pytest.raises(ValueError, match="no claim nope"):
        ac.plot(report, claims="nope")
