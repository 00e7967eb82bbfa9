"""Fixtures: the real attest binary (ATTEST environment variable, else attest on PATH) and the repository root.

Every test that needs the binary skips, saying so, when there is none.
"""

import os
import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def attest_binary():
    candidate = os.environ.get("ATTEST") or shutil.which("attest")
    if not candidate or not os.access(candidate, os.X_OK):
        pytest.skip("no attest executable: set ATTEST=/path/to/attest or put attest on PATH "
                    "(make test-python builds .build/debug/attest and sets ATTEST)")
    return str(Path(candidate).resolve())


@pytest.fixture(scope="session")
def repository():
    return REPOSITORY
