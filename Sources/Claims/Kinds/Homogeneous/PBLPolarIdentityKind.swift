import LinearAlgebra
import MultiPrecision
import Models

/// `pbl-polar-identity`: the pointwise polar identities of gradient flow for a homogeneous network with the
/// exponential loss (Poggio, Banburski, Liao, PNAS 2020; Du, Hu, Lee, NeurIPS 2018; docs/theory.md §2.2–2.4), checked
/// on a bias-free deep linear classifier f = W_K ⋯ W_1 x or a bias-free ReLU network (the pattern of each state) at a
/// sequence of states (the initial state and the states
/// after each of `steps` small gradient-descent steps; the identities are pointwise, so they must hold at every
/// state). With ρ_k = ‖W_k‖_F, V_k = W_k/ρ_k, ρ = Π ρ_k and the constrained field F_k(ρ, V) of §2.3:
///
/// - `"E1"`: V̇_k = ρ_k^{−2} F_k(ρ, V) for every k (V̇_k from the GF field Ẇ_k = −∂L/∂W_k, F_k from the normalized
///   weights alone); residual max_k ‖V̇_k − ρ_k^{−2}F_k‖_F / ‖V̇_k‖_F.
/// - `"N3"`: ρ_k ρ̇_k is the same for every layer (so ρ_k² − ρ_j² is conserved); residual (max − min)/max |ρ_kρ̇_k|.
/// - `"E5-single-factor"` (known false with unequal layer norms): V̇_k = ρ^{−2/K} F_k for every k.
/// - `"equal-rho-dot"` (known false with unequal layer norms): ρ̇_k is the same for every layer.
/// - `"E4-joint-time-change"` (known false, §2.4 E4): the joint velocity (ρ̇, V̇) of GF is parallel to the constrained
///   system's (G, F), as it would have to be if the (ρ, V) trajectory were a time change of it; residual the sine of
///   the angle between the two (they are parallel only where Kρ² = 1).
///
/// Margin: tolerance − max over states of the relative residual.
public struct PBLPolarIdentityKind: ClaimKind {
    public init() {}

    public var name: String { "pbl-polar-identity" }

    public var summary: String {
        "homogeneous net, exponential loss, gradient flow in polar form: V̇_k = ρ_k^{−2}F_k(ρ,V) (E1), ρ_kρ̇_k equal across layers (N3)"
    }

