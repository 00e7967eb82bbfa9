import LinearAlgebra
import Models
import MultiPrecision

/// The scenario of the deep-linear-network gradient-flow presets: the network and data of `DLNParameters`, the
/// flow Ẇ_j = −∂L/∂W_j − λW_j − [j = 1]μW_1 for a loss of the product over [0, T], sampled at n + 1 equally spaced
/// times 0, T/n, …, T through the integrator's dense output.
///
/// The integrator is the Taylor series method unless the instance chooses another (`DLNFlowIntegrator`). An adaptive
/// one works at the tolerance 2^−(p−10), so the run at p + guard bits also estimates the truncation error; with
/// `fixed_steps` the truncation error does not follow the precision, and the scenario reports it as an unknown
/// method error (`methodError` larger than any margin: no verdict) unless the kind knows it vanishes.
public struct DeepLinearFlowScenario: TrajectoryScenario {
    static let loss = Parameter<DeepLinearNetworkLoss>("loss", .model, default: .square,
        help: "the loss of the product: \"square\", ½‖W_N⋯W_1 X − Y‖²_F; \"quartic\", ¼‖W_N⋯W_1 X − Y‖⁴_F; \"logistic\", Σ ln(1 + exp(−Y∘(W_N⋯W_1 X)))")
    static let method = Parameter<String>("method", .dynamics, type: .choice(["gf"]), default: "gf", variable: false,
        help: "the dynamics: \"gf\", gradient flow Ẇ_j = −∂L/∂W_j, integrated by the Taylor series method")
    static let horizon = Parameter<Rational>.positive("horizon", .dynamics, help: "the final time T of the flow (exact)")
    static let weightDecay = Parameter<Rational>("weight_decay", .dynamics, minimum: 0, default: 0,
                                                 help: "the weight decay λ on every layer: Ẇ_j = −∂L/∂W_j − λW_j")
    static let firstLayerPenalty = Parameter<Rational>("first_layer_penalty", .dynamics, minimum: 0, default: 0,
        help: "μ: the loss gains μ/2·‖W_1‖²_F, so that it is no longer a function of the product alone")
    static let outputTimes = Parameter<Int>("output_times", .check, 1...10_000, default: 64,
                                            help: "the number n of steps T/n between the sample times 0, T/n, …, T")

    public static var parameters: [any DeclaredParameter] {
        DLNParameters.model.filter { $0.spec.name != "loss" }
            + [loss, method, horizon, weightDecay, firstLayerPenalty, outputTimes, DLNFlowIntegrator.integrator,
               DLNFlowIntegrator.fixedSteps]
    }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
        try DLNFlowIntegrator.validate(parameters)
    }

    /// The flow.
    let field: DeepLinearNetworkGradientFlow
    /// The instance's exact sizes, data and initial network.
    let setup: DLNParameters.Setup
    /// The integrator.
    let integrator: DLNFlowIntegrator
    /// X and Y at the working precision.
    let x: Matrix<BigFloat>, y: Matrix<BigFloat>
    /// The sampled run.
    let run: TrajectorySampler.Run
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        setup = try DLNParameters.setup(parameters)
        field = try DeepLinearNetworkGradientFlow(
            widths: setup.widths, x: setup.x, y: setup.y, loss: parameters[Self.loss],
            weightDecay: parameters[Self.weightDecay], firstLayerPenalty: parameters[Self.firstLayerPenalty])
        integrator = DLNFlowIntegrator(parameters)
        let n = parameters[Self.outputTimes], horizon = parameters[Self.horizon]
        let times = (0...n).map { horizon * Rational(numerator: BigInt($0), denominator: BigInt(n)) }
        let sampler = TrajectorySampler(context, label: "gradient-flow")
        run = try sampler.flow(field, from: DeepLinearNetworkGradientFlow.state(of: setup.network.layers), to: horizon,
                               at: times, method: integrator.method(precision: sampler.precision),
                               fixedSteps: integrator.fixedSteps)
        x = DLNParameters.rounded(setup.x)
        y = DLNParameters.rounded(setup.y)
        var statistics = run.statistics.merging(["depth": "\(setup.widths.count - 1)", "output times": "\(n + 1)",
                                                 "loss": field.loss.rawValue]) { a, _ in a }
        if let steps = integrator.fixedSteps { statistics["fixed steps"] = "\(steps)" }
        self.statistics = statistics
    }

    /// Whether the samples keep every quadratic invariant of the flow exactly: Gauss–Legendre in fixed steps that
    /// include every output time (its collocation conserves them at its step points).
    var samplesConserveQuadraticInvariants: Bool {
        guard integrator.conservesQuadraticInvariants, let steps = integrator.fixedSteps else { return false }
        return steps % (run.places.count - 1) == 0
    }

    /// With `fixed_steps` the truncation error is not estimated: 2^1000, larger than any margin (no verdict); else `nil`.
    public var methodError: BigFloat? {
        integrator.fixedSteps == nil ? nil : BigFloat(Rational(numerator: BigInt(1) << 1000, denominator: 1))
    }

    /// The loss L(W) of the network with layers `layers`.
    func loss(_ layers: [Matrix<BigFloat>]) throws -> BigFloat {
        try DeepLinearNetwork(layers: layers).loss(field.loss, x: x, y: y)
    }

    /// The observable `value` of the layers W_1 … W_N at every sample.
    func observe(_ value: ([Matrix<BigFloat>]) throws -> BigFloat) rethrows -> [Observation<BigFloat>] {
        try zip(run.places, run.states).map { place, state in
            Observation(place: place, scalar: try value(field.layers(of: state)))
        }
    }

    /// W_1 … W_N at the end of the run.
    var finalLayers: [Matrix<BigFloat>] { field.layers(of: run.final) }
}

extension DeepLinearNetworkLoss: ParameterChoice {}
