import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gf-balancedness`: under gradient flow the balancedness matrices D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ evolve as
/// D_j(T) = e^{−2ρT} D_j(0), where ρ is the claimed decay rate (THEORY.md §1.3; ρ = 0 is conservation, ρ = λ is the
/// law under weight decay λ).
///
/// The flow may carry weight decay λ on every layer (`weight_decay`) and a penalty μ/2·‖W_1‖²_F on the first layer
/// only (`first_layer_penalty`, a loss that is not a function of the product alone). Known-false twins claim ρ = 0
/// with λ > 0, or ρ = 0 with μ > 0.
public struct DLNGFBalancednessKind: ClaimKind {
    /// Creates the kind.
    public init() {}

    /// `dln-gf-balancedness`.
    public var name: String { "dln-gf-balancedness" }

    /// One line.
    public var summary: String {
        "deep linear network, gradient flow (optionally with weight decay λ or a first-layer penalty μ): D_j(T) = e^{−2ρT}·D_j(0)"
    }

    /// How the check works.
    public var method: String {
        """
        Integrates the gradient flow Ẇ_j = −∂L/∂W_j − λW_j − [j = 1]μW_1 over [0, T] with the Taylor series method \
        at the working precision p (tolerance 2^−(p−10)) and measures r = max_j ‖D_j(T) − e^{−2ρT}D_j(0)‖_F. The \
        margin is tolerance − r. Everything is computed again at p + guard bits; the difference is the error \
        estimate (it covers both rounding and truncation, since the integrator's tolerance follows the precision).
        """
    }

    /// Rounded (MPFR).
    public var arithmetic: Arithmetic { .rounded }

    /// The gradient-flow parameters, `weight_decay`, `first_layer_penalty` and `decay_rate`.
    public var parameters: [ParameterSpec] {
        DLNFlowParameters.specs + [
            ParameterSpec("weight_decay", section: .dynamics, type: .rational(minimum: 0, exclusive: false),
                          default: .rational(0), help: "the weight decay λ on every layer: Ẇ_j = −∂L/∂W_j − λW_j"),
            ParameterSpec("first_layer_penalty", section: .dynamics, type: .rational(minimum: 0, exclusive: false),
                          default: .rational(0),
                          help: "μ: the loss gains μ/2·‖W_1‖²_F, so that it is no longer a function of the product alone"),
            ParameterSpec("decay_rate", section: .check, type: .rational(minimum: 0, exclusive: false),
                          default: .rational(0), help: "the claimed rate ρ in D_j(T) = e^{−2ρT}·D_j(0) (0: conservation)"),
        ]
    }

    /// Sizes and data fit; depth ≥ 2.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
    }

    /// Integrates the flow and compares D_j(T) with e^{−2ρT}D_j(0).
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let horizon = parameters.rational("horizon")!
        let field = try DeepLinearNetworkGradientFlow(
            widths: setup.widths, x: setup.x, y: setup.y, weightDecay: parameters.rational("weight_decay") ?? 0,
            firstLayerPenalty: parameters.rational("first_layer_penalty") ?? 0)
        let run = try DLNFlowParameters.integrate(field, from: setup.network.layers, horizon: horizon, context: context)
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        let initial = try DeepLinearNetwork<BigFloat>(layers: setup.network.layers.map(rounded)).balancedness
        let final = try DeepLinearNetwork<BigFloat>(layers: run.layers)
        let factor = BigFloat.exp(BigFloat(-2 * (parameters.rational("decay_rate") ?? 0) * horizon))
        let residuals = zip(final.balancedness, initial).map { (d, d0) in (d - factor * d0).frobeniusNorm }
        var worstJ = 0
        for j in residuals.indices where residuals[j] > residuals[worstJ] { worstJ = j }
        let loss = try final.squareLoss(x: rounded(setup.x), y: rounded(setup.y))
        return Evaluation(
            quantities: [
                Quantity("max_j ‖D_j(T) − e^{−2ρT}D_j(0)‖_F", .rounded(residuals[worstJ])),
                Quantity("max_j ‖D_j(0)‖_F", .rounded(initial.map(\.frobeniusNorm).max()!)),
                Quantity("L(W(T))", .rounded(loss)),
            ],
            margin: .rounded(BigFloat(context.tolerance) - residuals[worstJ]),
            location: "t = \(horizon), j = \(worstJ + 1)",
            statistics: run.statistics.merging(["depth": "\(setup.widths.count - 1)"]) { a, _ in a }
        )
    }
}
