import Dynamics
import MultiPrecision

/// The integrator of a deep-linear-network gradient flow (`[dynamics] integrator`), and its fixed step count
/// (`fixed_steps`) when it does not adapt its steps.
///
/// The Taylor series method is the default: its tolerance 2^−(p−10) follows the precision, so the run at p + guard
/// bits also estimates the truncation error, as it does for the adaptive Gauss–Legendre and Fehlberg methods. The
/// others are there to compare integrators (a sweep over them shows Gauss–Legendre conserving the quadratic
/// balancedness invariant to rounding at any step, the explicit Runge–Kutta methods drifting by their truncation
/// error). With `fixed_steps` the second precision cannot see the truncation error: the scenario reports it as
/// unknown, so a verdict needs a method known to conserve what is checked.
struct DLNFlowIntegrator: Sendable {
    /// The method's name in claim files.
    var name: String
    /// Steps of equal size over the horizon, or `nil` for adaptive steps at the default tolerance.
    var fixedSteps: Int?

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

    /// Whether the method conserves every quadratic invariant of a flow exactly (Gauss–Legendre collocation does).
    var conservesQuadraticInvariants: Bool { name == "gauss-legendre" }

    /// The integration method at `precision` bits (Gauss–Legendre with s = max(4, p/32) stages: order 2s grows with
    /// the digits wanted).
    func method(precision: Int) -> any IntegrationMethod {
        switch name {
        case "gauss-legendre": return GaussLegendre(stages: max(4, precision / 32))
        case "rk78": return RungeKuttaFehlberg78()
        case "rk4": return ClassicalRungeKutta4()
        default: return Taylor()
        }
    }

    static let integrator = Parameter<String>("integrator", .dynamics,
        type: .choice(["taylor", "gauss-legendre", "rk78", "rk4"]), default: "taylor",
        help: "the integrator: \"taylor\" (default; adaptive order and step), \"gauss-legendre\" "
        + "(implicit, order 2s with s = max(4, p/32) stages; conserves quadratic invariants), "
        + "\"rk78\" (Fehlberg 7(8), adaptive) or \"rk4\" (classical, needs fixed_steps)")

    static let fixedSteps = OptionalParameter<Int>("fixed_steps", .dynamics, type: .integer(1...10_000_000),
        help: "integrate with this many equal steps instead of adaptive ones; the truncation error is then not "
        + "estimated, so the verdict is INCONCLUSIVE unless the method conserves what is checked")
}
