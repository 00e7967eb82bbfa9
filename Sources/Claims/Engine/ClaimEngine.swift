/// Checks claims: runs every instance (in parallel up to `CheckOptions.jobs`), escalates precision where needed,
/// and aggregates verdicts per claim.
///
/// Results do not depend on the number of jobs: every random choice comes from the instance's own seed, each
/// instance runs alone at its own precision, and outcomes are sorted by claim and instance index.
///
/// Cancelling the calling task (Ctrl-C in the CLI) stops the run: instances in progress are abandoned, and the
/// result has `isComplete == false`, holding only what finished.
///
/// ```swift
/// let claims = try ClaimLoader().load(files: ["proofs/dln-gd-balancedness-step.toml"])
/// let result = await ClaimEngine().check(claims, options: CheckOptions(jobs: 2))
/// result.claims.map(\.verdict)          // [.pass]
/// ```
public struct ClaimEngine: Sendable {
    /// The claim kinds, by name.
    public var registry: ClaimKindRegistry

    /// Creates an engine for the kinds in `registry`.
    public init(registry: ClaimKindRegistry = .standard) {
        self.registry = registry
    }

    /// Checks `claims`, reporting progress to `progress` (called from one task, in order).
    ///
    /// - Parameters:
    ///   - claims: the claims to check, each with its instances.
    ///   - options: the run's precision and tolerance overrides, jobs and time limit.
    ///   - completed: outcomes from an earlier, interrupted run (`attest check --resume`), by claim id; those
    ///     instances (matched by index) are not run again but taken as they are. Matching them to the claims (same
    ///     parameters, same precision) is the caller's job.
    ///   - progress: called with each instance started and each claim finished.
    public func check(_ claims: [ClaimSpec], options: CheckOptions = CheckOptions(),
                      completed: [String: [InstanceOutcome]] = [:],
                      progress: (@Sendable (CheckProgress) -> Void)? = nil) async -> CheckResult {
        let claims = claims.map {   // rigorous runs say what they enclose
            RigorousRunner.describingRigorousChecks($0, numerics: options.numerics(for: $0), kind: self.registry.kind(named: $0.kind))
        }
        var outcomes: [[InstanceOutcome]] = claims.map { claim in
            let indices = Set(claim.instances.map(\.index))
            var seen = Set<Int>()
            return (completed[claim.id] ?? []).filter { indices.contains($0.instance.index) && seen.insert($0.instance.index).inserted }
        }
        let done = outcomes.map { Set($0.map(\.instance.index)) }
        let searched = Set(claims.indices.filter { claims[$0].search != nil || claims[$0].threshold != nil })
        let work = claims.indices.filter { !searched.contains($0) }.flatMap { c in
            claims[c].instances.indices.filter { !done[c].contains(claims[c].instances[$0].index) }.map { (claim: c, instance: $0) }
        }
        var remaining = claims.indices.map { claims[$0].instances.count - done[$0].count }
        var claimsDone = 0
        for c in claims.indices where remaining[c] == 0 && !claims[c].instances.isEmpty && !searched.contains(c) {
            claimsDone += 1
            progress?(.claimFinished(ClaimOutcome(claim: claims[c], instances: outcomes[c]), done: claimsDone,
                                     total: claims.count))
        }
        let registry = self.registry
        await withTaskGroup(of: (Int, InstanceOutcome?).self) { group in
            var next = 0
            func launch(_ group: inout TaskGroup<(Int, InstanceOutcome?)>) {
                let (c, i) = work[next]
                next += 1
                let claim = claims[c], instance = claim.instances[i]
                progress?(.instanceStarted(claimID: claim.id, index: instance.index, of: claim.instances.count,
                                           parameters: instance.parameters.reportEntries.map { "\($0.name)=\($0.value)" }
                                               .joined(separator: ", ")))
                let numerics = options.numerics(for: claim)
                group.addTask {
                    guard let kind = registry.kind(named: claim.kind) else {
                        return (c, InstanceOutcome(instance: instance, verdict: .error, precisionBits: nil, margin: nil,
                                                   measurements: [], attempts: [], location: nil,
                                                   message: "unknown claim kind \(claim.kind)", statistics: [:], seconds: 0))
                    }
                    if Task.isCancelled { return (c, nil) }
                    return (c, InstanceRunner.run(kind: kind, instance: instance, numerics: numerics,
                                                  timeout: options.timeout,
                                                  progressKey: "\(claim.id) #\(instance.index)"))
                }
            }
            while next < work.count && next < options.jobs { launch(&group) }
            for await (c, outcome) in group {
                if let outcome {
                    outcomes[c].append(outcome)
                    remaining[c] -= 1
                    progress?(.instanceFinished(claimID: claims[c].id, outcome: outcome))
                    if remaining[c] == 0 {
                        claimsDone += 1
                        progress?(.claimFinished(ClaimOutcome(claim: claims[c], instances: outcomes[c]),
                                                 done: claimsDone, total: claims.count))
                    }
                }
                if !Task.isCancelled && next < work.count { launch(&group) }
            }
        }
        var results = claims.indices.map { ClaimOutcome(claim: claims[$0], instances: outcomes[$0]) }
        for c in searched.sorted() where !Task.isCancelled {
            let what = claims[c].threshold != nil ? "threshold bisection" : "counterexample search"
            progress?(.instanceStarted(claimID: claims[c].id, index: 0, of: 1, parameters: what))
            results[c] = await searchOutcome(claims[c], options: options)
            remaining[c] = results[c].isComplete ? 0 : 1
            claimsDone += 1
            progress?(.claimFinished(results[c], done: claimsDone, total: claims.count))
        }
        return CheckResult(claims: results, isComplete: !Task.isCancelled && remaining.allSatisfy { $0 == 0 })
    }

    /// A claim with `[search]` or `[threshold]`: checked by its search or bisection.
    private func searchOutcome(_ claim: ClaimSpec, options: CheckOptions) async -> ClaimOutcome {
        guard let kind = registry.kind(named: claim.kind) else { return ClaimOutcome(claim: claim, instances: []) }
        let numerics = options.numerics(for: claim)
        if claim.threshold != nil {
            return await ThresholdBisection.run(claim, kind: kind, numerics: numerics, timeout: options.timeout,
                                                jobs: options.jobs, replayFolder: options.counterexampleFolder)
        }
        return await CounterexampleSearch.run(claim, kind: kind, numerics: numerics, timeout: options.timeout,
                                              jobs: options.jobs, replayFolder: options.counterexampleFolder)
    }
}

/// The result of a run: every claim's outcome, in the order the claims were given.
public struct CheckResult: Sendable {
    /// The claims' outcomes.
    public var claims: [ClaimOutcome]
    /// Whether every instance of every claim ran (false after Ctrl-C).
    public var isComplete: Bool

    /// Creates a result.
    public init(claims: [ClaimOutcome], isComplete: Bool) {
        self.claims = claims
        self.isComplete = isComplete
    }

    /// Whether every claim met its expectation (the run then exits with status 0).
    public var allMetExpectations: Bool { isComplete && claims.allSatisfy(\.metExpectation) }
}
