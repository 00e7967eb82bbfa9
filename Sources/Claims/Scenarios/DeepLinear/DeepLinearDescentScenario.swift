import Models
import MultiPrecision

/// The scenario of the deep-linear-network gradient-descent presets: the network and data of `DLNParameters` and
/// k steps W_j ← W_j − η ∂L/∂W_j of the square loss, iterated as a map at the working precision (every step kept;
/// a loss above 10⁴⁰ stops the run as divergent).
public struct DeepLinearDescentScenario: TrajectoryScenario {
    public static var parameters: [any DeclaredParameter] {
        DLNParameters.model + [DLNParameters.gradientDescent, DLNParameters.stepSize, DLNParameters.steps]
    }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
    }

    /// The instance's exact sizes, data and initial network.
    let setup: DLNParameters.Setup
    /// The run.
    let descent: DeepLinearDescentRun
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        setup = try DLNParameters.setup(parameters)
        descent = try DeepLinearDescentRun(
            try DeepLinearNetworkGradientFlow(widths: setup.widths, x: setup.x, y: setup.y),
            from: setup.network.layers, stepSize: setup.stepSize, steps: setup.steps, context: context)
        statistics = ["steps": "\(descent.taken)", "depth": "\(setup.widths.count - 1)"]
    }
}
