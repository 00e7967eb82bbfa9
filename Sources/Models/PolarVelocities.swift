import MultiPrecision

/// The gradient-flow velocity of a homogeneous classifier at one state, in the polar variables of docs/theory.md §2.1–2.3,
/// next to the constrained field computed from the normalized layers alone:
///
///     ρ_k = ‖W_k‖_F, V_k = W_k/ρ_k, ρ = Π ρ_k;  Ẇ = −∇L(W);  ρ̇_k = ⟨V_k, Ẇ_k⟩;  V̇_k = (Ẇ_k − ρ̇_k V_k)/ρ_k;
///     G = Σ_n e^{−ρ y_n f̃_n} y_n f̃_n;  F_k = ρ Σ_n e^{−ρ y_n f̃_n} y_n (∂f̃_n/∂V_k − f̃_n V_k)   (f̃ at V).
///
/// For a ReLU network both use the activation pattern of the state (the same at W and at V, since the sign of every
/// pre-activation is invariant under positive scaling of the layers).
public struct PolarVelocities: Sendable {
    /// Ẇ = −∇L(W), row by row as the state.
    public var velocity: [BigFloat]
    /// ρ_k.
    public var layerNorms: [BigFloat]
    /// ρ = Π ρ_k.
    public var norm: BigFloat
    /// ρ̇_k.
    public var layerNormRates: [BigFloat]
    /// V̇_k, layer by layer (each row by row).
    public var directionRates: [[BigFloat]]
    /// F_k(ρ, V), layer by layer.
    public var constrainedField: [[BigFloat]]
    /// −∇_V L(ρ, V) = ρ Σ_n e^{−ρ y_n f̃_n} y_n ∂f̃_n/∂V_k, the unconstrained negative gradient, layer by layer.
    public var unconstrainedField: [[BigFloat]]
    /// G(ρ, V) = −∂L/∂ρ at fixed V.
    public var radialForce: BigFloat

    /// Evaluates at `state` (W_1 … W_K row by row) at the current precision.
    ///
    /// - Throws: `ActivationPatternError.zeroPreactivation` where a ReLU pre-activation is exactly 0 (kink).
    public init(flow: HomogeneousClassifierFlow, state: [BigFloat]) throws(ActivationPatternError) {
        let z = flow.preactivations(of: state)
        if let unit = z.firstIndex(where: \.isZero) { throw .zeroPreactivation(unit: unit, time: "this state") }
        let field = flow.with(pattern: z.map { $0 > 0 })
        var wDot = Array(repeating: BigFloat(0), count: flow.dimension)
        field.evaluate(time: BigFloat(0), state: state, into: &wDot)
        velocity = wDot
        let blocks = (0..<flow.depth).map { k in flow.offset(k)..<(flow.offset(k) + flow.widths[k + 1] * flow.widths[k]) }
        layerNorms = blocks.map { r in BigFloat.sqrt(state[r].reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        norm = layerNorms.reduce(BigFloat(1), *)
        var v = state
        for (k, r) in blocks.enumerated() { for i in r { v[i] = state[i] / layerNorms[k] } }
        layerNormRates = blocks.map { r in r.reduce(BigFloat(0)) { $0 + v[$1] * wDot[$1] } }
        let rates = layerNormRates, norms = layerNorms
        directionRates = blocks.enumerated().map { k, r in r.map { (wDot[$0] - rates[k] * v[$0]) / norms[k] } }
        var acc = Array(repeating: BigFloat(0), count: flow.dimension)
        let rho = norm
        let g = field.accumulate(v, offset: 0, scale: rho, pattern: field.pattern[...], into: &acc, at: 0)
        radialForce = g
        unconstrainedField = blocks.map { r in r.map { rho * acc[$0] } }
        constrainedField = blocks.map { r in r.map { rho * (acc[$0] - g * v[$0]) } }
    }

    /// Evaluates at W_k = ρ_k V_k, from unit-norm directions V_1 … V_K (row by row as a state) and layer norms ρ_k.
    ///
    /// - Throws: `ActivationPatternError.zeroPreactivation` where a ReLU pre-activation is exactly 0 (kink).
    public init(flow: HomogeneousClassifierFlow, directions: [BigFloat], layerNorms: [BigFloat]) throws(ActivationPatternError) {
        var state = directions
        for k in 0..<flow.depth { for i in flow.offset(k)..<flow.offset(k + 1) { state[i] = layerNorms[k] * directions[i] } }
        try self.init(flow: flow, state: state)
    }
}
