import LinearProgramming
import Models
import MultiPrecision

/// `diagonal-network-implicit-bias`: the implicit bias of the gradient-flow limit from α𝟙 (docs/theory.md §4.2–4.5).
public struct DiagonalNetworkImplicitBiasKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("diagonal-network-implicit-bias",
        summary: "diagonal linear network x = u^N − v^N, gradient flow from α𝟙: the limit interpolates and φ(x_∞) ∈ range(Aᵀ)",
        method: """
        Integrates the exact reduced ODE ṡ = −Aᵀ(A x(s) − y), s(0) = 0 (docs/theory.md §4.1; x(s) = 2α² sinh(4s) for \
        N = 2, α^N h_N(N(N−2)α^{N−2}s) for N ≥ 3) with the Taylor series method at the working precision p, and \
        stops with a terminal event when ‖Ax − y‖ = target·‖y‖. It then measures the relative interpolation \
        residual, the relative distance of the certificate φ(x) from range(Aᵀ) (normal equations with AAᵀ), and \
        the relative distance to the reference x_α, the root of A·x(Aᵀλ) = y by damped Newton on the convex dual. \
        The margin is the relative tolerance minus the largest of the claimed residuals ("l1-minimal": \
        tol·m₁ − (‖x‖₁ − m₁), m₁ = min ‖x‖₁ given or by an exact LP; "l2-minimal": tol − ‖x − A⁺y‖/‖A⁺y‖). \
        Everything is computed again at p + guard bits; the difference is the error estimate.
        """)

    enum Claim: String, ParameterChoice { case implicitBias = "implicit-bias", l1Minimal = "l1-minimal", l2Minimal = "l2-minimal" }
    enum Certificate: String, ParameterChoice { case exact, unitConstant = "unit-constant", linear }

    static let claim = Parameter<Claim>("claim", .check, default: .implicitBias,
        help: "\"implicit-bias\" (interpolation, certificate, reference), \"l1-minimal\" or \"l2-minimal\"")
    static let certificate = Parameter<Certificate>("certificate", .check, default: .exact,
        help: "\"exact\": arcsinh(x/(2α²)) or h_N^{−1}(x/α^N); \"unit-constant\": arcsinh(x/α²) (wrong); \"linear\": x/(2α²) (kernel regime, wrong)")
    static let l1Minimum = OptionalParameter<Rational>("l1_minimum", .check, minimum: 0, exclusive: true,
        help: "min ‖x‖₁ over Ax = y, exact (for claim = \"l1-minimal\"); when absent Attest computes it by an exact LP (GLPK)")

    public var declared: [any DeclaredParameter] { [Self.claim, Self.certificate, Self.l1Minimum, Scenario.tolerance.legacy] }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(parameters)
        if parameters[Self.certificate] != .exact, parameters[DiagonalNetworkProblem.depth] != 2 {
            throw ParameterProblem(key: "certificate", .invalidValue("the wrong-certificate variants are defined for depth 2"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        switch (p[Self.claim], p[Self.certificate]) {
        case (.l1Minimal, _): return "‖x_∞‖₁ ≤ (1 + tolerance)·min{‖x‖₁ : Ax = y} at the gradient-flow limit"
        case (.l2Minimal, _): return "‖x_∞ − A⁺y‖/‖A⁺y‖ ≤ tolerance at the gradient-flow limit"
        case let (.implicitBias, certificate):
            let phi = [Certificate.unitConstant: "arcsinh(x_∞/α²)", .linear: "x_∞/(2α²)"][certificate,
                default: p[DiagonalNetworkProblem.depth] == 2 ? "arcsinh(x_∞/(2α²))" : "h_N^{−1}(x_∞/α^N)"]
            return "‖Ax_∞ − y‖/‖y‖, dist(\(phi), range Aᵀ) relative, and ‖x_∞ − x_α‖/‖x_α‖ all ≤ tolerance"
        }
    }

    public func check(_ p: InstanceParameters, on run: DiagonalLimitScenario<DiagonalScaleStart>, context: EvaluationContext) throws -> PropertyOutcome {
        typealias P = DiagonalNetworkProblem
        let x = try run.reachedLimit(p), bias = DiagonalNetworkImplicitBias(flow: run.flow), tolerance = Scenario.tolerance.value(p, context: context)
        let xAlpha = try bias.reference().x, reference = P.relativeDistance(x, xAlpha)
        var quantities = run.observables("x", x) + [Quantity("‖x − x_α‖/‖x_α‖ (x_α by Newton)", .rounded(reference)), Quantity("‖x‖₁", .rounded(P.l1(x)))]
        var deviations: [BigFloat], lhs: String, bound = BigFloat(0), rhs = "0", slack = tolerance
        switch p[Self.claim] {
        case .l1Minimal:
            if let given = p[Self.l1Minimum] { quantities.append(Quantity("min ‖x‖₁ (given)", .rounded(BigFloat(given)))) } else {
                quantities.append(Quantity("min ‖x‖₁ (exact LP)", .exact(try MinimumL1Interpolant(a: run.flow.a, y: run.flow.y).norm)))
            }
            let m = quantities[quantities.count - 1].value.bigFloat(precision: context.workingPrecision)
            (deviations, lhs, bound, rhs, slack) = ([P.l1(x) - m], "‖x_∞‖₁ − m₁", BigFloat(tolerance) * m, "tol·m₁", 0)
        case .l2Minimal:
            deviations = [P.relativeDistance(x, try P(p).minimumNormInterpolant.map { BigFloat($0) })]
            (lhs, quantities) = ("‖x_∞ − A⁺y‖/‖A⁺y‖", quantities + [Quantity("‖x − A⁺y‖/‖A⁺y‖", .rounded(deviations[0]))])
        case .implicitBias:
            let alphaSquared = BigFloat(run.flow.alpha * run.flow.alpha)
            let certificate = switch p[Self.certificate] {
            case .unitConstant: x.map { BigFloat.asinh($0 / alphaSquared) }
            case .linear: x.map { $0 / (2 * alphaSquared) }
            case .exact: try bias.certificate(x)
            }
            let distance = try run.certificateDistance(certificate, of: "x", into: &quantities)
            (deviations, lhs) = ([run.interpolation, distance, reference], "(‖Ax − y‖/‖y‖, dist(φ(x), range Aᵀ)/‖φ(x)‖, ‖x − x_α‖/‖x_α‖)")
        }
        return try run.bound(deviations, lhs: lhs, bound, rhs: rhs, tolerance: slack, place: .parameter(name: "α", value: run.flow.alpha),
                             quantities: quantities)
    }
}
