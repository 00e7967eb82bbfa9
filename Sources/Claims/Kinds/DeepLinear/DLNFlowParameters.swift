import Dynamics
import LinearAlgebra
import MultiPrecision
import Models

/// The parameters and the integration shared by the deep-linear-network gradient-flow kinds.
///
/// The model parameters are those of `DLNParameters` (widths, data, initial weights, seed); the dynamics are the
/// gradient flow over [0, `horizon`], integrated by the Taylor series method at the working precision with its
/// default tolerance 2^−(p−10), so that the run at p + guard bits also estimates the truncation error.
enum DLNFlowParameters {
    static let gradientFlow = Parameter<String>(
        "method", .dynamics, type: .choice(["gf"]), default: "gf", variable: false,
        help: "the dynamics: \"gf\", gradient flow Ẇ_j = −∂L/∂W_j, integrated by the Taylor series method")
    static let horizon = Parameter<Rational>.positive("horizon", .dynamics, help: "the final time T of the flow (exact)")

    /// The `[model]` parameters of `DLNParameters` and the gradient-flow `[dynamics]` parameters.
    static let declared: [any DeclaredParameter] = DLNParameters.model + [gradientFlow, horizon]

    /// `declared` as schemas.
    static let specs: [ParameterSpec] = declared.specs

    /// The end of an integration: the layers at time T and the integrator's statistics.
    struct Run {
        /// W_1(T) … W_N(T) at the working precision.
        var layers: [Matrix<BigFloat>]
        /// Steps and the method, for reports.
        var statistics: [String: String]
    }

    /// Integrates `field` from `initial` at time `start` (default 0) to `horizon` at the context's precision,
    /// calling `observers` (for example at requested output times, through the integrator's dense output), with
    /// `integrator` (default the Taylor method) in adaptive steps, or `fixedSteps` equal steps.
    ///
    /// - Throws: `EvaluationFailure` when the integration does not reach the horizon; `IntegrationError` for a bad request.
    static func integrate(_ field: DeepLinearNetworkGradientFlow, from initial: [Matrix<Rational>], start: Rational = 0,
                          horizon: Rational, context: EvaluationContext,
                          observers: [Observer<BigFloat>] = [],
                          integrator: DLNFlowIntegrator = .taylor,
                          fixedSteps: Int? = nil) throws -> Run {
        let sampler = TrajectorySampler(context, label: "gradient-flow")
        let run = try sampler.flow(field, from: DeepLinearNetworkGradientFlow.state(of: initial), start: start,
                                   to: horizon, at: [], method: integrator.method(precision: sampler.precision),
                                   fixedSteps: fixedSteps, observers: observers)
        return Run(layers: field.layers(of: run.final), statistics: run.statistics)
    }
}
