import Models
import MultiPrecision

/// `dln-gd-convergence-rate`: Arora, Cohen, Golowich, Hu (ICLR 2019), Theorem 1 and Lemma 1 (docs/theory.md §1.6).
public struct DLNGDConvergenceRateKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("dln-gd-convergence-rate",
        summary: "deep linear network, whitened square loss, gradient descent: Arora et al. Lemma 1 per step and ℓ(t) ≤ ℓ(0)·exp(−η c^{2(N−1)/N} t)",
        method: """
        Builds the initial layers (explicit `weights`, or a balanced factorization W_j = O_j S^{1/N} O_{j−1}ᵀ of \
        `end_to_end` by its SVD) at the working precision p, runs k gradient-descent steps on ℓ = ½‖W − Φ‖²_F and \
        checks Lemma 1 and the exponential rate at every step, and ℓ(k) ≤ ε when ε is given. The margin is the \
        smallest slack of all these inequalities (bound − value). The run is repeated at p + guard bits; the \
        difference is the error estimate. A run whose loss exceeds 10⁴⁰ is stopped as divergent (the slack at that \
        step is the margin).
        """)

    public func checked(_ p: InstanceParameters) -> String? {
        "ℓ(t+1) ≤ (1 − η σ_min(W(t))^{2(N−1)/N}) ℓ(t) and ℓ(t) ≤ ℓ(0) exp(−η c^{2(N−1)/N} t) at every step t < "
            + p.written(Scenario.steps, absent: "k")
            + WhitenedTarget.statementEnd(p, final: "ℓ(k)", inside: "c > 0, δ-balanced, η small")
    }

    /// ℓ(k) against [Lemma 1's bound, the rate bound, ε] at every step (+∞ where one does not apply).
    public func check(_ p: InstanceParameters, on gd: WhitenedDescentScenario, context: EvaluationContext) throws -> PropertyOutcome {
        let target = gd.target, run = gd.descent, eta = BigFloat(gd.stepSize), none = BigFloat.infinity()
        var bounds: [ObservedValue<BigFloat>] = []
        for k in stride(from: 1, through: run.taken, by: 1) {
            let sigma = try WhitenedTarget.smallestSingularValue(DeepLinearNetwork(layers: run.layers[k - 1]).endToEnd)
            var lemma = (1 - eta * BigFloat.pow(sigma, target.exponent)) * run.losses[k - 1], rate = none, end = none
            if let kappa = target.kappa {
                rate = target.initialLoss * BigFloat.exp(-eta * kappa * BigFloat(k))
                if run.diverged && k == run.taken { lemma = none }   // the stop: the rate's slack alone
            }
            if k == run.taken, let epsilon = target.epsilon { end = BigFloat(epsilon) }
            bounds.append(ObservedValue(rows: 1, columns: 3, entries: [lemma, rate, end]))
        }
        let n3 = BigFloat(target.depth * target.depth * target.depth), c = BigFloat.abs(target.c)
        let phiNorm = target.phi.frobeniusNorm, depth = BigInt(target.depth)
        // δ_max and η_max use |c|, so that they are defined everywhere; they matter only where c > 0 is decided.
        let deltaMax = c * c / (256 * n3 * BigFloat.pow(phiNorm, target.exponent))
        let etaMax = BigFloat.pow(c, BigFloat(Rational(numerator: 4 * depth - 2, denominator: depth)))
            / (6144 * n3 * BigFloat.pow(phiNorm, BigFloat(Rational(numerator: 6 * depth - 4, denominator: depth))))
        return try target.outcome(run.observe { run.losses[$0] }, bounds: bounds,
                                  rhs: "[Lemma 1's bound, ℓ(0)exp(−ηc^{2(N−1)/N}k), ε]", final: "ℓ(k)", further: [
            Condition("δ ≤ c²/(256 N³ ‖Φ‖_F^{2(N−1)/N})", .rounded(deltaMax - target.delta)),
            Condition("η ≤ c^{(4N−2)/N}/(6144 N³ ‖Φ‖_F^{(6N−4)/N})", .rounded(etaMax - eta)),
        ], branches: [run.divergenceBranch("max_t ℓ(t)")], diverged: run.diverged)
    }
}
