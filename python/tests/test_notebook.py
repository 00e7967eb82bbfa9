"""examples/notebooks/conjecture-from-python.ipynb executes (nbclient) and shows the verdict table, the exact
measurement, and a figure; its measured deviation is the one the shipped claim with the same conjecture gives."""

import os
from pathlib import Path

import pytest

import attest_claims as ac

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "conjecture-from-python.ipynb"


def test_notebook_runs_and_shows_verdict_measurement_and_plot(attest_binary, repository, monkeypatch, tmp_path):
    nbformat = pytest.importorskip("nbformat", reason="nbformat not installed (make test-python installs it)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient not installed (make test-python installs it)")
    monkeypatch.setenv("ATTEST", attest_binary)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]

    tables = [o["data"]["text/plain"] for o in outputs if "data" in o and "text/plain" in o["data"]]
    verdicts = [t for t in tables if "notebook-weight-decay-law" in t]
    assert verdicts and "PASS" in verdicts[0] and "conjecture" in verdicts[0]
    assert any("image/png" in o.get("data", {}) for o in outputs)

    printed = "".join(o["text"] for o in outputs if o.output_type == "stream" and o["name"] == "stdout").strip()
    shipped = ac.run("proofs/conjectures/dln-gf-weight-decay-law.toml", attest=attest_binary, cwd=repository)
    expected = shipped.measurements.query("name.str.startswith('D1: max |e − law|')")["value"].iloc[0]
    assert printed == str(expected)
