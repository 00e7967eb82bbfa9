import Foundation
import MultiPrecision

/// The Taylor method's stepping logic over one engine: order from the tolerance, step from the last two
/// coefficients, time and state at full precision, dense output by Horner.
///
/// It is generic over the slot store, so the same code runs over the MPFR arena and over `Double`.
final class TaylorSeriesCore<Store: TaylorArithmetic> {
    /// The recurrences and the store (rebuilt with more guard bits when a step shows coefficients larger than
    /// the tapering assumed).
    private(set) var engine: TaylorEngine<Store>
    private let makeStore: ([Int]) -> Store
    private let bits: Int, log2Tolerance: Double, tapering: Bool, stateGuardBits: Int
    /// Steps redone with a finer precision schedule.
    private(set) var rejections = 0
    /// Redone steps in the last call of `step(toward:)`.
    private(set) var lastRejections = 0
    /// Accepted steps.
    private(set) var steps = 0
    /// Passes over the tape (p per step, failed steps included).
    private(set) var tapePasses = 0
    /// Dense-output evaluations.
    private(set) var denseEvaluations = 0
    /// Tape computations whose `Double` tail was redone in MPFR (a coefficient outside the tail's range).
    var tailFallbacks: Int { retiredTailFallbacks + engine.tailFallbacks }
    private var retiredTailFallbacks = 0
    /// log₂ of the accumulated local error estimates (−∞ before the first step).
    private(set) var log2AccumulatedError = -Double.infinity
    /// log₂ of the last step's local error estimate.
    private(set) var log2LastLocalError = -Double.infinity
    /// log₂ of the last step's size (or of the step that underflowed).
    private(set) var log2LastStep = -Double.infinity
    /// The largest step allowed (log₂), if any.
    var log2MaximumStep = Double.infinity

