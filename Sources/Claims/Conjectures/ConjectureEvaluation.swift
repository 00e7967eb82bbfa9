import Conjectures
import Dynamics
import MultiPrecision

/// Runs one conjecture instance at one precision: samples the trajectory of the main run (and of each trend
/// value), evaluates the properties with the shared library, and adds the symbolic result.
struct ConjectureEvaluation {
    let instance: ConjectureInstance
    let context: EvaluationContext

    var checked: CheckedConjecture { instance.checked }
    var document: ConjectureDocument { instance.checked.document }

    /// The instance's evaluation.
    func run() throws -> Evaluation {
        try context.checkpoint()
        if document.dynamics.exact {
            // Exact runs give the same numbers at every precision: the second precision reuses the first's.
            if let known = instance.exactResult.value { return known }
            let evaluation = try evaluate(Rational.self)
            instance.exactResult.value = evaluation
            return evaluation
        }
        return try evaluate(BigFloat.self)
    }

    func evaluate<Scalar: ConjectureArithmetic>(_: Scalar.Type) throws -> Evaluation {
        let values = SampledExpressions.values(document)
        let rates = SampledExpressions.derivatives(document).filter { checked.derivatives[SampledRun<Scalar>.id(of: $0)] != nil }
        var run = SampledRun<Scalar>()
        if let main = instance.bound.main {
            run = try sample(Scalar.self, main, values: values, derivatives: rates)
        }
        var outcomes: [(PropertyDeclaration, PropertyOutcome)] = []
        for property in document.properties {
            var trendRuns: [(value: Rational, result: ObservedValue<Scalar>)] = []
            if case let .trend(e, _, _, _) = property.statement {
                for (value, bound) in instance.bound.trends[property.index] ?? [] {
                    let trendRun = try sample(Scalar.self, bound, values: [e], derivatives: [], onlyLast: true)
                    guard let last = trendRun.series(e).last else {
                        throw EvaluationFailure("\(property.label): the run for \(value) has no samples")
                    }
                    trendRuns.append((value, last))
                }
            }
            do {
                outcomes.append((property, try PropertyAssembly.outcome(property, document: document, run: run, trendRuns: trendRuns)))
            } catch {
                throw EvaluationFailure(error.description)
            }
        }
        var extra: [Quantity] = []
        if instance.bound.main != nil, document.dynamics.stopWhen != nil {
            extra.append(Quantity("end of the run (t or k; stop_when)", .exact(Self.coordinate(run.places.last))))
        }
        let symbolic = SymbolicEvidence.evidence(for: checked)
        extra += symbolic.quantities
        return PropertyAssembly.evaluation(outcomes, extra: extra,
                                           statistics: run.statistics.merging(symbolic.statistics) { a, _ in a }, stop: run.stop)
    }

    /// t or k of a place, exactly.
    static func coordinate(_ place: SamplePlace?) -> Rational {
        switch place {
        case let .time(t)?: return t
        case let .step(k)?: return Rational(k)
        default: return 0
        }
    }

    /// Samples a run of `bound`: the values (and d/dt) of `values` at every sample, until `stop_when` holds.
    /// With `onlyLast`, the values are kept at the last sample only.
    func sample<Scalar: ConjectureArithmetic>(_: Scalar.Type, _ bound: BoundConjecture, values: [SourceText],
                                              derivatives: [SourceText], onlyLast: Bool = false) throws -> SampledRun<Scalar> {
        let compiled = values.map { (SampledRun<Scalar>.id(of: $0), checked.expressions[SampledRun<Scalar>.id(of: $0)]!) }
        let rates = derivatives.map { (SampledRun<Scalar>.id(of: $0), checked.derivatives[SampledRun<Scalar>.id(of: $0)]!) }
        var recorder = SampleRecorder<Scalar>(bound: bound, values: compiled, derivatives: rates, stop: checked.stop,
                                              onlyLast: onlyLast)
        if document.dynamics.isFlow {
            try Scalar.integrateFlow(bound, document: document, context: context, recorder: &recorder)
        } else {
            try Scalar.iterateMap(bound, document: document, context: context, recorder: &recorder)
        }
        if let failure = recorder.failure { throw failure }
        return recorder.run
    }
}

