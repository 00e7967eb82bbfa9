import Foundation
import MultiPrecision

/// The Taylor method's stepping logic over one engine: order from the tolerance, step from the last two
/// coefficients, time and state at full precision, dense output by Horner.
///
/// It is generic over the slot store, so the same code runs over the MPFR arena and over `Double`.
final class TaylorSeriesCore<Store: TaylorArithmetic> {
    /// The recurrences and the store.
    let engine: TaylorEngine<Store>
    /// log₂ of the tolerance.
    let log2Tolerance: Double
    /// Accepted steps.
    private(set) var steps = 0
    /// Passes over the tape (p per step).
    private(set) var tapePasses = 0
    /// Dense-output evaluations.
    private(set) var denseEvaluations = 0
    /// log₂ of the accumulated local error estimates (−∞ before the first step).
    private(set) var log2AccumulatedError = -Double.infinity
    /// log₂ of the last step's local error estimate.
    private(set) var log2LastLocalError = -Double.infinity
    /// The largest step allowed (log₂), if any.
    var log2MaximumStep = Double.infinity

    /// A core for `program` with the order from `log2Tolerance` (or `order`), at the store's precision.
    init(program: TaylorProgram, bits: Int, log2Tolerance: Double, order: Int? = nil, tapering: Bool,
         stateGuardBits: Int, makeStore: ([Int]) -> Store) {
        let p = order ?? TaylorOrderAndStep.order(log2Tolerance: log2Tolerance)
        self.log2Tolerance = log2Tolerance
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: log2Tolerance, order: p, tapering: tapering)
        engine = TaylorEngine(program: program, order: p, levels: levels, stateGuardBits: stateGuardBits,
                              makeStore: makeStore)
    }

    /// The order p.
    var order: Int { engine.order }
    /// The store.
    var store: Store { engine.store }

    /// Positions the core at (t, x).
    func reset(time: Store.Value, state: [Store.Value]) {
        precondition(state.count == engine.dimension, "Taylor: state has \(state.count) components, field \(engine.dimension)")
        store.set(engine.timeSlot, value: time)
        store.set(engine.previousTimeSlot, engine.timeSlot)
        for i in state.indices { store.set(engine.stateSlot + i, value: state[i]) }
    }

    /// Takes one step toward the time in `engine.endSlot`, landing on it exactly when it is within reach.
    func step() -> TaylorSeriesCoreStepOutcome {
        let engine = self.engine, p = engine.order
        engine.computeCoefficients()
        tapePasses += p
        let log2Norm0 = engine.log2StateNorm(order: 0)
        let log2NormPMinus1 = engine.log2StateNorm(order: p - 1)
        let log2NormP = engine.log2StateNorm(order: p)
        guard log2Norm0 < .infinity, log2NormPMinus1 < .infinity, log2NormP < .infinity else { return .nonFinite }
        var log2H = TaylorOrderAndStep.log2Step(order: p, log2Norm0: log2Norm0, log2NormPMinus1: log2NormPMinus1,
                                                log2NormP: log2NormP)
        log2H = min(log2H, log2MaximumStep)
        // The remaining interval, at full precision.
        store.subtract(engine.differenceSlot, engine.endSlot, engine.timeSlot)
        let direction = store.compare(engine.endSlot, engine.timeSlot)
        let log2Remaining = store.log2Magnitude(engine.differenceSlot)
        store.set(engine.previousTimeSlot, engine.timeSlot)
        if log2H >= log2Remaining {
            store.set(engine.stepSlot, engine.differenceSlot)
            store.set(engine.timeSlot, engine.endSlot)
            log2H = log2Remaining
        } else {
            guard log2H > -1000 else { return .stepSizeUnderflow(log2Step: log2H) }
            store.set(engine.stepSlot, double: Double(direction) * exp2(log2H))
            store.add(engine.timeSlot, engine.timeSlot, engine.stepSlot)
            // The step actually taken: (t + h) − t, exact at full precision.
            store.subtract(engine.stepSlot, engine.timeSlot, engine.previousTimeSlot)
            if store.compare(engine.timeSlot, engine.previousTimeSlot) == 0 {
                return .stepSizeUnderflow(log2Step: log2H)
            }
        }
        engine.advanceState()
        for i in 0..<engine.dimension where !store.isFinite(engine.stateSlot + i) { return .nonFinite }
        steps += 1
        // Local error: the size of the last two terms, ‖x_m‖ hᵐ, plus rounding at the working precision.
        let truncation = max(log2NormPMinus1 + Double(p - 1) * log2H, log2NormP + Double(p) * log2H)
        let rounding = max(0, log2Norm0) - Double(engine.levels.precisions[0]) + log2(Double(p))
        log2LastLocalError = Self.log2Sum(truncation, rounding)
        log2AccumulatedError = Self.log2Sum(log2AccumulatedError, log2LastLocalError)
        return .accepted
    }

    /// Evaluates the series of the last step at time `t` (a full-precision slot value) into `result`.
    func denseState(at t: Store.Value, into result: inout [Store.Value]) {
        store.set(engine.differenceSlot, value: t)
        store.subtract(engine.stepSlot, engine.differenceSlot, engine.previousTimeSlot)
        for i in 0..<engine.dimension {
            engine.evaluate(component: i)
            store.store(engine.hornerSlot, into: &result[i])
        }
        denseEvaluations += 1
    }

    /// log₂(2^a + 2^b) without overflow.
    static func log2Sum(_ a: Double, _ b: Double) -> Double {
        let high = max(a, b), low = min(a, b)
        if low == -.infinity { return high }
        return high + log2(1 + exp2(low - high))
    }
}

