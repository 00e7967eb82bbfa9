import LinearAlgebra
import MultiPrecision
import Models

/// `dln-sgd-balancedness-step`: the exact per-step law of the balancedness matrices under stochastic gradient
/// descent on a deep linear network, for every realization (a pathwise claim: each seed is an instance).
///
///     D_j(k+1) − D_j(k) = η_k² (G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)(k),     G_j = ∂L_{B_k}/∂W_j,
///
/// where B_k is step k's minibatch and L_B = (m/2b) Σ_{i∈B} ‖W x_i − y_i‖². The law needs only that L_B is a
/// function of the product W_N ⋯ W_1, which holds for every batch, so it holds for every seed, batch size and
/// sampling rule. Checked in exact rational arithmetic (the schedule's exponent must then be an integer).
public struct DLNSGDBalancednessStepKind: ClaimKind {
    public init() {}

    public var name: String { "dln-sgd-balancedness-step" }

    public var summary: String {
        "deep linear network, minibatch SGD: the exact per-step change η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) of W_{j+1}ᵀW_{j+1} − W_jW_jᵀ, for every seed"
    }

    public var method: String {
        """
        Runs k steps of minibatch SGD W_j ← W_j − η_k G_j (G_j the gradients of the step's minibatch loss \
        (m/2b) Σ_{i∈B_k} ‖W x_i − y_i‖², batches drawn from the counter-based generator keyed by (sgd_seed, k, \
        minibatch)) in exact rational arithmetic, and forms at every step and for every j the residual D_j(k+1) − \
        D_j(k) − (claimed change), the claimed change being η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) (or zero with \
        claimed_change = "zero", the known-false twin). The margin is tolerance − the largest |entry|: exactly 0 when \
        the law holds. Each seed is one instance (grid over sgd_seed): the claim holds for every seed listed. Label \
        noise (exact Rademacher shifts of the batch targets) keeps the loss a function of the product, so the law \
        still holds; Gaussian gradient noise (exact dyadic draws added to every G_j) does not, and breaks it.
        """
    }

    public var arithmetic: Arithmetic { .exact }

    /// The deep-linear-network parameters, SGD's, the seed and `claimed_change`.
    public var parameters: [ParameterSpec] {
        DLNParameters.specs + SGDParameters.specs + ParameterSpec.list(SGDParameters.sgdSeed, Self.claimedChange)
    }

    /// Sizes, data and batch fit; depth ≥ 2; at most 12 exact steps; an integer decay exponent.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
        try SGDParameters.validate(parameters, samples: SGDParameters.dlnSamples(parameters))
        let steps = parameters[DLNParameters.steps]
        if steps > 12 {
            throw ParameterProblem(key: "steps", .outOfRange(value: "\(steps)",
                allowed: "exact rational arithmetic allows at most 12 steps (numerators and denominators grow geometrically)"))
        }
        let a = parameters[SGDParameters.stepDecay]
        if !a.isInteger {
            throw ParameterProblem(key: "step_decay", .invalidValue(
                "exact arithmetic needs rational step sizes: step_decay must be an integer (η₀/(1 + k)^\(a) is irrational)"))
        }
    }

    /// Runs the SGD steps exactly and measures the residuals.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let claimsZero = parameters[Self.claimedChange] == "zero"
        let schedule = SGDParameters.schedule(parameters, initial: parameters[DLNParameters.stepSize])
        let sampling = SGDParameters.sampling(parameters)
        let seed = UInt64(parameters[SGDParameters.sgdSeed])
        let batchSize = parameters[SGDParameters.batchSize]
        var network = setup.network
        var before = network.balancedness
        var worst = Rational(0), worstPlace: String?
        var batches: [String] = []
        for k in 0..<setup.steps {
            try context.checkpoint()
            let batch = StochasticDraws.minibatch(seed: seed, step: k, size: batchSize, count: setup.x.columnCount,
                                                  sampling: sampling)
            batches.append("{" + batch.map(String.init).joined(separator: ",") + "}")
            let eta = schedule.exact(at: k)!
            var gradients = try network.minibatchSquareLossGradients(
                x: setup.x, y: setup.y, batch: batch,
                targetShift: SGDParameters.labelShift(parameters, seed: seed, step: k, rows: setup.y.rowCount, batch: batch.count))
            if let noise = SGDParameters.gradientNoise(parameters, seed: seed, step: k,
                                                       shapes: gradients.map { ($0.rowCount, $0.columnCount) }) {
                gradients = zip(gradients, noise).map { $0 + $1 }
            }
            let coefficients = DeepLinearNetwork<Rational>.balancednessStepCoefficients(gradients: gradients)
            network = network.gradientDescentStep(stepSize: eta, gradients: gradients)
            let after = network.balancedness
            for j in after.indices {
                let claimed = claimsZero ? Matrix<Rational>.zeros(rows: after[j].rowCount, columns: after[j].columnCount)
                                         : (eta * eta) * coefficients[j]
                let residual = (after[j] - before[j] - claimed).maxAbs
                if residual > worst {
                    worst = residual
                    worstPlace = "seed \(seed), step \(k + 1) (batch \(batches[k])), j = \(j + 1)"
                }
            }
            before = after
        }
        return Evaluation(
            quantities: [
                Quantity("max_{k,j} |D_j(k+1) − D_j(k) − claimed|", .exact(worst)),
                Quantity("L(W(K)) (full loss)", .exact(try network.squareLoss(x: setup.x, y: setup.y))),
            ],
            margin: .exact(context.tolerance - worst),
            location: worst.isZero ? nil : worstPlace,
            statistics: ["steps": "\(setup.steps)", "depth": "\(setup.widths.count - 1)", "sgd_seed": "\(seed)",
                         "schedule": schedule.description, "sampling": sampling.rawValue,
                         "batches": batches.joined(separator: " ")]
        )
    }
}

extension DLNSGDBalancednessStepKind {
    static let claimedChange = Parameter<String>("claimed_change", .check, type: .choice(["eta-squared-term", "zero"]),
        default: "eta-squared-term", variable: false,
        help: "the claimed change of D_j per step: \"eta-squared-term\", η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ), or \"zero\" (false)")
}
