import LinearAlgebra
import Models
import MultiPrecision

/// The scenario of the deep-linear-network gradient-flow presets: the network and data of `DLNParameters`, the
/// flow Ẇ_j = −∂L/∂W_j − λW_j − [j = 1]μW_1 for a loss of the product, sampled by the Taylor method at the working
/// precision (tolerance 2^−(p−10)) at n + 1 equally spaced times 0, T/n, …, T through its dense output.
public struct DeepLinearFlowScenario: TrajectoryScenario {
    static let loss = Parameter<DeepLinearNetworkLoss>("loss", .model, default: .square,
        help: "the loss of the product: \"square\", ½‖W_N⋯W_1 X − Y‖²_F; \"quartic\", ¼‖W_N⋯W_1 X − Y‖⁴_F; \"logistic\", Σ ln(1 + exp(−Y∘(W_N⋯W_1 X)))")
    static let weightDecay = Parameter<Rational>("weight_decay", .dynamics, minimum: 0, default: 0,
                                                 help: "the weight decay λ on every layer: Ẇ_j = −∂L/∂W_j − λW_j")
    static let firstLayerPenalty = Parameter<Rational>("first_layer_penalty", .dynamics, minimum: 0, default: 0,
        help: "μ: the loss gains μ/2·‖W_1‖²_F, so that it is no longer a function of the product alone")
    static let outputTimes = Parameter<Int>("output_times", .check, 1...10_000, default: 64,
                                            help: "the number n of steps T/n between the sample times 0, T/n, …, T")

    public static var parameters: [any DeclaredParameter] {
        DLNFlowParameters.declared.filter { $0.spec.name != "loss" } + [loss, weightDecay, firstLayerPenalty, outputTimes]
    }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
    }

    /// The flow.
    let field: DeepLinearNetworkGradientFlow
    /// X and Y at the working precision.
    let x: Matrix<BigFloat>, y: Matrix<BigFloat>
    /// The sampled run.
    let run: TrajectorySampler.Run
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        let setup = try DLNParameters.setup(parameters)
        field = try DeepLinearNetworkGradientFlow(
            widths: setup.widths, x: setup.x, y: setup.y, loss: parameters[Self.loss],
            weightDecay: parameters[Self.weightDecay], firstLayerPenalty: parameters[Self.firstLayerPenalty])
        let n = parameters[Self.outputTimes], horizon = parameters[DLNFlowParameters.horizon]
        let times = (0...n).map { horizon * Rational(numerator: BigInt($0), denominator: BigInt(n)) }
        run = try TrajectorySampler(context, label: "gradient-flow").flow(
            field, from: DeepLinearNetworkGradientFlow.state(of: setup.network.layers), to: horizon, at: times)
        x = setup.x.rounded
        y = setup.y.rounded
        statistics = run.statistics.merging(["depth": "\(setup.widths.count - 1)", "output times": "\(n + 1)"]) { a, _ in a }
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
}

extension DeepLinearNetworkLoss: ParameterChoice {}
