/// The exit statuses of `attest`, in one place.
///
/// | status | meaning |
/// |---|---|
/// | 0 | every claim met its expectation (PASS, or FAIL where `expect = "fail"`) |
/// | 1 | some claim did not meet its expectation (including INCONCLUSIVE that escalation did not decide), or the run was stopped by Ctrl-C, SIGTERM, SIGHUP or `--timeout-total` (the reports are then marked `complete: false`) |
/// | 2 | a usage or input error: bad arguments, a malformed claim file, a missing data file, paths that hold no claim file, an output path that cannot be written (all found before anything runs); also a failed write to standard output (after the reports are written) |
public enum AttestExitCode: Int32, Sendable {
    /// Every claim met its expectation.
    case success = 0
    /// At least one claim did not meet its expectation.
    case claimNotMet = 1
    /// A usage or input error.
    case inputError = 2
}