/// Collects the values at each sample; remembers the first failure and where `stop_when` first held.
struct SampleRecorder<Scalar: ConjectureArithmetic> {
    let bound: BoundConjecture
    let values: [(String, ConjectureExpression)]
    let derivatives: [(String, ConjectureExpression)]
    let stop: (lhs: ConjectureExpression, relation: Relation, rhs: ConjectureExpression, text: String)?
    let onlyLast: Bool
    var run = SampledRun<Scalar>()
    var failure: EvaluationFailure?
    var initial: [Scalar]?
    var stopped = false

    init(bound: BoundConjecture, values: [(String, ConjectureExpression)], derivatives: [(String, ConjectureExpression)],
         stop: (lhs: ConjectureExpression, relation: Relation, rhs: ConjectureExpression, text: String)?, onlyLast: Bool) {
        self.bound = bound
        self.values = values
        self.derivatives = derivatives
        self.stop = stop
        self.onlyLast = onlyLast
    }

    /// Records the sample at `place`; returns false once the run should stop (a failure, or `stop_when` held).
    @discardableResult
    mutating func record(_ place: SamplePlace, state: [Scalar], previous: [Scalar]?, time: Scalar?, step: Int?) -> Bool {
        guard failure == nil, !stopped else { return false }
        if initial == nil { initial = state }
        do {
            if onlyLast {
                run.places = [place]
                for (id, e) in values { run.values[id] = [try Scalar.observe(bound, e, state: state, previous: previous, initial: initial!, time: time, step: step)] }
            } else {
                run.places.append(place)
                for (id, e) in values {
                    run.values[id, default: []].append(try Scalar.observe(bound, e, state: state, previous: previous, initial: initial!, time: time, step: step))
                }
                for (id, e) in derivatives {
                    run.derivatives[id, default: []].append(try Scalar.observe(bound, e, state: state, previous: previous, initial: initial!, time: time, step: step))
                }
            }
            if let stop {
                let a = try Scalar.observe(bound, stop.lhs, state: state, previous: previous, initial: initial!, time: time, step: step).scalar
                let b = try Scalar.observe(bound, stop.rhs, state: state, previous: previous, initial: initial!, time: time, step: step).scalar
                let holds = stop.relation.holds(a, b)
                if holds {
                    stopped = true
                    run.stop = place
                    return false
                }
            }
        } catch let error as ConjectureRuntimeError {
            failure = EvaluationFailure("at \(place): \(error.description)")
            return false
        } catch {
            failure = EvaluationFailure("at \(place): \(error)")
            return false
        }
        return true
    }
}

/// The two arithmetics a conjecture runs in: `BigFloat` (flows and maps, at the working precision) and `Rational`
/// (maps with arithmetic = "exact").
protocol ConjectureArithmetic: PropertyScalar {
    /// The value of `e` at a sample.
    static func observe(_ bound: BoundConjecture, _ e: ConjectureExpression, state: [Self], previous: [Self]?,
                        initial: [Self], time: Self?, step: Int?) throws -> ObservedValue<Self>
    /// Integrates a flow, recording samples at the output times.
    static func integrateFlow(_ bound: BoundConjecture, document: ConjectureDocument, context: EvaluationContext,
                              recorder: inout SampleRecorder<Self>) throws
    /// Iterates a map, recording every iterate.
    static func iterateMap(_ bound: BoundConjecture, document: ConjectureDocument, context: EvaluationContext,
                           recorder: inout SampleRecorder<Self>) throws
}

extension BigFloat: ConjectureArithmetic {
    static func observe(_ bound: BoundConjecture, _ e: ConjectureExpression, state: [BigFloat], previous: [BigFloat]?,
                        initial: [BigFloat], time: BigFloat?, step: Int?) throws -> ObservedValue<BigFloat> {
        let v = try bound.evaluate(e, state: state, previous: previous, initial: initial, time: time, step: step)
        return ObservedValue(rows: v.rows, columns: v.columns, entries: v.entries)
    }

