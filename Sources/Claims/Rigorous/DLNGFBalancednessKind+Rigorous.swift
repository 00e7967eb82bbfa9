import Dynamics
import LinearAlgebra
import MultiPrecision
import Models

/// The balancedness matrices D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ, j = 1 … N−1, of a deep-linear-network state, entry by
/// entry: the invariant of the gradient flow, as a `StateObservable` (products and transposes only).
struct DLNBalancednessObservable: StateObservable {
    /// The state layout (blocks W1 … WN).
    let layout: StateLayout
    /// The layer j (1-based) whose D_j this is.
    let layer: Int
    /// The sizes of D_j.
    let size: Int

    var dimension: Int { layout.dimension }
    var count: Int { size * size }

    func evaluate<T: DynamicsScalar>(state: [T]) -> [T] {
        let lower = StateMatrix(state, layout, block: layer - 1), upper = StateMatrix(state, layout, block: layer)
        return (StateMatrix.transposeProduct(upper, upper) - StateMatrix.productTranspose(lower, lower)).entries
    }
}

extension DLNGFBalancednessKind: RigorousClaimKind {
    /// Only the conservation law (decay rate 0) runs in balls.
    public func rigorousUnavailability(_ parameters: InstanceParameters) -> String? {
        (parameters.rational("decay_rate") ?? 0).isZero ? nil : "only the conservation law (decay_rate = 0) is checked in balls"
    }

    /// What the balls enclose and decide.
    public func rigorousChecked(_ parameters: InstanceParameters) -> String? {
        guard (parameters.rational("decay_rate") ?? 0).isZero else { return nil }
        let horizon = parameters.rational("horizon").map { ExactDecimal.text($0) ?? $0.description } ?? "T"
        return "the gradient flow integrated by validated Taylor steps in balls from the exact layers over [0, \(horizon)]; "
            + "every entry of D_j(t) − D_j(0) enclosed at the \(parameters.integer("output_times") ?? 64) equally spaced "
            + "output times, and max_{t,j,a,b} |D_j(t)[a,b] − D_j(0)[a,b]| certainly ≤ the tolerance"
    }

    /// Rigorous mode (`attest check --rigorous`): see `rigorousFlowEvaluation(_:context:mutation:)`.
    public func evaluateRigorously(_ parameters: InstanceParameters, context: EvaluationContext) throws -> RigorousEvaluation {
        try rigorousFlowEvaluation(parameters, context: context).rigorousEvaluation
    }

    /// Rigorous mode: encloses D_j(t) − D_j(0) along the gradient flow in Arb ball arithmetic (validated Taylor
    /// steps, docs/rigorous-flows.md) at the `output_times` equally spaced times of (0, T], from the exact rational
    /// initial layers and data. The claim proved (or refuted) is max_{t,j,a,b} |D_j(t)[a,b] − D_j(0)[a,b]| ≤ ε,
    /// ε the claim's tolerance; the margin is ε − (an upper bound of that maximum). Only the conservation law
    /// (decay rate 0) is checked this way.
    func rigorousFlowEvaluation(_ parameters: InstanceParameters, context: EvaluationContext,
                                mutation: ValidatedTaylorIntegrator.Mutation = .none) throws -> RigorousFlowEvaluation {
        guard (parameters.rational("decay_rate") ?? 0).isZero else {
            throw EvaluationFailure("rigorous mode checks the conservation law only (decay_rate = 0)")
        }
        let setup = try DLNParameters.setup(parameters)
        let horizon = parameters.rational("horizon")!
        let loss = DeepLinearNetworkLoss(rawValue: parameters.choice("loss") ?? "square") ?? .square
        let field = try DeepLinearNetworkGradientFlow(
            widths: setup.widths, x: setup.x, y: setup.y, loss: loss,
            weightDecay: parameters.rational("weight_decay") ?? 0,
            firstLayerPenalty: parameters.rational("first_layer_penalty") ?? 0)
        let count = parameters.integer("output_times") ?? 64
        let observables = (1..<(setup.widths.count - 1)).map { j in
            RigorousInvariantFlow.Observable(
                name: "D_\(j)", function: DLNBalancednessObservable(layout: field.layout, layer: j, size: setup.widths[j]))
        }
        let bits = context.precision ?? Precision.current
        let result = try RigorousInvariantFlow.run(
            field: field, initial: DeepLinearNetworkGradientFlow.state(of: setup.network.layers),
            observables: observables, horizon: horizon, outputTimes: count, bits: bits, context: context,
            mutation: mutation)
        return RigorousFlowEvaluation(result: result, tolerance: context.tolerance, horizon: horizon, outputTimes: count,
                                      bits: bits, quantityName: "max_{t,j,a,b} |D_j(t)[a,b] − D_j(0)[a,b]|")
    }
}
