import Dynamics
import LinearAlgebra
import LinearProgramming
import Models
import MultiPrecision

/// `diagonal-network-implicit-bias`: gradient flow of a depth-N diagonal linear network x = u^{⊙N} − v^{⊙N} on
/// ½‖Ax − y‖² from u(0) = v(0) = α𝟙 converges to the interpolant singled out by the implicit bias (docs/theory.md
/// §4.2, §4.3):
///
///     A x_∞ = y   and   φ(x_∞) ∈ range(Aᵀ),   φ = arcsinh(·/(2α²)) (N = 2),  h_N^{−1}(·/α^N) (N ≥ 3),
///
/// and x_∞ equals the reference x_α from Newton's method on A·x(Aᵀλ) = y.
///
/// The flow is integrated with the exact reduced s-ODE (Taylor series, working precision p) and stopped by an event
/// once ‖Ax − y‖ ≤ target·‖y‖. The `claim` parameter selects the statement:
/// - `"implicit-bias"` (true): margin = tol − max(‖Ax − y‖/‖y‖, dist(φ(x), range Aᵀ)/‖φ(x)‖, ‖x − x_α‖/‖x_α‖);
///   `certificate = "unit-constant"` (arcsinh(x/α²), N = 2) and `"linear"` (x/(2α²), the kernel certificate) are
///   the known-false variants of §4.5;
/// - `"l1-minimal"` (known false at finite α): margin = tol·m₁ − (‖x‖₁ − m₁), m₁ = `l1_minimum` or, when it is not
///   given, min ‖x‖₁ from the exact linear program (`MinimumL1Interpolant`);
/// - `"l2-minimal"` (known false at small α): margin = tol − ‖x − A⁺y‖/‖A⁺y‖.
public struct DiagonalNetworkImplicitBiasKind: ClaimKind {
    public init() {}

