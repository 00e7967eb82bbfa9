import Dynamics
import MultiPrecision

/// The one way a kind runs its dynamics: integrates a flow (`integrate`) or iterates a map (`iterate`) at the
/// context's working precision, with the instance's deadline, one step limit, a checkpoint and a progress report at
/// every sample, and keeps the state at the requested output times or steps.
///
/// A flow is sampled through the integrator's dense output, so the output times do not change the steps taken. An
/// integration that stops before its horizon (divergence, step-size underflow, the step limit) is an
/// `EvaluationFailure`; a deadline reached is the context's timeout.
public struct TrajectorySampler {
    /// The largest number of steps of any run (a fixed-step run may take more, as it asks).
    public static let stepLimit = 2_000_000

    /// A sampled run.
    public struct Run {
        /// The sample places, in order: output times of a flow, steps of a map.
        public var places: [SamplePlace]
        /// The state at each place.
        public var states: [[BigFloat]]
        /// The state at the end of the run.
        public var final: [BigFloat]
        /// The events located (name and time); they never stop the run.
        public var events: [(name: String, time: BigFloat)]
        /// Steps, rejected steps and the method, for reports.
        public var statistics: [String: String]
    }

    /// The instance's precision, deadline and progress key.
    public var context: EvaluationContext
    /// What runs, for messages: `gradient-flow`, `Riemannian flow`, `OMWU`.
    public var label: String

    /// A sampler for one evaluation.
    public init(_ context: EvaluationContext, label: String) {
        self.context = context
        self.label = label
    }

    /// The working precision.
    public var precision: Int { context.workingPrecision }

    /// Integrates `field` from `initial` at time `start` to `horizon` and keeps the states at `times` (within
    /// (start, horizon], increasing); with `fixedSteps`, in that many equal steps instead of adaptive ones.
    /// `observers` run beside the sampling (a kind that follows a quantity at every step).
    ///
    /// - Throws: `EvaluationFailure` when the integration stops early; `EvaluationInterruption` on timeout;
    ///   `IntegrationError` for a bad request.
    public func flow<Field: VectorField>(_ field: Field, from initial: [Rational], start: Rational = 0,
                                         to horizon: Rational, at times: [Rational],
                                         method: any IntegrationMethod = Taylor(), fixedSteps: Int? = nil,
                                         events: [Event<BigFloat>] = [],
                                         observers: [Observer<BigFloat>] = []) throws -> Run {
        let problem = try ODEProblem(field: field, initialState: initial, from: start, to: horizon)
        var options = IntegrationOptions(precision: precision)
        options.maximumSteps = max(Self.stepLimit, (fixedSteps ?? 0) + 1)
        if let fixedSteps {
            options.stepSize = .fixed((horizon - start) / Rational(numerator: BigInt(fixedSteps), denominator: 1))
        }
        options.timeLimit = timeLeft
        var places: [SamplePlace] = [], states: [[BigFloat]] = []
        let sampling = outputs(times, total: horizon) { places.append($0); states.append($1) }
        try context.checkpoint()
        let result = try Dynamics.integrate(problem, method: method, scalar: BigFloat.self, options: options,
                                            observers: [sampling] + observers, events: events)
        return try finish(result, places: places, states: states, expected: times.count)
    }

    /// Integrates with a ready `stepper` (its own tolerances) to `horizon`, keeping the states at `times`.
    public func flow<Step: Stepper>(_ stepper: inout Step, to horizon: Rational, at times: [Rational]) throws -> Run
    where Step.Scalar == BigFloat {
        var options = IntegrationOptions()
        options.maximumSteps = Self.stepLimit
        options.timeLimit = timeLeft
        var places: [SamplePlace] = [], states: [[BigFloat]] = []
        let sampling = outputs(times, total: horizon) { places.append($0); states.append($1) }
        try context.checkpoint()
        let result = try Dynamics.integrate(&stepper, to: BigFloat(horizon), options: options, observers: [sampling])
        return try finish(result, places: places, states: states, expected: times.count)
    }

    /// Iterates `map` from `initial` for `steps` steps and keeps the state after every `every`-th step (and step 0,
    /// and the last). A terminal event among `events` ends the run early (the kind decides what that means);
    /// `normLimit` replaces the iteration's default bound on the entries; `observers` run beside the sampling.
    ///
    /// - Throws: `EvaluationFailure` when the iteration stops early; `EvaluationInterruption` on timeout.
    public func map<Map: DiscreteMap>(_ map: Map, from initial: [Rational], steps: Int, every: Int = 1,
                                      events: [Event<BigFloat>] = [], normLimit: Rational? = nil,
                                      observers: [Observer<BigFloat>] = []) throws -> Run {
        let problem = try MapProblem(map: map, initialState: initial, steps: steps)
        var options = MapOptions(precision: precision)
        if let normLimit { options.normLimit = normLimit }
        options.timeLimit = timeLeft
        var places: [SamplePlace] = [], states: [[BigFloat]] = []
        let context = self.context
        let observer = Observer<BigFloat>(every == 1 ? .everyStep : .everyNthStep(every)) { sample in
            places.append(.step(sample.step))
            states.append(sample.state)
            context.report(step: sample.step, of: steps)
        }
        try context.checkpoint()
        let result = try iterate(problem, scalar: BigFloat.self, options: options, observers: [observer] + observers,
                                 events: events)
        guard result.termination.isSuccess else {
            if result.termination.isInterruption { try context.checkpoint() }
            throw EvaluationFailure("the \(label) iteration stopped early: \(result.termination)")
        }
        return Run(places: places, states: states, final: result.state,
                   events: result.events.map { ($0.name, BigFloat($0.step)) },
                   statistics: ["steps": "\(result.step)"])
    }

    /// An observer that hands over the state at each of `times` (with a progress report).
    private func outputs(_ times: [Rational], total: Rational,
                         record: @escaping (SamplePlace, [BigFloat]) -> Void) -> Observer<BigFloat> {
        let context = self.context, horizon = Double(total)
        var next = 0
        return Observer<BigFloat>(.times(times)) { sample in
            record(.time(times[next]), sample.state)
            next += 1
            context.report(time: sample.time.doubleValue, of: horizon)
        }
    }

    /// The time limit left before the deadline, if any.
    private var timeLeft: Duration? { context.deadline.map { max(.zero, $0 - .now) } }

    private func finish(_ result: IntegrationResult<BigFloat>, places: [SamplePlace], states: [[BigFloat]],
                        expected: Int) throws -> Run {
        guard result.termination.isSuccess, states.count == expected else {
            if result.termination.isInterruption { try context.checkpoint() }
            throw EvaluationFailure("the \(label) integration stopped early: \(result.termination)")
        }
        return Run(places: places, states: states, final: result.state,
                   events: result.events.map { ($0.name, $0.time) },
                   statistics: ["integrator": result.method, "steps": "\(result.statistics.steps)",
                                "rejected steps": "\(result.statistics.rejectedSteps)",
                                "dense-output evaluations": "\(result.statistics.denseOutputEvaluations)"])
    }
}
