import Models
import MultiPrecision

/// `diagonal-network-sgd-l1`: SGD ends sparser than gradient flow (Pesme, Pillaud-Vivien, Flammarion, NeurIPS 2021).
public struct DiagonalNetworkSGDL1Kind: StatisticalClaimKind, DescribedKind {
    static let alpha = Parameter<Rational>.positive("alpha", .model,
        help: "the initialization scale α of u₀ = v₀ = α𝟙 (the same for SGD and gradient flow)")
    static let stepSize = Parameter<Rational>.positive("step_size", .dynamics, help: "η₀, the first SGD step size")
    static let steps = Parameter<Int>("steps", .dynamics, 1...1_000_000, help: "the number K of SGD steps")
    static let target = DiagonalNetworkProblem.target(default: Rational(numerator: 1, denominator: BigInt(10).power(12)))

    public static let about = KindDescription("diagonal-network-sgd-l1",
        summary: "depth-2 diagonal linear network from α𝟙: P(‖x_SGD(K)‖₁ < ‖x_GF(∞)‖₁) ≥ p over n seeds (or the reverse)",
        method: """
        Integrates gradient flow of ½‖Ax − y‖² on x = u⊙u − v⊙v from α𝟙 to its interpolating limit (exact reduced \
        s-ODE, Taylor method) until ‖Ax − y‖ = target_residual·‖y‖ at p bits, and to a target 1000 times smaller at \
        p + 64 bits; the difference of the two ℓ1 norms is the flow's error (rounding and truncation). For each of n seeds, runs K steps of minibatch SGD \
        on (u, v) (losses (m/2b) Σ_{i∈B}(a_iᵀx − y_i)², batches from the counter-based generator, η_k = η₀/(1+k)^a) at \
        both precisions and measures X = ‖x_SGD(K)‖₁ − ‖x_GF‖₁ with its error (κ = 2 times the difference, plus \
        the flow's). The event X ≤ 0 (or X ≥ 0 for the reverse claim) is decided per seed beyond that error; the \
        Clopper–Pearson interval of its frequency decides P(event) ≥ p: PASS when the interval's lower end is ≥ p, \
        FAIL when its upper end is < p, INCONCLUSIVE otherwise. The largest SGD residual ‖Ax − y‖ is reported, so \
        that one sees whether the SGD runs have reached interpolation.
        """)

    /// Rounded (MPFR) realizations; as a statistical kind it is evaluated once.
    public var arithmetic: Arithmetic { .rounded }
    public var parameters: [ParameterSpec] {
        typealias P = DiagonalNetworkProblem
        return ParameterSpec.list(P.a, P.y, Self.alpha, Self.stepSize, Self.steps) + SGDParameters.specs
            + ParameterSpec.list(Self.target, P.maxTime)
            + StatisticalClaim.parameters(defaultThreshold: 0,
                                          thresholdHelp: "t: the event is ‖x_SGD‖₁ − ‖x_GF‖₁ ≤ t (or ≥ t with event_side = \"at-least\")")
    }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try SGDParameters.validate(parameters, samples: DiagonalNetworkProblem(parameters).a.rowCount)
        try StatisticalClaim.validate(parameters)
        if parameters[StatisticalClaim.statistic] == .mean {
            throw ParameterProblem(key: "statistic", .invalidValue("this kind states probabilities (statistic = \"probability\")"))
        }
    }

    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let problem = try DiagonalNetworkProblem(parameters), alpha = parameters[Self.alpha]
        let p = StatisticalClaim.precision(parameters)
        let flow = try DiagonalScaleStart(alpha: alpha, depth: 2).flow(problem)
        let sgd = try DiagonalNetworkSGD(a: problem.a, y: problem.y, alpha: alpha)
        // ‖x_GF‖₁ at ‖Ax − y‖ = target·‖y‖ at p bits and at target/1000 at p + 64 bits: the difference estimates
        // both the rounding and the truncation of the limit.
        func flowNorm(bits: Int, target: Rational) throws -> BigFloat {
            var atBits = context
            atBits.precision = bits
            let maxTime = parameters[DiagonalNetworkProblem.maxTime]
            return try withPrecision(bits) { DiagonalNetworkProblem.l1(try DiagonalNetworkProblem.limit(flow, target: target, maxTime: maxTime, context: atBits).x) }
        }
        let working = try flowNorm(bits: p, target: parameters[Self.target])
        let fine = try flowNorm(bits: p + 64, target: parameters[Self.target] / 1000)
        let flowError = BigFloat.abs(working - fine)
        guard let flowSlack = Rational(exactly: flowError) else { throw EvaluationFailure("the gradient-flow limit is not finite") }
        let steps = parameters[Self.steps], batchSize = parameters[SGDParameters.batchSize]
        let schedule = SGDParameters.schedule(parameters, initial: parameters[Self.stepSize]), sampling = SGDParameters.sampling(parameters)
        var worstResidual = BigFloat(0, precision: 64)
        var measurements = try MonteCarloRun.measure(seeds: StatisticalClaim.seeds(parameters), precision: p,
                                                     guardBits: 64, context: context) { seed in
            let run = try sgd.run(seed: seed, steps: steps, batchSize: batchSize, sampling: sampling,
                                  schedule: schedule, checkpoint: context.checkpoint)
            if Precision.current == p { worstResidual = BigFloat.maximum(worstResidual, run.residual) }
            return DiagonalNetworkProblem.l1(run.x) - (Precision.current == p ? working : fine)
        }
        // The flow's own error enters every seed's difference.
        for i in measurements.indices { measurements[i].error += flowSlack * Rational(VerdictRule.safetyFactor) }
        return StatisticalClaim.decide(
            parameters, measurements: measurements, quantity: "‖x_SGD‖₁ − ‖x_GF‖₁",
            extraQuantities: [Quantity("‖x_GF(∞)‖₁", .rounded(working), methodError: flowError),
                              Quantity("max over seeds of ‖A x_SGD(K) − y‖", .rounded(worstResidual))],
            statistics: ["steps": "\(steps)", "schedule": schedule.description, "sampling": sampling.rawValue,
                         "batch_size": "\(batchSize)", "working precision": "\(p) bits (and \(p + 64) for the error)"])
    }

    public func checked(_ p: InstanceParameters) -> String? {
        StatisticalClaim.checkedDescription(p, quantity: "‖x_SGD(K)‖₁ − ‖x_GF(∞)‖₁")
    }
}