    public var method: String {
        """
        Evaluates, in MPFR at the working precision p, the gradient-flow field Ẇ_k = Σ_n e^{−y_n f_n} y_n ∂f_n/∂W_k \
        of a deep linear classifier or bias-free ReLU network (the activation pattern of the state) with exponential \
        loss, its polar form ρ̇_k = ⟨V_k, Ẇ_k⟩ and \
        V̇_k = (Ẇ_k − ρ̇_k V_k)/ρ_k, and independently the constrained field F_k(ρ, V) from the normalized layers \
        (docs/theory.md §2.3). The relative residual of the claimed identity is taken over the initial state and the \
        states after each gradient-descent step. Margin: tolerance − max residual; the run at p + guard bits gives \
        the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, scales, steps and the identity.
    public var parameters: [ParameterSpec] {
        ClassifierInstance.modelParameters(maxWidth: 16, depths: 3...8, maxSamples: 64, data: .randomLabels,
                                           layerNorms: ("equal", ClassifierInstance.layerNormsHelp)) + ParameterSpec.list(Self.stepSize, Self.steps, Self.identity)
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try ClassifierInstance.validate(parameters)
    }

    /// Generates the states and measures the residual.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let precision = context.workingPrecision
        let instance = ClassifierInstance(normalizedLayers: parameters, precision: precision)
        let flow = instance.flow
        let k = flow.depth
        let eta = BigFloat(parameters[Self.stepSize])
        let steps = parameters[Self.steps]
        let identity = parameters[Self.identity]
        var state = instance.initial.map { BigFloat($0) }

        var worst = BigFloat(0), worstState = 0
        var maxN3Spread = BigFloat(0)
        for index in 0...steps {
            try context.checkpoint()
            let polar = try PolarVelocities(flow: flow, state: state)
            let rho = polar.layerNorms, rhoDot = polar.layerNormRates
            let residual: BigFloat
            switch identity {
            case "E1", "E5-single-factor":
                let single = BigFloat.pow(polar.norm, rational: Rational(numerator: -2, denominator: BigInt(k)))
                var r = BigFloat(0)
                for j in 0..<k {
                    let factor = identity == "E1" ? BigFloat(1) / (rho[j] * rho[j]) : single
                    let ratio = norm(zip(polar.directionRates[j], polar.constrainedField[j]).map { $0 - factor * $1 })
                        / norm(polar.directionRates[j])
                    if ratio > r { r = ratio }
                }
                residual = r
            case "E4-joint-time-change":
                // Sine of the angle between the GF velocity (ρ̇, V̇) and the constrained system's (G, F).
                let rhoDotTotal = polar.norm * (0..<k).reduce(BigFloat(0)) { $0 + rhoDot[$1] / rho[$1] }
                let u = [rhoDotTotal] + polar.directionRates.flatMap { $0 }
                let w = [polar.radialForce] + polar.constrainedField.flatMap { $0 }
                let projection = dot(u, w) / dot(w, w)
                residual = norm(zip(u, w).map { $0 - projection * $1 }) / norm(u)
            default:
                let values = identity == "N3" ? (0..<k).map { rho[$0] * rhoDot[$0] } : rhoDot
                residual = (values.max()! - values.min()!) / values.map { BigFloat.abs($0) }.max()!
            }
            let n3 = (0..<k).map { rho[$0] * rhoDot[$0] }
            let n3Spread = (n3.max()! - n3.min()!) / n3.map { BigFloat.abs($0) }.max()!
            if n3Spread > maxN3Spread { maxN3Spread = n3Spread }
            if residual > worst || index == 0 { worst = residual; worstState = index }
            if index < steps {
                for i in state.indices { state[i] += eta * polar.velocity[i] }
            }
        }
        let tolerance = BigFloat(context.tolerance)
        return Evaluation(
            quantities: [
                Quantity("max relative residual of \(identity)", .rounded(worst)),
                Quantity("max (max_k − min_k)(ρ_kρ̇_k) / max_k |ρ_kρ̇_k| (N3)", .rounded(maxN3Spread)),
            ],
            margin: .rounded(tolerance - worst),
            location: "state after \(worstState) gradient-descent steps",
            statistics: ["states": "\(steps + 1)", "depth": "\(k)", "network": flow.activation.rawValue]
        )
    }

    /// ⟨a, b⟩.
    private func dot(_ a: [BigFloat], _ b: [BigFloat]) -> BigFloat { zip(a, b).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 } }

    /// ‖a‖₂.
    private func norm(_ a: [BigFloat]) -> BigFloat { BigFloat.sqrt(dot(a, a)) }
}

extension PBLPolarIdentityKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let identity: String
        switch p[Self.identity] {
        case "E1": identity = "max_k ‖V̇_k − ρ_k^{−2}F_k(ρ, V)‖_F/‖V̇_k‖_F"
        case "N3": identity = "(max − min)/max over k of ρ_kρ̇_k"
        case "E5-single-factor": identity = "max_k ‖V̇_k − ρ^{−2/K}F_k(ρ, V)‖_F/‖V̇_k‖_F"
        case "equal-rho-dot": identity = "(max − min)/max over k of ρ̇_k"
        default: identity = "sin∠((ρ̇, V̇), (G, F))"
        }
        return "\(identity) ≤ tolerance at the initial state and after each of \(p.written(Self.steps, absent: "the")) small GD steps"
    }
}

extension PBLPolarIdentityKind {
    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        default: Rational(numerator: 1, denominator: 20),
        help: "η of the gradient-descent steps that generate the states")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(0...1000), default: 10,
        help: "the number of gradient-descent steps (states checked: steps + 1)")

    static let identity = Parameter<String>("identity", .check,
        type: .choice(["E1", "N3", "E5-single-factor", "equal-rho-dot", "E4-joint-time-change"]),
        help: "E1, N3, or the known-false E5-single-factor / equal-rho-dot / E4-joint-time-change")
}