    static func integrateFlow(_ bound: BoundConjecture, document: ConjectureDocument, context: EvaluationContext,
                              recorder: inout SampleRecorder<BigFloat>) throws {
        let times = SampledExpressions.times(document)
        let problem = try ODEProblem(field: try bound.flow(), initialState: bound.initialState, from: 0, to: times[times.count - 1])
        let precision = context.precision ?? Precision.current
        var options = IntegrationOptions(precision: precision)
        options.maximumSteps = 2_000_000
        if let deadline = context.deadline { options.timeLimit = max(.zero, deadline - .now) }
        var next = 0
        var sink = recorder
        // relu in the rates: the flow integrates with the activation pattern of the initial state; a sample whose
        // pattern differs means a pre-activation crossed zero, which the fixed pattern cannot follow (an ERROR).
        let initialPattern = bound.usesActivations
            ? try bound.activationPattern(at: bound.initialState.map { BigFloat($0) }) : nil
        let horizonValue = times.last.map { Double($0) } ?? 0
        let observer = Observer<BigFloat>(.times(times)) { sample in
            guard next < times.count else { return }
            let t = times[next]
            next += 1
            context.report(time: Double(t), of: horizonValue)
            if let initialPattern, sink.failure == nil, !sink.stopped {
                do {
                    if try bound.activationPattern(at: sample.state, time: sample.time) != initialPattern {
                        sink.failure = EvaluationFailure("at \(SamplePlace.time(t)): a relu pre-activation changed sign since t = 0 "
                            + "(the trajectory crossed a kink; flows with relu are integrated with a fixed activation pattern)")
                        return
                    }
                } catch {
                    sink.failure = EvaluationFailure("at \(SamplePlace.time(t)): \(error)")
                    return
                }
            }
            sink.record(.time(t), state: sample.state, previous: nil, time: sample.time, step: nil)
        }
        var events: [Event<BigFloat>] = []
        if let stop = recorder.stop {
            // Ends the integration once the stopping rule holds (the samples after it are not used).
            let rule = recorder
            events.append(Event("stop_when", direction: .falling, isTerminal: true) { time, state in
                let initial = rule.bound.initialState.map { BigFloat($0) }
                guard let a = try? observe(rule.bound, stop.lhs, state: state, previous: nil, initial: initial, time: time, step: nil).scalar,
                      let b = try? observe(rule.bound, stop.rhs, state: state, previous: nil, initial: initial, time: time, step: nil).scalar else { return BigFloat(1) }
                let holds = stop.relation.holds(a, b)
                return holds ? BigFloat(-1) : BigFloat(1)
            })
        }
        let method: any IntegrationMethod
        switch document.dynamics.integrator {
        case "gauss-legendre": method = GaussLegendre(stages: max(4, precision / 32))
        case "rk78": method = RungeKuttaFehlberg78()
        default: method = Taylor()
        }
        try context.checkpoint()
        let result = try integrateErased(problem, method: method, options: options, observers: [observer], events: events)
        recorder = sink
        if recorder.failure != nil { return }
        guard result.termination.isSuccess else {
            if result.termination.isInterruption { try context.checkpoint() }
            var cause = "\(result.termination)"
            if case .diverged = result.termination { cause += " (\(Self.cause(bound, state: result.state, time: result.time)))" }
            throw EvaluationFailure("the flow stopped early: \(cause)")
        }
        if recorder.run.stop == nil, next < times.count {
            throw EvaluationFailure("the flow ended at t = \(result.time) before the last output time")
        }
        recorder.run.statistics = ["integrator": result.method, "steps": "\(result.statistics.steps)",
                                   "rejected steps": "\(result.statistics.rejectedSteps)",
                                   "output times": "\(times.count)"]
    }

    /// The run-time cause of a failed rate evaluation.
    static func cause(_ bound: BoundConjecture, state: [BigFloat], time: BigFloat) -> ConjectureRuntimeError {
        do {
            _ = try bound.updates(state: state, time: time)
            return ConjectureRuntimeError("non-finite values")
        } catch {
            return error
        }
    }

