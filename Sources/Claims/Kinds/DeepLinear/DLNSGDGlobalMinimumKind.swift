import MultiPrecision
import Models

/// `dln-sgd-global-minimum`: minibatch SGD reaches the rank-r optimum (docs/theory.md §1.9) with probability ≥ p.
public struct DLNSGDGlobalMinimumKind: StatisticalClaimKind, DescribedKind {
    public static let about = KindDescription("dln-sgd-global-minimum",
        summary: "deep linear network, minibatch SGD with η_k = η₀/(1+k)^a: P(L(W_K) − min L ≤ ε) ≥ p, or E[L(W_K) − min L] ≤ b, over n seeds",
        method: """
        For each of n seeds, runs K steps of minibatch SGD (batches from the counter-based generator keyed by \
        (seed, k, minibatch); step sizes η_k = η₀/(1+k)^a; optional label noise and Gaussian gradient noise from \
        their own streams) in MPFR at working_precision p and again at p + 64 bits, \
        and measures X = L(W_K) − min_{rank ≤ r} ½‖WX − Y‖²_F (the optimum by whitened Eckart–Young); a run whose loss \
        exceeds 10⁴⁰ counts as diverged (X = +∞). Each seed's error is κ = 2 times the difference of the two \
        precisions. For a probability claim, the event X ≤ ε is decided per seed beyond that error, and the \
        Clopper–Pearson interval (exact binomial sums) of the frequency decides: PASS when its lower end is ≥ p, \
        FAIL when its upper end is < p, INCONCLUSIVE otherwise, with the number of seeds that would decide it. For a \
        mean claim, the stated range is checked on every seed and the Hoeffding or empirical-Bernstein interval, \
        widened by the largest per-seed error, decides E[X] ≤ b the same way. The report shows X's quantiles with \
        their seeds and a histogram.
        """)

    /// Evaluated once: each realization carries its own two-precision error estimate.
    public var arithmetic: Arithmetic { .exact }

    public var parameters: [ParameterSpec] {
        DLNParameters.specs + SGDParameters.specs
            + [RankConstrainedOptimum.optimumRank].specs
            + StatisticalClaim.parameters(defaultThreshold: Rational(numerator: 1, denominator: 1000),
                                          thresholdHelp: "ε: the event is L(W_K) − min L ≤ ε")
    }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
        try SGDParameters.validate(parameters, samples: SGDParameters.dlnSamples(parameters))
        try StatisticalClaim.validate(parameters)
    }

    public func checked(_ p: InstanceParameters) -> String? { StatisticalClaim.checkedDescription(p, quantity: "L(W_K) − min L") }

    /// Runs the seeds and decides (each seed at p and p + 64 bits, in `StatisticalClaim.evaluate`).
    public func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(p), rank = RankConstrainedOptimum.rank(p, widths: setup.widths)
        let schedule = SGDParameters.schedule(p, initial: p[DLNParameters.stepSize]), sampling = p[SGDParameters.sampling]
        let bits = StatisticalClaim.precision(p), limit = DeepLinearDescentRun.divergenceLimit
        let optima = try [bits, bits + 64].map { b in try withPrecision(b) {   // the optimum once per precision
            try RankConstrainedOptimum.value(x: DLNParameters.rounded(setup.x), y: DLNParameters.rounded(setup.y), rank: rank).optimum
        } }
        return try StatisticalClaim.evaluate(
            p, context: context, quantity: "L(W_K) − min L",
            extraQuantities: [Quantity("min_{rank ≤ k} L (whitened Eckart–Young)", .rounded(optima[0]),
                                       methodError: BigFloat.abs(optima[0] - optima[1]))],
            statistics: ["steps": "\(setup.steps)", "schedule": schedule.description, "sampling": sampling.rawValue,
                         "batch_size": "\(p[SGDParameters.batchSize])",
                         "working precision": "\(bits) bits (and \(bits + 64) for the error)"]) { seed in
            let x = DLNParameters.rounded(setup.x), y = DLNParameters.rounded(setup.y)
            var network = try DeepLinearNetwork(layers: setup.network.layers.map(DLNParameters.rounded))
            if SGDParameters.isNoiseless(p) {
                // The same steps in preallocated matrices (bit for bit the same layers).
                var descent = try DeepLinearMinibatchDescent(network, x: x, y: y, batchSize: p[SGDParameters.batchSize])
                for k in 0..<setup.steps {
                    try context.checkpoint()
                    descent.step(batch: SGDParameters.minibatch(p, seed: seed, step: k, count: x.columnCount),
                                 stepSize: schedule.rounded(at: k))
                    if k % 64 == 63, !(try descent.network.squareLoss(x: x, y: y) <= limit) { return BigFloat.infinity() }
                }
                network = descent.network
            } else {
                for k in 0..<setup.steps {
                    try context.checkpoint()
                    let gradients = try SGDParameters.minibatchGradients(p, of: network, x: x, y: y, seed: seed, step: k,
                                                                         convert: DLNParameters.rounded).gradients
                    network = network.gradientDescentStep(stepSize: schedule.rounded(at: k), gradients: gradients)
                    if k % 64 == 63, !(try network.squareLoss(x: x, y: y) <= limit) { return BigFloat.infinity() }
                }
            }
            let loss = try network.squareLoss(x: x, y: y)
            return loss <= limit ? loss - optima[Precision.current == bits ? 0 : 1] : BigFloat.infinity()
        }
    }
}
