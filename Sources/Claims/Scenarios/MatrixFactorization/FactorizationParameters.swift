import Dynamics
import LinearAlgebra
import MultiPrecision

/// The parameters that the gradient-descent matrix-factorization presets share: N factors, W_j(0) = αI, step size η
/// (mirror descent shares the step size).
enum FactorizationParameters {
    static let depth = Parameter<Int>("depth", .model, 1...8, default: 2, help: "the number N of factors")
    static let alpha = Parameter<Rational>.positive("alpha", .model, help: "the initialization scale: W_j(0) = αI")
    static let stepSize = Parameter<Rational>.positive("step_size", .dynamics, help: "the step size η")
}

/// How to run gradient flow or gradient descent on the factors (`method`).
public enum FactorizationMethod: String, ParameterChoice {
    case gf, gd
}

extension FactorizationDescent {
    /// Gradient descent on `loss` from `initial` with step η.
    init(from initial: [Matrix<Rational>], loss: Loss, stepSize: Rational) {
        self.init(widths: [initial[0].columnCount] + initial.map(\.rowCount), loss: loss, stepSize: stepSize)
    }

    /// Gradient descent on `loss` for the `depth` factors n × n from W_j(0) = αI with step η, and that start.
    static func fromScaledIdentity(order n: Int, loss: Loss, _ parameters: InstanceParameters) -> (descent: Self, initial: [Matrix<Rational>]) {
        let alpha = parameters[FactorizationParameters.alpha], depth = parameters[FactorizationParameters.depth]
        let initial = Array(repeating: alpha * Matrix<Rational>.identity(n), count: depth)
        return (Self(from: initial, loss: loss, stepSize: parameters[FactorizationParameters.stepSize]), initial)
    }

    /// Runs `steps` steps from `initial` with the sampler and returns the layers at step 0, every `every`-th step and
    /// the last (or the step at which a terminal event stopped it).
    func sample(from initial: [Matrix<Rational>], steps: Int, every: Int, events: [Event<BigFloat>] = [],
                context: EvaluationContext) throws -> (places: [SamplePlace], layers: [[Matrix<BigFloat>]]) {
        let run = try TrajectorySampler(context, label: "gradient-descent").map(
            self, from: Self.state(of: initial), steps: steps, every: every, events: events)
        return (run.places, run.states.map { layers(of: $0) })
    }
}

extension ScalarFactorizationDescent {
    /// Runs the recursions m ← m − η m^{N−1}(m^N − s_i) from m_0 = α with the sampler and returns m^N for every
    /// target at step 0, every `every`-th step and the last.
    static func endToEnd(targets: [BigFloat], depth: Int, stepSize: Rational, from alpha: Rational, steps: Int, every: Int,
                         context: EvaluationContext) throws -> [[BigFloat]] {
        let run = try TrajectorySampler(context, label: "scalar recursion").map(
            Self(targets: targets, depth: depth, stepSize: stepSize), from: targets.map { _ in alpha }, steps: steps, every: every)
        return run.states.map { $0.map { BigFloat.pow($0, depth) } }
    }
}
