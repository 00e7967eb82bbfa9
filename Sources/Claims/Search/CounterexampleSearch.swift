/// Checks a claim with a `[search]` table: draws random instances around its base instance, stops at the first
/// FAIL (the one with the smallest draw index, whichever finished first), shrinks it, and writes its replay file.
///
/// With a count budget (`draws = N`) the result is the same for any number of jobs: draws are launched in index
/// order, a FAIL at index i stops new launches, the draws below i (all launched already) are awaited, and draws
/// above i are discarded. A time budget (`seconds`) bounds the launches by the clock instead.
///
/// ```swift
/// let claim = try ClaimFileParser().parse(file: "proofs/search/dln-gd-conserves-balancedness-search.toml")
/// let outcome = await CounterexampleSearch.run(claim, kind: kind, numerics: claim.numerics, jobs: 2)
/// outcome.search?.minimal?.verdict      // .fail
/// ```
public enum CounterexampleSearch {
    /// Runs the search of `claim` (which must have one).
    ///
    /// - Parameters:
    ///   - claim: the claim, with its `[search]` table and its base instance.
    ///   - kind: the claim's kind, which runs every drawn instance.
    ///   - numerics: the working precision and tolerances of every run.
    ///   - timeout: the time limit of each drawn instance (`nil`: none).
    ///   - jobs: how many drawn instances run at once.
    ///   - replayFolder: where to write the replay file of a FAIL (`nil`: only its text is kept).
    public static func run(_ claim: ClaimSpec, kind: any ClaimKind, numerics: NumericsSettings, timeout: Duration? = nil,
                           jobs: Int = 1, replayFolder: String? = nil) async -> ClaimOutcome {
        guard let search = claim.search, let base = claim.instances.first else {
            return ClaimOutcome(claim: claim, instances: [])
        }
        let draws = SearchDraws(base: base.parameters, search: search, kind: kind)
        let clock = ContinuousClock()
        let began = clock.now
        let attemptLimit = (search.draws ?? SearchSpec.maximumDraws) * 20 + 100
        var attempt = 0
        var rejectedBefore: [Int] = []          // rejected attempts before each draw
        var rejected = 0
        var outcomes: [Int: InstanceOutcome] = [:]
        var firstFail: Int?
        var launched = 0
        var cancelled = false

        func nextDraw() -> InstanceSpec? {
            if let limit = search.draws, launched >= limit { return nil }
            if let seconds = search.seconds, (clock.now - began) >= .milliseconds(Int64(seconds * 1000)) { return nil }
            while attempt < attemptLimit {
                defer { attempt += 1 }
                if let parameters = draws.parameters(attempt: attempt) {
                    rejectedBefore.append(rejected)
                    launched += 1
                    return InstanceSpec(index: launched - 1, parameters: parameters)
                }
                rejected += 1
            }
            return nil
        }

        await withTaskGroup(of: (Int, InstanceOutcome?).self) { group in
            var inFlight = 0
            func launch(_ group: inout TaskGroup<(Int, InstanceOutcome?)>) {
                while inFlight < max(1, jobs) && firstFail == nil && !Task.isCancelled, let instance = nextDraw() {
                    inFlight += 1
                    group.addTask {
                        (instance.index, InstanceRunner.run(kind: kind, instance: instance, numerics: numerics, timeout: timeout))
                    }
                }
            }
            launch(&group)
            for await (index, outcome) in group {
                inFlight -= 1
                guard let outcome else { cancelled = true; continue }
                outcomes[index] = outcome
                if outcome.verdict.isViolation { firstFail = min(firstFail ?? index, index) }
                launch(&group)
            }
        }

        let counted = firstFail.map { $0 + 1 } ?? launched
        let kept = (0..<counted).compactMap { outcomes[$0] }
        var result = SearchOutcome(seed: search.seed, draws: counted, drawBudget: search.draws, secondsBudget: search.seconds,
                                   rejected: counted > 0 && counted <= rejectedBefore.count ? rejectedBefore[counted - 1] : rejected)
        var shown = kept
        if let firstFail, let failing = outcomes[firstFail], !cancelled {
            result.failingDraw = failing
            var minimal = failing
            if search.shrink {
                let shrunk = await Shrinking.shrink(failing, ranges: search.ranges, kind: kind, numerics: numerics,
                                                    timeout: timeout, jobs: jobs, limit: search.shrinkLimit)
                minimal = shrunk.minimal
                result.shrinkSteps = shrunk.steps
                result.shrinkEvaluations = shrunk.evaluations
            }
            result.minimal = minimal
            result.agreement = PrecisionAgreement.statement(for: minimal, guardBits: numerics.guardBits)
            result.firstViolation = await FirstViolation.statement(for: minimal, kind: kind, numerics: numerics,
                                                                   timeout: timeout, jobs: jobs)
            let note = "Replay of draw \(firstFail) of the search of \(claim.id) (seed \(search.seed))"
                + (result.shrinkSteps.isEmpty ? "" : ", shrunk in \(result.shrinkSteps.count) steps")
                + "; `attest check` on this file gives the same FAIL and the same margin."
            let text = ReplayFile.text(claim: claim, kind: kind, parameters: minimal.instance.parameters, numerics: numerics,
                                       note: note)
            result.replayText = text
            if let replayFolder {
                result.replayFile = try? ReplayFile.write(text, named: ReplayFile.fileName(for: claim), in: replayFolder)
            }
            shown = [minimal]
        }
        var reported = claim
        reported.instances = shown.map(\.instance)
        var outcome = ClaimOutcome(claim: reported, instances: shown)
        // No counterexample among the draws is evidence about the space searched, never a proof of the claim over
        // it, even when every drawn instance is PROVED (rigorous mode): the claim stays PASS.
        if outcome.verdict == .proved { outcome.verdict = .pass }
        if cancelled || Task.isCancelled {
            outcome.isComplete = false
            if !outcome.verdict.isViolation { outcome.verdict = .inconclusive }
        }
        outcome.search = result
        return outcome
    }
}
