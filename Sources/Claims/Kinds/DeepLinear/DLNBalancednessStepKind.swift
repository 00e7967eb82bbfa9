import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gd-balancedness-step`: the exact change of the balancedness matrices under gradient descent on a deep
/// linear network with square loss (docs/theory.md §1.4), checked in `Rational` arithmetic, without rounding.
///
///     D_j(t+1) − D_j(t) = η² (G_{j+1}(t)ᵀ G_{j+1}(t) − G_j(t) G_j(t)ᵀ)      for every step t and j = 1 … N−1
///
/// and therefore `D_j(k) − D_j(0) = η² Σ_{t<k} (G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)(t)`. With `claimed_change = "zero"`
/// the claim becomes "gradient descent conserves D_j exactly" (the known-false twin): it fails by the η² term
/// wherever G_{j+1}ᵀG_{j+1} ≠ G_jG_jᵀ.
public struct DLNBalancednessStepKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gd-balancedness-step" }

    public var summary: String {
        "deep linear network, square loss, gradient descent: the exact per-step change of W_{j+1}ᵀW_{j+1} − W_jW_jᵀ"
    }

    public var method: String {
        """
        Runs k gradient-descent steps W_j ← W_j − η G_j (all layers at once, G_j = ∂L/∂W_j) in exact rational \
        arithmetic from exact data and initial weights. At every step t and for every j it forms the residual \
        R_j(t) = D_j(t+1) − D_j(t) − (claimed change), where the claimed change is η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) \
        (or zero with claimed_change = "zero"), and the accumulated residual D_j(k) − D_j(0) − Σ_t (claimed change). \
        The margin is tolerance − max |entry| over all residuals: exactly 0 when the identity holds (PASS), \
        negative with the step and layer of the largest violation otherwise (FAIL). No rounding, no error estimate. \
        Beside it, the symbolic obligation for this depth (proofs/symbolic/balancedness-gd-N*: the claimed change \
        for every size) is proved or refuted and reported as an exact measurement.
        """
    }

    public var arithmetic: Arithmetic { .exact }

    /// The deep-linear-network parameters and `claimed_change`.
    public var parameters: [ParameterSpec] {
        DLNParameters.specs + ParameterSpec.list(Self.claimedChange)
    }

    /// Sizes and data fit; depth ≥ 2; at most 12 exact steps (rational sizes grow geometrically with the steps).
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
        let steps = parameters[DLNParameters.steps]
        if steps > 12 {
            throw ParameterProblem(key: "steps", .outOfRange(value: "\(steps)",
                allowed: "exact rational arithmetic allows at most 12 steps (numerators and denominators grow geometrically)"))
        }
    }

    /// Runs the steps exactly and measures the residuals.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let claimsZero = parameters[Self.claimedChange] == "zero"
        let eta = setup.stepSize, etaSquared = setup.stepSize * setup.stepSize
        var network = setup.network
        let initial = network.balancedness
        var accumulated = initial.map { Matrix<Rational>.zeros(rows: $0.rowCount, columns: $0.columnCount) }
        var worst = Rational(0), worstPlace: String?
        var before = initial
        for t in 0..<setup.steps {
            try context.checkpoint()
            let gradients = try network.squareLossGradients(x: setup.x, y: setup.y)
            let coefficients = DeepLinearNetwork<Rational>.balancednessStepCoefficients(gradients: gradients)
            network = network.gradientDescentStep(stepSize: eta, gradients: gradients)
            let after = network.balancedness
            for j in after.indices {
                let claimed = claimsZero ? Matrix<Rational>.zeros(rows: after[j].rowCount, columns: after[j].columnCount)
                                         : etaSquared * coefficients[j]
                accumulated[j] += claimed
                let residual = (after[j] - before[j] - claimed).maxAbs
                if residual > worst {
                    worst = residual
                    worstPlace = "step \(t + 1), j = \(j + 1)"
                }
            }
            before = after
        }
        var accumulatedResidual = Rational(0), actualChange = Rational(0)
        for j in initial.indices {
            let change = before[j] - initial[j]
            actualChange = max(actualChange, change.maxAbs)
            accumulatedResidual = max(accumulatedResidual, (change - accumulated[j]).maxAbs)
        }
        let violation = max(worst, accumulatedResidual)
        let finalLoss = try network.squareLoss(x: setup.x, y: setup.y)
        return try Evaluation(
            quantities: [
                Quantity("max_{t,j} |D_j(t+1) − D_j(t) − claimed|", .exact(worst)),
                Quantity("max_j |D_j(k) − D_j(0) − Σ claimed|", .exact(accumulatedResidual)),
                Quantity("max_j |D_j(k) − D_j(0)|", .exact(actualChange)),
                Quantity("L(W(k))", .exact(finalLoss)),
            ] + DLNSymbolicEvidence.quantities(depth: setup.widths.count - 1, law: .step(claimsZero: claimsZero)),
            margin: .exact(context.tolerance - violation),
            location: violation.isZero ? nil : (worst.isZero ? "after step \(setup.steps) (accumulated)" : worstPlace),
            statistics: ["steps": "\(setup.steps)", "depth": "\(setup.widths.count - 1)"]
        )
    }
}

extension DLNBalancednessStepKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let change = p[Self.claimedChange] == "zero" ? "0" : "η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)"
        return "D_j(t+1) − D_j(t) = \(change) exactly, for every step t < \(p.written(DLNParameters.steps, absent: "k")) and every j"
    }
}

extension DLNBalancednessStepKind {
    static let claimedChange = Parameter<String>("claimed_change", .check, type: .choice(["eta-squared-term", "zero"]),
        default: "eta-squared-term", variable: false,
        help: "the claimed change of D_j per step: \"eta-squared-term\", η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ), or \"zero\" (exact conservation; false)")
}
