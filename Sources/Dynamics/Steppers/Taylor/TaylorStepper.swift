import CMPFR
import Foundation
import MultiPrecision

/// The Taylor series stepper: the vector field is traced once into a tape, and each step computes the Taylor
/// coefficients of the solution to order p by the standard recurrences (O(p²) per step, p passes over the tape),
/// chooses the step from the last two coefficients (Jorba–Zou), and sums the series by Horner.
///
/// - Order p = max(2, ⌈−½ ln ε + 1⌉) for the tolerance ε = min(rtol, atol) (87 at 2⁻²⁴⁶, 90 at 2⁻²⁵⁶); fixed for
///   the stepper, so `StepperStatistics.ordersUsed` has one entry.
/// - Step h = ρ·e^(−0.7/(p−1))/e², ρ = min over m ∈ {p−1, p} of (N/‖x_m‖∞)^{1/m}, N = max(1, ‖x₀‖∞), with the norms
///   in the log domain. The step lands exactly on the limit; steps are redone only for the tapering (below).
/// - Time and state are kept at the working precision plus `stateGuardBits` (compensated summation of the state);
///   dense output evaluates the last step's series by Horner.
/// - `BigFloat`: one MPFR arena per stepper holds every coefficient, accumulator and constant, so nothing is allocated
///   per arithmetic operation; high orders are computed at tapered precision. When a step's terms ‖x_k‖hᵏ exceed
///   the tapering's estimate N·e^(−2k) by more than its guard bits (entire functions such as e^{−t}, where the step
///   is limited by the horizon rather than the radius), the step is redone with that many more bits at every order
///   (counted as a rejected step; the arena is rebuilt once). The orders that need at most 53 bits run in hardware
///   `Double` (the same roundings as MPFR at 53 bits), redone in MPFR for a step whose coefficients leave
///   [2^−480, 2^480]. `Double`: the same recurrences at 53 bits.
/// - The local error estimate of a step is ‖x_{p−1}‖h^{p−1} + ‖x_p‖h^p plus the rounding of the state at the
///   working precision.
///
/// Make it through `Taylor` and the `integrate` driver, or directly:
/// ```swift
/// var stepper = try withPrecision(256) {
///     try TaylorStepper(field: field, time: BigFloat(0), state: x0,
///                       configuration: .defaults(precision: 256, horizonEnd: BigFloat(10)))
/// }
/// let result = try integrate(&stepper, to: BigFloat(10))
/// ```
public final class TaylorStepper<Scalar: IntegrationScalar>: Stepper {
    private let core: any TaylorCoreProtocol<Scalar>
    /// The working precision in bits (53 for `Double`).
    public let precision: Int
    /// The guard bits of the state and time accumulators (0 for `Double`).
    public let stateGuardBits: Int
    /// The number of state components.
    public let dimension: Int

