import MultiPrecision
import Models

/// What a normalized-weight kind sets on its classifier instance: which `data` and `layer_norms` parameters it
/// declares (with its own defaults) and how it starts the layers.
public protocol ClassifierSetup {
    /// The `data` parameter with the kind's default.
    static var data: Parameter<ClassifierData> { get }
    /// The `layer_norms` parameter with the kind's default, when the kind has one.
    static var layerNorms: Parameter<LayerNorms>? { get }
    /// How the initial layers are set.
    static func initialization(_ parameters: InstanceParameters) -> ClassifierInstance.Initialization
}

extension ClassifierSetup {
    public static var data: Parameter<ClassifierData> { ClassifierInstance.randomData }
    public static var layerNorms: Parameter<LayerNorms>? { nil }

    /// Normalized layers, equal or unequal as `layer_norms` says.
    public static func initialization(_ parameters: InstanceParameters) -> ClassifierInstance.Initialization {
        .normalized(unequal: layerNorms.map { parameters[$0] == .unequal } == true)
    }
}

/// The scenario of the normalized-weight kinds: the seeded classifier instance of `Setup`, and the runs of its
/// flows (gradient flow, the coupled time-change flow, the constrained flow) across ReLU activation switches.
public struct ClassifierScenario<Setup: ClassifierSetup>: TrajectoryScenario {
    public static var parameters: [any DeclaredParameter] {
        [ClassifierInstance.widths, ClassifierInstance.network, Setup.data, ClassifierInstance.samples,
         ClassifierInstance.seed] + [Setup.layerNorms].compactMap { $0 }
    }

    /// The output must be scalar.
    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard parameters[ClassifierInstance.widths].last == 1 else {
            throw ParameterProblem(key: ClassifierInstance.widths.spec.name, .invalidValue("the last width must be 1 (a scalar classifier)"))
        }
    }

    let instance: ClassifierInstance
    let sampler: TrajectorySampler
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        instance = ClassifierInstance(parameters, data: parameters[Setup.data],
                                      initialization: Setup.initialization(parameters), precision: context.workingPrecision)
        sampler = TrajectorySampler(context, label: "gradient-flow")
        statistics = ["depth": "\(instance.flow.depth)", "network": instance.flow.activation.rawValue]
    }

    /// The flow of `field` from the instance's layers, sampled at `times`.
    func run<Field: ActivationPatternField>(_ field: Field, to horizon: Rational,
                                            at times: [Rational]) throws -> TrajectorySampler.Run {
        try sampler.flow(acrossSwitches: field, from: instance.initial, to: horizon, at: times)
    }
}

extension TrajectorySampler {
    /// Integrates `field` from `initial` to `horizon` with the Taylor method, one segment per ReLU activation
    /// pattern (restarting at every located sign change of a pre-activation, `integrateAcrossActivationSwitches`),
    /// and keeps the states at `times` (increasing, within [0, horizon]). The switches are the run's events.
    ///
    /// - Throws: `EvaluationFailure` when the run stops early; `ActivationPatternError` at a kink it cannot follow.
    func flow<Field: ActivationPatternField>(acrossSwitches field: Field, from initial: [Rational], to horizon: Rational,
                                             at times: [Rational]) throws -> Run {
        var places: [SamplePlace] = [], states: [[BigFloat]] = []
        let context = self.context
        try context.checkpoint()
        let result = try integrateAcrossActivationSwitches(field, initial: initial, horizon: horizon, precision: precision,
                                                           outputTimes: times) { sample in
            guard states.count < times.count else { return }
            places.append(.time(times[states.count]))
            states.append(sample.state)
            context.report(time: sample.time.doubleValue, of: Double(horizon))
        }
        guard result.reachedEnd, states.count == times.count else {
            throw EvaluationFailure("the \(label) integration stopped at t = \(result.time.scientific(significantDigits: 6)): \(result.termination)")
        }
        return Run(places: places, states: states, final: result.state,
                   events: result.switches.map { ("activation \($0.unit)", $0.time) },
                   statistics: ["activation switches": "\(result.switches.count)"])
    }
}

extension TrajectorySampler.Run {
    /// `value ≤ tolerance` at every sample (a `BoundProperty` of `value` against 0 with the tolerance as slack):
    /// margin tolerance − max value, at the sample of the maximum.
    func atMost(_ tolerance: Rational, label: String, _ observable: String, _ values: [BigFloat]) throws -> PropertyOutcome {
        try BoundProperty(label: label, lhs: observable, relation: .lessOrEqual, rhs: "0", tolerance: tolerance)
            .evaluate(zip(places, values).map { Observation(place: $0, scalar: $1) }, values.map { _ in ObservedValue(BigFloat(0)) })
    }
}

extension Array where Element == BigFloat {
    /// The largest element (the array is not empty).
    var largest: BigFloat { dropFirst().reduce(self[0]) { BigFloat.maximum($0, $1) } }
    /// The smallest element (the array is not empty).
    var smallest: BigFloat { dropFirst().reduce(self[0]) { BigFloat.minimum($0, $1) } }
}