    /// A core for `program` with the order from `log2Tolerance` (or `order`), at the store's precision.
    /// `taperingGuardBits`, `everyLimbCount` and `hardwareDouble` are those of `TaylorPrecisionLevels`.
    init(program: TaylorProgram, bits: Int, log2Tolerance: Double, order: Int? = nil, tapering: Bool,
         taperingGuardBits: Double = TaylorPrecisionLevels.defaultGuardBits, everyLimbCount: Bool = true,
         hardwareDouble: Bool = true, stateGuardBits: Int, makeStore: @escaping ([Int]) -> Store) {
        let p = order ?? TaylorOrderAndStep.order(log2Tolerance: log2Tolerance)
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: log2Tolerance, order: p, tapering: tapering,
                                           guardBits: taperingGuardBits, everyLimbCount: everyLimbCount,
                                           hardwareDouble: hardwareDouble)
        engine = TaylorEngine(program: program, order: p, levels: levels, stateGuardBits: stateGuardBits,
                              makeStore: makeStore)
        self.makeStore = makeStore
        self.bits = bits
        self.log2Tolerance = log2Tolerance
        self.tapering = tapering
        self.stateGuardBits = stateGuardBits
    }

    /// Rebuilds the engine with `extraGuardBits` more bits at every order, keeping time, state and limits.
    private func rebuild(extraGuardBits: Double) {
        let old = engine
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: log2Tolerance, order: old.order,
                                           tapering: tapering, extraGuardBits: extraGuardBits,
                                           guardBits: old.levels.guardBits, everyLimbCount: old.levels.everyLimbCount,
                                           hardwareDouble: old.levels.hardwareDouble)
        let new = TaylorEngine(program: old.program, order: old.order, levels: levels, stateGuardBits: stateGuardBits,
                               makeStore: makeStore)
        for slot in [\TaylorEngine<Store>.timeSlot, \.previousTimeSlot, \.minimumStepSlot, \.endSlot] {
            new.store.set(new[keyPath: slot], value: old.store.value(old[keyPath: slot]))
        }
        for i in 0..<old.dimension { new.store.set(new.stateSlot + i, value: old.store.value(old.stateSlot + i)) }
        retiredTailFallbacks += old.tailFallbacks
        engine = new
    }

    /// The order p.
    var order: Int { engine.order }
    /// The store.
    var store: Store { engine.store }

    /// Positions the core at (t, x), with the smallest step allowed.
    func reset(time: Store.Value, state: [Store.Value], minimumStep: Store.Value) {
        store.set(engine.timeSlot, value: time)
        store.set(engine.previousTimeSlot, engine.timeSlot)
        store.set(engine.minimumStepSlot, value: minimumStep)
        for i in state.indices { store.set(engine.stateSlot + i, value: state[i]) }
    }

    /// Takes one step toward `limit`, landing on it exactly when it is within reach. On failure, the time and the
    /// state stay at the last accepted step (the series of that step are overwritten, so dense output over it is
    /// no longer available).
    func step(toward limit: Store.Value) -> TaylorCoreOutcome {
        store.set(engine.endSlot, value: limit)
        lastRejections = 0
        while true {
            let outcome = attemptStep()
            if outcome != .redo { return outcome }
            lastRejections += 1
            rejections += 1
        }
    }

    /// One attempt at a step; `.redo` after rebuilding the engine with a finer precision schedule.
    private func attemptStep() -> TaylorCoreOutcome {
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
        // The remaining interval and the trial time, at full precision.
        store.subtract(engine.differenceSlot, engine.endSlot, engine.timeSlot)
        let log2Remaining = store.log2Magnitude(engine.differenceSlot)
        if log2H >= log2Remaining {
            store.set(engine.stepSlot, engine.differenceSlot)
            store.set(engine.trialTimeSlot, engine.endSlot)
            log2H = log2Remaining
        } else {
            log2LastStep = log2H
            store.set(engine.stepSlot, powerOfTwo: log2H)
            if store.compare(engine.stepSlot, engine.minimumStepSlot) < 0 { return .stepSizeUnderflow }
            if store.compare(engine.endSlot, engine.timeSlot) < 0 { store.negate(engine.stepSlot, engine.stepSlot) }
            store.add(engine.trialTimeSlot, engine.timeSlot, engine.stepSlot)
            // The step actually taken: (t + h) − t, exact at full precision.
            store.subtract(engine.stepSlot, engine.trialTimeSlot, engine.timeSlot)
            if store.compare(engine.trialTimeSlot, engine.timeSlot) == 0 { return .stepSizeUnderflow }
        }
        log2LastStep = log2H
        // Tapering assumed ‖x_k‖hᵏ ≤ N·e^(−2k) up to its guard bits. Entire functions break that (their last
        // coefficients overestimate the radius): then redo the step with the observed excess as extra guard bits.
        if engine.levels.count > 1 {
            let excess = engine.taperingExcess(log2Step: log2H, log2Scale: max(0, log2Norm0))
            if excess > engine.levels.extraGuardBits + 8, engine.levels.extraGuardBits < 2.9 * Double(p) {
                rebuild(extraGuardBits: excess + 8)
                return .redo
            }
        }
        guard engine.evaluateTrialState() else { return .nonFinite }
        engine.acceptTrialState()
        store.set(engine.previousTimeSlot, engine.timeSlot)
        store.set(engine.timeSlot, engine.trialTimeSlot)
        steps += 1
        // Local error: the size of the last two terms, ‖x_m‖ hᵐ, plus rounding at the working precision.
        let truncation = max(log2NormPMinus1 + Double(p - 1) * log2H, log2NormP + Double(p) * log2H)
        let rounding = max(0, log2Norm0) - Double(engine.levels.precisions[0]) + Foundation.log2(Double(p))
        log2LastLocalError = Self.log2Sum(truncation, rounding)
        log2AccumulatedError = Self.log2Sum(log2AccumulatedError, log2LastLocalError)
        return .accepted
    }

    /// Evaluates the series of the last step at time `t` into `result`.
    func denseState(at t: Store.Value, into result: inout [Store.Value]) {
        store.set(engine.differenceSlot, value: t)
        store.subtract(engine.stepSlot, engine.differenceSlot, engine.previousTimeSlot)
        for i in 0..<engine.dimension {
            engine.evaluate(component: i)
            store.store(engine.hornerSlot, into: &result[i])
        }
        denseEvaluations += 1
    }

    /// The time.
    func time() -> Store.Value { store.value(engine.timeSlot) }
    /// The start of the last step.
    func previousTime() -> Store.Value { store.value(engine.previousTimeSlot) }
    /// Writes the state into `result` (each entry rounded to its own precision).
    func state(into result: inout [Store.Value]) {
        for i in 0..<engine.dimension { store.store(engine.stateSlot + i, into: &result[i]) }
    }
    /// 2^e as a value (through the Horner scratch slot).
    func powerOfTwo(_ e: Double) -> Store.Value {
        store.set(engine.hornerSlot, powerOfTwo: e)
        return store.value(engine.hornerSlot)
    }
    /// The last step, time − previousTime.
    func lastStepSize() -> Store.Value {
        store.subtract(engine.differenceSlot, engine.timeSlot, engine.previousTimeSlot)
        return store.value(engine.differenceSlot)
    }

    /// log₂(2^a + 2^b) without overflow.
    static func log2Sum(_ a: Double, _ b: Double) -> Double {
        let high = max(a, b), low = min(a, b)
        if low == -.infinity { return high }
        return high + Foundation.log2(1 + exp2(low - high))
    }
}

/// What one step of a `TaylorSeriesCore` did.
enum TaylorCoreOutcome: Equatable {
    /// A step was taken.
    case accepted
    /// The step the rule chose (2^`log2LastStep`) is below the smallest step allowed, or does not move t.
    case stepSizeUnderflow
    /// A coefficient or the new state is NaN or infinite.
    case nonFinite
    /// The step must be redone (internal to `step(toward:)`).
    case redo
}
