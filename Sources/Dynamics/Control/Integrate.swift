import Foundation
import MultiPrecision

// Implementation goals, in order of priority:
// 1. Never hang and never crash on a well-formed request: every run ends with a `TerminationReason`.
// 2. Exactness of the bookkeeping: time stays at the working precision, output times and event roots come from
//    the stepper's dense output, and events are located to a few units of roundoff in t.
// 3. No work per step beyond what observers and events ask for: the driver touches the state once per step
//    (the finiteness and norm check), without allocating.

/// Integrates `problem` with `method` in `Scalar` at the precision in `options`, calling observers and watching
/// events, and reports where and why the run ended.
///
/// The run happens inside `withPrecision(p)`: the exact problem data, the tolerances (default 2^−(p−10)) and
/// the method's coefficients are rounded once at p bits, and time is kept at p bits.
///
/// ```swift
/// let result = try integrate(problem, method: GaussLegendre(stages: 4), scalar: BigFloat.self,
///                            options: IntegrationOptions(precision: 256))
/// result.termination    // .reachedEnd
/// result.state[0]       // x(t₁) at 256 bits
/// ```
/// - Parameters:
///   - problem: ẋ = f(t, x), x(t₀) = x₀ on [t₀, t₁], with exact data.
///   - method: the stepper recipe (`GaussLegendre`, `RungeKuttaFehlberg78`, `ClassicalRungeKutta4`, Taylor…).
///   - scalar: `Double.self` or `BigFloat.self`.
///   - options: precision, tolerances, step policy, budgets, norm limit, recording, error estimation.
///   - observers: callbacks at every step or at output times.
///   - events: zero crossings to locate, terminal or not.
/// - Returns: the final time and state, the `TerminationReason`, statistics (with a global error estimate),
///   the event occurrences and any recorded trajectory.
/// - Throws: `IntegrationError` for a bad request (dimensions, precision, tolerances, step sizes, output times
///   outside the horizon, a fixed-step method without a step). Early ends of a valid run are not errors.
public func integrate<Field: VectorField, Scalar: IntegrationScalar, Method: IntegrationMethod>(
    _ problem: ODEProblem<Field>, method: Method, scalar: Scalar.Type = Scalar.self,
    options: IntegrationOptions = IntegrationOptions(),
    observers: [Observer<Scalar>] = [], events: [Event<Scalar>] = []
) throws(IntegrationError) -> IntegrationResult<Scalar> {
    let bits = try _resolvePrecision(options.precision, Scalar.self)
    let outcome: Result<IntegrationResult<Scalar>, IntegrationError> = withPrecision(bits) {
        do throws(IntegrationError) {
            let configuration: StepperConfiguration<Scalar> = try _configuration(options, bits: bits, problem: problem)
            let initialState = problem.initialState.map { Scalar($0) }
            func make<F: VectorField>(_ field: F) throws(IntegrationError) -> any Stepper<Scalar> {
                try method.makeStepper(field: field, initialTime: Scalar(problem.initialTime), initialState: initialState,
                                       configuration: configuration)
            }
            var stepper: any Stepper<Scalar>
            if let substitute = ModelSubstitution.active?.field(for: problem.field) {   // fault injection (tests)
                stepper = try make(substitute)
            } else {
                stepper = try make(problem.field)
            }
            var result = try _drive(
                &stepper, to: Scalar(problem.finalTime), bits: bits, options: options,
                observers: observers, events: events)
            result.relativeTolerance = configuration.relativeTolerance
            result.absoluteTolerance = configuration.absoluteTolerance
            return .success(result)
        } catch {
            return .failure(error)
        }
    }
    return try outcome.get()
}

/// Runs an already-made stepper from its current time to `finalTime`, with the same observers, events, budgets,
/// divergence checks and recording as `integrate(_:method:scalar:options:observers:events:)`.
///
/// Use this to drive a stepper you made yourself (for example with a custom `RightHandSide`), or to continue a
/// run. The working precision is that of the stepper's time. `options.precision`, the tolerances and the step
/// policy are ignored (they belong to the stepper).
///
/// - Throws: `IntegrationError` for a final time before the stepper's time, a non-finite state, or output times
///   outside the horizon.
public func integrate<Step: Stepper>(
    _ stepper: inout Step, to finalTime: Step.Scalar, options: IntegrationOptions = IntegrationOptions(),
    observers: [Observer<Step.Scalar>] = [], events: [Event<Step.Scalar>] = []
) throws(IntegrationError) -> IntegrationResult<Step.Scalar> {
    let bits = stepper.time.precisionBits
    let outcome: Result<IntegrationResult<Step.Scalar>, IntegrationError> = withPrecision(bits) {
        do throws(IntegrationError) {
            return .success(try _drive(&stepper, to: finalTime, bits: bits, options: options,
                                       observers: observers, events: events))
        } catch {
            return .failure(error)
        }
    }
    return try outcome.get()
}

