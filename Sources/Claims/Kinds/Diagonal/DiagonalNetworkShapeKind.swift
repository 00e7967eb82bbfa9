import LinearAlgebra
import Models
import MultiPrecision

/// `diagonal-network-initialization-shape`: gradient flow of β = u ⊙ v on ½‖Aβ − y‖² from an arbitrary
/// initialization (u(0), v(0)) converges to the interpolant fixed by the initialization shape (Azulay et al.,
/// ICML 2021; docs/theory.md §4.4):
///
///     A β_∞ = y   and   arcsinh(2β_∞/|c|) − arcsinh(2β(0)/|c|) ∈ range(Aᵀ),   c = u(0)² − v(0)² (conserved),
///
/// i.e. β_∞ minimizes Σ_i [ψ_i(β_i) − ψ_i′(β_i(0))β_i] on {Aβ = y}. `claim = "shape-blind"` drops the offset
/// arcsinh(2β(0)/|c|) (known false when β(0) ≠ 0: the initialization's shape, not only its scale, matters).
/// `claim = "interpolates"` claims only ‖Aβ(T) − y‖ ≤ tol·‖y‖ at the event or the horizon T, and allows c_i = 0;
/// with c_i = 0 the sign of β_i is frozen, so it is known false when every interpolant needs the other sign (§4.4).
public struct DiagonalNetworkShapeKind: ClaimKind {
    public init() {}

