import MultiPrecision

/// `dln-gf-convergence-rate`: the gradient-flow form of Arora et al.'s Theorem 1 (docs/theory.md §1.5–1.6).
public struct DLNGFConvergenceRateKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("dln-gf-convergence-rate",
        summary: "deep linear network, whitened square loss, gradient flow from a balanced start: ℓ(t) ≤ ℓ(0)·exp(−2c^{2(N−1)/N} t)",
        method: """
        Builds the layers as for dln-gd-convergence-rate (0-balanced SVD split of `end_to_end`, or `weights`), then \
        integrates the gradient flow of ½‖W − Φ‖²_F with the Taylor series method at the working precision p \
        (tolerance 2^−(p−10)) and samples ℓ at the sample times through the dense output. The margin is the \
        smallest slack of ℓ(0)exp(−2c^{2(N−1)/N}t_i) − ℓ(t_i) (when c > 0) and of ε − ℓ(T) (when ε is given). \
        Everything is computed again at p + guard bits; the difference is the error estimate.
        """)

    public func checked(_ p: InstanceParameters) -> String? {
        "ℓ(t) ≤ ℓ(0) exp(−2 c^{2(N−1)/N} t) at \(p.written(Scenario.samples, absent: "the")) sample times in (0, T]"
            + WhitenedTarget.statementEnd(p, final: "ℓ(T)", inside: "c > 0, balanced start")
    }

    /// ℓ(t) against [the rate bound, ε] at every sample time (+∞ where one does not apply; with neither, ℓ(T) itself).
    public func check(_ p: InstanceParameters, on flow: WhitenedFlowScenario, context: EvaluationContext) throws -> PropertyOutcome {
        let target = flow.target, losses = try flow.losses(), none = BigFloat.infinity()
        let bounds = try losses.indices.dropFirst().map { i in
            guard case let .time(t) = losses[i].place else { throw EvaluationFailure("a flow sample without its time") }
            var rate = none, end = none
            if let kappa = target.kappa { rate = target.initialLoss * BigFloat.exp(-2 * kappa * BigFloat(t)) }
            if i == losses.count - 1, let epsilon = target.epsilon { end = BigFloat(epsilon) }
            if i == losses.count - 1, target.epsilon == nil, target.kappa == nil { end = losses[i].value.scalar }
            return ObservedValue(rows: 1, columns: 2, entries: [rate, end])
        }
        let balanceThreshold = BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(30)))
        return try target.outcome(losses, bounds: bounds, rhs: "[ℓ(0)exp(−2c^{2(N−1)/N}t), ε]", final: "ℓ(T)",
                                  further: [Condition("δ < 10⁻³⁰ (0-balanced start)", .rounded(balanceThreshold - target.delta))])
    }
}