    /// A stepper for `field` at (`time`, `state`).
    ///
    /// - Parameters:
    ///   - field: the vector field f of ẋ = f(t, x).
    ///   - time: the initial time t₀.
    ///   - state: the initial state x(t₀), of `field.dimension` components.
    ///   - configuration: the precision, tolerances (ε = min of the two), `maximumStep` and `minimumStep`. Fixed
    ///     steps are not supported (the Taylor method chooses its own), and `initialStep` is ignored.
    ///   - order: overrides the order from the tolerance (at least 2).
    ///   - tapering: computes high-order coefficients at reduced precision (`BigFloat` only; default on).
    ///   - stateGuardBits: extra bits of the state and time accumulators (`BigFloat` only; default 32): each step
    ///     adds its increment Σ_{k≥1} x_k hᵏ to a state kept at `precision + stateGuardBits` bits, a compensated
    ///     summation that keeps the rounding of many state updates out of the result. All series arithmetic is at
    ///     `precision` or below.
    ///   - taperingGuardBits: bits kept above the tapering's weight estimate at every order (`BigFloat`; default
    ///     32).
    ///   - taperingEveryLimbCount: one tapering level per limb count (`BigFloat`; default on); `false` gives the
    ///     sparser levels n, 3n/4, n/2, … limbs used before (the same at 256 bits; 8/6/4/3/2/1 limbs instead of
    ///     8/7/…/1 at 512).
    ///   - taperingHardwareDouble: computes the orders that need at most 53 bits in hardware `Double` (`BigFloat`;
    ///     default on), falling back to MPFR for a step whose coefficients leave [2^−480, 2^480].
    /// - Throws: `IntegrationError` for a state of the wrong dimension, a tolerance outside (0, 1), an order below
    ///   2, or a fixed step.
    public init<Field: VectorField>(
        field: Field, time: Scalar, state: [Scalar], configuration: StepperConfiguration<Scalar>,
        order: Int? = nil, tapering: Bool = true, stateGuardBits: Int = 32,
        taperingGuardBits: Int = 32, taperingEveryLimbCount: Bool = true, taperingHardwareDouble: Bool = true
    ) throws(IntegrationError) {
        guard state.count == field.dimension else {
            throw .dimensionMismatch(expected: field.dimension, actual: state.count, what: "initial state")
        }
        if let order, order < 2 {
            throw .invalidParameter(name: "order", value: "\(order)", requirement: "at least 2")
        }
        if configuration.fixedStep != nil {
            throw .unsupportedConfiguration(method: "Taylor", reason: "the Taylor method chooses its own steps")
        }
        let bits = Scalar.self == Double.self ? 53 : configuration.precision
        let tolerance = Swift.min(configuration.relativeTolerance, configuration.absoluteTolerance)
        let log2Tolerance = Self.log2Magnitude(tolerance)
        guard log2Tolerance < 0, log2Tolerance > -.infinity else { throw .invalidTolerance("\(tolerance)") }
        let program = TaylorProgram(tape: TaylorTape.trace(field))
        let guardBits = Scalar.self == Double.self ? 0 : Swift.max(0, stateGuardBits)
        if Scalar.self == Double.self {
            let core = TaylorSeriesCore(program: program, bits: 53, log2Tolerance: log2Tolerance, order: order,
                                        tapering: false, stateGuardBits: 0) { TaylorDoubleStore(count: $0.count) }
            self.core = core as! any TaylorCoreProtocol<Scalar>
        } else {
            let core = TaylorSeriesCore(program: program, bits: bits, log2Tolerance: log2Tolerance, order: order,
                                        tapering: tapering, taperingGuardBits: Double(Swift.max(0, taperingGuardBits)),
                                        everyLimbCount: taperingEveryLimbCount, hardwareDouble: taperingHardwareDouble,
                                        stateGuardBits: guardBits) {
                TaylorMPFRArena(precisions: $0)
            }
            self.core = core as! any TaylorCoreProtocol<Scalar>
        }
        precision = bits
        self.stateGuardBits = guardBits
        dimension = state.count
        if let maximumStep = configuration.maximumStep { core.log2MaximumStep = Self.log2Magnitude(maximumStep) }
        let minimumStep = _minimumStep(precision: bits, t0: time, t1: configuration.horizonEnd,
                                       minimumStep: configuration.minimumStep)
        core.reset(time: time, state: state, minimumStep: minimumStep)
    }

    /// log₂|x| without overflow for tiny `BigFloat` values (+∞ for NaN and ±∞, −∞ for 0).
    static func log2Magnitude(_ x: Scalar) -> Double {
        if let d = x as? Double { return d == 0 ? -.infinity : (d.isFinite ? Foundation.log2(Swift.abs(d)) : .infinity) }
        return x.exactBigFloat.withUnsafeMPFRPointer(_log2Magnitude)
    }

