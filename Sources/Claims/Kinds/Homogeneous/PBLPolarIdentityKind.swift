import MultiPrecision
import Models

/// `pbl-polar-identity`: the pointwise polar identities of gradient flow for a homogeneous network with the
/// exponential loss (Poggio, Banburski, Liao, PNAS 2020; Du, Hu, Lee, NeurIPS 2018; docs/theory.md §2.2–2.4), on a
/// bias-free deep linear classifier or ReLU network (the pattern of each state), at the initial state and after each
/// of `steps` small gradient-descent steps (the identities are pointwise). With ρ_k = ‖W_k‖_F, V_k = W_k/ρ_k,
/// ρ = Π ρ_k and the constrained field F_k(ρ, V) of §2.3: `"E1"`, V̇_k = ρ_k^{−2} F_k; `"N3"`, ρ_kρ̇_k is the same
/// for every layer; the known-false `"E5-single-factor"` (V̇_k = ρ^{−2/K} F_k), `"equal-rho-dot"` (ρ̇_k equal) and
/// `"E4-joint-time-change"` ((ρ̇, V̇) parallel to the constrained system's (G, F), as a time change would need).
public struct PBLPolarIdentityKind: TrajectoryKind, ClassifierSetup, DescribedKind {
    public static let about = KindDescription("pbl-polar-identity",
        summary: "homogeneous net, exponential loss, gradient flow in polar form: V̇_k = ρ_k^{−2}F_k(ρ,V) (E1), ρ_kρ̇_k equal across layers (N3)",
        method: """
        Evaluates, in MPFR at the working precision p, the gradient-flow field Ẇ_k = Σ_n e^{−y_n f_n} y_n ∂f_n/∂W_k \
        of a deep linear classifier or bias-free ReLU network (the activation pattern of the state) with exponential \
        loss, its polar form ρ̇_k = ⟨V_k, Ẇ_k⟩ and V̇_k = (Ẇ_k − ρ̇_k V_k)/ρ_k, and independently the constrained \
        field F_k(ρ, V) from the normalized layers (docs/theory.md §2.3). The states are the initial one and those \
        after each step W ← W + ηẆ. Margin: tolerance − the largest relative residual of the identity over the \
        states; the run at p + guard bits gives the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [Self.stepSize, Self.steps, Self.identity] }

    public func checked(_ p: InstanceParameters) -> String? {
        "\(p[Self.identity].text) ≤ tolerance at the initial state and after each of \(p.written(Self.steps, absent: "the")) small GD steps"
    }

    public func check(_ p: InstanceParameters, on scenario: ClassifierScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let flow = scenario.instance.flow
        let run = try TrajectorySampler(context, label: "gradient-descent").map(
            HomogeneousClassifierGradientDescent(flow: flow, stepSize: p[Self.stepSize]), from: scenario.instance.initial,
            steps: p[Self.steps])
        let polar = try run.states.map { try PolarVelocities(flow: flow, state: $0) }
        let residuals = polar.map(p[Self.identity].residual), n3 = polar.map(Identity.n3.residual)
        var outcome = try run.atMost(context.tolerance, label: "residual", p[Self.identity].text, residuals)
        outcome.quantities += [Quantity("max relative residual of the identity", .rounded(residuals.largest)),
                               Quantity("max (max_k − min_k)(ρ_kρ̇_k) / max_k |ρ_kρ̇_k| (N3)", .rounded(n3.largest))]
        return outcome
    }

    static let stepSize = Parameter<Rational>.positive("step_size", .dynamics, default: Rational(numerator: 1, denominator: 20),
        help: "η of the gradient-descent steps that generate the states")
    static let steps = Parameter<Int>("steps", .dynamics, 0...1000, default: 10,
        help: "the number of gradient-descent steps (states checked: steps + 1)")
    static let identity = Parameter<Identity>("identity", .check, type: .choice(Identity.allCases.map(\.rawValue)),
        help: "E1, N3, or the known-false E5-single-factor / equal-rho-dot / E4-joint-time-change")

    /// The identity checked, and its relative residual at a state.
    enum Identity: String, ParameterChoice {
        case e1 = "E1", n3 = "N3", e5 = "E5-single-factor", equalRhoDot = "equal-rho-dot", e4 = "E4-joint-time-change"

        var text: String {
            switch self {
            case .e1: "max_k ‖V̇_k − ρ_k^{−2}F_k(ρ, V)‖_F/‖V̇_k‖_F"
            case .n3: "(max − min)/max over k of ρ_kρ̇_k"
            case .e5: "max_k ‖V̇_k − ρ^{−2/K}F_k(ρ, V)‖_F/‖V̇_k‖_F"
            case .equalRhoDot: "(max − min)/max over k of ρ̇_k"
            case .e4: "sin∠((ρ̇, V̇), (G, F))"
            }
        }

        func residual(_ v: PolarVelocities) -> BigFloat {
            let k = v.layerNorms.count, rho = v.layerNorms, rhoDot = v.layerNormRates
            func dot(_ a: [BigFloat], _ b: [BigFloat]) -> BigFloat { zip(a, b).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 } }
            func norm(_ a: [BigFloat]) -> BigFloat { BigFloat.sqrt(dot(a, a)) }
            func spread(_ x: [BigFloat]) -> BigFloat { (x.largest - x.smallest) / x.map { BigFloat.abs($0) }.largest }
            switch self {
            case .e1, .e5:
                let single = BigFloat.pow(v.norm, rational: Rational(numerator: -2, denominator: BigInt(k)))
                return (0..<k).map { j in
                    let factor = self == .e1 ? BigFloat(1) / (rho[j] * rho[j]) : single
                    return norm(zip(v.directionRates[j], v.constrainedField[j]).map { $0 - factor * $1 }) / norm(v.directionRates[j])
                }.reduce(BigFloat(0)) { BigFloat.maximum($0, $1) }
            case .e4:
                let u = [v.norm * (0..<k).reduce(BigFloat(0)) { $0 + rhoDot[$1] / rho[$1] }] + v.directionRates.flatMap { $0 }
                let w = [v.radialForce] + v.constrainedField.flatMap { $0 }
                let projection = dot(u, w) / dot(w, w)
                return norm(zip(u, w).map { $0 - projection * $1 }) / norm(u)
            case .n3: return spread((0..<k).map { rho[$0] * rhoDot[$0] })
            case .equalRhoDot: return spread(rhoDot)
            }
        }
    }

    public static var layerNorms: Parameter<LayerNorms>? { ClassifierInstance.equalNorms }
}