/// The precision for `Scalar`: `Double` only at 53 bits; `BigFloat` in 20 … 2^24 bits.
func _resolvePrecision<Scalar: IntegrationScalar>(_ requested: Int?, _: Scalar.Type) throws(IntegrationError) -> Int {
    if Scalar.self == Double.self {
        if let requested, requested != 53 {
            throw .unsupportedPrecision(bits: requested, scalar: "Double", reason: "Double has 53 bits; use BigFloat")
        }
        return 53
    }
    let bits = requested ?? Scalar.currentPrecision
    guard bits >= 20, Precision.supportedRange.contains(bits) else {
        throw .unsupportedPrecision(bits: bits, scalar: "\(Scalar.self)",
                                    reason: "integration needs 20 … \(Precision.supportedRange.upperBound) bits")
    }
    return bits
}

/// The stepper configuration at the working precision (call inside `withPrecision(bits)`).
func _configuration<Field: VectorField, Scalar: IntegrationScalar>(
    _ options: IntegrationOptions, bits: Int, problem: ODEProblem<Field>
) throws(IntegrationError) -> StepperConfiguration<Scalar> {
    let defaultTolerance = Rational(numerator: 1, denominator: BigInt(1) << (bits - 10))
    let rtol = options.relativeTolerance ?? defaultTolerance
    let atol = options.absoluteTolerance ?? defaultTolerance
    guard rtol > Rational(0) else { throw .invalidTolerance("relative tolerance \(rtol) must be positive") }
    guard atol > Rational(0) else { throw .invalidTolerance("absolute tolerance \(atol) must be positive") }
    func positive(_ value: Rational?, _ name: String) throws(IntegrationError) -> Scalar? {
        guard let value else { return nil }
        guard value > Rational(0) else {
            throw .invalidParameter(name: name, value: value.description, requirement: "positive")
        }
        return Scalar(value)
    }
    var fixed: Scalar?
    if case let .fixed(h) = options.stepSize { fixed = try positive(h, "fixed step") }
    guard options.maximumSteps > 0 else {
        throw .invalidParameter(name: "maximumSteps", value: "\(options.maximumSteps)", requirement: "positive")
    }
    guard options.normLimit > Rational(0) else {
        throw .invalidParameter(name: "normLimit", value: options.normLimit.description, requirement: "positive")
    }
    if let limit = options.timeLimit, limit < .zero {
        throw .invalidParameter(name: "timeLimit", value: "\(limit)", requirement: "non-negative")
    }
    return StepperConfiguration(
        precision: bits, relativeTolerance: Scalar(rtol), absoluteTolerance: Scalar(atol), fixedStep: fixed,
        initialStep: try positive(options.initialStep, "initial step"),
        maximumStep: try positive(options.maximumStep, "maximum step"),
        minimumStep: try positive(options.minimumStep, "minimum step"),
        horizonEnd: Scalar(problem.finalTime))
}