    /// "Taylor series, order p (tolerance 2^e, levels …)".
    public var methodDescription: String {
        let levels = core.levels.precisions.map(String.init).joined(separator: "/")
        return "Taylor series, order \(core.order), precision levels \(levels) bits"
    }
    /// The order p of every step.
    public var order: Int { core.order }
    /// The end of the last accepted step.
    public var time: Scalar { core.time() }
    /// The start of the last accepted step.
    public var previousTime: Scalar { core.previousTime() }
    /// The state at `time` (for `BigFloat`, at `precision + stateGuardBits` bits).
    public var state: [Scalar] {
        var result = (0..<dimension).map { _ in
            Scalar.self == BigFloat.self ? Scalar(rounding: BigFloat(precision: precision + stateGuardBits)) : Scalar(0)
        }
        core.state(into: &result)
        return result
    }

    /// Counters: accepted steps, redone steps (as rejections), tape passes as function evaluations (p per
    /// attempt), dense outputs, the order.
    public var statistics: StepperStatistics {
        var statistics = StepperStatistics()
        statistics.acceptedSteps = core.steps
        statistics.rejectedSteps = core.rejections
        statistics.functionEvaluations = core.tapePasses
        statistics.denseOutputEvaluations = core.denseEvaluations
        if core.steps > 0 { statistics.ordersUsed = [core.order: core.steps] }
        return statistics
    }

    /// log₂ of the sum of the local error estimates so far: a global error estimate that ignores the growth of
    /// errors along the flow (−∞ before the first step).
    public var log2AccumulatedLocalError: Double { core.log2AccumulatedError }

    /// How the tape compiled: nodes, Cauchy-product terms per order, precision levels and the level of each order.
    public var tapeSummary: TaylorTapeSummary {
        TaylorTapeSummary(program: core.program, levels: core.levels)
    }

    /// Takes one step toward `limit`, landing on it exactly when it is within reach.
    public func step(toward limit: Scalar) -> StepOutcome<Scalar> {
        switch core.step(toward: limit) {
        case .accepted:
            return .accepted(StepReport(stepSize: core.lastStepSize(), order: core.order,
                                        localErrorEstimate: core.powerOfTwo(core.log2LastLocalError),
                                        rejections: core.lastRejections))
        case .stepSizeUnderflow:
            return .stepSizeUnderflow(stepSize: core.powerOfTwo(core.log2LastStep))
        case .nonFinite, .redo:
            return .failed(.nonFiniteValue)
        }
    }

    /// Writes the solution at `t`, `previousTime ≤ t ≤ time`, into `result` by Horner on the last step's series
    /// (each entry rounded to its own precision; nothing allocated for uniquely referenced `BigFloat` entries).
    public func denseState(at t: Scalar, into result: inout [Scalar]) {
        core.denseState(at: t, into: &result)
    }
}

/// The Taylor series method (see `TaylorStepper`): order from the tolerance, step from the last two coefficients.
///
/// ```swift
/// let result = try integrate(problem, method: Taylor(), scalar: BigFloat.self,
///                            options: IntegrationOptions(precision: 256))
/// ```
public struct Taylor: IntegrationMethod {
    /// A fixed order instead of the one from the tolerance (`nil`: Jorba–Zou).
    public var order: Int?
    /// Whether high orders are computed at tapered precision (`BigFloat`).
    public var tapering: Bool
    /// Guard bits of the state and time accumulators (`BigFloat`).
    public var stateGuardBits: Int

    /// The method; see `TaylorStepper.init` for the parameters.
    public init(order: Int? = nil, tapering: Bool = true, stateGuardBits: Int = 32) {
        self.order = order
        self.tapering = tapering
        self.stateGuardBits = stateGuardBits
    }

    /// Adaptive only.
    public var supportsAdaptiveSteps: Bool { true }

    /// "Taylor series" (with the order when it is fixed).
    public var description: String { order.map { "Taylor series, order \($0)" } ?? "Taylor series" }

    /// A `TaylorStepper`.
    public func makeStepper<Field: VectorField, Scalar: IntegrationScalar>(
        field: Field, initialTime: Scalar, initialState: [Scalar], configuration: StepperConfiguration<Scalar>
    ) throws(IntegrationError) -> any Stepper<Scalar> {
        try TaylorStepper(field: field, time: initialTime, state: initialState, configuration: configuration,
                          order: order, tapering: tapering, stateGuardBits: stateGuardBits)
    }
}
