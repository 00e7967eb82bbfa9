import MultiPrecision
import Models

/// `pbl-polar-identity`: E1 and N3 (Poggio–Banburski–Liao, PNAS 2020; Du–Hu–Lee, NeurIPS 2018), docs/theory.md §2.2–2.4.
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
        "\(p[Self.identity].residual.text) ≤ tolerance at the initial state and after each of \(p.written(Self.steps, absent: "the")) small GD steps"
    }

    public func check(_ p: InstanceParameters, on scenario: ClassifierScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let flow = scenario.instance.flow
        let run = try TrajectorySampler(context, label: "gradient-descent").map(
            HomogeneousClassifierGradientDescent(flow: flow, stepSize: p[Self.stepSize]), from: scenario.instance.initial,
            steps: p[Self.steps])
        let polar = try run.states.map { try PolarVelocities(flow: flow, state: $0) }
        let residuals = polar.map { $0[keyPath: p[Self.identity].residual.at] }, n3 = polar.map(\.balanceSpread)
        var outcome = try run.atMost(context.tolerance, label: "residual", p[Self.identity].residual.text, residuals)
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

    /// The identity checked, and its relative residual at a state (from `PolarVelocities`).
    enum Identity: String, ParameterChoice {
        case e1 = "E1", n3 = "N3", e5 = "E5-single-factor", equalRhoDot = "equal-rho-dot", e4 = "E4-joint-time-change"

        var residual: (text: String, at: KeyPath<PolarVelocities, BigFloat>) {
            switch self {
            case .e1: ("max_k ‖V̇_k − ρ_k^{−2}F_k(ρ, V)‖_F/‖V̇_k‖_F", \.layerwiseResidual)
            case .n3: ("(max − min)/max over k of ρ_kρ̇_k", \.balanceSpread)
            case .e5: ("max_k ‖V̇_k − ρ^{−2/K}F_k(ρ, V)‖_F/‖V̇_k‖_F", \.singleFactorResidual)
            case .equalRhoDot: ("(max − min)/max over k of ρ̇_k", \.rateSpread)
            case .e4: ("sin∠((ρ̇, V̇), (G, F))", \.jointTimeChangeSine)
            }
        }
    }

    public static var layerNorms: Parameter<LayerNorms>? { ClassifierInstance.equalNorms }
}
