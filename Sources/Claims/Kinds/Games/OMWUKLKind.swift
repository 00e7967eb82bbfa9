import MultiPrecision
import Models

/// `omwu-kl`: OMWU KL monotonicity and last-iterate convergence (Daskalakis & Panageas, ITCS 2019, Theorems 3.1, 2.7; docs/theory.md §3).
public struct OMWUKLKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("omwu-kl",
        summary: "zero-sum game min_x max_y xᵀAy, OMWU or MWU with step η: KL(z*‖z_t) non-increasing from a step on, or KL_T below a bound",
        method: """
        Computes the game's unique fully mixed equilibrium exactly in Rational from the bordered indifference \
        systems (docs/theory.md §3.5; other games are rejected). Runs the map from the uniform start (x_{−1} = \
        x_0) in MPFR at the working precision p, in the log domain, measuring each step's KL change by the exact \
        identity ΔKL = ln Z_x + ln Z_y (exponents shifted by the value v, evaluated as log1p(Σ x_i expm1(u_i)); \
        once u_i and the sum are small, expm1 and log1p by their Taylor series at p + 64 bits, rounded once: \
        MPFR's correctly rounded values up to 2⁻⁶¹ ulp) and by direct subtraction of KL values. Margin: tolerance \
        − max_{t ≥ from_step} ΔKL_t (kl-nonincreasing) or kl_below − KL_T (converges). Everything is computed \
        again at p + guard bits; the difference is the error estimate. Once KL falls below the rounding floor of \
        p, the computed changes are rounding noise and the verdict is INCONCLUSIVE, never FAIL.
        """)

    /// What is claimed.
    enum Property: String, ParameterChoice { case klNonincreasing = "kl-nonincreasing", converges }
    static let property = Parameter<Property>("property", .check, default: .klNonincreasing, variable: false,
        help: "what is claimed: KL_t ≤ KL_{t−1} for t ≥ from_step, or KL_T ≤ kl_below")
    static let klBelow = OptionalParameter<Rational>("kl_below", .check, type: .rational(minimum: 0, exclusive: true),
        help: "for property = \"converges\": the claimed bound on KL_T")
    public var declared: [any DeclaredParameter] { [Self.property, Scenario.fromStep, Self.klBelow] }

    /// The game is valid; `kl_below` goes with "converges"; `from_step` ≤ `steps`.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(parameters)
        let converges = parameters[Self.property] == .converges
        if converges != parameters.has(Self.klBelow) {
            throw ParameterProblem(key: "kl_below", converges ? .missingKey : .invalidValue("kl_below goes with property = \"converges\""))
        }
        if parameters[Scenario.fromStep] > parameters[Scenario.steps] {
            throw ParameterProblem(key: "from_step", .outOfRange(value: "\(parameters[Scenario.fromStep])", allowed: "at most `steps`"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        let method = p[Scenario.method].rawValue.uppercased()
        if p[Self.property] == .converges {
            return "\(method): KL(z*‖z_T) ≤ \(p.written(Self.klBelow, absent: "the bound")) after T = \(p.written(Scenario.steps, absent: "T")) steps"
        }
        return "\(method): KL_t − KL_{t−1} = ln Z_x + ln Z_y ≤ tolerance at every step t ≥ \(p.written(Scenario.fromStep, absent: "2")) "
            + "up to \(p.written(Scenario.steps, absent: "T"))"
    }

    /// max_{t ≥ from_step} ΔKL_t ≤ 0 (by the identity), or KL_T ≤ kl_below, up to the tolerance.
    public func check(_ p: InstanceParameters, on run: MultiplicativeWeightsScenario, context: EvaluationContext) throws -> PropertyOutcome {
        let r = run.run, game = run.game, largest = r.largestChange, from = p[Scenario.fromStep]
        let bound = p[Self.klBelow], first = [0, largest.step].contains(r.firstIncrease) ? "" : " (first increase at step \(r.firstIncrease))"
        let (observed, limit) = if let bound { (Observation(place: .step(run.steps), scalar: r.finalKL), BigFloat(bound)) }
            else { (Observation(place: .step(largest.step), scalar: largest.value), BigFloat(0)) }
        var outcome = try BoundProperty(label: "KL", lhs: bound == nil ? "max_{t ≥ from_step} ΔKL_t" : "KL_T", relation: .lessOrEqual,
                                        rhs: bound == nil ? "0" : "kl_below", scope: .atEnd, tolerance: context.tolerance)
            .evaluate([observed], [ObservedValue(limit)])
        outcome.place = bound == nil ? "step \(largest.step)" + first : "step \(run.steps) (KL_T)"
        outcome.quantities = [
            Quantity("KL_0", .rounded(r.initialKL)), Quantity("KL_1", .rounded(run.kl(1))),
            Quantity("KL_1 − KL_0 (identity)", .rounded(r.firstChange)),
            Quantity("KL at the start of the monotone phase (t = from_step − 1)", .rounded(run.kl(from - 1))),
            Quantity("first step t ≥ from_step with KL_t > KL_{t−1} (identity; 0: none)", .exact(Rational(r.firstIncrease))),
            Quantity("steps t ≥ from_step with KL_t > KL_{t−1} (identity)", .exact(Rational(r.increases.identityFrom))),
            Quantity("steps t ≥ from_step with KL_t > KL_{t−1} (direct difference)", .exact(Rational(r.increases.directFrom))),
            Quantity("largest increase max(0, max_{t ≥ from_step} (KL_t − KL_{t−1})) (identity)",
                     .rounded(largest.value > 0 ? largest.value : BigFloat(0))),
            Quantity("step t ≥ from_step of the largest KL_t − KL_{t−1} (identity)", .exact(Rational(largest.step))),
            Quantity("max_{t ≥ from_step} (KL_t − KL_{t−1}) (identity ln Z_x + ln Z_y)", .rounded(largest.value)),
            Quantity("max_{t ≥ from_step} (KL_t − KL_{t−1}) (direct difference)", .rounded(r.largestDirectChange)),
            Quantity("KL_T", .rounded(r.finalKL)), Quantity("‖x_T − x*‖₁ + ‖y_T − y*‖₁", .rounded(r.finalDistance)),
            Quantity("max_t |identity − direct|", .rounded(r.largestDiscrepancy)), Quantity("v (game value, exact)", .exact(game.value)),
        ] + Quantity.entries("x*_", game.equilibriumX, suffix: " (exact)", QuantityValue.exact)
          + Quantity.entries("y*_", game.equilibriumY, suffix: " (exact)", QuantityValue.exact)
        outcome.series = run.series
        return outcome
    }
}