/// The driver loop (call inside `withPrecision(bits)`).
func _drive<Step: Stepper>(
    _ stepper: inout Step, to finalTime: Step.Scalar, bits: Int, options: IntegrationOptions,
    observers: [Observer<Step.Scalar>], events: [Event<Step.Scalar>]
) throws(IntegrationError) -> IntegrationResult<Step.Scalar> {
    typealias S = Step.Scalar
    let clock = ContinuousClock()
    let start = clock.now
    let t0 = stepper.time
    var x = stepper.state
    for (i, v) in x.enumerated() where !v.isFinite { throw .nonFiniteInitialValue(component: i) }
    guard finalTime >= t0 else { throw .negativeHorizon(from: _short(t0), to: _short(finalTime)) }
    guard options.maximumSteps > 0 else {
        throw .invalidParameter(name: "maximumSteps", value: "\(options.maximumSteps)", requirement: "positive")
    }
    guard options.normLimit > Rational(0) else {
        throw .invalidParameter(name: "normLimit", value: options.normLimit.description, requirement: "positive")
    }
    let normLimit = S(options.normLimit)
    let negativeNormLimit = -normLimit

    // Output times, merged over observers and recording, in time order.
    var outputs: [(time: S, target: _OutputTarget)] = []
    func addTimes(_ times: [Rational], _ target: _OutputTarget) throws(IntegrationError) {
        for r in times {
            let t = S(r)
            guard t >= t0, t <= finalTime else {
                throw .invalidParameter(name: "output time", value: r.description,
                                        requirement: "within the horizon [\(_short(t0)), \(_short(finalTime))]")
            }
            outputs.append((t, target))
        }
    }
    for (i, observer) in observers.enumerated() {
        switch observer.schedule {
        case let .times(times): try addTimes(times, .observer(i))
        case let .everyNthStep(n) where n < 1:
            throw .invalidParameter(name: "everyNthStep", value: "\(n)", requirement: "at least 1")
        default: break
        }
    }
    switch options.recording {
    case let .times(times): try addTimes(times, .record)
    case let .everyNthStep(n) where n < 1:
        throw .invalidParameter(name: "recording everyNthStep", value: "\(n)", requirement: "at least 1")
    default: break
    }
    outputs = outputs.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        .map(\.element)
    var nextOutput = 0

    var trajectory: [TrajectoryPoint<S>] = []
    var occurrences: [EventOccurrence<S>] = []
    var localErrorSum = S(0)
    var localErrorsAvailable = true
    var dense = x
    var steps = 0
    var lastRecordedStep = -1

    func denseState(at t: S) -> [S] {
        if t == stepper.time { return stepper.state }
        stepper.denseState(at: t, into: &dense)
        return dense
    }
    func notify(_ sample: Sample<S>) {
        for observer in observers {
            switch observer.schedule {
            case .everyStep: observer.body(sample)
            case let .everyNthStep(n):
                if sample.kind != .step || sample.step % n == 0 { observer.body(sample) }
            case .times: break
            }
        }
        if case let .everyNthStep(n) = options.recording,
           sample.kind != .step || sample.step % n == 0, lastRecordedStep != sample.step || sample.kind == .initial {
            trajectory.append(TrajectoryPoint(time: sample.time, state: sample.state))
            lastRecordedStep = sample.step
        }
    }
    func emitOutputs(through limit: S) {
        while nextOutput < outputs.count, outputs[nextOutput].time <= limit {
            let (t, target) = outputs[nextOutput]
            nextOutput += 1
            let state = t == t0 && steps == 0 ? x : denseState(at: t)
            switch target {
            case let .observer(i): observers[i].body(Sample(time: t, state: state, step: steps, kind: .outputTime))
            case .record: trajectory.append(TrajectoryPoint(time: t, state: state))
            }
        }
    }

    // The initial point.
    var g = events.map { $0.function(t0, x) }
    notify(Sample(time: t0, state: x, step: 0, kind: .initial))
    emitOutputs(through: t0)

    var termination: TerminationReason<S> = .reachedEnd
    var finalT = t0
    var finalX = x
    run: while true {
        if stepper.time >= finalTime { termination = .reachedEnd; break }
        if steps >= options.maximumSteps {
            termination = .stepBudgetExhausted(time: stepper.time, steps: steps)
            break
        }
        if Task.isCancelled { termination = .cancelled(time: stepper.time); break }
        if options.timeLimit.map({ clock.now - start >= $0 }) == true {
            termination = .timeBudgetExhausted(time: stepper.time, elapsed: clock.now - start); break
        }
        let previousTime = stepper.time
        switch stepper.step(toward: finalTime) {
        case let .stepSizeUnderflow(h):
            termination = .stepSizeUnderflow(time: stepper.time, stepSize: h)
            break run
        case let .failed(reason):
            termination = .diverged(time: stepper.time, reason: reason)
            break run
        case let .accepted(report):
            steps += 1
            if let e = report.localErrorEstimate { localErrorSum += e } else { localErrorsAvailable = false }
            let t = stepper.time
            x = stepper.state
            for v in x {
                if !v.isFinite { termination = .diverged(time: t, reason: .nonFiniteValue); break run }
                if v > normLimit || v < negativeNormLimit {
                    termination = .diverged(time: t, reason: .normExceeded(limit: options.normLimit.description))
                    break run
                }
            }

            // Events: sign changes over [previousTime, t], located on the dense output.
            var crossings: [(index: Int, time: S, width: S, rising: Bool)] = []
            var gNew = g
            for (i, event) in events.enumerated() {
                let value = event.function(t, x)
                gNew[i] = value
                guard let rising = _crossing(from: g[i], to: value, direction: event.direction) else { continue }
                let (root, width) = _locateRoot(
                    lo: previousTime, gLo: g[i], hi: t, gHi: value, bits: bits
                ) { tau in event.function(tau, denseState(at: tau)) }
                crossings.append((i, root, width, rising))
            }
            crossings.sort { ($0.time, $0.index) < ($1.time, $1.index) }
            var stop: (index: Int, time: S)?
            for c in crossings {
                let state = denseState(at: c.time)
                occurrences.append(EventOccurrence(index: c.index, name: events[c.index].name, time: c.time,
                                                   state: state, isRising: c.rising, bracketWidth: c.width))
                if events[c.index].isTerminal { stop = (c.index, c.time); break }
            }
            emitOutputs(through: stop?.time ?? t)
            if let stop {
                finalT = stop.time
                finalX = occurrences[occurrences.count - 1].state
                notify(Sample(time: finalT, state: finalX, step: steps, kind: .final))
                termination = .event(index: stop.index, time: stop.time)
                break run
            }
            notify(Sample(time: t, state: x, step: steps, kind: t >= finalTime ? .final : .step))
            g = gNew
        }
    }
    if case .event = termination {} else {
        finalT = stepper.time
        finalX = stepper.state
    }
    let globalError: GlobalErrorEstimate
    if localErrorsAvailable, termination.isSuccess {
        globalError = GlobalErrorEstimate(value: localErrorSum.exactBigFloat, method: .accumulatedLocalErrors)
    } else {
        globalError = .unavailable
    }
    return IntegrationResult(
        time: finalT, state: finalX, termination: termination,
        statistics: IntegrationStatistics(stepper: stepper.statistics, globalError: globalError,
                                          wallTime: clock.now - start),
        events: occurrences, trajectory: trajectory, method: stepper.methodDescription, precision: bits,
        relativeTolerance: nil, absoluteTolerance: nil)
}

