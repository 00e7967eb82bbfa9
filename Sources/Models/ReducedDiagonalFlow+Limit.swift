import Dynamics
import MultiPrecision

/// The gradient-flow limit x_∞ of a diagonal network, approximated by x(t) at the first time the relative residual
/// ‖Ax − y‖/‖y‖ falls to a target (or, when it never does, x at the time horizon).
public struct DiagonalNetworkFlowLimit: Sendable {
    /// x(t) at the event (or at the end of the run).
    public let x: [BigFloat]
    /// The event time t (or the time the run ended).
    public let time: BigFloat
    /// Accepted integrator steps.
    public let steps: Int
    /// Whether the event fired, i.e. the residual reached the target.
    public let reachedTarget: Bool
    /// How the run ended, in words.
    public let termination: String
}

extension ReducedDiagonalFlow {
    /// Integrates the exact reduced s-ODE with the Taylor series method at `precision` bits and stops with a terminal
    /// event when ‖Ax − y‖ = target·‖y‖ (docs/theory.md §4.1).
    ///
    /// - Returns: x at the event, the event time and the step count; when the flow reaches `maxTime` (or the step
    ///   limit) first, x at the end with `reachedTarget == false`.
    /// - Throws: errors of the integrator (invalid problem).
    public func limit(targetResidual target: Rational, maxTime: Rational, precision: Int) throws
        -> DiagonalNetworkFlowLimit
    {
        func norm(_ v: [BigFloat]) -> BigFloat { BigFloat.sqrt(v.reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        let threshold = BigFloat(target) * norm(y.map { BigFloat($0) })
        let stop = Event<BigFloat>("‖Ax − y‖ = target·‖y‖", direction: .falling) { _, s in
            norm(residual(effectiveVector(s))) - threshold
        }
        var options = IntegrationOptions(precision: precision)
        options.maximumSteps = 2_000_000
        let problem = try ODEProblem(field: self, initialState: initialState, from: 0, to: maxTime)
        let run = try integrate(problem, method: Taylor(), scalar: BigFloat.self, options: options, events: [stop])
        var reached = false
        if case .event = run.termination { reached = true }
        return DiagonalNetworkFlowLimit(x: effectiveVector(run.state), time: run.time, steps: run.statistics.steps,
                                        reachedTarget: reached, termination: run.termination.description)
    }
}
