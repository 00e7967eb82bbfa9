import LinearAlgebra
import MultiPrecision
import Models

/// `pbl-critical-points`: E2 of docs/theory.md §2.4 (Poggio, Banburski, Liao, PNAS 2020: "the same critical points as the
/// constrained problem"). For a fixed ρ, the V-part of gradient flow vanishes exactly where the constrained field
/// F(ρ, V) does, i.e. at the KKT points of min L(ρ, V) s.t. ‖V_k‖_F = 1. Checked quantitatively along the constrained
/// flow dV/dτ = F(ρ, V) run to a KKT point (Taylor, across activation switches for ReLU): at every sample time the
/// ratio ‖V̇^GF‖/‖F‖, with V̇^GF from the gradient-flow field at W_k = ρ_k V_k (Π ρ_k = ρ), stays in
/// [min_k ρ_k^{−2}, max_k ρ_k^{−2}], so each vanishes where the other does, while ‖F‖ falls by orders of magnitude.
/// `statement = "unconstrained-gradient"` (known false) claims the same of the unconstrained gradient ∇_V L(ρ, V),
/// which at a KKT point equals −2λ_k V_k ≠ 0.
public struct PBLCriticalPointsKind: ClaimKind {
    public init() {}

    public var name: String { "pbl-critical-points" }

    public var summary: String {
        "homogeneous net, exponential loss, fixed ρ: the V-part of gradient flow vanishes exactly at the KKT points of the constrained problem (E2)"
    }

