/// Shrinks a failing instance: tries the reductions of `ShrinkCandidates` in order and keeps the first that still
/// FAILs (a decided FAIL: the violation beyond its error estimate), then starts again from the smaller instance,
/// until no reduction fails or the evaluation limit is reached.
///
/// Candidates are evaluated `jobs` at a time but accepted in candidate order, and evaluations are counted as if
/// they ran one by one, so the minimal instance and the path are the same for any number of jobs.
public enum Shrinking {
    /// The minimal failing instance, the accepted reductions and the number of evaluations counted.
    public static func shrink(_ failing: InstanceOutcome, ranges: [SearchRange], kind: any ClaimKind,
                              numerics: NumericsSettings, timeout: Duration?, jobs: Int,
                              limit: Int) async -> (minimal: InstanceOutcome, steps: [ShrinkStep], evaluations: Int) {
        var current = failing
        var steps: [ShrinkStep] = []
        var evaluations = 0
        improving: while evaluations < limit && !Task.isCancelled {
            let candidates = ShrinkCandidates.candidates(of: current.instance.parameters, ranges: ranges).compactMap { candidate in
                SearchedInstance.rebuilt(candidate.parameters, from: current.instance.parameters, kind: kind)
                    .map { (change: candidate.change, parameters: $0) }
            }.filter { $0.parameters != current.instance.parameters && (try? kind.validate($0.parameters)) != nil }
            var next = 0
            while next < candidates.count && evaluations < limit {
                let count = min(max(1, jobs), candidates.count - next, limit - evaluations)
                let batch = Array(candidates[next..<(next + count)])
                let outcomes = await ParallelInstances.run(
                    batch.map { InstanceSpec(index: failing.instance.index, parameters: $0.parameters) },
                    kind: kind, numerics: numerics, timeout: timeout)
                if outcomes.contains(where: { $0 == nil }) { break improving }
                if let k = outcomes.firstIndex(where: { $0?.verdict.isViolation == true }) {
                    evaluations += k + 1
                    current = outcomes[k]!
                    steps.append(ShrinkStep(change: batch[k].change, margin: current.margin?.value ?? "?",
                                            error: current.margin?.error ?? "?"))
                    continue improving
                }
                evaluations += count
                next += count
            }
            break
        }
        return (current, steps, evaluations)
    }
}
