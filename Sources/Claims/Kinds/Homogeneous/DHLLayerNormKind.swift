import MultiPrecision

/// `dhl-layer-norm-differences`: N3 of Du, Hu, Lee (NeurIPS 2018) along the trajectory; docs/theory.md §2.2 and §2.5.
public struct DHLLayerNormKind: TrajectoryKind, ClassifierSetup, DescribedKind {
    public static let about = KindDescription("dhl-layer-norm-differences",
        summary: "homogeneous net (linear or ReLU), exponential loss, gradient flow: ρ_k² − ρ_1² is constant along the trajectory (N3)",
        method: """
        Integrates gradient flow with the Taylor method at the working precision p (tolerance 2^−(p−10)); a ReLU \
        network runs with its activation pattern fixed per segment and restarts at every located sign change of a \
        pre-activation, the signs being checked at every step and output time. At each sample time it measures \
        max_k |q_k(t) − q_k(0)| / s(t), with q_k = ρ_k² − ρ_1² and s = max_k ρ_k² (or q_k = ρ_k/ρ_1 and s = max_k \
        |q_k(0)| for the known-false ratios). Margin: tolerance − the largest value over the sample times; the run \
        at p + guard bits gives the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [ClassifierInstance.horizon, ClassifierInstance.sampleTimes, Self.quantity] }

    public func checked(_ p: InstanceParameters) -> String? {
        (p[Self.quantity] == .ratios ? "max_k |ρ_k/ρ_1(t) − ρ_k/ρ_1(0)| / max_k ρ_k/ρ_1(0)"
            : "max_k |(ρ_k² − ρ_1²)(t) − (ρ_k² − ρ_1²)(0)| / max_k ρ_k²(t)") + " ≤ tolerance at every sample time t ≤ T"
    }

    public func check(_ p: InstanceParameters, on scenario: ClassifierScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let ratios = p[Self.quantity] == .ratios, n = p[ClassifierInstance.sampleTimes], horizon = p[ClassifierInstance.horizon]
        let run = try scenario.run(scenario.instance.flow, to: horizon, at: (0...n).map { horizon * Rational($0) / Rational(n) })
        let squares = run.states.map(scenario.instance.squaredNorms)
        let q = squares.map { s in (1..<s.count).map { ratios ? BigFloat.sqrt(s[$0] / s[0]) : s[$0] - s[0] } }
        let drifts = zip(q, squares).map { qt, st in
            zip(qt, q[0]).map { BigFloat.abs($0 - $1) }.largest / (ratios ? q[0].map { BigFloat.abs($0) }.largest : st.largest)
        }
        var outcome = try run.atMost(context.tolerance, label: "drift", "max_k |q_k(t) − q_k(0)| / s(t)", drifts)
        outcome.quantities.append(Quantity("max_t max_k |q_k(t) − q_k(0)| / s(t)", .rounded(drifts.largest)))
        outcome.quantities += scenario.instance.squaredNorms(run.final).enumerated().map {
            Quantity("ρ_\($0.offset + 1)(T)", .rounded(BigFloat.sqrt($0.element)))
        }
        outcome.quantities.append(Quantity("activation switches", .exact(Rational(run.events.count))))
        return outcome
    }

    static let quantity = Parameter<Conserved>("quantity", .check, default: .differences,
        help: "ρ_k² − ρ_1² (Du–Hu–Lee), or ρ_k/ρ_1 (known false)")

    /// The quantity claimed constant.
    enum Conserved: String, ParameterChoice {
        case differences = "squared-norm-differences", ratios = "norm-ratios"
    }

    public static var layerNorms: Parameter<LayerNorms>? { ClassifierInstance.unequalNorms }
}
