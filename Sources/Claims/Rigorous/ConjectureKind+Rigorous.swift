import Conjectures
import Foundation
import Dynamics
import MultiPrecision

/// `conjecture` in rigorous mode (`attest check --rigorous`, or `rigorous = true` in the file's [numerics]):
///
/// - a map (explicit, or gradient descent) is iterated in balls (`ConjectureBallMap`: the lowered program on Arb
///   registers, plain ball iteration), from the exact rational initial values;
/// - a flow whose rates use only products, sums, transposes, traces, rational scalings and natural powers is
///   integrated by validated Taylor steps (`ValidatedTaylorIntegrator`: Taylor coefficients in balls on the tape
///   the conjecture's rates are traced onto, a priori enclosure by interval Picard iteration, Lagrange remainder);
/// - every property expression is evaluated in balls at every sample (`ConjectureBallProgram`) and every margin
///   of the property library is enclosed (`BallPropertyCheck`);
/// - a file in exact arithmetic is rigorous already: its PASS and FAIL become PROVED and DISPROVED.
///
/// Operations that branch on values (relu, the positive part, max, min), inverse and solve, trends, `stop_when`,
/// and flows with other functions (exp, log, tanh, …) are not available rigorously: such an instance runs the
/// ordinary way and says why.
extension ConjectureKind: RigorousClaimKind {
    public func rigorousUnavailability(_ parameters: InstanceParameters) -> String? {
        guard let instance = parameters.payload(as: ConjectureInstance.self) else { return "a conjecture instance without its document" }
        return ConjectureRigorousRun.obstacle(instance)
    }

    public func rigorousChecked(_ parameters: InstanceParameters) -> String? {
        guard let instance = parameters.payload(as: ConjectureInstance.self) else { return nil }
        return ConjectureRigorousRun.description(instance)
    }

    public func evaluateRigorously(_ parameters: InstanceParameters, context: EvaluationContext) throws -> RigorousEvaluation {
        guard let instance = parameters.payload(as: ConjectureInstance.self) else {
            throw EvaluationFailure("a conjecture instance without its document (the file was not read by the conjecture kind)")
        }
        return try ConjectureRigorousRun(instance: instance, context: context).run()
    }
}

/// One rigorous run of a conjecture instance at `context.precision` bits.
struct ConjectureRigorousRun {
    let instance: ConjectureInstance
    let context: EvaluationContext
    /// Test hook: radii shrunk by 2^−n after every step (maps) or every validated step (flows), an unsound run
    /// that the enclosure tests must catch.
    var shrinkRadius = 0

    var document: ConjectureDocument { instance.document }

    /// Why the instance cannot run in balls, or `nil`.
    static func obstacle(_ instance: ConjectureInstance) -> String? {
        let document = instance.document
        if document.dynamics.exact { return nil }
        if document.properties.contains(where: { if case .trend = $0.statement { true } else { false } }) {
            return "a trend compares separate runs of the instance"
        }
        if document.dynamics.stopWhen != nil { return "stop_when ends the run by comparing values" }
        guard let bound = instance.bound.main else { return "no main run" }
        let dynamics = bound.program.updates
        let found = document.dynamics.isFlow
            ? ConjectureBallProgram.nonPolynomialOperation(in: dynamics, of: bound).map {
                ($0.name, $0.key, $0.column, ": validated flows take products, sums, transposes, traces and natural powers") }
            : ConjectureBallProgram.obstacle(in: dynamics, of: bound).map { ($0.name, $0.key, $0.column, "") }
        if let (name, key, column, why) = found {
            return "\(name) in \(key)" + (column.map { ", column \($0)" } ?? "") + why
        }
        if let bad = ConjectureBallProgram.obstacle(in: expressions(instance), of: bound) {
            return "\(bad.name) in \(bad.key)" + (bad.column.map { ", column \($0)" } ?? "")
        }
        return nil
    }

    /// Every expression the properties sample, then the d/dt of the monotone observables of a flow.
    static func expressions(_ instance: ConjectureInstance) -> [ConjectureExpression] {
        let values = SampledExpressions.values(instance.document).compactMap { instance.checked.expressions[SampledRun<BigFloat>.id(of: $0)] }
        let rates = SampledExpressions.derivatives(instance.document).compactMap { instance.checked.derivatives[SampledRun<BigFloat>.id(of: $0)] }
        return values + rates
    }

