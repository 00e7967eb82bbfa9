import MultiPrecision

/// The values of a run's sampled expressions: for every expression (by `SampledRun.id(of:)`) its value at every
/// sample, and for flows the time derivatives the monotone properties need.
struct SampledRun<Scalar: PropertyScalar> {
    /// The places, in order (t = 0 or k = 0 first).
    var places: [SamplePlace] = []
    /// Values by expression id, one per place.
    var values: [String: [ObservedValue<Scalar>]] = [:]
    /// d/dt values by expression id, one per place (flows).
    var derivatives: [String: [ObservedValue<Scalar>]] = [:]
    /// Where `stop_when` first held, if it did.
    var stop: SamplePlace?
    /// Integrator or iteration statistics.
    var statistics: [String: String] = [:]

    /// The id of an expression: its key and text.
    static func id(of source: SourceText) -> String { source.key + "\u{1F}" + source.text }

    /// The observations of `source`.
    func observations(_ source: SourceText) -> [Observation<Scalar>] {
        zip(places, values[Self.id(of: source)] ?? []).map { Observation(place: $0, value: $1) }
    }

    /// The values of `source`.
    func series(_ source: SourceText) -> [ObservedValue<Scalar>] { values[Self.id(of: source)] ?? [] }
}

/// Which expressions a run must sample for a document's properties (trend observables are sampled in their own
/// runs), and which need their time derivative along a flow.
enum SampledExpressions {
    /// The expressions to evaluate at every sample.
    static func values(_ document: ConjectureDocument) -> [SourceText] {
        var out: [SourceText] = []
        for property in document.properties {
            if case .trend = property.statement { continue }
            for e in property.expressions where !out.contains(e) { out.append(e) }
        }
        return out
    }

    /// The expressions whose d/dt along the flow is sampled (monotone properties of flows).
    static func derivatives(_ document: ConjectureDocument) -> [SourceText] {
        guard document.dynamics.isFlow else { return [] }
        return document.properties.compactMap {
            if case let .monotone(e, _, _) = $0.statement { return e }
            return nil
        }
    }

    /// The exact times a flow must be sampled at: 0, T/n, …, T and every `at` time.
    static func times(_ document: ConjectureDocument) -> [Rational] {
        guard let horizon = document.dynamics.horizon else { return [] }
        let n = document.dynamics.outputTimes
        var times = (0...n).map { horizon * Rational(numerator: BigInt($0), denominator: BigInt(n)) }
        for property in document.properties {
            if case let .at(_, _, _, .time(t)) = property.statement, !times.contains(t) { times.append(t) }
        }
        return times.sorted()
    }
}

/// Evaluates the document's properties on a sampled run with the shared property library.
enum PropertyAssembly {
    /// One property's outcome. `trendRuns` holds, for a trend, the end value of its observable for each listed
    /// parameter value.
    static func outcome<Scalar: PropertyScalar>(_ property: PropertyDeclaration, document: ConjectureDocument,
                                                run: SampledRun<Scalar>,
                                                trendRuns: [(value: Rational, result: ObservedValue<Scalar>)] = []) throws(PropertyError) -> PropertyOutcome {
        let label = property.label
        let relative = PropertyTolerance.relative(precision: document.precision)
        let stated = property.tolerance.map(PropertyTolerance.absolute)
        switch property.statement {
        case let .invariant(e, law):
            let invariant = InvariantProperty(label: label, observable: e.text, law: law?.text, tolerance: stated ?? relative)
            return try invariant.evaluate(run.observations(e), laws: law.map { run.series($0) })
        case let .monotone(e, direction, from):
            let monotone = MonotoneProperty(label: label, observable: e.text, direction: direction, from: from,
                                            tolerance: property.tolerance ?? 0)
            let rates = run.derivatives[SampledRun<Scalar>.id(of: e)]
            return try monotone.evaluate(run.observations(e),
                                         derivatives: rates.map { zip(run.places, $0).map { Observation(place: $0, value: $1) } })
        case let .bound(lhs, relation, rhs, atEnd):
            let bound = BoundProperty(label: label, lhs: lhs.text, relation: relation, rhs: rhs.text,
                                      scope: atEnd ? .atEnd : .along, tolerance: property.tolerance ?? 0)
            return try bound.evaluate(run.observations(lhs), run.series(rhs))
        case let .at(lhs, relation, rhs, place):
            let bound = BoundProperty(label: label, lhs: lhs.text, relation: relation, rhs: rhs.text, scope: .at(place),
                                      tolerance: property.tolerance ?? 0)
            return try bound.evaluate(run.observations(lhs), run.series(rhs))
        case let .limit(e, value, within, rate):
            let samples = run.observations(e)
            let targets = value.map { run.series($0) } ?? samples.map {
                ObservedValue(rows: $0.value.rows, columns: $0.value.columns,
                              entries: Array(repeating: Scalar(propertyValue: 0), count: $0.value.entries.count))
            }
            let limit = LimitProperty(label: label, observable: e.text, value: value?.text ?? "0", within: within, rate: rate?.text)
            return try limit.evaluate(samples, targets: targets, rates: rate.map { run.series($0) })
        case let .equal(a, b):
            return try EqualProperty(label: label, lhs: a.text, rhs: b.text, tolerance: stated ?? relative)
                .evaluate(run.observations(a), run.series(b))
        case let .trend(e, over, _, direction):
            return try TrendProperty(label: label, observable: e.text, parameter: over, direction: direction,
                                     tolerance: property.tolerance ?? 0).evaluate(trendRuns)
        }
    }

    /// The instance's evaluation: every property's outcome, the smallest margin and its place, the measurements
    /// (each property's, then the run's) and the series.
    static func evaluation(_ outcomes: [(PropertyDeclaration, PropertyOutcome)], extra: [Quantity],
                           statistics: [String: String], stop: SamplePlace?) -> Evaluation {
        precondition(!outcomes.isEmpty, "PropertyAssembly: a conjecture has at least one property")
        var worst = 0
        for i in outcomes.indices.dropFirst() where PropertyOutcome.isSmaller(outcomes[i].1.margin, than: outcomes[worst].1.margin) {
            worst = i
        }
        var statistics = statistics
        for (property, outcome) in outcomes { statistics["checked (\(property.label))"] = outcome.checked }
        if let stop { statistics["stopped (stop_when)"] = "\(stop)" }
        let (property, outcome) = outcomes[worst]
        let location = "\(property.label)" + (outcome.place.map { ": \($0)" } ?? "") + "; checked: \(outcome.checked)"
        return Evaluation(quantities: outcomes.flatMap(\.1.quantities) + extra, margin: outcome.margin,
                          location: location, statistics: statistics, series: outcomes.flatMap(\.1.series))
    }
}
