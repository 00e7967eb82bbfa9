import MultiPrecision
import Models

/// `pbl-critical-points`: E2 of Poggio, Banburski, Liao (PNAS 2020), the KKT points of the constrained problem; docs/theory.md §2.4.
public struct PBLCriticalPointsKind: TrajectoryKind, ClassifierSetup, DescribedKind {
    public static let about = KindDescription("pbl-critical-points",
        summary: "homogeneous net, exponential loss, fixed ρ: the V-part of gradient flow vanishes exactly at the KKT points of the constrained problem (E2)",
        method: """
        Integrates the constrained flow dV/dτ = F(ρ, V) at fixed ρ by the Taylor method at the working precision \
        (tolerance 2^−(p−10); ReLU across activation switches) to a KKT point, and at each sample time evaluates \
        independently the gradient-flow field at W_k = ρ_k V_k (ρ_k = ρ^{1/K}, or scaled by 3/2 and 2/3 for unequal \
        norms) and its V-part V̇^GF. Violation: how far ‖V̇^GF‖/‖F‖ (or ‖∇_V L‖/‖F‖ for the known-false statement) \
        leaves [min_k ρ_k^{−2}, max_k ρ_k^{−2}], relative to max_k ρ_k^{−2} (negative inside). The run must reduce \
        ‖F‖ by the factor `convergence` (else ERROR: no KKT point reached). Margin: tolerance − max violation.
        """)

    public var declared: [any DeclaredParameter] {
        [Self.norm, Self.split, Self.horizon, ClassifierInstance.sampleTimes, Self.convergence, Self.statement]
    }

    public func checked(_ p: InstanceParameters) -> String? {
        (p[Self.statement] == .unconstrainedGradient ? "‖∇_V L‖/‖F‖" : "‖V̇^GF‖/‖F‖")
            + " stays in [min_k ρ_k^{−2}, max_k ρ_k^{−2}] (up to the tolerance) at every sample time of the constrained flow to a KKT point"
    }

    public func check(_ p: InstanceParameters, on scenario: ClassifierScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let flow = scenario.instance.flow, depth = flow.depth, rho = p[Self.norm]
        let n = p[ClassifierInstance.sampleTimes], horizon = p[Self.horizon]
        let run = try scenario.run(ConstrainedNormalizedFlow(base: flow, norm: rho), to: horizon,
                                   at: (0...n).map { horizon * Rational($0) / Rational(n) })
        let split = [Rational(numerator: 3, denominator: 2), Rational(numerator: 2, denominator: 3)]
        let root = BigFloat.pow(BigFloat(rho), rational: Rational(numerator: 1, denominator: BigInt(depth)))
        let layerNorms = (0..<depth).map { k in p[Self.split] == .equal || k > 1 ? root : root * BigFloat(split[k]) }
        let inverseSquares = layerNorms.map { BigFloat(1) / ($0 * $0) }
        let upper = inverseSquares.largest, lower = inverseSquares.smallest
        // ‖F‖, ‖V̇^GF‖ and ‖∇_V L‖ at every sample, from the fields at W_k = ρ_k V_k.
        let fields = try run.states.map { v in
            let polar = try PolarVelocities(flow: flow, directions: v, layerNorms: layerNorms)
            return (f: PolarVelocities.frobeniusNorm(polar.constrainedField), gf: PolarVelocities.frobeniusNorm(polar.directionRates),
                    gradient: PolarVelocities.frobeniusNorm(polar.unconstrainedField))
        }
        let last = fields[fields.count - 1], reduction = last.f / fields[0].f
        guard reduction <= BigFloat(p[Self.convergence]) else {
            throw EvaluationFailure("no KKT point reached: ‖F(τ)‖/‖F(0)‖ = \(reduction.scientific(significantDigits: 3)) (raise horizon)")
        }
        let violations = fields.map { s in
            let ratio = (p[Self.statement] == .unconstrainedGradient ? s.gradient : s.gf) / s.f
            return BigFloat.maximum(ratio - upper, lower - ratio) / upper
        }
        var outcome = try run.atMost(context.tolerance, label: "violation", "violation of ratio ∈ [min ρ_k^−2, max ρ_k^−2]", violations)
        outcome.quantities += [
            Quantity("max violation of the ratio ∈ [min ρ_k^−2, max ρ_k^−2]", .rounded(violations.largest)),
            Quantity("‖F(ρ, V(τ))‖ at the end (KKT residual)", .rounded(last.f)),
            Quantity("‖V̇^GF‖ at the end", .rounded(last.gf)),
            Quantity("‖∇_V L(ρ, V)‖ at the end", .rounded(last.gradient)),
            Quantity("activation switches", .exact(Rational(run.events.count))),
        ]
        return outcome
    }

    static let norm = Parameter<Rational>.positive("norm", .model, default: 2, help: "the fixed ρ = Π ρ_k")
    static let split = Parameter<LayerNorms>("layer_norms", .model, default: .unequal,
        help: "the split of ρ for the gradient-flow side: ρ_k = ρ^{1/K}, or ρ^{1/K}·(3/2, 2/3, 1, …)")
    static let horizon = Parameter<Rational>.positive("horizon", .dynamics, help: "the final constrained time τ")
    static let convergence = Parameter<Rational>.positive("convergence", .check,
        default: Rational(numerator: 1, denominator: BigInt(10).power(20)),
        help: "the run must end with ‖F‖ ≤ convergence·‖F(0)‖ (a KKT point)")
    static let statement = Parameter<Statement>("statement", .check, default: .normalizedGF,
        help: "whose zeros are the KKT points: the V-part of GF (E2), or ∇_V L (known false)")

    /// Whose zeros are claimed to be the KKT points.
    enum Statement: String, ParameterChoice {
        case normalizedGF = "normalized-gf", unconstrainedGradient = "unconstrained-gradient"
    }
}
