import CMPFR
import Foundation
import MultiPrecision

/// The Taylor series method: the vector field is traced once into a tape, and each step computes the Taylor
/// coefficients of the solution to order p by the standard recurrences (O(p²) per step), chooses the step from
/// the last two coefficients (Jorba–Zou), and sums the series by Horner at full precision.
///
/// - Order p = max(2, ⌈−½ ln ε + 1⌉) for the tolerance ε (90 at ε = 2⁻²⁵⁶); fixed for the stepper.
/// - Step h = ρ·e^(−0.7/(p−1))/e², ρ = min over m ∈ {p−1, p} of (N/‖x_m‖∞)^{1/m}, N = max(1, ‖x₀‖∞), with the
///   norms in the log domain. Every step is accepted (no rejections).
/// - Time and state are kept at the working precision; dense output evaluates the last step's series.
/// - `BigFloat`: one MPFR arena per stepper (all coefficients, accumulators and constants), nothing allocated per
///   operation; high orders are computed at tapered precision (`tapering`). `Double`: the same recurrences at 53 bits.
///
/// ```swift
/// let stepper = try withPrecision(256) {
///     try TaylorStepper(field: field, time: BigFloat(0), state: x0)
/// }
/// stepper.integrate(to: BigFloat(10))
/// ```
public final class TaylorStepper<Scalar: DynamicsScalar> {
    private let core: any TaylorCoreProtocol<Scalar>
    /// The working precision in bits (53 for `Double`).
    public let precision: Int
    /// The guard bits of the state and time accumulators (0 for `Double`).
    public let stateGuardBits: Int

    /// A stepper for `field` at (`time`, `state`).
    ///
    /// - Parameters:
    ///   - precision: bits for `BigFloat` (default `Precision.current`); ignored for `Double`.
    ///   - tolerance: the local tolerance ε (default 2^−(precision−10)).
    ///   - order: overrides the order from the tolerance.
    ///   - tapering: computes high-order coefficients at reduced precision (`BigFloat` only; default on).
    ///   - stateGuardBits: extra bits of the state and time accumulators (`BigFloat` only; default 32): each step adds
    ///     its increment Σ_{k≥1} x_k hᵏ to a state kept at `precision + stateGuardBits` bits, a compensated summation
    ///     that keeps the rounding of 10²–10⁴ state updates out of the result. The series arithmetic is at `precision`.
    /// - Throws: `TaylorError` for an unsupported scalar, a tolerance outside (0, 1), an order below 2, or a state
    ///   of the wrong dimension.
    public init<Field: VectorField>(
        field: Field, time: Scalar, state: [Scalar], precision: Int? = nil, tolerance: Scalar? = nil,
        order: Int? = nil, tapering: Bool = true, stateGuardBits: Int = 32
    ) throws(TaylorError) {
        guard state.count == field.dimension else {
            throw .dimensionMismatch(expected: field.dimension, actual: state.count)
        }
        if let order, order < 2 { throw .invalidOrder(order) }
        let bits: Int
        if Scalar.self == Double.self { bits = 53 } else if Scalar.self == BigFloat.self {
            bits = precision ?? Precision.current
        } else { throw .unsupportedScalar(String(describing: Scalar.self)) }
        let log2Tolerance: Double
        if let tolerance {
            log2Tolerance = Self.log2Magnitude(tolerance)
            guard log2Tolerance < 0, log2Tolerance > -.infinity else { throw .invalidTolerance("\(tolerance)") }
        } else {
            log2Tolerance = -Double(bits - 10)
        }
        let program = TaylorProgram(tape: TaylorTape.trace(field))
        if Scalar.self == Double.self {
            core = TaylorSeriesCore(program: program, bits: 53, log2Tolerance: log2Tolerance, order: order,
                                    tapering: false, stateGuardBits: 0) { TaylorDoubleStore(count: $0.count) } as! any TaylorCoreProtocol<Scalar>
        } else {
            core = TaylorSeriesCore(program: program, bits: bits, log2Tolerance: log2Tolerance, order: order,
                                    tapering: tapering, stateGuardBits: stateGuardBits) { TaylorMPFRArena(precisions: $0) } as! any TaylorCoreProtocol<Scalar>
        }
        self.precision = bits
        self.stateGuardBits = Scalar.self == Double.self ? 0 : stateGuardBits
        stateDimension = state.count
        core.reset(time: time, state: state)
    }