    static let stopping = DiagonalNetworkParameters.Stopping(defaultTarget: Rational(numerator: 1, denominator: BigInt(10).power(40)))

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)),
                                          help: "the relative slack of every claimed equality")

    public var name: String { "diagonal-network-implicit-bias" }

    public var summary: String {
        "diagonal linear network x = u^N − v^N, gradient flow from α𝟙: the limit interpolates and φ(x_∞) ∈ range(Aᵀ)"
    }

    public var method: String {
        """
        Integrates the exact reduced ODE ṡ = −Aᵀ(A x(s) − y), s(0) = 0 (docs/theory.md §4.1; x(s) = 2α² sinh(4s) for \
        N = 2, α^N h_N(N(N−2)α^{N−2}s) for N ≥ 3) with the Taylor series method at the working precision p, and \
        stops with a terminal event when ‖Ax − y‖ = target·‖y‖. It then measures the relative interpolation \
        residual, the relative distance of the certificate φ(x) from range(Aᵀ) (normal equations with AAᵀ), and \
        the relative distance to the reference x_α, the root of A·x(Aᵀλ) = y by damped Newton on the convex dual. \
        The margin is the relative tolerance minus the largest of the claimed residuals. Everything is computed \
        again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// A, y, α, N, the stopping target and the claim.
    public var parameters: [ParameterSpec] {
        DiagonalNetworkParameters.problem + ParameterSpec.list(Self.alpha, DiagonalNetworkParameters.depth) + Self.stopping.specs + ParameterSpec.list(Self.claim, Self.certificate, Self.l1Minimum, Self.tolerance.legacy)
    }

    /// Shapes fit; the non-exact certificates are for N = 2.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        _ = try DiagonalNetworkParameters.data(parameters)
        if parameters[Self.certificate] != "exact", parameters[DiagonalNetworkParameters.depth] != 2 {
            throw ParameterProblem(key: "certificate", .invalidValue("the wrong-certificate variants are defined for depth 2"))
        }
    }

    /// Integrates to the event and measures the residuals.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, y) = try DiagonalNetworkParameters.data(parameters)
        let depth = parameters[DiagonalNetworkParameters.depth]
        let alpha = parameters[Self.alpha]
        let target = parameters[Self.stopping.targetResidual]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let flow = try DiagonalNetworkFlow(a: a, y: y, alpha: alpha, depth: depth)
        let bias = DiagonalNetworkImplicitBias(flow: flow)
        let bits = context.workingPrecision
        try DiagonalNetworkClaimError.checkReachable(target: target, bits: bits)

        func norm(_ v: [BigFloat]) -> BigFloat { BigFloat.sqrt(v.reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        let yNorm = norm(y.map { BigFloat($0) })
        try context.checkpoint()
        let run = try flow.limit(targetResidual: target, maxTime: parameters[Self.stopping.maxTime], precision: bits)
        guard run.reachedTarget else { throw DiagonalNetworkClaimError.noConvergence(run.termination) }
        try context.checkpoint()
        let x = run.x
        let interpolation = norm(bias.residual(x)) / yNorm
        let (reference, newtonIterations) = try bias.reference()
        let referenceDistance = norm(zip(x, reference).map { $0 - $1 }) / norm(reference)
        let l1 = x.reduce(BigFloat(0)) { $0 + BigFloat.abs($1) }

        var quantities = [
            Quantity("t (event)", .rounded(run.time)),
            Quantity("‖Ax − y‖/‖y‖", .rounded(interpolation)),
            Quantity("‖x − x_α‖/‖x_α‖ (x_α by Newton)", .rounded(referenceDistance)),
            Quantity("‖x‖₁", .rounded(l1)),
        ]
        for (j, xj) in x.enumerated() { quantities.append(Quantity("x_\(j + 1)", .rounded(xj))) }
        let margin: BigFloat
        let location: String
        switch parameters[Self.claim] {
        case "l1-minimal":
            let minimum: BigFloat
            if let given = parameters[Self.l1Minimum] {
                minimum = BigFloat(given)
                quantities.append(Quantity("min ‖x‖₁ (given)", .rounded(minimum)))
            } else {
                let exact = try MinimumL1Interpolant(a: a, y: y).norm
                minimum = BigFloat(exact)
                quantities.append(Quantity("min ‖x‖₁ (exact LP)", .exact(exact)))
            }
            margin = tolerance * minimum - (l1 - minimum)
            location = "‖x_∞‖₁ − min ‖x‖₁"
        case "l2-minimal":
            let l2 = try bias.minimumNormInterpolant()
            let distance = norm(zip(x, l2).map { $0 - $1 }) / norm(l2)
            quantities.append(Quantity("‖x − A⁺y‖/‖A⁺y‖", .rounded(distance)))
            margin = tolerance - distance
            location = "distance to the minimum-ℓ2 interpolant"
        default:
            let certificate: [BigFloat]
            let twoAlphaSquared = BigFloat(2) * BigFloat(alpha * alpha)
            switch parameters[Self.certificate] {
            case "unit-constant": certificate = x.map { BigFloat.asinh($0 / BigFloat(alpha * alpha)) }
            case "linear": certificate = x.map { $0 / twoAlphaSquared }
            default: certificate = try bias.certificate(x)
            }
            let certificateDistance = try bias.distanceToRowSpace(certificate) / norm(certificate)
            quantities.append(Quantity("dist(φ(x), range Aᵀ)/‖φ(x)‖", .rounded(certificateDistance)))
            let worst = [(interpolation, "interpolation"), (certificateDistance, "certificate"),
                         (referenceDistance, "reference")].max { $0.0 < $1.0 }!
            margin = tolerance - worst.0
            location = "largest residual: \(worst.1)"
        }
        return Evaluation(
            quantities: quantities, margin: .rounded(margin), location: location,
            statistics: ["steps": "\(run.steps)", "newton iterations": "\(newtonIterations)",
                         "depth": "\(depth)"])
    }
}

extension DiagonalNetworkImplicitBiasKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case "l1-minimal": return "‖x_∞‖₁ ≤ (1 + tolerance)·min{‖x‖₁ : Ax = y} at the gradient-flow limit"
        case "l2-minimal": return "‖x_∞ − A⁺y‖/‖A⁺y‖ ≤ tolerance at the gradient-flow limit"
        default:
            let certificate: String
            switch p[Self.certificate] {
            case "unit-constant": certificate = "arcsinh(x_∞/α²)"
            case "linear": certificate = "x_∞/(2α²)"
            default: certificate = (p[DiagonalNetworkParameters.depth]) == 2 ? "arcsinh(x_∞/(2α²))" : "h_N^{−1}(x_∞/α^N)"
            }
            return "‖Ax_∞ − y‖/‖y‖, dist(\(certificate), range Aᵀ) relative, and ‖x_∞ − x_α‖/‖x_α‖ all ≤ tolerance"
        }
    }
}

extension DiagonalNetworkImplicitBiasKind {
    static let alpha = Parameter<Rational>("alpha", .model, type: .rational(minimum: 0, exclusive: true),
        help: "the initialization scale α: u(0) = v(0) = α𝟙")

    static let claim = Parameter<String>("claim", .check, type: .choice(["implicit-bias", "l1-minimal", "l2-minimal"]),
        default: "implicit-bias",
        help: "\"implicit-bias\" (interpolation, certificate, reference), \"l1-minimal\" or \"l2-minimal\"")

    static let certificate = Parameter<String>("certificate", .check,
        type: .choice(["exact", "unit-constant", "linear"]), default: "exact",
        help: "\"exact\": arcsinh(x/(2α²)) or h_N^{−1}(x/α^N); \"unit-constant\": arcsinh(x/α²) (wrong); \"linear\": x/(2α²) (kernel regime, wrong)")

    static let l1Minimum = OptionalParameter<Rational>("l1_minimum", .check,
        type: .rational(minimum: 0, exclusive: true),
        help: "min ‖x‖₁ over Ax = y, exact (for claim = \"l1-minimal\"); when absent Attest computes it by an exact LP (GLPK)")
}
