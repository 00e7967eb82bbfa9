/// The outcome of checking a claim on one instance, or of a whole claim (docs/theory.md §0.1).
///
/// | verdict | meaning |
/// |---|---|
/// | PROVED | rigorous mode: every enclosure (ball arithmetic, exact inputs or enclosed ones, bounded truncation) lies on the right side; a computer-assisted proof for the instance |
/// | DISPROVED | rigorous mode: an enclosed violation lies entirely on the wrong side; a certified counterexample |
/// | PASS | the claim holds, with a margin larger than the numerical error estimate (or exactly, in `Rational`) |
/// | FAIL | a counterexample: the violation exceeds the error estimate |
/// | INCONCLUSIVE | the margin or the violation lies within the error estimate |
/// | ERROR | bad input at run time, unexpected divergence, a timeout |
/// | NOT APPLICABLE | the instance does not satisfy the theorem's hypotheses (whether the conclusion held is recorded) |
public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
    /// Rigorous mode: the claim holds on the instance, proved by enclosures (docs/rigorous-mode.md).
    case proved = "PROVED"
    /// Rigorous mode: the claim is violated on the instance, certified by an enclosure on the wrong side.
    case disproved = "DISPROVED"
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

    /// Severity order used by aggregation: DISPROVED > FAIL > ERROR > INCONCLUSIVE > PASS > PROVED > NOT APPLICABLE
    /// (a claim is PROVED only when every applicable instance is; one merely numerical PASS makes it a PASS).
    private var severity: Int {
        switch self {
        case .notApplicable: return 0
        case .proved: return 1
        case .pass: return 2
        case .inconclusive: return 3
        case .error: return 4
        case .fail: return 5
        case .disproved: return 6
        }
    }

    /// Whether the verdict says the claim holds: PASS or PROVED (what counts as a pass for the exit status).
    public var holds: Bool { self == .pass || self == .proved }

    /// Whether the verdict is a counterexample: FAIL or DISPROVED.
    public var isViolation: Bool { self == .fail || self == .disproved }

    /// Whether the verdict comes from rigorous enclosures: PROVED or DISPROVED.
    public var isRigorous: Bool { self == .proved || self == .disproved }

    /// Orders verdicts by severity.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }

    /// A claim's verdict from its instances' verdicts: DISPROVED if any instance is disproved; otherwise FAIL if any
    /// instance fails; otherwise ERROR if any errs;
    /// otherwise INCONCLUSIVE if any is inconclusive; otherwise PASS if any passes; otherwise PROVED if any is
    /// proved; NOT APPLICABLE if all are (and for no instances at all).
    ///
    /// ```swift
    /// Verdict.aggregate([.pass, .pass, .fail])          // .fail
    /// Verdict.aggregate([.pass, .notApplicable])        // .pass
    /// ```
    public static func aggregate(_ verdicts: [Verdict]) -> Verdict {
        verdicts.max() ?? .notApplicable
    }

    /// A claim's verdict when `complete` says whether every instance ran: the aggregate, except that a run cut short
    /// before every instance ran is INCONCLUSIVE unless an instance already refuted the claim (FAIL, DISPROVED).
    /// The engine (`ClaimOutcome`) and the merge of shard reports use this one rule.
    public static func aggregate(_ verdicts: [Verdict], complete: Bool) -> Verdict {
        let aggregate = aggregate(verdicts)
        return complete || aggregate.isViolation ? aggregate : .inconclusive
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

    /// Whether a claim verdict meets this expectation: PASS or PROVED for `pass`, FAIL or DISPROVED for `fail`
    /// ("DISPROVED (expected)" for a known-false claim refuted rigorously).
    public func isMet(by verdict: Verdict) -> Bool {
        switch self {
        case .pass: return verdict.holds
        case .fail: return verdict.isViolation
        case .inconclusive: return verdict == .inconclusive
        }
    }

    /// Whether a claim's verdict (`Verdict.aggregate(_:complete:)`) meets this expectation: never when the run was
    /// cut short, unless an instance already refuted the claim.
    public func isMet(by verdict: Verdict, complete: Bool) -> Bool {
        complete || verdict.isViolation ? isMet(by: verdict) : false
    }
}