    static let stopping = DiagonalNetworkParameters.Stopping(defaultTarget: Rational(numerator: 1, denominator: BigInt(10).power(40)))

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)),
                                          help: "the relative slack of both claimed equalities")

    public var name: String { "diagonal-network-initialization-shape" }

    public var summary: String {
        "β = u⊙v from arbitrary (u(0), v(0)): the limit interpolates and arcsinh(2β/|c|) − arcsinh(2β(0)/|c|) ∈ range(Aᵀ)"
    }

    public var method: String {
        """
        Integrates the exact reduced ODE ṡ = −Aᵀ(Aβ(s) − y), s(0) = 0, with β(s) = ¼[(u₀+v₀)²e^{2s} − \
        (u₀−v₀)²e^{−2s}] (docs/theory.md §4.4, rewritten with p = u + v, q = u − v), by the Taylor series method at the \
        working precision, and stops with a terminal event when ‖Aβ − y‖ = target·‖y‖. It then measures the \
        relative interpolation residual and the relative distance of the certificate φ(β) = arcsinh(2β/|c|) − \
        arcsinh(2β(0)/|c|) from range(Aᵀ) (normal equations with AAᵀ). The margin is the relative tolerance minus \
        the larger of the two. Everything is computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// A, y, u(0), v(0), the stopping target, the claim and the tolerance.
    public var parameters: [ParameterSpec] {
        DiagonalNetworkParameters.problem + ParameterSpec.list(Self.u0, Self.v0) + Self.stopping.specs + ParameterSpec.list(Self.claim, Self.tolerance.legacy)
    }

    /// u(0) and v(0) as lists of n entries.
    private func initialization(_ p: InstanceParameters, columns: Int) throws(ParameterProblem)
        -> (u: [Rational], v: [Rational])
    {
        var lists: [[Rational]] = []
        for key in ["u0", "v0"] {
            guard case let .exact(m, _)? = p.matrix(key) else {
                throw ParameterProblem(key: key, .invalidValue("\(key) must be given exactly (inline or a file)"))
            }
            guard (m.rowCount == 1 || m.columnCount == 1), m.elements.count == columns else {
                throw ParameterProblem(key: key, .dimensionMismatch("\(key) is \(m.shape); it needs \(columns) entries in one row or column"))
            }
            lists.append(m.elements)
        }
        return (lists[0], lists[1])
    }

    /// Shapes fit and, for the certificate claims, every c_i = u(0)_i² − v(0)_i² is nonzero (they divide by |c|).
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let (a, _) = try DiagonalNetworkParameters.data(parameters)
        let (u, v) = try initialization(parameters, columns: a.columnCount)
        if parameters[Self.claim] != "interpolates",
           let j = u.indices.first(where: { u[$0] * u[$0] == v[$0] * v[$0] }) {
            throw ParameterProblem(key: "v0", .invalidValue(
                "u0² = v0² at coordinate \(j + 1): c = 0 there, where β cannot change sign and the certificate is undefined"))
        }
    }

    /// Integrates to the event and measures the two residuals.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, y) = try DiagonalNetworkParameters.data(parameters)
        let (u, v) = try initialization(parameters, columns: a.columnCount)
        let target = parameters[Self.stopping.targetResidual]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let bits = context.workingPrecision
        try DiagonalNetworkClaimError.checkReachable(target: target, bits: bits)
        let flow = try DiagonalNetworkShapeFlow(a: a, y: y, u0: u, v0: v)

        func norm(_ w: [BigFloat]) -> BigFloat { BigFloat.sqrt(w.reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        try context.checkpoint()
        let run = try flow.limit(targetResidual: target, maxTime: parameters[Self.stopping.maxTime], precision: bits)
        let claim = parameters[Self.claim]
        guard run.reachedTarget || claim == "interpolates" else {
            throw DiagonalNetworkClaimError.noConvergence(run.termination)
        }
        try context.checkpoint()
        let beta = run.x
        let interpolation = norm(flow.residual(beta)) / norm(y.map { BigFloat($0) })
        var quantities = [
            Quantity(run.reachedTarget ? "t (event)" : "t (horizon; target not reached)", .rounded(run.time)),
            Quantity("‖Aβ − y‖/‖y‖", .rounded(interpolation)),
        ]
        var worst = (interpolation, "interpolation")
        if claim != "interpolates" {
            let certificate = flow.certificate(beta, includeOffset: claim != "shape-blind")
            let distance = try DiagonalNetworkImplicitBias.distanceToRowSpace(certificate, of: a) / norm(certificate)
            quantities.append(Quantity("dist(φ(β), range Aᵀ)/‖φ(β)‖", .rounded(distance)))
            if distance > interpolation { worst = (distance, "certificate") }
        }
        for (j, value) in beta.enumerated() { quantities.append(Quantity("β_\(j + 1)", .rounded(value))) }
        for (j, value) in flow.conserved.enumerated() { quantities.append(Quantity("c_\(j + 1)", .exact(value))) }
        return Evaluation(quantities: quantities, margin: .rounded(tolerance - worst.0),
                          location: "largest residual: \(worst.1)", statistics: ["steps": "\(run.steps)"])
    }
}

extension DiagonalNetworkShapeKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case "shape-blind": return "‖Aβ_∞ − y‖/‖y‖ and dist(arcsinh(2β_∞/|c|), range Aᵀ) relative both ≤ tolerance"
        case "interpolates": return "‖Aβ(T) − y‖ ≤ tolerance·‖y‖ at the event or the horizon T"
        default:
            return "‖Aβ_∞ − y‖/‖y‖ and dist(arcsinh(2β_∞/|c|) − arcsinh(2β(0)/|c|), range Aᵀ) relative both ≤ tolerance"
        }
    }
}

extension DiagonalNetworkShapeKind {
    static let u0 = Parameter<MatrixSource>("u0", .model, type: .matrix,
        help: "u(0): n exact entries, as one row or one column")

    static let v0 = Parameter<MatrixSource>("v0", .model, type: .matrix,
        help: "v(0): n exact entries, as one row or one column; u(0)_i² ≠ v(0)_i² for every i")

    static let claim = Parameter<String>("claim", .check, type: .choice(["certificate", "shape-blind", "interpolates"]),
        default: "certificate",
        help: "\"certificate\": arcsinh(2β/|c|) − arcsinh(2β(0)/|c|) ∈ range(Aᵀ); \"shape-blind\": arcsinh(2β/|c|) ∈ range(Aᵀ) (known false); \"interpolates\": ‖Aβ − y‖ ≤ tol·‖y‖ by max_time (c = 0 allowed)")
}