/// Who asked for an output time.
enum _OutputTarget { case observer(Int), record }

/// Whether g crossed zero from `a` to `b` in `direction`: `true` rising, `false` falling, `nil` no crossing.
func _crossing<S: IntegrationScalar>(from a: S, to b: S, direction: Event<S>.Direction) -> Bool? {
    let zero = S(0)
    let rising = a < zero && b >= zero
    let falling = a > zero && b <= zero
    switch direction {
    case .rising: return rising ? true : nil
    case .falling: return falling ? false : nil
    case .either: return rising ? true : (falling ? false : nil)
    }
}

/// Locates a root of g in (lo, hi] where g(lo) and g(hi) bracket it, by the Illinois method with bisection
/// safeguards, until the bracket is a few units of roundoff wide. Returns the right end of the final bracket (the
/// first time found at which g has crossed) and the bracket width.
func _locateRoot<S: IntegrationScalar>(
    lo: S, gLo: S, hi: S, gHi: S, bits: Int, _ g: (S) -> S
) -> (time: S, width: S) {
    let zero = S(0)
    if gHi == zero { return (hi, zero) }
    var lo = lo, hi = hi, gLo = gLo, gHi = gHi
    let unit = S(Rational(numerator: 4, denominator: BigInt(1) << bits))
    var retainedSide = 0  // −1: lo kept twice in a row, +1: hi kept twice
    var slowSteps = 0
    // Bisection alone needs at most about `bits` halvings past the scale of t; Illinois needs far fewer.
    for _ in 0..<(4 * bits + 64) {
        let width = hi - lo
        let scale = max(Swift.max(lo.magnitude, hi.magnitude), width)
        if width <= unit * scale { break }
        var c = (lo * gHi - hi * gLo) / (gHi - gLo)
        if slowSteps >= 2 || !(c > lo && c < hi) || !c.isFinite {
            c = lo + (hi - lo) / S(2)
            slowSteps = 0
            if !(c > lo && c < hi) { break }
        }
        let gc = g(c)
        if gc == zero { return (c, zero) }
        if (gc < zero) == (gLo < zero) {
            lo = c; gLo = gc
            if retainedSide == 1 { gHi = gHi / S(2) }
            retainedSide = 1
        } else {
            hi = c; gHi = gc
            if retainedSide == -1 { gLo = gLo / S(2) }
            retainedSide = -1
        }
        slowSteps = (hi - lo) > width / S(2) ? slowSteps + 1 : 0
    }
    return (hi, hi - lo)
}
