import LinearAlgebra
import MultiPrecision
import Models

/// `diagonal-network-sgd-l1`: a statistical comparison of SGD with gradient flow on a depth-2 diagonal linear
/// network x = u⊙u − v⊙v from the same u₀ = v₀ = α𝟙 (Pesme, Pillaud-Vivien, Flammarion, "Implicit bias of SGD for
/// diagonal linear networks: a provable benefit of stochasticity", NeurIPS 2021):
///
///     P( ‖x_SGD(K)‖₁ < ‖x_GF(∞)‖₁ ) ≥ p        (event_side = "at-most", the default)
///
/// with X = ‖x_SGD(K)‖₁ − ‖x_GF(∞)‖₁ per seed and the event X ≤ 0 decided beyond each seed's error;
/// `event_side = "at-least"` states the reverse (SGD ends at the larger ℓ1 norm). The gradient-flow limit is
/// integrated once (the exact reduced s-ODE with the Taylor method, to ‖Ax − y‖ ≤ target_residual·‖y‖).
public struct DiagonalNetworkSGDL1Kind: StatisticalClaimKind {
    public init() {}

    static let stopping = DiagonalNetworkParameters.Stopping(defaultTarget: Rational(numerator: 1, denominator: BigInt(10).power(12)))

    public var name: String { "diagonal-network-sgd-l1" }

    public var summary: String {
        "depth-2 diagonal linear network from α𝟙: P(‖x_SGD(K)‖₁ < ‖x_GF(∞)‖₁) ≥ p over n seeds (or the reverse)"
    }

    public var method: String {
        """
        Integrates gradient flow of ½‖Ax − y‖² on x = u⊙u − v⊙v from α𝟙 to its interpolating limit (exact reduced \
        s-ODE, Taylor method) until ‖Ax − y‖ = target_residual·‖y‖ at p bits, and to a target 1000 times smaller at \
        p + 64 bits; the difference of the two ℓ1 norms is the flow's error (rounding and truncation). For each of n seeds, runs K steps of minibatch SGD \
        on (u, v) (losses (m/2b) Σ_{i∈B}(a_iᵀx − y_i)², batches from the counter-based generator, η_k = η₀/(1+k)^a) at \
        both precisions and measures X = ‖x_SGD(K)‖₁ − ‖x_GF‖₁ with its error (κ = 2 times the difference, plus \
        the flow's). The event X ≤ 0 (or X ≥ 0 for the reverse claim) is decided per seed beyond that error; the \
        Clopper–Pearson interval of its frequency decides P(event) ≥ p: PASS when the interval's lower end is ≥ p, \
        FAIL when its upper end is < p, INCONCLUSIVE otherwise. The largest SGD residual ‖Ax − y‖ is reported, so \
        that one sees whether the SGD runs have reached interpolation.
        """
    }

    /// Evaluated once: each realization carries its own two-precision error estimate.
    public var arithmetic: Arithmetic { .exact }

    /// A, y, α, the SGD and statistical parameters.
    public var parameters: [ParameterSpec] {
        DiagonalNetworkParameters.problem + ParameterSpec.list(Self.alpha, Self.stepSize, Self.steps) + SGDParameters.specs + Self.stopping.specs
            + StatisticalClaim.parameters(defaultThreshold: 0,
                                          thresholdHelp: "t: the event is ‖x_SGD‖₁ − ‖x_GF‖₁ ≤ t (or ≥ t with event_side = \"at-least\")")
    }

    /// Data, batch and statistics fit.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let (a, _) = try DiagonalNetworkParameters.data(parameters)
        try SGDParameters.validate(parameters, samples: a.rowCount)
        try StatisticalClaim.validate(parameters)
        if parameters.choice("statistic") == "mean" {
            throw ParameterProblem(key: "statistic", .invalidValue("this kind states probabilities (statistic = \"probability\")"))
        }
    }

    /// Integrates the flow, runs the seeds and decides.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, y) = try DiagonalNetworkParameters.data(parameters)
        let alpha = parameters[Self.alpha]
        let p = StatisticalClaim.precision(parameters)
        let flow = try DiagonalNetworkFlow(a: a, y: y, alpha: alpha, depth: 2)
        let sgd = try DiagonalNetworkSGD(a: a, y: y, alpha: alpha)
        func l1(_ x: [BigFloat]) -> BigFloat { x.reduce(BigFloat(0)) { $0 + BigFloat.abs($1) } }
        // The flow is stopped at ‖Ax − y‖ = target·‖y‖ at p bits and at target/1000 at p + 64 bits: the difference
        // of the two ℓ1 norms estimates both the rounding and the truncation of the limit.
        var flowNorms: [Int: BigFloat] = [:]
        let target = parameters[Self.stopping.targetResidual]
        for (bits, stop) in [(p, target), (p + 64, target / 1000)] {
            try context.checkpoint()
            let run = try withPrecision(bits) {
                try flow.limit(targetResidual: stop, maxTime: parameters[Self.stopping.maxTime], precision: bits)
            }
            guard run.reachedTarget else { throw DiagonalNetworkClaimError.noConvergence(run.termination) }
            flowNorms[bits] = withPrecision(bits) { l1(run.x) }
        }
        let flowError = BigFloat.abs(flowNorms[p]! - flowNorms[p + 64]!)
        let steps = parameters[Self.steps], batchSize = parameters[SGDParameters.batchSize]
        let schedule = SGDParameters.schedule(parameters, initial: parameters[Self.stepSize]), sampling = SGDParameters.sampling(parameters)
        var worstResidual = BigFloat(0, precision: 64)
        var measurements = try MonteCarloRun.measure(seeds: StatisticalClaim.seeds(parameters), precision: p,
                                                     guardBits: 64, context: context) { seed in
            let run = try sgd.run(seed: seed, steps: steps, batchSize: batchSize, sampling: sampling,
                                  schedule: schedule, checkpoint: context.checkpoint)
            if Precision.current == p { worstResidual = BigFloat.maximum(worstResidual, run.residual) }
            return l1(run.x) - flowNorms[Precision.current]!
        }
        // The flow's own error enters every seed's difference.
        let flowSlack = Rational(exactly: flowError)! * Rational(VerdictRule.safetyFactor)
        for i in measurements.indices { measurements[i].error += flowSlack }
        let reverse = parameters.choice("event_side") == "at-least"
        return StatisticalClaim.decide(
            parameters, measurements: measurements, quantity: "‖x_SGD‖₁ − ‖x_GF‖₁",
            extraQuantities: [
                Quantity("‖x_GF(∞)‖₁", .rounded(flowNorms[p]!), methodError: flowError),
                Quantity("max over seeds of ‖A x_SGD(K) − y‖", .rounded(worstResidual)),
            ],
            statistics: ["steps": "\(steps)", "schedule": schedule.description, "sampling": sampling.rawValue,
                         "batch_size": "\(batchSize)", "event": reverse ? "‖x_SGD‖₁ ≥ ‖x_GF‖₁" : "‖x_SGD‖₁ ≤ ‖x_GF‖₁",
                         "working precision": "\(p) bits (and \(p + 64) for the error)"])
    }
}

extension DiagonalNetworkSGDL1Kind {
    static let alpha = Parameter<Rational>("alpha", .model, type: .rational(minimum: 0, exclusive: true),
        help: "the initialization scale α of u₀ = v₀ = α𝟙 (the same for SGD and gradient flow)")

    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "η₀, the first SGD step size")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...1_000_000),
        help: "the number K of SGD steps")
}
