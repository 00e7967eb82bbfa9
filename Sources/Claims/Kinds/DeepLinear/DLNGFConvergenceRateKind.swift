import MultiPrecision

/// `dln-gf-convergence-rate`: the gradient-flow version of Arora et al.'s Theorem 1 (docs/theory.md §1.6, derived
/// from §1.5): from a 0-balanced start with deficiency margin c > 0, ℓ(t) = ½‖W_N ⋯ W_1(t) − Φ‖²_F satisfies
/// ℓ(t) ≤ ℓ(0)·exp(−2 c^{2(N−1)/N} t) at `samples` equally spaced times in (0, T]; and ℓ(T) ≤ ε when `epsilon` is
/// given. Outside the hypotheses (c ≤ 0, or δ = max_j ‖D_j(0)‖_F above 10⁻³⁰) the verdict is NOT APPLICABLE unless
/// `hypotheses = "ignored"`; both are margins decided against their error estimates.
public struct DLNGFConvergenceRateKind: TrajectoryKind {
    public typealias Scenario = WhitenedFlowScenario

    public init() {}

    public var name: String { "dln-gf-convergence-rate" }

    public var summary: String {
        "deep linear network, whitened square loss, gradient flow from a balanced start: ℓ(t) ≤ ℓ(0)·exp(−2c^{2(N−1)/N} t)"
    }

    public var method: String {
        """
        Builds the layers as for dln-gd-convergence-rate (0-balanced SVD split of `end_to_end`, or `weights`), then \
        integrates the gradient flow of ½‖W − Φ‖²_F with the Taylor series method at the working precision p \
        (tolerance 2^−(p−10)) and samples ℓ at the sample times through the dense output. The margin is the \
        smallest slack of ℓ(0)exp(−2c^{2(N−1)/N}t_i) − ℓ(t_i) (when c > 0) and of ε − ℓ(T) (when ε is given). \
        Everything is computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var declared: [any DeclaredParameter] { [] }

    public func checked(_ p: InstanceParameters) -> String? {
        "ℓ(t) ≤ ℓ(0) exp(−2 c^{2(N−1)/N} t) at \(p.written(Scenario.samples, absent: "the")) sample times in (0, T]"
            + (p.has(WhitenedTarget.epsilon) ? ", and ℓ(T) ≤ ε = " + p.written(WhitenedTarget.epsilon, absent: "ε") : "")
            + (p[WhitenedTarget.hypotheses] == .ignored ? " (hypotheses not checked)"
               : " (inside the hypotheses c > 0, balanced start; otherwise NOT APPLICABLE)")
    }

    /// ℓ(t) against [the rate bound, ε] at every sample time (+∞ where one does not apply; with neither, ℓ(T) itself).
    public func check(_ p: InstanceParameters, on flow: Scenario, context: EvaluationContext) throws -> PropertyOutcome {
        let target = flow.target, observed = try flow.losses(), none = BigFloat.infinity()
        var losses = SeriesRecorder(name: "loss", xLabel: "t", yLabel: "ℓ(t)", logarithmic: true)
        var bounds: [ObservedValue<BigFloat>] = []
        for (i, sample) in observed.enumerated() {
            guard case let .time(t) = sample.place else { continue }
            losses.append(x: Double(t), y: sample.value.scalar)
            var rate = none, end = none
            if let kappa = target.kappa { rate = target.initialLoss * BigFloat.exp(-2 * kappa * BigFloat(t)) }
            if i == observed.count - 1, let epsilon = target.epsilon { end = BigFloat(epsilon) }
            if i == observed.count - 1, target.epsilon == nil, target.kappa == nil { end = sample.value.scalar }
            if i > 0 { bounds.append(ObservedValue(rows: 1, columns: 2, entries: [rate, end])) }
        }
        var outcome = try BoundProperty(label: "ℓ", lhs: "ℓ(t)", relation: .lessOrEqual,
                                        rhs: "[ℓ(0)exp(−2c^{2(N−1)/N}t), ε]").evaluate(Array(observed.dropFirst()), bounds)
        outcome.quantities = target.quantities(final: "ℓ(T)", observed[observed.count - 1].value.scalar)
        outcome.series = [losses.series]
        let balanceThreshold = BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(30)))
        outcome.hypotheses = target.checksHypotheses ? [
            Condition("deficiency margin c > 0", .rounded(target.c)),
            Condition("δ < 10⁻³⁰ (0-balanced start)", .rounded(balanceThreshold - target.delta)),
        ] : []
        outcome.branches = [target.rateBranch]
        return outcome
    }
}
