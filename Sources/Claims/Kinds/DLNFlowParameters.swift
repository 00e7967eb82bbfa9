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
    /// The `[model]` parameters of `DLNParameters` and the gradient-flow `[dynamics]` parameters.
    static let specs: [ParameterSpec] =
        DLNParameters.specs.filter { !["method", "step_size", "steps"].contains($0.name) } + [
            ParameterSpec("method", section: .dynamics, type: .choice(["gf"]), default: .choice("gf"), variable: false,
                          help: "the dynamics: \"gf\", gradient flow Ẇ_j = −∂L/∂W_j, integrated by the Taylor series method"),
            ParameterSpec("horizon", section: .dynamics, type: .rational(minimum: 0, exclusive: true), required: true,
                          help: "the final time T of the flow (exact)"),
        ]

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
    /// - Throws: `DLNFlowError` when the integration does not reach the horizon; `IntegrationError` for a bad request.
    static func integrate(_ field: DeepLinearNetworkGradientFlow, from initial: [Matrix<Rational>], start: Rational = 0,
                          horizon: Rational, context: EvaluationContext,
                          observers: [Observer<BigFloat>] = [],
                          integrator: DLNFlowIntegrator = .taylor,
                          fixedSteps: Int? = nil) throws -> Run {
        let problem = try ODEProblem(field: field, initialState: DeepLinearNetworkGradientFlow.state(of: initial),
                                     from: start, to: horizon)
        let precision = context.precision ?? Precision.current
        var options = IntegrationOptions(precision: precision)
        if let deadline = context.deadline { options.timeLimit = max(.zero, deadline - .now) }
        if let fixedSteps {
            options.stepSize = .fixed((horizon - start) / Rational(numerator: BigInt(fixedSteps), denominator: 1))
            options.maximumSteps = max(options.maximumSteps, fixedSteps + 1)
        }
        let result = try Dynamics.integrate(problem, method: integrator.method(precision: precision),
                                            scalar: BigFloat.self, options: options, observers: observers)
        guard result.termination.isSuccess else {
            if case .timeBudgetExhausted = result.termination { try context.checkpoint() }
            throw DLNFlowError.integrationStopped("\(result.termination)")
        }
        return Run(layers: field.layers(of: result.state),
                   statistics: ["integrator": result.method, "steps": "\(result.statistics.steps)",
                                "rejected steps": "\(result.statistics.rejectedSteps)",
                                "dense-output evaluations": "\(result.statistics.denseOutputEvaluations)"])
    }
}

/// Why a gradient-flow check could not be completed.
enum DLNFlowError: Error, CustomStringConvertible {
    /// The integrator stopped before the horizon (divergence, step-size underflow, budget).
    case integrationStopped(String)

    /// A one-line message.
    var description: String {
        switch self {
        case let .integrationStopped(reason): return "the gradient-flow integration stopped early: \(reason)"
        }
    }
}