    /// `integrate` with an existential method.
    static func integrateErased(_ problem: ODEProblem<ConjectureFlow>, method: any IntegrationMethod,
                                options: IntegrationOptions, observers: [Observer<BigFloat>],
                                events: [Event<BigFloat>]) throws -> IntegrationResult<BigFloat> {
        func run<M: IntegrationMethod>(_ m: M) throws -> IntegrationResult<BigFloat> {
            try Dynamics.integrate(problem, method: m, scalar: BigFloat.self, options: options, observers: observers, events: events)
        }
        return try run(method)
    }

    static func iterateMap(_ bound: BoundConjecture, document: ConjectureDocument, context: EvaluationContext,
                           recorder: inout SampleRecorder<BigFloat>) throws {
        let map = try bound.map()
        let problem = try MapProblem(map: map, initialState: bound.initialState, steps: document.dynamics.steps ?? 0)
        var options = MapOptions(precision: context.precision ?? Precision.current)
        if let deadline = context.deadline { options.timeLimit = max(.zero, deadline - .now) }
        var sink = recorder
        var previous: [BigFloat]?
        var going = true
        let totalSteps = document.dynamics.steps ?? 0
        let observer = Observer<BigFloat>(.everyStep) { sample in
            guard going else { return }
            context.report(step: sample.step, of: totalSteps)
            going = sink.record(.step(sample.step), state: sample.state, previous: previous ?? sample.state, time: nil, step: sample.step)
            previous = sample.state
        }
        let events = [Event<BigFloat>("stop", direction: .falling, isTerminal: true) { _, _ in going ? BigFloat(1) : BigFloat(-1) }]
        try context.checkpoint()
        let result = try iterate(problem, scalar: BigFloat.self, options: options, observers: [observer], events: events)
        recorder = sink
        if recorder.failure != nil { return }
        if let failure = map.failure {
            throw EvaluationFailure("at step \(failure.step + 1): \(failure.error.description)")
        }
        switch result.termination {
        case .completed, .event: break
        case .timeBudgetExhausted, .cancelled:
            try context.checkpoint()
            throw EvaluationFailure("the map stopped early: \(result.termination)")
        default:
            throw EvaluationFailure("the map stopped early: \(result.termination)")
        }
        recorder.run.statistics = ["steps": "\(result.step)", "arithmetic": "rounded"]
    }
}

extension Rational: ConjectureArithmetic {
    static func observe(_ bound: BoundConjecture, _ e: ConjectureExpression, state: [Rational], previous: [Rational]?,
                        initial: [Rational], time: Rational?, step: Int?) throws -> ObservedValue<Rational> {
        let v = try bound.evaluateExactly(e, state: state, previous: previous, initial: initial, step: step, time: time)
        let size = bound.size(of: e)
        return ObservedValue(rows: size.rows, columns: size.columns, entries: v)
    }

    static func integrateFlow(_ bound: BoundConjecture, document: ConjectureDocument, context: EvaluationContext,
                              recorder: inout SampleRecorder<Rational>) throws {
        throw EvaluationFailure("a flow cannot run in exact arithmetic")
    }

    /// x_{k+1} = F(k, x_k, x_{k−1}) in exact rationals, one variable's update after another from the same iterate.
    static func iterateMap(_ bound: BoundConjecture, document: ConjectureDocument, context: EvaluationContext,
                           recorder: inout SampleRecorder<Rational>) throws {
        let steps = document.dynamics.steps ?? 0
        var state = bound.initialState
        var previous = state
        guard recorder.record(.step(0), state: state, previous: previous, time: nil, step: 0) else { return }
        for k in 0..<steps {
            try context.checkpoint()
            context.report(step: k, of: steps)
            var next: [Rational] = []
            next.reserveCapacity(state.count)
            do {
                for update in bound.program.updates {
                    next += try bound.evaluateExactly(update, state: state, previous: previous, initial: bound.initialState, step: k)
                }
            } catch {
                throw EvaluationFailure("at step \(k + 1): \(error.description)")
            }
            previous = state
            state = next
            guard recorder.record(.step(k + 1), state: state, previous: previous, time: nil, step: k + 1) else { break }
        }
        recorder.run.statistics = ["steps": "\(recorder.run.places.last.map { if case let .step(k) = $0 { return k } else { return 0 } } ?? 0)",
                                   "arithmetic": "exact"]
    }
}
