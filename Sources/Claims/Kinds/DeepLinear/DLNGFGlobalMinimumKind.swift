import LinearAlgebra
import Models
import MultiPrecision

/// `dln-gf-global-minimum`: Bah, Rauhut, Terstiege, Westdickenberg (2022), statement B2 (docs/theory.md §1.7).
public struct DLNGFGlobalMinimumKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("dln-gf-global-minimum",
        summary: "deep linear network, gradient flow: L(W(T)) is within ε of min_{rank W ≤ k} ½‖WX − Y‖²_F (whitened Eckart–Young)",
        method: """
        Integrates the gradient flow over [0, T] with the Taylor series method at the working precision p \
        (tolerance 2^−(p−10)). Independently computes the rank-k optimum by whitening and Eckart–Young \
        (C^{−1/2} by the symmetric eigendecomposition, then the singular values of Q = Y Xᵀ C^{−1/2}). The margin is \
        ε − |L(W(T)) − optimum|. Also reports σ_min(W(T)), the numerical rank of W(T) (singular values above \
        10⁻²⁰) and max_j ‖∂L/∂W_j(T)‖_F. Everything is computed again at p + guard bits; the difference is the \
        error estimate.
        """)

    public var declared: [any DeclaredParameter] { [RankConstrainedOptimum.epsilon, RankConstrainedOptimum.optimumRank] }

    /// The square loss without penalties: the optimum is that of ½‖WX − Y‖²_F.
    public func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(p)
        for (key, plain) in [(Scenario.loss.spec.name, p[Scenario.loss] == .square), (Scenario.weightDecay.spec.name,
            p[Scenario.weightDecay].isZero), (Scenario.firstLayerPenalty.spec.name, p[Scenario.firstLayerPenalty].isZero)] where !plain {
            throw ParameterProblem(key: key, .invalidValue("the rank-k optimum is that of the square loss without penalties"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        "|L(W(T)) − min_{rank W ≤ k} ½‖WX − Y‖²_F| ≤ ε = \(p.written(RankConstrainedOptimum.epsilon, absent: "ε")) at "
            + "T = \(p.written(Scenario.horizon, absent: "T")), k = \(p.written(RankConstrainedOptimum.optimumRank, absent: "r"))"
    }

    public func check(_ p: InstanceParameters, on flow: DeepLinearFlowScenario, context: EvaluationContext) throws -> PropertyOutcome {
        var outcome = try RankConstrainedOptimum.check(p, flow.finalLayers, x: flow.x, y: flow.y, widths: flow.setup.widths,
                                                       at: .time(p[Scenario.horizon]), time: "T")
        let sigma = try SingularValueDecomposition(DeepLinearNetwork(layers: flow.finalLayers).endToEnd).singularValues
        let threshold = BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(20)))
        outcome.quantities.append(Quantity("σ_min(W(T))", .rounded(sigma.reduce(.infinity()) { BigFloat.minimum($0, $1) })))
        outcome.place = "t = T, numerical rank of W(T) = \(sigma.filter { $0 > threshold }.count) (σ > 1e-20)"
        return outcome
    }
}