    public var method: String {
        """
        Integrates the constrained flow dV/dτ = F(ρ, V) at fixed ρ by the Taylor method at the working precision \
        (tolerance 2^−(p−10); ReLU across activation switches) to a KKT point, and at each sample time evaluates \
        independently the gradient-flow field at W_k = ρ_k V_k (ρ_k = ρ^{1/K}, or scaled by 3/2 and 2/3 for unequal \
        norms) and its V-part V̇^GF. Violation: how far ‖V̇^GF‖/‖F‖ (or ‖∇_V L‖/‖F‖ for the known-false statement) \
        leaves [min_k ρ_k^{−2}, max_k ρ_k^{−2}], relative to max_k ρ_k^{−2} (negative inside). The run must reduce \
        ‖F‖ by the factor `convergence` (else ERROR: no KKT point reached). Margin: tolerance − max violation.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, ρ, horizon and the statement.
    public var parameters: [ParameterSpec] {
        ClassifierInstance.modelParameters(data: .randomLabels) + ParameterSpec.list(Self.norm, Self.layerNorms, Self.horizon, Self.sampleTimes, Self.convergence,
            Self.statement)
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try ClassifierInstance.validate(parameters)
    }

    /// Runs the constrained flow and compares the fields along it.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let precision = context.workingPrecision
        let instance = ClassifierInstance(parameters, data: .randomLabels, initialization: .normalized(unequal: false),
                                          precision: precision)
        let flow = instance.flow, depth = flow.depth
        let rho = parameters[Self.norm]
        let unconstrained = parameters[Self.statement] == "unconstrained-gradient"
        let split = [Rational(numerator: 3, denominator: 2), Rational(numerator: 2, denominator: 3)]
        let factors: [Rational] = (0..<depth).map { k in
            parameters[Self.layerNorms] == "equal" || depth < 2 || k > 1 ? Rational(1) : split[k]
        }
        let horizon = parameters[Self.horizon]
        let count = parameters[Self.sampleTimes]
        let times = (0...count).map { horizon * Rational($0) / Rational(count) }
        let root = BigFloat.pow(BigFloat(rho), rational: Rational(numerator: 1, denominator: BigInt(depth)))
        let layerNorms = factors.map { root * BigFloat($0) }
        let inverseSquares = layerNorms.map { BigFloat(1) / ($0 * $0) }
        let upper = inverseSquares.max()!, lower = inverseSquares.min()!
        func norm(_ blocks: [[BigFloat]]) -> BigFloat { BigFloat.sqrt(blocks.joined().reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        var worst = BigFloat(0), worstTime = BigFloat(0), first = true, failure: Error?
        var initialField = BigFloat(0), last: (field: BigFloat, gf: BigFloat, gradient: BigFloat)?
        try context.checkpoint()
        let run = try integrateAcrossActivationSwitches(
            ConstrainedNormalizedFlow(base: flow, norm: rho), initial: instance.initial, horizon: horizon,
            precision: precision, outputTimes: times
        ) { sample in
            guard failure == nil else { return }
            var w = sample.state
            for k in 0..<depth {
                let o = flow.offset(k)
                for i in o..<(o + flow.widths[k + 1] * flow.widths[k]) { w[i] = layerNorms[k] * sample.state[i] }
            }
            do {
                let polar = try PolarVelocities(flow: flow, state: w)
                let field = norm(polar.constrainedField), gf = norm(polar.directionRates)
                let gradient = norm(polar.unconstrainedField)
                let ratio = (unconstrained ? gradient : gf) / field
                let violation = BigFloat.maximum(ratio - upper, lower - ratio) / upper
                if first || violation > worst { worst = violation; worstTime = sample.time }
                if first { initialField = field }
                first = false
                last = (field, gf, gradient)
            } catch { failure = error }
        }
        if let failure { throw failure }
        guard run.reachedEnd, let last else {
            throw EvaluationFailure("the constrained flow stopped at τ = \(run.time.scientific(significantDigits: 6)): \(run.termination)")
        }
        let reduction = last.field / initialField
        guard reduction <= BigFloat(parameters[Self.convergence]) else {
            throw EvaluationFailure("no KKT point reached: ‖F(τ)‖/‖F(0)‖ = \(reduction.scientific(significantDigits: 3)) (raise horizon)")
        }
        return Evaluation(
            quantities: [
                Quantity(unconstrained ? "max violation of ‖∇_V L‖/‖F‖ ∈ [min ρ_k^−2, max ρ_k^−2]"
                                       : "max violation of ‖V̇^GF‖/‖F‖ ∈ [min ρ_k^−2, max ρ_k^−2]", .rounded(worst)),
                Quantity("‖F(ρ, V(τ))‖ at the end (KKT residual)", .rounded(last.field)),
                Quantity("‖V̇^GF‖ at the end", .rounded(last.gf)),
                Quantity("‖∇_V L(ρ, V)‖ at the end", .rounded(last.gradient)),
            ],
            margin: .rounded(BigFloat(context.tolerance) - worst),
            location: "τ = \(worstTime.scientific(significantDigits: 6))",
            statistics: ["depth": "\(depth)", "network": flow.activation.rawValue, "sample times": "\(count)",
                         "activation switches": "\(run.switches.count)"])
    }
}

extension PBLCriticalPointsKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let field = p[Self.statement] == "unconstrained-gradient" ? "‖∇_V L‖/‖F‖" : "‖V̇^GF‖/‖F‖"
        return "\(field) stays in [min_k ρ_k^{−2}, max_k ρ_k^{−2}] (up to the tolerance) at every sample time of the "
            + "constrained flow to a KKT point"
    }
}

extension PBLCriticalPointsKind {
    static let norm = Parameter<Rational>("norm", .model, type: .rational(minimum: 0, exclusive: true), default: 2,
        help: "the fixed ρ = Π ρ_k")

    static let layerNorms = Parameter<String>("layer_norms", .model, type: .choice(["equal", "unequal"]),
        default: "unequal",
        help: "the split of ρ for the gradient-flow side: ρ_k = ρ^{1/K}, or ρ^{1/K}·(3/2, 2/3, 1, …)")

    static let horizon = Parameter<Rational>("horizon", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the final constrained time τ")

    static let sampleTimes = Parameter<Int>("sample_times", .dynamics, type: .integer(1...2000), default: 20,
        help: "equally spaced sample times in [0, τ]")

    static let convergence = Parameter<Rational>("convergence", .check, type: .rational(minimum: 0, exclusive: true),
        default: Rational(numerator: 1, denominator: BigInt(10).power(20)),
        help: "the run must end with ‖F‖ ≤ convergence·‖F(0)‖ (a KKT point)")

    static let statement = Parameter<String>("statement", .check,
        type: .choice(["normalized-gf", "unconstrained-gradient"]), default: "normalized-gf",
        help: "whose zeros are the KKT points: the V-part of GF (E2), or ∇_V L (known false)")
}
