import MultiPrecision

/// Brackets the critical value of a scalar parameter by bisection in exact rationals: checks the stated pass and
/// fail ends, then the midpoint of the bracket, moving the pass end on PASS and the fail end on FAIL, until the
/// width is reached. A point that is neither (INCONCLUSIVE, ERROR, NOT APPLICABLE) stops the bisection and is
/// reported as it is; it is never counted as either side.
///
/// The two stated ends run at the same time under `jobs ≥ 2`; the midpoints are sequential, so the bracket does not
/// depend on the number of jobs.
public enum ThresholdBisection {
    /// Runs the bisection of `claim` (which must have a `[threshold]`).
    public static func run(_ claim: ClaimSpec, kind: any ClaimKind, numerics: NumericsSettings, timeout: Duration? = nil,
                           jobs: Int = 1, replayFolder: String? = nil) async -> ClaimOutcome {
        guard let threshold = claim.threshold, let base = claim.instances.first else {
            return ClaimOutcome(claim: claim, instances: [])
        }
        func instance(_ value: Rational) -> InstanceSpec {
            var values = base.parameters.values
            values[threshold.parameter] = .rational(value)
            let changed = InstanceParameters(values: values, order: base.parameters.order)
            return InstanceSpec(index: 0, parameters: SearchedInstance.rebuilt(changed, from: base.parameters, kind: kind) ?? changed)
        }
        func check(_ values: [Rational]) async -> [ThresholdOutcome.Point]? {
            var points: [ThresholdOutcome.Point] = []
            var runnable: [(Int, InstanceSpec)] = []
            for (i, value) in values.enumerated() {
                let spec = instance(value)
                do {
                    try kind.validate(spec.parameters)
                    runnable.append((i, spec))
                } catch {
                    points.append(ThresholdOutcome.Point(value: value, outcome: InstanceOutcome(
                        instance: spec, verdict: .error, precisionBits: nil, margin: nil, measurements: [], attempts: [],
                        location: nil, message: "\(threshold.parameter) = \(value): \(error.problem)", statistics: [:], seconds: 0)))
                }
            }
            var outcomes: [InstanceOutcome?] = []
            if jobs >= 2 {
                outcomes = await ParallelInstances.run(runnable.map(\.1), kind: kind, numerics: numerics, timeout: timeout)
            } else {
                for (_, spec) in runnable { outcomes.append(InstanceRunner.run(kind: kind, instance: spec, numerics: numerics, timeout: timeout)) }
            }
            for (k, (i, _)) in runnable.enumerated() {
                guard let outcome = outcomes[k] else { return nil }
                points.append(ThresholdOutcome.Point(value: values[i], outcome: outcome))
            }
            return points.sorted { a, b in values.firstIndex(of: a.value)! < values.firstIndex(of: b.value)! }
        }

        var cancelled = false
        var result: ThresholdOutcome?
        if let ends = await check([threshold.pass, threshold.fail]) {
            var outcome = ThresholdOutcome(parameter: threshold.parameter, targetWidth: threshold.width, passEnd: ends[0],
                                           failEnd: ends[1], points: ends, undecided: nil)
            if ends[0].outcome.verdict.holds && ends[1].outcome.verdict.isViolation {
                while outcome.width > threshold.width && !Task.isCancelled {
                    let middle = (outcome.passEnd.value + outcome.failEnd.value) / 2
                    guard let point = await check([middle])?.first else { cancelled = true; break }
                    outcome.points.append(point)
                    switch point.outcome.verdict {
                    case .pass, .proved: outcome.passEnd = point
                    case .fail, .disproved: outcome.failEnd = point
                    default: outcome.undecided = point
                    }
                    if outcome.undecided != nil { break }
                }
            }
            result = outcome
        } else {
            cancelled = true
        }

        var reported = claim
        reported.instances = []
        var claimOutcome = ClaimOutcome(claim: reported, instances: [])
        claimOutcome.threshold = result
        if let result, !cancelled && !Task.isCancelled {
            let ends = [result.passEnd.outcome.verdict, result.failEnd.outcome.verdict]
            claimOutcome.verdict = result.isVerified ? .pass : (ends.contains(.error) ? .error : .inconclusive)
            if let replayFolder, result.failEnd.outcome.verdict.isViolation {
                let text = ReplayFile.text(claim: claim, kind: kind, parameters: result.failEnd.outcome.instance.parameters,
                                           numerics: numerics,
                                           note: "Replay of the fail end \(threshold.parameter) = \(result.failEnd.value) of the threshold bracket of \(claim.id) (known false)",
                                           expectation: .fail)
                claimOutcome.threshold?.replayFile = try? ReplayFile.write(text, named: ReplayFile.fileName(for: claim), in: replayFolder)
            }
        } else {
            claimOutcome.isComplete = false
            claimOutcome.verdict = .inconclusive
        }
        return claimOutcome
    }
}
