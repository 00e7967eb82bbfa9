import MultiPrecision

/// The shared part of every statistical claim: its parameters, and the evaluation from per-seed measurements.
///
/// A statistical claim measures a quantity X on n realizations (seeds `first_seed` … `first_seed + n − 1`) and
/// asserts either
/// - `statistic = "probability"`: P(event) ≥ `claimed_probability`, where the event is X ≤ `event_threshold`
///   (or X ≥ it with `event_side = "at-least"`), decided per seed beyond its numerical error (a seed whose X is
///   within its error of the threshold counts against the claim on each side of the interval); the interval is
///   Clopper–Pearson;
/// - `statistic = "mean"`: E[X] ≤ `mean_at_most`, with X in the stated range [`range_lower`, `range_upper`]
///   (checked on every seed: a value outside makes the instance NOT APPLICABLE, since the bound's hypothesis
///   fails); the interval is Hoeffding's or the empirical Bernstein bound, widened by the largest per-seed error.
public struct StatisticalClaim: Sendable {
    /// What is claimed: a probability or a mean.
    enum Statistic: String, ParameterChoice { case probability, mean }
    /// The side of the event X ≤ t (`at-most`) or X ≥ t (`at-least`).
    enum EventSide: String, ParameterChoice { case atMost = "at-most", atLeast = "at-least" }
    /// The concentration bound for means.
    enum MeanBound: String, ParameterChoice { case empiricalBernstein = "empirical-bernstein", hoeffding }

    static let seedCount = Parameter<Int>("seeds", .check, 1...100_000, default: 50,
                                          help: "the number n of realizations (seeds first_seed … first_seed + n − 1)")
    static let firstSeed = Parameter<Int>("first_seed", .check, 0...(1 << 53), default: 1,
                                          help: "the first seed of the realizations")
    static let statistic = Parameter<Statistic>("statistic", .check, default: .probability, variable: false,
        help: "\"probability\": P(event) ≥ claimed_probability (Clopper–Pearson); \"mean\": E[X] ≤ mean_at_most (Hoeffding or empirical Bernstein)")
    static let claimedProbability = Parameter<Rational>.positive("claimed_probability", .check,
        default: Rational(numerator: 9, denominator: 10), help: "the claimed lower bound p on P(event), in (0, 1]")
    /// The event's threshold; each kind states its default and help (`parameters(defaultThreshold:thresholdHelp:)`).
    static let eventThreshold = Parameter<Rational>("event_threshold", .check, default: 0,
                                                    help: "the threshold t of the event X ≤ t")
    static let eventSide = Parameter<EventSide>("event_side", .check, default: .atMost, variable: false,
        help: "the event is X ≤ event_threshold (\"at-most\") or X ≥ event_threshold (\"at-least\")")
    static let meanAtMost = OptionalParameter<Rational>("mean_at_most", .check,
        help: "for statistic = \"mean\": the claimed bound b in E[X] ≤ b")
    static let rangeLower = OptionalParameter<Rational>("range_lower", .check,
        help: "for statistic = \"mean\": the stated lower end of X's range (checked on every seed)")
    static let rangeUpper = OptionalParameter<Rational>("range_upper", .check,
        help: "for statistic = \"mean\": the stated upper end of X's range (checked on every seed)")
    static let meanBound = Parameter<MeanBound>("mean_bound", .check, default: .empiricalBernstein, variable: false,
        help: "the concentration bound for means: \"empirical-bernstein\" (Maurer–Pontil 2009) or \"hoeffding\"")
    static let confidence = Parameter<Rational>.positive("confidence", .check,
        default: Rational(numerator: 95, denominator: 100),
        help: "the confidence level 1 − δ of the two-sided interval, in (0, 1)")
    static let workingPrecision = Parameter<Int>("working_precision", .check, 24...4096, default: 128,
        help: "the precision p in bits of every realization (each also runs at p + 64 bits for its error estimate)")

