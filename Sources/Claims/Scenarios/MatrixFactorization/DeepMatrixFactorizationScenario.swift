import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// A preset of `DeepMatrixFactorizationScenario`: its `[dynamics]` declarations and whether the run locates the
/// half-learning times.
public protocol DeepMatrixFactorizationPreset {
    /// `method`, `horizon`, `step_size`, `steps` and `samples`, with the preset's help texts and sample range.
    static var dynamics: DeepMatrixFactorizationDynamics { get }
    /// Whether the gradient flow locates, as events, the times at which u_iᵀ W(t) v_i crosses s_i/2.
    static func locatesHalfTimes(_ parameters: InstanceParameters) -> Bool
}

extension DeepMatrixFactorizationPreset {
    public static func locatesHalfTimes(_ parameters: InstanceParameters) -> Bool { false }
}

/// The `[dynamics]` parameters of the §5 presets: `method` (gf or gd), `horizon` (gf), `step_size` and `steps` (gd),
/// and `samples`.
public struct DeepMatrixFactorizationDynamics: Sendable {
    let method: Parameter<FactorizationMethod>
    let horizon: OptionalParameter<Rational>
    let stepSize = OptionalParameter<Rational>("step_size", .dynamics, minimum: 0, exclusive: true, help: "gd: the step size η")
    let steps = OptionalParameter<Int>("steps", .dynamics, 1...1_000_000, help: "gd: the number K of steps")
    let samples: Parameter<Int>

    init(methodHelp: String, horizonHelp: String, samples range: ClosedRange<Int>, defaultSamples: Int, samplesHelp: String) {
        method = Parameter("method", .dynamics, default: .gf, help: methodHelp)
        horizon = OptionalParameter("horizon", .dynamics, minimum: 0, exclusive: true, help: horizonHelp)
        samples = Parameter("samples", .dynamics, range, default: defaultSamples, help: samplesHelp)
    }

    var declared: [any DeclaredParameter] { [method, horizon, stepSize, steps, samples] }

    /// The run the instance asks for: gradient descent (step size and steps) or gradient flow (horizon).
    enum Run {
        case flow(horizon: Rational)
        case descent(stepSize: Rational, steps: Int)
    }

    /// Reads the run; gd needs `step_size` and `steps`, gf `horizon`.
    func run(_ parameters: InstanceParameters) throws(ParameterProblem) -> Run {
        if parameters[method] == .gd {
            guard let eta = parameters[stepSize], let count = parameters[steps] else {
                let missing = parameters.has(stepSize) ? "steps" : "step_size"
                throw ParameterProblem(key: missing, .invalidValue("gradient descent needs \(missing)"))
            }
            return .descent(stepSize: eta, steps: count)
        }
        guard let t = parameters[horizon] else {
            throw ParameterProblem(key: "horizon", .invalidValue("gradient flow needs horizon"))
        }
        return .flow(horizon: t)
    }
}

/// The scenario of the deep-matrix-factorization presets: the factors of ½‖W_N⋯W_1 − A‖²_F from the aligned (or
/// identity) start, run by gradient flow (Taylor at the working precision, tolerance 2^−(p−10), dense output at
/// t = 0 and T·k/n, k = 1 … n) or by gradient descent (`FactorizationDescent` through the sampler, at step 0, every
/// ⌊K/n⌋-th step and the last), with the factors at every sample.
public struct DeepMatrixFactorizationScenario<Preset: DeepMatrixFactorizationPreset>: TrajectoryScenario {
    public static var parameters: [any DeclaredParameter] { DeepMatrixFactorizationTarget.declared + Preset.dynamics.declared }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        _ = try DeepMatrixFactorizationTarget(parameters)
        _ = try Preset.dynamics.run(parameters)
    }

    let target: DeepMatrixFactorizationTarget
    let depth: Int, alpha: Rational
    /// The run: gf or gd.
    let run: DeepMatrixFactorizationDynamics.Run
    /// The sample places (t = 0 or k = 0 first) and W_1 … W_N at each.
    let places: [SamplePlace], layers: [[Matrix<BigFloat>]]
    /// The half-learning times located (name `u_iᵀWv_i = s_i/2`, the first crossing first).
    let events: [(name: String, time: BigFloat)]
    public let statistics: [String: String]

    public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
        target = try DeepMatrixFactorizationTarget(parameters)
        depth = parameters[DeepMatrixFactorizationTarget.depth]
        alpha = parameters[DeepMatrixFactorizationTarget.alpha]
        run = try Preset.dynamics.run(parameters)
        let initialization = parameters[DeepMatrixFactorizationTarget.initialization]
        let initial = target.initialLayers(depth: depth, alpha: alpha, initialization: initialization)
        let samples = parameters[Preset.dynamics.samples]
        var statistics = ["depth": "\(depth)", "initialization": initialization.rawValue]
        switch run {
        case let .descent(stepSize, steps):
            let descent = FactorizationDescent(from: initial, loss: .target(target.target), stepSize: stepSize)
            (places, layers) = try descent.sample(from: initial, steps: steps, every: max(1, steps / samples), context: context)
            events = []
            statistics["steps"] = "\(steps)"
        case let .flow(horizon):
            let field = try DeepLinearNetworkGradientFlow(widths: [initial[0].columnCount] + initial.map(\.rowCount),
                                                          x: .identity(target.right.rowCount), y: target.target)
            let halfTimes = Preset.locatesHalfTimes(parameters) ? target.halfLearningEvents(field) : []
            let times = FactorFlowSampling.uniformTimes(horizon: horizon, count: samples)
            let sampled = try FactorFlowSampling(field, from: initial, times: times, events: halfTimes, context: context)
            places = [.time(0)] + times.map { .time($0) }
            layers = [initial.map(\.rounded)] + sampled.layers
            events = sampled.events
            statistics.merge(sampled.statistics) { $1 }
        }
        self.statistics = statistics
    }
}

extension DeepMatrixFactorizationTarget {
    /// The events u_iᵀ W(t) v_i = s_i/2 (rising, not terminal), one per mode.
    func halfLearningEvents(_ field: DeepLinearNetworkGradientFlow) -> [Event<BigFloat>] {
        let u = left.rounded, v = right.rounded
        return singularValues.indices.map { i in
            let half = BigFloat(singularValues[i]) / 2
            return Event<BigFloat>(Self.halfLearningEvent(i), direction: .rising, isTerminal: false) { _, state in
                let w = field.layers(of: state).endToEnd
                var projection = BigFloat(0)
                for r in 0..<w.rowCount { for c in 0..<w.columnCount { projection += u[r, i] * w[r, c] * v[c, i] } }
                return projection - half
            }
        }
    }

    /// The name of mode i's half-learning event (0-based i).
    static func halfLearningEvent(_ i: Int) -> String { "u_\(i + 1)ᵀWv_\(i + 1) = s_\(i + 1)/2" }
}
