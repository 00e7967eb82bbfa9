/// `dln-gd-balancedness-step`: the exact one-step change of D_j under gradient descent (docs/theory.md §1.4).
public struct DLNBalancednessStepKind: ClaimKind, DescribedKind {
    public static let about = KindDescription("dln-gd-balancedness-step",
        summary: "deep linear network, square loss, gradient descent: the exact per-step change of W_{j+1}ᵀW_{j+1} − W_jW_jᵀ",
        method: """
        Runs k gradient-descent steps W_j ← W_j − η G_j (all layers at once, G_j = ∂L/∂W_j) in exact rational \
        arithmetic from exact data and initial weights. At every step t and for every j it forms the residual \
        R_j(t) = D_j(t+1) − D_j(t) − (claimed change), where the claimed change is η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) \
        (or zero with claimed_change = "zero"), and the accumulated residual D_j(k) − D_j(0) − Σ_t (claimed change). \
        The margin is tolerance − max |entry| over all residuals: exactly 0 when the identity holds (PASS), \
        negative with the step and layer of the largest violation otherwise (FAIL). No rounding, no error estimate. \
        Beside it, the symbolic obligation for this depth (proofs/symbolic/balancedness-gd-N*: the claimed change \
        for every size) is proved or refuted and reported as an exact measurement.
        """)

    public var arithmetic: Arithmetic { .exact }

    public var parameters: [ParameterSpec] { (DeepLinearDescentScenario.parameters + [ExactBalancednessSteps.claimedChange]).specs }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
        try ExactBalancednessSteps.validate(steps: parameters[DLNParameters.steps])
    }

    public func checked(_ p: InstanceParameters) -> String? {
        ExactBalancednessSteps.statement(p, step: "t", eta: "η")
    }

    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters), claimed = parameters[ExactBalancednessSteps.claimedChange]
        let law = try ExactBalancednessSteps(from: setup.network, steps: setup.steps, claimed: claimed,
                                             accumulated: true, context: context) { _, network in
            (setup.stepSize, try network.squareLossGradients(x: setup.x, y: setup.y))
        }
        return try law.evaluation(tolerance: context.tolerance, quantities: [
            Quantity("max_{t,j} |D_j(t+1) − D_j(t) − claimed|", .exact(law.largestStepResidual)),
            Quantity("max_j |D_j(k) − D_j(0) − Σ claimed|", .exact(law.accumulatedResidual)),
            Quantity("max_j |D_j(k) − D_j(0)|", .exact(law.change)),
            Quantity("L(W(k))", .exact(law.network.squareLoss(x: setup.x, y: setup.y))),
        ] + DLNSymbolicEvidence.quantities(depth: setup.widths.count - 1, law: .step(claimsZero: claimed == .zero)))
    }
}
