/// `dln-sgd-balancedness-step`: the exact one-step law of D_j along every SGD realization (docs/theory.md §1.4).
public struct DLNSGDBalancednessStepKind: ClaimKind, DescribedKind {
    public static let about = KindDescription("dln-sgd-balancedness-step",
        summary: "deep linear network, minibatch SGD: the exact per-step change η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) of W_{j+1}ᵀW_{j+1} − W_jW_jᵀ, for every seed",
        method: """
        Runs k steps of minibatch SGD W_j ← W_j − η_k G_j (G_j the gradients of the step's minibatch loss \
        (m/2b) Σ_{i∈B_k} ‖W x_i − y_i‖², batches drawn from the counter-based generator keyed by (sgd_seed, k, \
        minibatch)) in exact rational arithmetic, and forms at every step and for every j the residual D_j(k+1) − \
        D_j(k) − (claimed change), the claimed change being η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) (or zero with \
        claimed_change = "zero", the known-false twin). The margin is tolerance − the largest |entry|: exactly 0 when \
        the law holds. Each seed is one instance (grid over sgd_seed): the claim holds for every seed listed. Label \
        noise (exact Rademacher shifts of the batch targets) keeps the loss a function of the product, so the law \
        still holds; Gaussian gradient noise (exact dyadic draws added to every G_j) does not, and breaks it.
        """)

    public var arithmetic: Arithmetic { .exact }

    public var parameters: [ParameterSpec] {
        DLNParameters.specs + SGDParameters.specs + ParameterSpec.list(SGDParameters.sgdSeed, ExactBalancednessSteps.claimedChange)
    }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
        try SGDParameters.validate(parameters, samples: SGDParameters.dlnSamples(parameters))
        try ExactBalancednessSteps.validate(steps: parameters[DLNParameters.steps])
        if case let a = parameters[SGDParameters.stepDecay], !a.isInteger {
            throw ParameterProblem(key: "step_decay", .invalidValue(
                "exact arithmetic needs rational step sizes: step_decay must be an integer (η₀/(1 + k)^\(a) is irrational)"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        ExactBalancednessSteps.statement(p, step: "k", eta: "η_k", detail: ", with G_j the minibatch gradients of SGD step k")
            + ", in exact rational arithmetic"
    }

    public func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(p), seed = UInt64(p[SGDParameters.sgdSeed])
        let schedule = SGDParameters.schedule(p, initial: p[DLNParameters.stepSize])
        var batches: [String] = []
        let law = try ExactBalancednessSteps(from: setup.network, steps: setup.steps, claimed: p[ExactBalancednessSteps.claimedChange],
                                             accumulated: false, context: context) { k, network in
            let (batch, gradients) = try SGDParameters.minibatchGradients(p, of: network, x: setup.x, y: setup.y,
                                                                          seed: seed, step: k) { $0 }
            batches.append("{" + batch.map(String.init).joined(separator: ",") + "}")
            guard let eta = schedule.exact(at: k) else { throw EvaluationFailure("η_\(k) is irrational") }
            return (eta, gradients)
        }
        return try law.evaluation(tolerance: context.tolerance, quantities: [
            Quantity("max_{k,j} |D_j(k+1) − D_j(k) − claimed|", .exact(law.largestStepResidual)),
            Quantity("L(W(K)) (full loss)", .exact(law.network.squareLoss(x: setup.x, y: setup.y))),
        ], statistics: ["sgd_seed": "\(seed)", "schedule": schedule.description, "sampling": p[SGDParameters.sampling].rawValue,
                        "batches": batches.joined(separator: " ")]) { "seed \(seed), \($0); batch " + batches.joined(separator: ", batch ") }
    }
}