    /// The `checked:` text of a rigorous run.
    static func description(_ instance: ConjectureInstance) -> String {
        let document = instance.document
        let properties = document.properties.map { PropertyDescription.checked($0, dynamics: document.dynamics) }.joined(separator: "; ")
        if document.dynamics.exact { return "in exact rational arithmetic: " + properties }
        let how = document.dynamics.isFlow
            ? "the flow integrated by validated Taylor steps from the exact initial values, every property expression enclosed at each output time"
            : "the map iterated in balls from the exact initial values, every property expression enclosed at each iterate"
        return how + "; every margin enclosed and decided (PROVED when all are certainly on the right side): " + properties
    }

    func run() throws -> RigorousEvaluation {
        try context.checkpoint()
        if document.dynamics.exact { return try exactRun() }
        let bits = context.precision ?? Precision.current
        let (samples, statistics, rigor) = try sample()
        let outcomes = document.properties.map { BallPropertyCheck.outcome($0, document: document, samples: samples, bits: bits) }
        return Self.evaluation(outcomes, statistics: statistics, rigor: rigor, bits: bits)
    }

    /// Runs the dynamics in balls and encloses every sampled expression at every sample.
    func sample() throws -> (samples: BallSamples, statistics: [String: String], rigor: Rigor) {
        guard let bound = instance.bound.main else { throw EvaluationFailure("a conjecture without a main run") }
        let bits = context.precision ?? Precision.current
        let valueTexts = SampledExpressions.values(document)
        let rateTexts = SampledExpressions.derivatives(document).filter { instance.checked.derivatives[SampledRun<BigFloat>.id(of: $0)] != nil }
        let program = ConjectureBallProgram(bound: bound, expressions: Self.expressions(instance), precision: bits)
        var samples = BallSamples()
        for e in valueTexts + rateTexts {
            samples.columns[SampledRun<BigFloat>.id(of: e)] = instance.checked.expressions[SampledRun<BigFloat>.id(of: e)].map { bound.size(of: $0).columns }
        }
        let initial = bound.initialState.map { Ball($0, precision: bits) }
        func record(_ place: SamplePlace, state: [Ball], previous: [Ball], time: Ball?, step: Int) -> Bool {
            do {
                let values = try program.values(state: state, previous: previous, initial: initial, time: time, step: step)
                samples.places.append(place)
                for (k, e) in valueTexts.enumerated() { samples.values[SampledRun<BigFloat>.id(of: e), default: []].append(values[k]) }
                for (k, e) in rateTexts.enumerated() {
                    samples.derivatives[SampledRun<BigFloat>.id(of: e), default: []].append(values[valueTexts.count + k])
                }
                return true
            } catch {
                samples.truncated = (place, error.description)
                return false
            }
        }
        var statistics: [String: String] = [:]
        let rigor: Rigor
        var finalRadius = -Double.infinity
        if document.dynamics.isFlow {
            let integrator = ValidatedTaylorIntegrator(field: try bound.flow(), bits: bits)
            integrator.mutation = ValidatedTaylorIntegrator.Mutation(shrinkRadius: shrinkRadius)
            integrator.reset(time: 0, state: bound.initialState)
            let times = SampledExpressions.times(document)
            let horizon = Double(times.last ?? 0)
            for t in times {
                try context.checkpoint()
                context.report(time: Double(t), of: horizon)
                if t > 0 {
                    do { try integrator.advance(to: t) } catch {
                        samples.truncated = (.time(t), "\(error)")
                        break
                    }
                }
                let state = integrator.enclosures().map { Ball(midpoint: $0.midpoint, radius: $0.radius, precision: bits) }
                guard record(.time(t), state: state, previous: state, time: Ball(t, precision: bits), step: 0) else { break }
            }
            finalRadius = integrator.log2LargestRadius
            statistics["method"] = "validated Taylor steps in Arb balls at \(bits) bits, order \(integrator.order); plain interval boxes (docs/rigorous-flows.md)"
            statistics["validated steps"] = "\(integrator.steps) (\(integrator.halvings) halvings)"
            statistics["largest remainder term"] = "2^\(Int(integrator.log2LargestRemainder.rounded(.up)))"
            rigor = Rigor(inputData: "exact rationals (data, parameters and initial values enclosed in balls at \(bits) bits)",
                          arithmetic: "Arb ball arithmetic at \(bits) bits",
                          truncation: "Lagrange remainder of order n + 1 over an a priori enclosure (interval Picard iteration)")
        } else {
            let map = ConjectureBallMap(try bound.map(), precision: bits)
            let steps = document.dynamics.steps ?? 0
            var state = initial, previous = initial
            if record(.step(0), state: state, previous: previous, time: nil, step: 0) {
                for k in 0..<steps {
                    try context.checkpoint()
                    context.report(step: k, of: steps)
                    var next: [Ball]
                    do { next = try map.step(k, current: state, previous: previous) } catch {
                        samples.truncated = (.step(k + 1), error.description)
                        break
                    }
                    if shrinkRadius > 0 { next = next.map { $0._scalingRadius(byPowerOfTwo: -shrinkRadius) } }
                    previous = state
                    state = next
                    guard record(.step(k + 1), state: state, previous: previous, time: nil, step: k + 1) else { break }
                }
            }
            finalRadius = state.map { $0.radiusUpperBound > 0 ? log2($0.radiusUpperBound) : -Double.infinity }.max() ?? -.infinity
            statistics["method"] = "the lowered map iterated in Arb balls at \(bits) bits (plain ball iteration)"
            statistics["steps enclosed"] = "\(max(0, samples.places.count - 1)) of \(steps)"
            rigor = Rigor(inputData: "exact rationals (data, parameters and initial values enclosed in balls at \(bits) bits)",
                          arithmetic: "Arb ball arithmetic at \(bits) bits", truncation: "none (a map: no truncation)")
        }
        statistics["largest state radius at the end"] = finalRadius.isFinite ? "2^\(Int(finalRadius.rounded(.up)))" : "0"
        return (samples, statistics, rigor)
    }

