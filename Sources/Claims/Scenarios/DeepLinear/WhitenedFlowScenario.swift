import LinearAlgebra
import Models
import MultiPrecision

/// The scenario of `dln-gf-convergence-rate`-like presets: the gradient flow of ℓ = ½‖W_N⋯W_1 − Φ‖²_F from the
/// layers of `WhitenedTarget` over [0, T], integrated by the Taylor series method at the working precision
/// (tolerance 2^−(p−10)) and sampled at n + 1 equally spaced times 0, T/n, …, T through its dense output.
public struct WhitenedFlowScenario: TrajectoryScenario {
    static let horizon = Parameter<Rational>.positive("horizon", .dynamics, help: "the final time T of the flow (exact)")
    static let samples = Parameter<Int>("samples", .dynamics, 1...1000, default: 10,
        help: "the number of equally spaced times in (0, T] at which the bound is checked")

    public static var parameters: [any DeclaredParameter] {
        WhitenedTarget.model + [WhitenedTarget.epsilon, WhitenedTarget.hypotheses, horizon, samples]
    }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try WhitenedTarget.validate(parameters)
    }

    /// Φ, the initial layers, c and δ.
    let target: WhitenedTarget
    /// The sampled run.
    let run: TrajectorySampler.Run
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        target = try WhitenedTarget(parameters)
        let n = parameters[Self.samples], horizon = parameters[Self.horizon]
        let times = (0...n).map { horizon * Rational(numerator: BigInt($0), denominator: BigInt(n)) }
        run = try TrajectorySampler(context, label: "gradient-flow").flow(
            target.field, from: DeepLinearNetworkGradientFlow.state(of: target.layers), to: horizon, at: times)
        statistics = run.statistics.merging(["depth": "\(target.depth)"]) { a, _ in a }
    }

    /// ℓ(t) at every sample.
    func losses() throws -> [Observation<BigFloat>] {
        let identity = Matrix<BigFloat>.identity(target.phi.columnCount)
        return try zip(run.places, run.states).map { place, state in
            Observation(place: place, scalar: try DeepLinearNetwork(layers: target.field.layers(of: state))
                .squareLoss(x: identity, y: target.phi))
        }
    }
}
