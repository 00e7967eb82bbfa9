"""Running the attest executable and reading back its JSON report."""

import os
import shutil
import subprocess
import tempfile

from ._errors import AttestError, AttestInputError, AttestNotFound
from ._report import parse


def find_attest(attest=None):
    """The attest executable: ``attest`` if given, else the ATTEST environment variable, else ``attest`` on PATH."""
    candidate = attest or os.environ.get("ATTEST")
    if candidate:
        resolved = shutil.which(os.fspath(candidate))
        if resolved is None:
            raise AttestNotFound(f"attest executable not found or not executable: {candidate}")
        return resolved
    resolved = shutil.which("attest")
    if resolved is None:
        raise AttestNotFound("attest executable not found: pass attest=PATH, set ATTEST, or put attest on PATH")
    return resolved


def _option_arguments(options):
    """``check``'s options from keyword arguments: ``max_precision=128`` is ``--max-precision 128``, ``True`` a bare
    flag, ``False``/``None`` nothing, a list or tuple repeats the option (``filter=["a*", "b*"]``)."""
    arguments = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            arguments.append(flag)
        elif isinstance(value, (list, tuple)):
            for item in value:
                arguments += [flag, os.fspath(item) if isinstance(item, os.PathLike) else str(item)]
        else:
            arguments += [flag, os.fspath(value) if isinstance(value, os.PathLike) else str(value)]
    return arguments


def run(paths=(), *, attest=None, cwd=None, env=None, **options):
    """Runs ``attest check`` on ``paths`` (claim files or folders; a single path or a list) and returns its Report.

    Keyword options are ``attest check``'s own, spelled with underscores: ``precision``, ``tolerance``,
    ``max_precision``, ``jobs``, ``filter`` (one glob or a list), ``timeout``, ``timeout_total``, ``report`` (more
    report files), ``figures``, ``resume``, ``save_counterexamples``, ``quiet``, ``verbose``. ``attest`` is the
    executable (default: the ATTEST environment variable, else ``attest`` on PATH); ``cwd`` the working folder.

    Exit status 0 or 1 returns the report (``report.exit_code``; 1 means some claim did not meet its
    expectation, which is a result, not an error). Exit status 2 (bad input: nothing ran) raises
    :class:`AttestInputError` whose text is Attest's message, with file, line and key; any other failure raises
    :class:`AttestError` with the message and exit code.
    """
    executable = find_attest(attest)
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="attest-claims-") as folder:
        report_path = os.path.join(folder, "report.json")
        command = [executable, "check", "--report", report_path] + _option_arguments(options) + ["--"] + paths
        completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        message = completed.stderr.strip() or completed.stdout.strip()
        if completed.returncode == 2:
            raise AttestInputError(message, 2, completed.stdout, completed.stderr, command)
        if completed.returncode not in (0, 1) or not os.path.exists(report_path):
            if completed.returncode < 0:
                message = f"attest was stopped by signal {-completed.returncode}" + (f": {message}" if message else "")
            raise AttestError(message or f"attest exited with status {completed.returncode} and wrote no report",
                              completed.returncode, completed.stdout, completed.stderr, command)
        with open(report_path, encoding="utf-8") as f:
            text = f.read()
    return parse(text, exit_code=completed.returncode, text=completed.stdout, stderr=completed.stderr)
