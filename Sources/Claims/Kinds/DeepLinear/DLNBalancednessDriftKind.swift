import LinearAlgebra
import Models
import MultiPrecision

/// `dln-gd-balancedness-drift`: the O(η²) drift bound of D_j under gradient descent (docs/theory.md §1.4).
public struct DLNBalancednessDriftKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("dln-gd-balancedness-drift",
        summary: "deep linear network, square loss, gradient descent: ‖D_j(k) − D_j(0)‖_F ≤ C·Σ_t η²(‖G_{j+1}‖²_F + ‖G_j‖²_F)",
        method: """
        Runs k gradient-descent steps in MPFR floating point at the working precision p (data and initial weights \
        are exact and rounded once), accumulates bound_j = Σ_t η²(‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F) for every j, and \
        measures drift_j = ‖D_j(k) − D_j(0)‖_F at the end. The margin is min_j (C·bound_j + tolerance − drift_j). \
        Everything is computed again at p + guard bits; the difference is the error estimate (INCONCLUSIVE within \
        it, and the precision escalates). Beside it, the symbolic obligation behind the bound \
        (proofs/symbolic/balancedness-gd-N*: one step changes D_j by exactly η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ); with \
        C = 0, the false exact conservation) is proved or refuted for this depth and reported as an exact measurement.
        """)

    static let boundFactor = Parameter<Rational>("bound_factor", .check, minimum: 0, default: 1,
        help: "the constant C of the claimed bound (1 follows from docs/theory.md §1.4; 0 claims exact conservation)")
    public var declared: [any DeclaredParameter] { [Self.boundFactor] }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
    }

    public func checked(_ p: InstanceParameters) -> String? {
        let c = p.written(Self.boundFactor, absent: "C")
        return "‖D_j(k) − D_j(0)‖_F ≤ \(c == "1" ? "" : c + "·")Σ_{t<k} η²(‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F) for every j, "
            + "k = \(p.written(DLNParameters.steps, absent: "k"))"
    }

    /// The drifts (one entry per j) against C·bound_j at the last step.
    public func check(_ p: InstanceParameters, on gd: DeepLinearDescentScenario, context: EvaluationContext) throws -> PropertyOutcome {
        let run = gd.descent, factor = BigFloat(p[Self.boundFactor]), eta = BigFloat(gd.setup.stepSize)
        guard !run.diverged else { throw EvaluationFailure("the gradient-descent run diverged at step \(run.taken)") }
        let initial = try DeepLinearNetwork(layers: run.layers[0]).balancedness
        var bounds = initial.map { _ in BigFloat(0) }
        for t in 0..<run.taken {
            let squaredNorms = try run.gradients(at: t).map { $0.frobeniusInnerProduct($0) }
            for j in bounds.indices { bounds[j] += eta * eta * (squaredNorms[j + 1] + squaredNorms[j]) }
        }
        let final = try DeepLinearNetwork(layers: run.layers[run.taken]).balancedness
        let drifts = initial.indices.map { j in (final[j] - initial[j]).frobeniusNorm }
        var outcome = try BoundProperty(label: "drift", lhs: "‖D_j(k) − D_j(0)‖_F", relation: .lessOrEqual,
                                        rhs: "C·bound_j", scope: .atEnd, tolerance: context.tolerance)
            .evaluate([Observation(place: .step(run.taken), value: ObservedValue(rows: 1, columns: drifts.count, entries: drifts))],
                      [ObservedValue(rows: 1, columns: drifts.count, entries: bounds.map { factor * $0 })])
        let tightest = drifts.indices.reduce(0) { factor * bounds[$1] - drifts[$1] < factor * bounds[$0] - drifts[$0] ? $1 : $0 }
        let ratios = drifts.indices.map { j in bounds[j].isZero ? BigFloat(0) : drifts[j] / bounds[j] }
        outcome.quantities = [
            Quantity("max_j ‖D_j(k) − D_j(0)‖_F", .rounded(drifts.reduce(BigFloat(0)) { BigFloat.maximum($0, $1) })),
            Quantity("C·bound_j at the tightest j", .rounded(factor * bounds[tightest])),
            Quantity("max_j ‖D_j(k) − D_j(0)‖_F / bound_j", .rounded(ratios.reduce(BigFloat(0)) { BigFloat.maximum($0, $1) })),
            Quantity("L(W(k))", .rounded(run.losses[run.taken])),
        ] + (try DLNSymbolicEvidence.quantities(depth: gd.setup.widths.count - 1, law: .step(claimsZero: factor.isZero)))
        return outcome
    }
}