    /// The instance's evaluation from its properties: DISPROVED at the first certainly violated property, else
    /// undecided at the first undecided one, else PROVED with the smallest margin.
    static func evaluation(_ outcomes: [BallPropertyOutcome], statistics: [String: String], rigor: Rigor,
                           bits: Int) -> RigorousEvaluation {
        var decisive = outcomes.first { if case .disproved = $0.decision { true } else { false } }
            ?? outcomes.first { if case .undecided = $0.decision { true } else { false } }
        if decisive == nil {
            decisive = outcomes.min { $0.margin.lowerBound < $1.margin.lowerBound }
        }
        let chosen = decisive ?? BallPropertyOutcome(label: "no property", decision: .undecided(place: "no property"),
                                                     margin: Ball(midpoint: BigFloat(0), radius: BigFloat(1), precision: bits),
                                                     place: "", tolerance: nil)
        var quantities: [(name: String, value: Ball)] = []
        for o in outcomes {
            quantities.append(("\(o.label): decisive margin (at \(o.place))", o.margin))
            if let t = o.tolerance { quantities.append(("\(o.label): tolerance", t)) }
        }
        var statistics = statistics
        for o in outcomes {
            switch o.decision {
            case .proved: statistics["decision (\(o.label))"] = "proved"
            case let .disproved(place): statistics["decision (\(o.label))"] = "disproved at \(place)"
            case let .undecided(place): statistics["decision (\(o.label))"] = "undecided at \(place)"
            }
        }
        return RigorousEvaluation(decision: chosen.decision, margin: chosen.margin, location: "\(chosen.label): \(chosen.place)",
                                  quantities: quantities, statistics: statistics, rigor: rigor)
    }

    /// A file in exact arithmetic: the ordinary exact evaluation, its PASS and FAIL as PROVED and DISPROVED.
    func exactRun() throws -> RigorousEvaluation {
        let evaluation = try ConjectureEvaluation(instance: instance, context: context).run()
        let verdict = ErrorEstimate(exact: evaluation).verdict
        let margin: Ball
        switch evaluation.margin {
        case let .exact(r): margin = Ball(r, precision: context.precision ?? Precision.current)
        case let .rounded(x): margin = Ball(enclosing: x, precision: context.precision ?? Precision.current)
        }
        let place = evaluation.location ?? "the run"
        let decision: RigorousEvaluation.Decision
        switch verdict {
        case .pass: decision = .proved
        case .fail: decision = .disproved(place: place)
        default: decision = .undecided(place: place)
        }
        return RigorousEvaluation(decision: decision, margin: margin, location: place, quantities: [],
                                  statistics: ["method": "exact rational arithmetic"], rigor: .exactRational)
    }
}