    /// log₂|x| for `Double` or `BigFloat` (no overflow for tiny `BigFloat` values).
    private static func log2Magnitude(_ x: Scalar) -> Double {
        if let d = x as? Double { return d > 0 ? Foundation.log2(d) : .infinity }
        guard let b = x as? BigFloat else { return .nan }
        return b.withUnsafeMPFRPointer { p -> Double in
            guard cmpfr_sgn(p) > 0, cmpfr_inf_p(p) == 0 else { return .infinity }
            var exponent = 0
            let mantissa = mpfr_get_d_2exp(&exponent, p, MPFR_RNDN)
            return Foundation.log2(mantissa) + Double(exponent)
        }
    }

    /// The order p of every step.
    public var order: Int { core.order }
    /// The end of the last accepted step.
    public var time: Scalar { core.time() }
    /// The start of the last accepted step.
    public var previousTime: Scalar { core.previousTime() }
    /// The size of the last accepted step, `time − previousTime`.
    public var lastStepSize: Scalar { core.stepSize() }
    /// The state at `time` (for `BigFloat`, at `precision + stateGuardBits` bits).
    public var state: [Scalar] {
        var result = Array(repeating: Scalar(0), count: stateDimension)
        if Scalar.self == BigFloat.self {
            result = result.map { _ in unsafeBitCast(BigFloat(precision: precision + stateGuardBits), to: Scalar.self) }
        }
        core.state(into: &result)
        return result
    }
    /// The number of state components.
    public let stateDimension: Int

    /// The largest step the stepper may take, as log₂ (default +∞).
    public var log2MaximumStep: Double {
        get { core.log2MaximumStep }
        set { core.log2MaximumStep = newValue }
    }

    /// What one step did.
    public enum Outcome: Equatable, Sendable {
        /// One step was taken.
        case accepted
        /// The step the rule chose (2^`log2Step`) does not move the time.
        case stepSizeUnderflow(log2Step: Double)
        /// A Taylor coefficient or the state became NaN or infinite.
        case nonFinite
    }

    /// Takes one step toward `limit`, landing on it exactly when it is within reach.
    public func step(toward limit: Scalar) -> Outcome {
        switch core.step(toward: limit) {
        case .accepted: .accepted
        case .stepSizeUnderflow(let log2Step): .stepSizeUnderflow(log2Step: log2Step)
        case .nonFinite: .nonFinite
        }
    }

    /// Steps until `time == limit` or a step fails; returns the last outcome.
    @discardableResult
    public func integrate(to limit: Scalar) -> Outcome {
        while true {
            let outcome = step(toward: limit)
            guard outcome == .accepted else { return outcome }
            if core.reachedLimit { return outcome }
        }
    }

    /// Writes the solution at `t`, `previousTime ≤ t ≤ time`, into `result` (which has `stateDimension`
    /// components), by Horner on the last step's series. Allocates nothing for `BigFloat` entries that are uniquely
    /// referenced; each entry is rounded to its own precision.
    public func denseState(at t: Scalar, into result: inout [Scalar]) {
        core.denseState(at: t, into: &result)
    }

    /// Counters and the error estimate.
    public struct Statistics: Sendable, Equatable {
        /// Accepted steps.
        public var steps: Int
        /// Passes over the tape: p per step (each pass computes one order of every node).
        public var tapePasses: Int
        /// Dense-output evaluations.
        public var denseOutputEvaluations: Int
        /// The order of every step.
        public var order: Int
        /// log₂ of the sum of the local error estimates (the last two terms of each step's series plus rounding):
        /// a global error estimate that ignores the growth of errors along the flow.
        public var log2GlobalErrorEstimate: Double
        /// The precision of each tapering level, finest first.
        public var levelPrecisions: [Int]
        /// The level of each order 0 … p.
        public var levelOfOrder: [Int]
    }

    /// Counters and the error estimate so far.
    public var statistics: Statistics {
        Statistics(steps: core.steps, tapePasses: core.tapePasses, denseOutputEvaluations: core.denseEvaluations,
                   order: core.order, log2GlobalErrorEstimate: core.log2AccumulatedError,
                   levelPrecisions: core.levelPrecisions, levelOfOrder: core.levelOfOrder)
    }
}
