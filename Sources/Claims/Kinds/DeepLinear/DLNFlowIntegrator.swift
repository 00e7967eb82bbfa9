import Dynamics
import MultiPrecision

/// The integrator of a deep-linear-network gradient-flow claim (`[dynamics] integrator`), and its fixed step count
/// (`fixed_steps`) when it does not adapt its steps.
///
/// The Taylor series method is the default: its tolerance 2^−(p−10) follows the precision, so the run at p + guard
/// bits also estimates the truncation error. The others are there to compare integrators (a sweep over them shows
/// Gauss–Legendre conserving the quadratic balancedness invariant to rounding at any step, the explicit
/// Runge–Kutta methods drifting by their truncation error). With `fixed_steps`, the second precision cannot see the
/// truncation error, so the kind also runs twice as many steps and reports the difference as a method error.
struct DLNFlowIntegrator: Sendable {
    /// The method's name in claim files.
    var name: String
    /// Steps of equal size over the horizon, or `nil` for adaptive steps at the default tolerance.
    var fixedSteps: Int?

    /// The names claim files may give.
    static let names = ["taylor", "gauss-legendre", "rk78", "rk4"]

    /// The `[dynamics]` parameters.
    static let specs: [ParameterSpec] = ParameterSpec.list(Self.integrator, Self.fixedSteps)

    /// The Taylor series method in adaptive steps.
    static let taylor = DLNFlowIntegrator(name: "taylor", fixedSteps: nil)

    /// An integrator by name.
    init(name: String, fixedSteps: Int?) {
        self.name = name
        self.fixedSteps = fixedSteps
    }

    /// The integrator an instance asks for.
    init(_ parameters: InstanceParameters) {
        name = parameters[Self.integrator]
        fixedSteps = parameters[Self.fixedSteps]
    }

    /// `rk4` needs `fixed_steps`.
    static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        if parameters[Self.integrator] == "rk4", parameters[Self.fixedSteps] == nil {
            throw ParameterProblem(key: "fixed_steps",
                                   .invalidValue("the rk4 integrator has no error control: give fixed_steps"))
        }
    }

    /// The Gauss–Legendre stage count at `precision` bits: order 2s grows with the digits wanted.
    static func gaussLegendreStages(precision: Int) -> Int { max(4, precision / 32) }

    /// The integration method at `precision` bits.
    func method(precision: Int) -> any IntegrationMethod {
        switch name {
        case "gauss-legendre": return GaussLegendre(stages: Self.gaussLegendreStages(precision: precision))
        case "rk78": return RungeKuttaFehlberg78()
        case "rk4": return ClassicalRungeKutta4()
        default: return Taylor()
        }
    }

    /// The order of the method (for the step-halving error estimate), or `nil` for the Taylor method.
    func order(precision: Int) -> Int? {
        switch name {
        case "gauss-legendre": return 2 * Self.gaussLegendreStages(precision: precision)
        case "rk78": return 7
        case "rk4": return 4
        default: return nil
        }
    }
}

extension DLNFlowIntegrator {
    static let integrator = Parameter<String>("integrator", .dynamics, type: .choice(names), default: "taylor",
        help: "the integrator: \"taylor\" (default; adaptive order and step), \"gauss-legendre\" "
        + "(implicit, order 2s with s = max(4, p/32) stages; conserves quadratic invariants), "
        + "\"rk78\" (Fehlberg 7(8), adaptive) or \"rk4\" (classical, needs fixed_steps)")

    static let fixedSteps = OptionalParameter<Int>("fixed_steps", .dynamics, type: .integer(1...10_000_000),
        help: "integrate with this many equal steps instead of adaptive ones; the truncation error is "
        + "then estimated by a second run with twice as many steps and added to the error estimate")
}
