import LinearAlgebra
import MultiPrecision
import Models

/// `dln-sgd-global-minimum`: a statistical claim about minibatch SGD on a deep linear network with square loss:
/// after K steps with η_k = η₀/(1 + k)^a, the realization is ε-optimal, L(W_K) − min_{rank ≤ r} L ≤ ε, with
/// probability at least p (Clopper–Pearson over the seeds), or E[L(W_K) − min] ≤ b (Hoeffding or empirical
/// Bernstein, with a stated range). Data and initial weights are fixed by `seed`; the realizations differ in their
/// minibatches only (seeds first_seed, first_seed + 1, …).
public struct DLNSGDGlobalMinimumKind: StatisticalClaimKind {
    public init() {}

    public var name: String { "dln-sgd-global-minimum" }

    public var summary: String {
        "deep linear network, minibatch SGD with η_k = η₀/(1+k)^a: P(L(W_K) − min L ≤ ε) ≥ p, or E[L(W_K) − min L] ≤ b, over n seeds"
    }

    public var method: String {
        """
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
        """
    }

    /// Evaluated once: each realization carries its own two-precision error estimate.
    public var arithmetic: Arithmetic { .exact }

    /// The deep-linear-network and SGD parameters, `optimum_rank` and the statistical ones.
    public var parameters: [ParameterSpec] {
        DLNParameters.specs + SGDParameters.specs
            + [RankConstrainedOptimum.optimumRank].specs
            + StatisticalClaim.parameters(defaultThreshold: Rational(numerator: 1, denominator: 1000),
                                          thresholdHelp: "ε: the event is L(W_K) − min L ≤ ε")
    }

    /// Sizes, data, batch and statistics fit.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
        try SGDParameters.validate(parameters, samples: SGDParameters.dlnSamples(parameters))
        try StatisticalClaim.validate(parameters)
    }

    /// Runs the seeds and decides.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let schedule = SGDParameters.schedule(parameters, initial: parameters[DLNParameters.stepSize])
        let sampling = SGDParameters.sampling(parameters)
        let batchSize = parameters[SGDParameters.batchSize]
        let rank = RankConstrainedOptimum.rank(parameters, widths: setup.widths)
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        // The optimum, once per precision.
        var optima: [Int: BigFloat] = [:]
        let p = StatisticalClaim.precision(parameters)
        for bits in [p, p + 64] {
            optima[bits] = try withPrecision(bits) {
                try RankConstrainedOptimum.value(x: rounded(setup.x), y: rounded(setup.y), rank: rank).0
            }
        }
        let limit = BigFloat(Rational(BigInt(10).power(40)), precision: 64)
        let measurements = try MonteCarloRun.measure(seeds: StatisticalClaim.seeds(parameters), precision: p,
                                                     guardBits: 64, context: context) { seed in
            let x = rounded(setup.x), y = rounded(setup.y)
            var network = try DeepLinearNetwork<BigFloat>(layers: setup.network.layers.map(rounded))
            for k in 0..<setup.steps {
                try context.checkpoint()
                let batch = StochasticDraws.minibatch(seed: seed, step: k, size: batchSize, count: x.columnCount,
                                                      sampling: sampling)
                let shift = SGDParameters.labelShift(parameters, seed: seed, step: k, rows: y.rowCount, batch: batch.count)
                var gradients = try network.minibatchSquareLossGradients(x: x, y: y, batch: batch,
                                                                         targetShift: shift.map(rounded))
                if let noise = SGDParameters.gradientNoise(parameters, seed: seed, step: k,
                                                           shapes: gradients.map { ($0.rowCount, $0.columnCount) }) {
                    gradients = zip(gradients, noise).map { $0 + rounded($1) }
                }
                network = network.gradientDescentStep(stepSize: schedule.rounded(at: k), gradients: gradients)
                if k % 64 == 63 {
                    let loss = try network.squareLoss(x: x, y: y)
                    if !loss.isFinite || loss > limit { return BigFloat.infinity() }
                }
            }
            let loss = try network.squareLoss(x: x, y: y)
            return loss.isFinite && loss <= limit ? loss - optima[Precision.current]! : BigFloat.infinity()
        }
        return StatisticalClaim.decide(
            parameters, measurements: measurements, quantity: "L(W_K) − min L",
            extraQuantities: [Quantity("min_{rank ≤ k} L (whitened Eckart–Young)", .rounded(optima[p]!),
                                       methodError: BigFloat.abs(optima[p]! - optima[p + 64]!))],
            statistics: ["steps": "\(setup.steps)", "schedule": schedule.description, "sampling": sampling.rawValue,
                         "batch_size": "\(batchSize)", "working precision": "\(p) bits (and \(p + 64) for the error)"])
    }
}
