import Models
import MultiPrecision

/// `diagonal-network-initialization-shape`: the initialization's shape fixes the limit (Azulay et al., ICML 2021; docs/theory.md §4.4).
public struct DiagonalNetworkShapeKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("diagonal-network-initialization-shape",
        summary: "β = u⊙v from arbitrary (u(0), v(0)): the limit interpolates and arcsinh(2β/|c|) − arcsinh(2β(0)/|c|) ∈ range(Aᵀ)",
        method: """
        Integrates the exact reduced ODE ṡ = −Aᵀ(Aβ(s) − y), s(0) = 0, with β(s) = ¼[(u₀+v₀)²e^{2s} − \
        (u₀−v₀)²e^{−2s}] (docs/theory.md §4.4, rewritten with p = u + v, q = u − v), by the Taylor series method at the \
        working precision, and stops with a terminal event when ‖Aβ − y‖ = target·‖y‖. It then measures the \
        relative interpolation residual and the relative distance of the certificate φ(β) = arcsinh(2β/|c|) − \
        arcsinh(2β(0)/|c|) from range(Aᵀ) (normal equations with AAᵀ). The margin is the relative tolerance minus \
        the larger of the two. Everything is computed again at p + guard bits; the difference is the error estimate.
        """)

    enum Claim: String, ParameterChoice { case certificate, shapeBlind = "shape-blind", interpolates }

    static let claim = Parameter<Claim>("claim", .check, default: .certificate,
        help: "\"certificate\": arcsinh(2β/|c|) − arcsinh(2β(0)/|c|) ∈ range(Aᵀ); \"shape-blind\": arcsinh(2β/|c|) ∈ range(Aᵀ) (known false); \"interpolates\": ‖Aβ − y‖ ≤ tol·‖y‖ by max_time (c = 0 allowed)")

    public var declared: [any DeclaredParameter] { [Self.claim, Scenario.tolerance.legacy] }

    /// Shapes fit and, for the certificate claims, every c_i = u(0)_i² − v(0)_i² is nonzero (they divide by |c|).
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let start = try DiagonalShapeStart(parameters, columns: DiagonalNetworkProblem(parameters).a.columnCount)
        if parameters[Self.claim] != .interpolates, let j = start.u.indices.first(where: { start.u[$0] * start.u[$0] == start.v[$0] * start.v[$0] }) {
            throw ParameterProblem(key: "v0", .invalidValue(
                "u0² = v0² at coordinate \(j + 1): c = 0 there, where β cannot change sign and the certificate is undefined"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        let offset = p[Self.claim] == .shapeBlind ? "" : " − arcsinh(2β(0)/|c|)"
        return p[Self.claim] == .interpolates ? "‖Aβ(T) − y‖ ≤ tolerance·‖y‖ at the event or the horizon T"
            : "‖Aβ_∞ − y‖/‖y‖ and dist(arcsinh(2β_∞/|c|)\(offset), range Aᵀ) relative both ≤ tolerance"
    }

    public func check(_ p: InstanceParameters, on run: DiagonalLimitScenario<DiagonalShapeStart>, context: EvaluationContext) throws -> PropertyOutcome {
        let claim = p[Self.claim], beta = claim == .interpolates ? run.limit.x : try run.reachedLimit(p)
        var quantities = run.observables("β", beta) + Quantity.entries("c_", run.flow.conserved, QuantityValue.exact)
        var deviations = [run.interpolation], lhs = "‖Aβ − y‖/‖y‖"
        if claim != .interpolates {
            let distance = try run.certificateDistance(run.flow.certificate(beta, includeOffset: claim != .shapeBlind), of: "β", into: &quantities)
            (deviations, lhs) = (deviations + [distance], "(‖Aβ − y‖/‖y‖, dist(φ(β), range Aᵀ)/‖φ(β)‖)")
        }
        return try run.bound(deviations, lhs: lhs, tolerance: Scenario.tolerance.value(p, context: context),
                             place: .parameter(name: "target_residual", value: p[Scenario.target]), quantities: quantities)
    }
}

/// An arbitrary initialization (u(0), v(0)) of β = u ⊙ v.
public struct DiagonalShapeStart: DiagonalStart {
    static let u0 = Parameter<MatrixSource>("u0", .model, type: .matrix, help: "u(0): n exact entries, as one row or one column")
    static let v0 = Parameter<MatrixSource>("v0", .model, type: .matrix,
        help: "v(0): n exact entries, as one row or one column; u(0)_i² ≠ v(0)_i² for every i")
    public static var parameters: [any DeclaredParameter] { [u0, v0] }
    let u: [Rational], v: [Rational]
    public init(_ p: InstanceParameters, columns: Int) throws(ParameterProblem) {
        (u, v) = (try DiagonalNetworkProblem.vector(p, Self.u0, entries: columns), try DiagonalNetworkProblem.vector(p, Self.v0, entries: columns))
    }
    public func flow(_ problem: DiagonalNetworkProblem) throws -> DiagonalNetworkShapeFlow {
        try DiagonalNetworkShapeFlow(a: problem.a, y: problem.y, u0: u, v0: v)
    }
}
