import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// A sampled gradient-descent run of a deep linear network with the square loss ½‖W_N⋯W_1 X − Y‖²_F: every step is
/// kept, and a run whose loss exceeds 10⁴⁰ stops there as divergent (a terminal event of the iteration).
struct DeepLinearDescentRun {
    /// The loss above which a run counts as divergent.
    static let divergenceLimit = BigFloat(Rational(numerator: BigInt(10).power(40), denominator: 1))

    /// The flow whose field gives the steps, and X, Y at the working precision.
    let field: DeepLinearNetworkGradientFlow
    let x: Matrix<BigFloat>, y: Matrix<BigFloat>
    /// The sampled run (steps 0 … k, or up to the divergence stop).
    let run: TrajectorySampler.Run
    /// The layers and the loss at every step kept.
    let layers: [[Matrix<BigFloat>]], losses: [BigFloat]
    /// The steps asked for.
    let steps: Int

    /// Runs `steps` steps of size `stepSize` from `initial`.
    init(_ field: DeepLinearNetworkGradientFlow, from initial: [Matrix<Rational>], stepSize: Rational, steps: Int,
         context: EvaluationContext) throws {
        self.field = field
        self.steps = steps
        let x = DLNParameters.rounded(field.x), y = DLNParameters.rounded(field.y)
        (self.x, self.y) = (x, y)
        let loss = { (state: [BigFloat]) -> BigFloat in
            do { return try DeepLinearNetwork(layers: field.layers(of: state)).squareLoss(x: x, y: y) } catch { return .infinity() }
        }
        // The event sees the state of every step, the one the run keeps: its loss is kept by step, not computed again.
        var seen: [Int: BigFloat] = [:]
        let divergence = Event<BigFloat>("loss above 10⁴⁰", direction: .falling) { step, state in
            let value = loss(state)
            seen[Int(step.doubleValue)] = value
            return Self.divergenceLimit - value
        }
        run = try TrajectorySampler(context, label: "gradient-descent").map(
            field.gradientDescent(stepSize: stepSize),
            from: DeepLinearNetworkGradientFlow.state(of: initial), steps: steps, events: [divergence],
            normLimit: Rational(numerator: BigInt(1) << 4096, denominator: 1))
        layers = run.states.map(field.layers(of:))
        losses = zip(run.places, run.states).map { place, state in
            if case let .step(k) = place, let value = seen[k] { value } else { loss(state) }
        }
    }

    /// The number of steps taken.
    var taken: Int { layers.count - 1 }

    /// Whether the run stopped as divergent.
    var diverged: Bool { taken < steps }

    /// The branch the stop decided: 10⁴⁰ − max_t L(W(t)) > 0, named `what` (for example "max_t ℓ(t)").
    func divergenceBranch(_ what: String) -> Condition {
        let largest = losses.reduce(BigFloat(0)) { BigFloat.maximum($0, $1) }
        return Condition("10⁴⁰ − \(what) > 0 (no divergence stop)", .rounded(Self.divergenceLimit - largest))
    }

    /// The square-loss gradients ∂L/∂W_j at step k.
    func gradients(at k: Int) throws -> [Matrix<BigFloat>] {
        try DeepLinearNetwork(layers: layers[k]).squareLossGradients(x: x, y: y)
    }

    /// The observable `value` at every step kept.
    func observe(_ value: (Int) throws -> BigFloat) rethrows -> [Observation<BigFloat>] {
        try run.places.indices.map { k in Observation(place: run.places[k], scalar: try value(k)) }
    }
}
