import MultiPrecision

/// `dln-gf-loss-monotone`: gradient flow descends its objective, d/dt Φ(W(t)) = −‖∇Φ‖² ≤ 0 (docs/theory.md §1.1).
public struct DLNGFLossMonotoneKind: TrajectoryKind, DescribedKind {
    /// What is claimed to be non-increasing.
    enum Observable: String, ParameterChoice {
        case loss, objective
    }

    static let observable = Parameter<Observable>("observable", .check, default: .loss,
        help: "\"loss\", L(W(t)), or \"objective\", Φ(W(t)) = L + λ/2·Σ_j‖W_j‖²_F + μ/2·‖W_1‖²_F, the one the flow descends")

    public static let about = KindDescription("dln-gf-loss-monotone",
        summary: "deep linear network, gradient flow (optionally weight decay λ, first-layer penalty μ): L(W(t)), or the objective Φ(W(t)), is non-increasing",
        method: """
        Integrates the gradient flow with the Taylor series method at the working precision p (tolerance \
        2^−(p−10)) and evaluates L(W(t)), or Φ(W(t)) = L + λ/2·Σ_j‖W_j‖²_F + μ/2·‖W_1‖²_F, at n + 1 equally \
        spaced times 0, T/n, …, T (dense output). The margin is min_k (e_k − e_{k+1}) plus the tolerance, at the \
        pair of samples where the observable falls least (or rises most). Everything is computed again at p + \
        guard bits; the difference is the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [Self.observable] }

    public func checked(_ p: InstanceParameters) -> String? {
        let e = p[Self.observable] == .loss ? "L(W(t))" : "Φ(W(t)) = L + λ/2·Σ_j‖W_j‖²_F + μ/2·‖W_1‖²_F"
        return "\(e) is non-increasing: e(t_k) − e(t_{k+1}) ≥ −tolerance for the "
            + "\(p.written(DeepLinearFlowScenario.outputTimes, absent: "n")) steps between t = 0, T/n, …, T"
    }

    public func check(_ p: InstanceParameters, on flow: DeepLinearFlowScenario,
                      context: EvaluationContext) throws -> PropertyOutcome {
        let lambda = BigFloat(flow.field.weightDecay), mu = BigFloat(flow.field.firstLayerPenalty)
        let penalized = p[Self.observable] == .objective
        let values = try flow.observe { layers in
            var e = try flow.loss(layers)
            if penalized {
                for w in layers { e += lambda / 2 * w.frobeniusInnerProduct(w) }
                e += mu / 2 * layers[0].frobeniusInnerProduct(layers[0])
            }
            return e
        }
        return try MonotoneProperty(label: penalized ? "Φ" : "L", observable: penalized ? "Φ(W(t))" : "L(W(t))",
                                    direction: .nonIncreasing, tolerance: context.tolerance).evaluate(values)
    }
}
