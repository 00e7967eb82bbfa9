import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gd-balancedness-drift`: the drift of the balancedness matrices under gradient descent is O(η²), with the
/// bound accumulated from the exact one-step identity (docs/theory.md §1.4) by the triangle inequality:
///
///     ‖D_j(k) − D_j(0)‖_F ≤ C · Σ_{t<k} η² (‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F)        (C = bound_factor, 1 is proven)
///
/// computed in `BigFloat` at the working precision p and at p + guard bits; their difference is the error estimate.
/// With `bound_factor = 0` the claim is "gradient descent conserves D_j" (known false). A factor close to the sharp
/// ratio max_j drift_j / bound_j (reported) gives a near-miss that only high precision decides.
public struct DLNBalancednessDriftKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gd-balancedness-drift" }

    public var summary: String {
        "deep linear network, square loss, gradient descent: ‖D_j(k) − D_j(0)‖_F ≤ C·Σ_t η²(‖G_{j+1}‖²_F + ‖G_j‖²_F)"
    }

    public var method: String {
        """
        Runs k gradient-descent steps in MPFR floating point at the working precision p (data and initial weights \
        are exact and rounded once). Along the way it accumulates, for every j, bound_j = Σ_t η²(‖G_{j+1}(t)‖²_F + \
        ‖G_j(t)‖²_F), and at the end measures drift_j = ‖D_j(k) − D_j(0)‖_F. The margin is \
        min_j (C·bound_j + tolerance − drift_j). Everything is computed again at p + guard bits; the difference is \
        the error estimate. PASS when the margin exceeds its error, FAIL when the violation does, INCONCLUSIVE \
        otherwise, in which case the precision doubles (up to max_precision). Beside it, the symbolic obligation \
        behind the bound (proofs/symbolic/balancedness-gd-N*: one step changes D_j by exactly η²(G_{j+1}ᵀG_{j+1} − \
        G_jG_jᵀ); with C = 0, the false exact conservation) is proved or refuted for this depth and reported as an \
        exact measurement.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The deep-linear-network parameters and `bound_factor`.
    public var parameters: [ParameterSpec] {
        DLNParameters.specs + ParameterSpec.list(Self.boundFactor)
    }

    /// Sizes and data fit; depth ≥ 2.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
    }

    /// Runs the steps at the task's precision and measures drift and bound.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let factor = BigFloat(parameters[Self.boundFactor])
        let tolerance = BigFloat(context.tolerance)
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        let x = rounded(setup.x), y = rounded(setup.y)
        let eta = BigFloat(setup.stepSize)
        let etaSquared = eta * eta
        var network = try DeepLinearNetwork<BigFloat>(layers: setup.network.layers.map(rounded))
        let initial = network.balancedness
        var bounds = initial.map { _ in BigFloat(0) }
        for _ in 0..<setup.steps {
            try context.checkpoint()
            let gradients = try network.squareLossGradients(x: x, y: y)
            let squaredNorms = gradients.map { $0.frobeniusInnerProduct($0) }
            for j in bounds.indices { bounds[j] += etaSquared * (squaredNorms[j + 1] + squaredNorms[j]) }
            network = network.gradientDescentStep(stepSize: eta, gradients: gradients)
        }
        let final = network.balancedness
        let drifts = initial.indices.map { j in (final[j] - initial[j]).frobeniusNorm }
        var worstJ = 0
        let margins = drifts.indices.map { j in factor * bounds[j] + tolerance - drifts[j] }
        for j in margins.indices where margins[j] < margins[worstJ] { worstJ = j }
        let maxDrift = drifts.max()!
        let ratios = drifts.indices.map { j in bounds[j].isZero ? BigFloat(0) : drifts[j] / bounds[j] }
        let finalLoss = try network.squareLoss(x: x, y: y)
        return try Evaluation(
            quantities: [
                Quantity("max_j ‖D_j(k) − D_j(0)‖_F", .rounded(maxDrift)),
                Quantity("C·bound_j at the tightest j", .rounded(factor * bounds[worstJ])),
                Quantity("max_j ‖D_j(k) − D_j(0)‖_F / bound_j", .rounded(ratios.max()!)),
                Quantity("L(W(k))", .rounded(finalLoss)),
            ] + DLNSymbolicEvidence.quantities(depth: setup.widths.count - 1,
                                                 law: .step(claimsZero: parameters[Self.boundFactor].isZero)),
            margin: .rounded(margins[worstJ]),
            location: "step \(setup.steps), j = \(worstJ + 1)",
            statistics: ["steps": "\(setup.steps)", "depth": "\(setup.widths.count - 1)"]
        )
    }
}

extension DLNBalancednessDriftKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let c = p.written(Self.boundFactor, absent: "C")
        return "‖D_j(k) − D_j(0)‖_F ≤ \(c == "1" ? "" : c + "·")Σ_{t<k} η²(‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F) for every j, "
            + "k = \(p.written(DLNParameters.steps, absent: "k"))"
    }
}

extension DLNBalancednessDriftKind {
    static let boundFactor = Parameter<Rational>("bound_factor", .check, type: .rational(minimum: 0, exclusive: false),
        default: 1,
        help: "the constant C of the claimed bound (1 follows from docs/theory.md §1.4; 0 claims exact conservation)")
}
