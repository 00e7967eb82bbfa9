"""Exceptions that carry Attest's own message and exit code."""


class AttestError(Exception):
    """Attest did not produce a report: ``message`` is what it printed, ``exit_code`` its exit status.

    ``str(error)`` is Attest's message itself (for bad input: file, line and key of every problem).
    """

    def __init__(self, message, exit_code=None, stdout="", stderr="", command=None):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.command = command


class AttestInputError(AttestError):
    """Exit status 2: a usage or input error (a bad claim file, option or path); nothing was run."""


class AttestNotFound(AttestError, FileNotFoundError):
    """No attest executable: none given, no ATTEST environment variable, none on PATH."""