/// The scalar-typed face of a `TaylorSeriesCore`, so that `TaylorStepper<Scalar>` can hold either store.
protocol TaylorCoreProtocol<Value>: AnyObject {
    associatedtype Value
    var order: Int { get }
    var steps: Int { get }
    var tapePasses: Int { get }
    var denseEvaluations: Int { get }
    var log2AccumulatedError: Double { get }
    var log2LastLocalError: Double { get }
    var log2MaximumStep: Double { get set }
    var levelPrecisions: [Int] { get }
    var levelOfOrder: [Int] { get }
    func reset(time: Value, state: [Value])
    func step(toward limit: Value) -> TaylorSeriesCoreStepOutcome
    func denseState(at t: Value, into result: inout [Value])
    func time() -> Value
    func previousTime() -> Value
    func stepSize() -> Value
    func state(into result: inout [Value])
    /// Whether the time equals the limit of the last `step(toward:)`.
    var reachedLimit: Bool { get }
}

/// What one step of a Taylor core did.
enum TaylorSeriesCoreStepOutcome: Equatable {
    /// A step was taken.
    case accepted
    /// The chosen step is too small to move the time (t + h rounds to t), or below 2⁻¹⁰⁰⁰.
    case stepSizeUnderflow(log2Step: Double)
    /// A coefficient or the state is NaN or infinite.
    case nonFinite
}

extension TaylorSeriesCore: TaylorCoreProtocol {
    var levelPrecisions: [Int] { engine.levels.precisions }
    var levelOfOrder: [Int] { engine.levels.levelOfOrder }

    func step(toward limit: Store.Value) -> TaylorSeriesCoreStepOutcome {
        store.set(engine.endSlot, value: limit)
        return step()
    }

    func time() -> Store.Value { store.value(engine.timeSlot) }
    var reachedLimit: Bool { store.compare(engine.timeSlot, engine.endSlot) == 0 }
    func previousTime() -> Store.Value { store.value(engine.previousTimeSlot) }
    /// The last step, time − previousTime (exact).
    func stepSize() -> Store.Value {
        store.subtract(engine.differenceSlot, engine.timeSlot, engine.previousTimeSlot)
        return store.value(engine.differenceSlot)
    }
    func state(into result: inout [Store.Value]) {
        for i in 0..<engine.dimension { store.store(engine.stateSlot + i, into: &result[i]) }
    }
}