    /// The shared parameters (section `check`), with the kind's default event threshold.
    public static func parameters(defaultThreshold: Rational, thresholdHelp: String) -> [ParameterSpec] {
        ParameterSpec.list(seedCount, firstSeed, statistic, claimedProbability,
                           eventThreshold.withDefault(defaultThreshold, help: thresholdHelp), eventSide, meanAtMost,
                           rangeLower, rangeUpper, meanBound, confidence, workingPrecision)
    }

    /// The stated range [range_lower, range_upper] of X, for means (`validate` has checked that both are given).
    static func range(_ p: InstanceParameters) -> ClosedRange<Rational>? {
        guard let lower = p[rangeLower], let upper = p[rangeUpper], lower < upper else { return nil }
        return lower...upper
    }

    /// Checks the statistical parameters of an instance.
    public static func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        if p[confidence] >= 1 {
            throw ParameterProblem(key: "confidence", .outOfRange(value: "\(p[confidence])", allowed: "0 < confidence < 1"))
        }
        if p[claimedProbability] > 1 {
            throw ParameterProblem(key: "claimed_probability",
                                   .outOfRange(value: "\(p[claimedProbability])", allowed: "0 < p ≤ 1"))
        }
        guard p[statistic] == .mean else { return }
        for parameter in [meanAtMost, rangeLower, rangeUpper] where !p.has(parameter) {
            throw ParameterProblem(key: parameter.spec.name, .invalidValue("statistic = \"mean\" needs mean_at_most, range_lower and range_upper (the bounds need a stated range)"))
        }
        if range(p) == nil {
            throw ParameterProblem(key: "range_upper", .invalidValue("range_upper must exceed range_lower"))
        }
    }

    /// The seeds of an instance.
    public static func seeds(_ p: InstanceParameters) -> [UInt64] {
        let first = UInt64(p[firstSeed]), n = UInt64(p[seedCount])
        return (0..<n).map { first + $0 }
    }

    /// The precision of every realization.
    public static func precision(_ p: InstanceParameters) -> Int { p[workingPrecision] }

    /// Measures X on every seed (at p and p + 64 bits) and decides the claim.
    ///
    /// - Parameters:
    ///   - p: the instance's parameters (`first_seed`, `seeds`, `working_precision`, `confidence`, the bound).
    ///   - context: the instance's evaluation context (its deadline and progress key).
    ///   - quantity: the name of X in the report (`L(W_K) − L*`).
    ///   - extraQuantities: further quantities to report beside the statistics of X.
    ///   - extra: further statistics lines for the report, by label.
    ///   - evaluate: X for one seed at the task-local precision.
    public static func evaluate(_ p: InstanceParameters, context: EvaluationContext, quantity: String,
                                extraQuantities: [Quantity] = [], statistics extra: [String: String] = [:],
                                _ evaluate: (UInt64) throws -> BigFloat) throws -> Evaluation {
        let measurements = try MonteCarloRun.measure(seeds: seeds(p), precision: precision(p), guardBits: 64,
                                                     context: context, evaluate)
        return decide(p, measurements: measurements, quantity: quantity, extraQuantities: extraQuantities,
                      statistics: extra)
    }

    /// The evaluation of measured seeds (separate from `evaluate` so that tests can feed measurements directly).
    public static func decide(_ p: InstanceParameters, measurements: [SeedMeasurement], quantity: String,
                              extraQuantities: [Quantity] = [], statistics extra: [String: String] = [:],
                              intervalHook: (ConfidenceInterval) -> ConfidenceInterval = { $0 }) -> Evaluation {
        let confidence = p[Self.confidence]
        let n = measurements.count
        let finite = measurements.compactMap { m in m.value.map { (seed: m.seed, value: $0) } }
        let diverged = measurements.filter { $0.value == nil }.map(\.seed)
        let worstError = measurements.map(\.error).max() ?? 0
        var quantities = extraQuantities
        var statistics = extra
        statistics["seeds"] = "\(n) (\(measurements.first.map { "\($0.seed)" } ?? "") … \(measurements.last.map { "\($0.seed)" } ?? ""))"
        statistics["confidence"] = "\(confidence)"
        if !diverged.isEmpty { statistics["diverged seeds"] = diverged.prefix(10).map(String.init).joined(separator: ", ") }
        var series: [Series] = []
        let errorBound = BigFloat(worstError, precision: 64, rounding: .up)
        if !finite.isEmpty {
            let distribution = SampleDistribution(samples: finite)
            // The names do not depend on the seeds; the seed of each quantile is a statistics line.
            for (label, _, value) in distribution.quantileSummary {
                quantities.append(Quantity("\(quantity): \(label)", .rounded(BigFloat(value, precision: 64)), methodError: errorBound))
            }
            statistics["quantile seeds"] = distribution.quantileSummary.map { "\($0.label) \($0.seed)" }.joined(separator: ", ")
            let extremes = distribution.extremeSeeds(3)
            statistics["smallest seeds"] = extremes.smallest.map(String.init).joined(separator: ", ")
            statistics["largest seeds"] = extremes.largest.map(String.init).joined(separator: ", ")
            series.append(distribution.histogram(name: "histogram", label: quantity))
        }
        // An error estimate is itself known only to its order of magnitude: it measures this computation's
        // rounding and truncation (a change of step sequence or rounding order moves it), not a fixed number of the
        // mathematics, so it carries itself as its uncertainty.
        quantities.append(Quantity("largest per-seed error (κ·|X_p − X_{p+64}|)", .rounded(errorBound),
                                   methodError: errorBound))

        let decision: StatisticalVerdict
        let needed: Int?
        if p[statistic] == .mean, let range = Self.range(p), let meanAtMost = p[Self.meanAtMost] {
            // The stated range is a hypothesis of the bound: every realization must lie in it, errors included.
            let outside = measurements.first { m in
                guard let v = m.value else { return true }
                return v - m.error < range.lowerBound || v + m.error > range.upperBound
            }
            if let outside {
                // The hypothesis as a condition: its margin is minus the distance by which the realization (widened
                // by its error) leaves the range; decided exactly, since the error is already inside it.
                let excess: Rational = outside.value.map { v in
                    Swift.max(range.lowerBound - (v - outside.error), (v + outside.error) - range.upperBound)
                } ?? Rational(1)
                let inRange = Condition("every realization lies in [\(range.lowerBound), \(range.upperBound)]",
                                        .exact(-excess))
                return Evaluation(quantities: quantities, margin: .exact(0),
                                  location: "seed \(outside.seed): X = \(outside.value.map { BigFloat($0, precision: 64).description } ?? "non-finite") is outside the stated range [\(range.lowerBound), \(range.upperBound)], so the concentration bound does not apply",
                                  statistics: statistics, hypotheses: [inRange], series: series)
            }
            let values = finite.map(\.value)
            let useHoeffding = p[meanBound] == .hoeffding || n < 2
            func interval(_ values: [Rational]) -> ConfidenceInterval {
                useHoeffding ? HoeffdingBound.interval(values, range: range, confidence: confidence)
                    : EmpiricalBernsteinBound.interval(values, range: range, confidence: confidence, sampleError: worstError)
            }
            let base = intervalHook(interval(values).widened(by: worstError, within: range))
            decision = StatisticalVerdict(interval: base, claim: .atMost(meanAtMost))
            let mean = values.reduce(Rational(0), +) / Rational(n)
            quantities.append(Quantity("mean of \(quantity)", .rounded(BigFloat(mean, precision: 64)), methodError: errorBound))
            let gap = (mean - decision.claim.threshold) < 0 ? decision.claim.threshold - mean : mean - decision.claim.threshold
            needed = decision.verdict == .inconclusive
                ? HoeffdingBound.samplesNeeded(gap: gap - worstError, rangeLength: range.upperBound - range.lowerBound, confidence: confidence)
                : nil
            statistics["interval"] = base.method
        } else {
            let threshold = p[eventThreshold]
            let atLeast = p[eventSide] == .atLeast
            var yes = 0, undecided = 0
            for m in measurements {
                guard let v = m.value else {                  // a diverged run: X = +∞
                    if atLeast { yes += 1 }
                    continue
                }
                let margin = atLeast ? v - threshold : threshold - v
                if margin > m.error { yes += 1 } else if margin >= -m.error { undecided += 1 }
            }
            // Undecided seeds count as failures for the lower end and as successes for the upper end.
            let low = ClopperPearson.interval(successes: yes, trials: n, confidence: confidence)
            let high = ClopperPearson.interval(successes: yes + undecided, trials: n, confidence: confidence)
            let combined = intervalHook(ConfidenceInterval(lower: low.lower, upper: high.upper, confidence: confidence,
                                                           method: "Clopper–Pearson"))
            decision = StatisticalVerdict(interval: combined, claim: .atLeast(p[claimedProbability]))
            quantities.append(Quantity("seeds in the event (\(quantity) beyond event_threshold)", .exact(Rational(yes))))
            quantities.append(Quantity("undecided seeds (within their error of the threshold)", .exact(Rational(undecided))))
            quantities.append(Quantity("observed frequency", .exact(Rational(yes) / Rational(n))))
            let estimate = Rational(yes) / Rational(n), target = decision.claim.threshold
            needed = decision.verdict == .inconclusive && estimate != target
                ? StatisticalVerdict.seedsNeeded(current: n, cap: 1 << 16) { count in
                    let x = estimate * Rational(count) + Rational(numerator: 1, denominator: 2)
                    let k = min(count, Int(exactly: x.numerator / x.denominator) ?? count)      // ⌊p̂·n′ + 1/2⌋
                    let i = ClopperPearson.interval(successes: k, trials: count, confidence: confidence)
                    return i.lower >= target || i.upper < target
                }
                : nil
            statistics["interval"] = "Clopper–Pearson"
        }
        quantities.append(Quantity("confidence interval: lower", .exact(decision.interval.lower)))
        quantities.append(Quantity("confidence interval: upper", .exact(decision.interval.upper)))
        let what = p[statistic] == .mean ? "E[\(quantity)] \(decision.claim.text)"
                                                    : "P(event) \(decision.claim.text)"
        var location = "\(what): interval [\(BigFloat(decision.interval.lower, precision: 64, rounding: .down).scientific(significantDigits: 6, rounding: .down)), \(BigFloat(decision.interval.upper, precision: 64, rounding: .up).scientific(significantDigits: 6, rounding: .up))] (\(decision.interval.method), n = \(n))"
        if decision.verdict == .inconclusive {
            location += needed.map { "; about \($0) seeds would decide it if the estimate stays" }
                ?? "; the estimate sits on the threshold: no number of seeds would decide it"
            statistics["seeds needed"] = needed.map(String.init) ?? "unbounded"
        }
        return Evaluation(quantities: quantities, margin: .exact(decision.margin), location: location,
                          statistics: statistics, series: series,
                          marginMethodError: decision.marginError.map { BigFloat($0, precision: 64, rounding: .up) })
    }
}

extension StatisticalClaim {
    /// What a statistical claim checks, in words, for `quantity` X over the instance's seeds: the event or mean, the
    /// bound behind the interval, and the confidence.
    static func checkedDescription(_ p: InstanceParameters, quantity: String) -> String {
        let seeds = p.written(seedCount, absent: "n"), confidence = p.written(Self.confidence, absent: "the stated")
        if p[statistic] == .mean {
            let bound = p[meanBound] == .hoeffding ? "Hoeffding" : "empirical-Bernstein (Maurer–Pontil)"
            return "E[\(quantity)] ≤ \(p.written(meanAtMost, absent: "b")): the whole \(bound) interval at confidence "
                + "\(confidence) over \(seeds) seeds, widened by the per-seed rounding error, lies below the bound"
        }
        let side = p[eventSide] == .atLeast ? "≥" : "≤"
        return "P(\(quantity) \(side) \(p.written(eventThreshold, absent: "the threshold"))) ≥ "
            + "\(p.written(claimedProbability, absent: "p")): the whole Clopper–Pearson interval at confidence \(confidence) "
            + "over \(seeds) seeds (undecided seeds counted against the claim) lies above p"
    }
}
