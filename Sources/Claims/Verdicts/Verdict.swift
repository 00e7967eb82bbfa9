/// The outcome of checking a claim on one instance, or of a whole claim (docs/theory.md §0.1).
///
/// | verdict | meaning |
/// |---|---|
/// | PASS | the claim holds, with a margin larger than the numerical error estimate (or exactly, in `Rational`) |
/// | FAIL | a counterexample: the violation exceeds the error estimate |
/// | INCONCLUSIVE | the margin or the violation lies within the error estimate |
/// | ERROR | bad input at run time, unexpected divergence, a timeout |
/// | NOT APPLICABLE | the instance does not satisfy the theorem's hypotheses (whether the conclusion held is recorded) |
public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
    /// The claim holds on the instance, beyond the error estimate.
    case pass = "PASS"
    /// The claim is violated beyond the error estimate: a counterexample.
    case fail = "FAIL"
    /// The margin is within the error estimate.
    case inconclusive = "INCONCLUSIVE"
    /// The check could not be completed.
    case error = "ERROR"
    /// The instance lies outside the theorem's hypotheses.
    case notApplicable = "NOT APPLICABLE"

    /// Severity order used by aggregation: FAIL > ERROR > INCONCLUSIVE > PASS > NOT APPLICABLE.
    private var severity: Int {
        switch self {
        case .notApplicable: return 0
        case .pass: return 1
        case .inconclusive: return 2
        case .error: return 3
        case .fail: return 4
        }
    }

    /// Orders verdicts by severity.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }

    /// A claim's verdict from its instances' verdicts: FAIL if any instance fails; otherwise ERROR if any errs;
    /// otherwise INCONCLUSIVE if any is inconclusive; otherwise PASS if any passes; NOT APPLICABLE if all are
    /// (and for no instances at all).
    ///
    /// ```swift
    /// Verdict.aggregate([.pass, .pass, .fail])          // .fail
    /// Verdict.aggregate([.pass, .notApplicable])        // .pass
    /// ```
    public static func aggregate(_ verdicts: [Verdict]) -> Verdict {
        verdicts.max() ?? .notApplicable
    }
}

/// What a claim file says should happen: `expect = "pass"` (the default), `expect = "fail"` for a known-false
/// claim that the checker must refute (a regression test of the checker itself), or `expect = "inconclusive"` for a
/// claim run on purpose below the precision that can decide it.
public enum Expectation: String, Codable, Sendable, CaseIterable {
    /// The claim should PASS on every instance.
    case pass
    /// The claim is known to be false: some instance should FAIL.
    case fail
    /// The claim cannot be decided at the precision the file allows (a demonstration of the rounding floor, such
    /// as OMWU on P2a at 53 bits): the claim should end INCONCLUSIVE, neither PASS nor FAIL.
    case inconclusive

    /// Whether a claim verdict meets this expectation: PASS for `pass`, FAIL for `fail`.
    public func isMet(by verdict: Verdict) -> Bool {
        switch self {
        case .pass: return verdict == .pass
        case .fail: return verdict == .fail
        case .inconclusive: return verdict == .inconclusive
        }
    }
}
