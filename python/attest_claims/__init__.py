"""Run Attest from Python and read its JSON reports as pandas DataFrames.

    import attest_claims as ac
    report = ac.run("proofs/omwu-kl-nonincreasing.toml")
    report.claims            # one row per claim: verdict, expectation, ...
    report.measurements      # value and error as Decimal, plus value_float / error_float
    ac.plot(report, series="KL")

Numbers convention: a column named after a quantity (``margin``, ``value``, ``error``, ``y`` ...) holds
``decimal.Decimal`` objects with every digit of the report; the column of the same name with ``_float`` appended holds
the nearest float, for plotting and quick arithmetic only.
"""

from ._errors import AttestError, AttestInputError, AttestNotFound
from ._report import Report, load, SCHEMA_VERSION
from ._run import run, find_attest
from ._plot import plot

__all__ = [
    "AttestError", "AttestInputError", "AttestNotFound",
    "Report", "load", "run", "find_attest", "plot", "SCHEMA_VERSION",
]
__version__ = "0.1.0"
