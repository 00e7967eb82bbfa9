/// Locates the first violation that exceeds its error estimate along a failing run, for kinds whose runs have a
/// number of steps (`steps`): the run is cut after k steps, k = 1, 2, …, and the first k whose check FAILs is the
/// step of the first decided violation. On a long or chaotic run the smallest margin (the place a kind reports) can
/// lie where the two precisions no longer agree; the first decided violation is the place that is resolved.
///
/// The cut runs repeat the prefix of the full run exactly (same arithmetic, same precision), so the scan costs at
/// most `limit` evaluations; when the run is longer, the scan stops and says so.
public enum FirstViolation {
    /// The most cut runs checked.
    public static let limit = 64

    /// A sentence naming the first step whose violation is decided, or `nil` when the instance has no `steps`.
    public static func statement(for failing: InstanceOutcome, kind: any ClaimKind, numerics: NumericsSettings,
                                 timeout: Duration?, jobs: Int) async -> String? {
        guard case let .integer(steps)? = failing.instance.parameters.values["steps"], steps > 1,
              kind.parameters.contains(where: { $0.name == "steps" }) else { return nil }
        var previous = ""
        var k = 1
        while k < steps && k <= limit {
            let batch = Array(k..<min(steps, k + max(1, jobs), limit + 1))
            let instances = batch.compactMap { cut -> InstanceSpec? in
                var values = failing.instance.parameters.values
                values["steps"] = .integer(cut)
                let parameters = InstanceParameters(values: values, order: failing.instance.parameters.order)
                guard (try? kind.validate(parameters)) != nil else { return nil }
                return InstanceSpec(index: failing.instance.index, parameters: parameters)
            }
            guard instances.count == batch.count else { return nil }
            let outcomes = await ParallelInstances.run(instances, kind: kind, numerics: numerics, timeout: timeout)
            for (cut, outcome) in zip(batch, outcomes) {
                guard let outcome else { return nil }
                if outcome.verdict.isViolation {
                    return "the first violation beyond its error estimate is at step \(cut) of \(steps): the run cut after "
                        + "\(cut) step\(cut == 1 ? "" : "s") FAILs (margin \(outcome.margin.map { "\($0.value) ± \($0.error)" } ?? "?")"
                        + (outcome.location.map { " at \($0)" } ?? "") + ")"
                        + (cut > 1 ? ", after \(cut - 1) it is \(previous)" : "")
                }
                previous = outcome.verdict.rawValue
            }
            k = batch.last! + 1
        }
        if k > limit && k < steps { return "no decided violation in the first \(limit) steps (the scan stops there)" }
        return "the first violation beyond its error estimate is at step \(steps), the last (the run cut after \(steps - 1) "
            + "steps is \(previous))"
    }
}
