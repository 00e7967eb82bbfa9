import MultiPrecision

/// A one-step integrator that owns its state, its time and its workspace, and advances by one accepted step at a
/// time. The `integrate` driver runs any conforming stepper; observers, events, budgets and divergence checks live in
/// the driver, not in the stepper.
///
/// ## Contract
/// - `time` and `state` are the end of the last accepted step (t₀ and x₀ before the first one); `previousTime` is its
///   start. All three are at the working precision; time is never held in `Double` for `BigFloat` steppers.
/// - `step(toward:)` takes exactly one accepted step (retrying internally after rejections), never passes `limit`,
///   and lands on `limit` exactly when it reaches it. It does not check budgets or norms; the driver does.
///   A stepper that cannot continue reports why (`StepOutcome.stepSizeUnderflow`, `.failed`) and leaves `time` and
///   `state` at the last accepted step.
/// - `denseState(at:into:)` evaluates the solution anywhere on the last accepted step, `previousTime ≤ t ≤ time`,
///   to about the accuracy of the step itself (the Taylor stepper evaluates its series; Runge–Kutta steppers
///   re-step from the start of the step). It may use the stepper's workspace, but it never changes `time`, `state`
///   or the step-size control.
/// - Steppers are made at the working precision (inside `withPrecision(bits)` for `BigFloat`) through an
///   `IntegrationMethod`, and a step allocates no MPFR number per arithmetic operation outside the vector field.
///
/// ```swift
/// var stepper = try GaussLegendre(stages: 3).makeStepper(field: field, initialTime: t0, initialState: x0,
///                                                       configuration: configuration)
/// while stepper.time < tEnd {
///     guard case .accepted = stepper.step(toward: tEnd) else { break }
/// }
/// ```
public protocol Stepper<Scalar> {
    /// The scalar the stepper computes in.
    associatedtype Scalar: IntegrationScalar

    /// The method and its parameters, for reports: "Gauss–Legendre, s = 4 (order 8)".
    var methodDescription: String { get }
    /// The end of the last accepted step (t₀ before the first step).
    var time: Scalar { get }
    /// The state at `time`.
    var state: [Scalar] { get }
    /// The start of the last accepted step (equal to `time` before the first step).
    var previousTime: Scalar { get }
    /// Counters accumulated since the stepper was made.
    var statistics: StepperStatistics { get }

    /// Takes one accepted step toward `limit` (> `time`), without passing it.
    ///
    /// - Returns: `.accepted` with the step's size, order and local error estimate; or why no step could be taken.
    mutating func step(toward limit: Scalar) -> StepOutcome<Scalar>

    /// Writes the solution at `t` into `result` (which has `state.count` components on entry), for
    /// `previousTime ≤ t ≤ time`.
    mutating func denseState(at t: Scalar, into result: inout [Scalar])
}

/// What one call of `Stepper.step(toward:)` achieved.
public enum StepOutcome<Scalar: IntegrationScalar> {
    /// One step was accepted.
    case accepted(StepReport<Scalar>)
    /// The step size the method needs fell below the smallest step it may take (`stepSize`).
    case stepSizeUnderflow(stepSize: Scalar)
    /// The step could not be completed (non-finite values, or an implicit stage iteration that diverged).
    case failed(DivergenceReason)
}

/// The record of one accepted step.
public struct StepReport<Scalar: IntegrationScalar> {
    /// The size of the accepted step, `time − previousTime`.
    public var stepSize: Scalar
    /// The order of the formula used on this step (fixed for Runge–Kutta, chosen per step by Taylor).
    public var order: Int
    /// An estimate of the local error committed on this step, in the max norm (absolute), or `nil` when the method
    /// has none (fixed-step classical RK4).
    public var localErrorEstimate: Scalar?
    /// Trial steps rejected before this one was accepted.
    public var rejections: Int

    /// A report.
    public init(stepSize: Scalar, order: Int, localErrorEstimate: Scalar?, rejections: Int) {
        self.stepSize = stepSize
        self.order = order
        self.localErrorEstimate = localErrorEstimate
        self.rejections = rejections
    }
}

/// Why a trajectory was declared divergent.
public enum DivergenceReason: Equatable, Sendable, CustomStringConvertible {
    /// A component became NaN or infinite.
    case nonFiniteValue
    /// The max norm of the state exceeded the limit (the limit as a decimal string).
    case normExceeded(limit: String)
    /// The implicit stage equations (Gauss–Legendre) did not converge, even after the step was reduced.
    case stageIterationDiverged

    /// A short phrase for "diverged at t = …: <phrase>".
    public var description: String {
        switch self {
        case .nonFiniteValue: return "a component became NaN or infinite"
        case let .normExceeded(limit): return "the max norm of the state exceeded \(limit)"
        case .stageIterationDiverged: return "the implicit stage iteration diverged"
        }
    }
}
