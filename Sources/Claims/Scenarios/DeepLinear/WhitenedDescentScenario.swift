import MultiPrecision

/// The scenario of `dln-gd-convergence-rate`-like presets: k gradient-descent steps on ℓ = ½‖W_N⋯W_1 − Φ‖²_F from
/// the layers of `WhitenedTarget`, iterated as a map at the working precision (every step kept; a loss above 10⁴⁰
/// stops the run as divergent).
public struct WhitenedDescentScenario: TrajectoryScenario {
    static let stepSize = Parameter<Rational>.positive("step_size", .dynamics, help: "the step size η (exact)")
    static let steps = Parameter<Int>("steps", .dynamics, 1...100_000, default: 100, help: "the number k of gradient-descent steps")

    public static var parameters: [any DeclaredParameter] {
        WhitenedTarget.model + [stepSize, steps, WhitenedTarget.epsilon, WhitenedTarget.hypotheses]
    }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try WhitenedTarget.validate(parameters)
    }

    /// Φ, the initial layers, c and δ.
    let target: WhitenedTarget
    /// η.
    let stepSize: Rational
    /// The run.
    let descent: DeepLinearDescentRun
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        target = try WhitenedTarget(parameters)
        stepSize = parameters[Self.stepSize]
        descent = try DeepLinearDescentRun(target.field, from: target.layers, stepSize: stepSize,
                                           steps: parameters[Self.steps], context: context)
        statistics = ["steps": "\(descent.taken)", "depth": "\(target.depth)", "diverged": descent.diverged ? "yes" : "no"]
    }
}
