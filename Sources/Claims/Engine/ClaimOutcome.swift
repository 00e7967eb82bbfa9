/// The result of one claim: its instances' outcomes, the aggregated verdict, and whether it met its expectation.
public struct ClaimOutcome: Sendable {
    /// The claim.
    public var claim: ClaimSpec
    /// The outcomes of the instances that ran, sorted by instance index.
    public var instances: [InstanceOutcome]
    /// The aggregated verdict (`Verdict.aggregate`); INCONCLUSIVE when the run was interrupted before every instance
    /// ran and none failed.
    public var verdict: Verdict
    /// Whether every instance ran.
    public var isComplete: Bool
    /// The counterexample search, for a claim with `[search]`.
    public var search: SearchOutcome?
    /// The threshold bracket, for a claim with `[threshold]`.
    public var threshold: ThresholdOutcome?

    /// Aggregates instance outcomes.
    public init(claim: ClaimSpec, instances: [InstanceOutcome]) {
        self.claim = claim
        self.instances = instances.sorted { $0.instance.index < $1.instance.index }
        isComplete = instances.count == claim.instances.count
        verdict = Verdict.aggregate(instances.map(\.verdict), complete: isComplete)
    }

    /// Whether the verdict is what the claim file expects (PASS, or FAIL for `expect = "fail"`).
    public var metExpectation: Bool { claim.expectation.isMet(by: verdict, complete: isComplete) }

    /// The first failing instance, the counterexample.
    public var counterexample: InstanceOutcome? { instances.first { $0.verdict.isViolation } }
}
