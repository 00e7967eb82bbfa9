import MultiPrecision

/// Runs one instance: exact kinds once, rounded kinds through `PrecisionEscalation`; turns errors, timeouts and
/// non-finite results into ERROR outcomes.
public enum InstanceRunner {
    /// Runs `instance` of a claim of `kind`.
    ///
    /// - Returns: the outcome, or `nil` when the run was cancelled (Ctrl-C) before the instance finished.
    public static func run(kind: any ClaimKind, instance: InstanceSpec, numerics: NumericsSettings,
                           timeout: Duration?, progressKey: String? = nil) -> InstanceOutcome? {
        let clock = ContinuousClock()
        let began = clock.now
        var context = EvaluationContext(precision: nil, tolerance: numerics.tolerance, timeout: timeout)
        context.progressKey = progressKey
        defer { if let progressKey { ProgressBoard.shared.remove(progressKey) } }
        func errorOutcome(_ message: String, precision: Int?) -> InstanceOutcome {
            InstanceOutcome(instance: instance, verdict: .error, precisionBits: precision, margin: nil, measurements: [],
                            attempts: [], location: nil, message: message, statistics: [:],
                            seconds: (clock.now - began).seconds)
        }
        if numerics.rigorous, kind is any RigorousClaimKind {
            do {
                if let run = try RigorousRunner.run(kind: kind, instance: instance, numerics: numerics, context: context) {
                    return RigorousRunner.outcome(instance: instance, attempts: run.attempts, last: run.last, bits: run.bits,
                                                  maxPrecision: numerics.maxPrecision, seconds: (clock.now - began).seconds)
                }
            } catch EvaluationInterruption.cancelled {
                return nil
            } catch {
                if Task.isCancelled { return nil }
                return errorOutcome(String(describing: error), precision: numerics.precision)
            }
        }
        let attempts: [PrecisionEscalation.Attempt]
        do {
            // A statistical kind is evaluated once, whatever its arithmetic: each draw carries its own error estimate.
            if kind.arithmetic == .exact || kind is any StatisticalClaimKind {
                attempts = try PrecisionEscalation.runExact { try kind.evaluate(instance.parameters, context: context) }
            } else {
                let escalation = PrecisionEscalation(start: numerics.precision, cap: numerics.maxPrecision,
                                                     guardBits: numerics.guardBits)
                attempts = try escalation.run { bits in
                    var atBits = context
                    atBits.precision = bits
                    return try kind.evaluate(instance.parameters, context: atBits)
                }
            }
        } catch EvaluationInterruption.cancelled {
            return nil
        } catch {
            if Task.isCancelled { return nil }
            return errorOutcome(String(describing: error), precision: kind.arithmetic == .exact ? nil : numerics.precision)
        }
        let last = attempts[attempts.count - 1]
        let summaries = attempts.map { attempt in
            AttemptSummary(precisionBits: attempt.precision, verdict: attempt.verdict,
                           margin: attempt.estimate.working.margin.decimalText,
                           error: attempt.estimate.marginError.map { $0.scientific(significantDigits: 3, rounding: .up) } ?? "0",
                           seconds: attempt.seconds)
        }
        var working = last.estimate.working
        var message: String?
        let undecided = last.estimate.undecidedConditions
        if !last.estimate.hypotheses.isEmpty {
            let violated = last.estimate.hypotheses.filter { $0.verdict == .fail }
            working.statistics["hypotheses"] = violated.isEmpty ? (undecided.isEmpty ? "hold" : "undecided") : "fail"
        }
        for condition in last.estimate.hypotheses { working.statistics["hypothesis " + condition.condition.name] = condition.state }
        for condition in last.estimate.branches { working.statistics["branch " + condition.condition.name] = condition.state }
        let unreliable = last.estimate.unreliable
        if let bits = last.estimate.crossCheckPrecision {
            working.statistics["error estimate cross-checked at"] = "\(bits) bits"
                + (unreliable.isEmpty ? " (converges)" : " (unreliable)")
        }
        if last.verdict == .inconclusive, unreliable.contains(where: \.decides) {
            message = "error estimate unreliable (" + unreliable.filter(\.decides).map(\.summary).joined(separator: " | ")
                + ") at every precision up to \(numerics.maxPrecision) bits: the run loses digits faster than the "
                + "guard bits add them, as chaotic runs do (raise max_precision or --max-precision)"
        } else if last.verdict == .error {
            message = "a non-finite margin (\(working.margin.decimalText)): the computation diverged or overflowed"
        } else if last.verdict == .inconclusive, !undecided.isEmpty {
            message = "a hypothesis or branch condition is within its error estimate at every precision up to "
                + "\(numerics.maxPrecision) bits: " + undecided.map(\.summary).joined(separator: "; ")
                + " (raise max_precision or --max-precision)"
        } else if last.verdict == .inconclusive {
            message = "the margin is within its error estimate at every precision up to \(numerics.maxPrecision) bits "
                + "(raise max_precision or --max-precision)"
        }
        let unreliableQuantities = unreliable.filter { !$0.decides }
        if !unreliableQuantities.isEmpty {
            let names = unreliableQuantities.prefix(3).map(\.name) + (unreliableQuantities.count > 3 ? ["…"] : [])
            let note = "error estimate unreliable for \(unreliableQuantities.count) reported "
                + (unreliableQuantities.count == 1 ? "quantity" : "quantities") + ", not to be trusted: "
                + names.joined(separator: " | ")
                + (unreliable.contains(where: \.decides) ? "" : " (the margin's estimate passed the check)")
            message = message.map { $0 + "; " + note } ?? note
        }
        var outcome = InstanceOutcome(
            instance: instance, verdict: last.verdict, precisionBits: last.precision,
            margin: Measurement(name: "margin", value: working.margin.decimalText, error: summaries.last!.error,
                                exact: working.margin.exactText),
            measurements: last.estimate.measurements, attempts: summaries, location: working.location,
            message: message, statistics: working.statistics, seconds: (clock.now - began).seconds,
            series: working.series)
        outcome.evidence = working.evidence
        if numerics.rigorous { RigorousRunner.markOrdinary(&outcome, kind: kind) }
        return outcome
    }
}
