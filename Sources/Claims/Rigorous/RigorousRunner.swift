import MultiPrecision

/// Runs one instance in rigorous mode and turns the result into an outcome:
/// - a `RigorousClaimKind` is evaluated in balls at the working precision; an undecided result restarts at twice
///   the precision, up to `max_precision`, after which the verdict is INCONCLUSIVE naming the place where the
///   enclosure became too wide;
/// - an exact kind's verdict is already rigorous (Rational arithmetic): PASS is reported as PROVED, FAIL as
///   DISPROVED;
/// - any other kind runs as usual and is marked "not available rigorously".
enum RigorousRunner {
    /// The mark of an instance whose kind has no rigorous mode.
    static let notAvailable = "not available rigorously"

    /// Runs `kind` rigorously; `nil` when it has no rigorous evaluation (the caller runs it as usual).
    static func run(kind: any ClaimKind, instance: InstanceSpec, numerics: NumericsSettings,
                    context: EvaluationContext) throws -> (attempts: [AttemptSummary], last: RigorousEvaluation, bits: Int)? {
        guard let rigorous = kind as? any RigorousClaimKind,
              rigorous.rigorousUnavailability(instance.parameters) == nil else { return nil }
        var bits = numerics.precision
        var attempts: [AttemptSummary] = []
        let clock = ContinuousClock()
        while true {
            let began = clock.now
            var atBits = context
            atBits.precision = bits
            let evaluation = try withPrecision(bits) { try rigorous.evaluateRigorously(instance.parameters, context: atBits) }
            let verdict = verdict(of: evaluation.decision)
            attempts.append(AttemptSummary(precisionBits: bits, verdict: verdict, margin: evaluation.margin.midpointText,
                                           error: evaluation.margin.radiusText, seconds: (clock.now - began).seconds))
            guard case .undecided = evaluation.decision, bits * 2 <= numerics.maxPrecision else {
                return (attempts, evaluation, bits)
            }
            bits *= 2
        }
    }

    /// In rigorous mode, an instance that ran the ordinary way: an exact kind's PASS and FAIL are rigorous already
    /// (Rational arithmetic) and become PROVED and DISPROVED; any other kind is marked "not available rigorously".
    /// A statistical kind is never promoted: its verdict is a confidence statement, even over exact draws.
    static func markOrdinary(_ outcome: inout InstanceOutcome, kind: any ClaimKind) {
        guard kind.arithmetic == .exact, !(kind is any StatisticalClaimKind) else {
            outcome.statistics["mode"] = notAvailable
            let reason = (kind as? any RigorousClaimKind)?.rigorousUnavailability(outcome.instance.parameters)
            outcome.message = [notAvailable + (reason.map { " (\($0))" } ?? "") + ": an ordinary check (numerical evidence)",
                               outcome.message]
                .compactMap { $0 }.joined(separator: "; ")
            return
        }
        switch outcome.verdict {
        case .pass: outcome.verdict = .proved
        case .fail: outcome.verdict = .disproved
        default: break
        }
        outcome.statistics.merge(Rigor.exactRational.statistics) { a, _ in a }
        outcome.statistics["mode"] = "rigorous (exact rational arithmetic)"
        outcome.message = [Rigor.exactRational.summary, outcome.message].compactMap { $0 }.joined(separator: "; ")
    }

    /// `claim` as a rigorous run describes it: the `checked:` lines say what is enclosed and decided in balls,
    /// for the instances that run rigorously (the others keep their ordinary description).
    static func describingRigorousChecks(_ claim: ClaimSpec, numerics: NumericsSettings, kind: (any ClaimKind)?) -> ClaimSpec {
        guard numerics.rigorous, let rigorous = kind as? any RigorousClaimKind else { return claim }
        var seen = Set<String>()
        let lines = claim.instances.compactMap { instance -> String? in
            guard rigorous.rigorousUnavailability(instance.parameters) == nil else {
                return rigorous.checked(instance.parameters).map { "\($0) (\(notAvailable))" }
            }
            return rigorous.rigorousChecked(instance.parameters).map { "in balls: " + $0 } ?? rigorous.checked(instance.parameters)
        }.filter { seen.insert($0).inserted }
        var described = claim
        if !lines.isEmpty { described.checked = lines }
        return described
    }

    /// PROVED, DISPROVED or INCONCLUSIVE.
    static func verdict(of decision: RigorousEvaluation.Decision) -> Verdict {
        switch decision {
        case .proved: .proved
        case .disproved: .disproved
        case .undecided: .inconclusive
        }
    }

    /// The outcome of a rigorous run.
    static func outcome(instance: InstanceSpec, attempts: [AttemptSummary], last: RigorousEvaluation, bits: Int,
                        maxPrecision: Int, seconds: Double) -> InstanceOutcome {
        var message = last.rigor.summary
        if case let .undecided(place) = last.decision {
            message = "the enclosure became too wide to decide at \(place), at every precision up to \(maxPrecision) bits "
                + "(raise max_precision or --max-precision); " + message
        }
        var statistics = last.statistics.merging(last.rigor.statistics) { a, _ in a }
        statistics["mode"] = "rigorous (ball arithmetic, Arb)"
        let measurements = last.quantities.map {
            Measurement(name: $0.name, value: $0.value.midpointText, error: $0.value.radiusText)
        } + last.exactQuantities.map {
            Measurement(name: $0.name, value: QuantityValue.exact($0.value).decimalText,
                        error: "0", exact: $0.value.description)
        }
        return InstanceOutcome(
            instance: instance, verdict: verdict(of: last.decision), precisionBits: bits,
            margin: Measurement(name: "margin", value: last.margin.midpointText, error: last.margin.radiusText),
            measurements: measurements, attempts: attempts, location: last.location, message: message,
            statistics: statistics, seconds: seconds)
    }
}

extension Ball {
    /// The midpoint in decimal (the shortest text that reads back to it).
    var midpointText: String {
        midpoint.description
    }

    /// The radius (a rigorous bound on |number − midpoint| for the midpoint as stored; the decimal midpoint above
    /// adds at most one unit in its last digit), in three significant digits, rounded up.
    var radiusText: String {
        isFinite ? radius.scientific(significantDigits: 3, rounding: .up) : "inf"
    }
}
