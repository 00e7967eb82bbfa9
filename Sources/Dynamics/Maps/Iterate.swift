import Foundation
import MultiPrecision

/// Iterates `problem.map` for `problem.steps` steps (or until a terminal event, divergence or the time budget) at the
/// precision in `options`, calling observers and watching events.
///
/// The iterates live in a ring of `historyLength + 1` preallocated vectors, so memory does not grow with the number
/// of steps. Observers see x₀ (`.initial`), each iterate (`.step`, or every n-th) and the last one (`.final`);
/// `Observer.Schedule.times` lists iteration indices (integers). An event fires at the first k where
/// g(k, x_k) has changed sign from g(k−1, x_{k−1}) in its direction.
///
/// ```swift
/// let problem = try MapProblem(map: GradientDescent(...), initialState: [1, 1], steps: 100)
/// let result = try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: 256))
/// ```
/// - Throws: `IntegrationError` for a bad precision, non-finite initial data or bad schedules.
public func iterate<Map: DiscreteMap, Scalar: IntegrationScalar>(
    _ problem: MapProblem<Map>, scalar: Scalar.Type = Scalar.self, options: MapOptions = MapOptions(),
    observers: [Observer<Scalar>] = [], events: [Event<Scalar>] = []
) throws(IntegrationError) -> MapResult<Scalar> {
    let bits = try _resolvePrecision(options.precision, Scalar.self)
    let outcome: Result<MapResult<Scalar>, IntegrationError> = withPrecision(bits) {
        do throws(IntegrationError) {
            guard let substitute = ModelSubstitution.active?.map(for: problem.map) else {
                return .success(try _iterate(problem, bits: bits, options: options, observers: observers, events: events))
            }
            func run<Substitute: DiscreteMap>(_ map: Substitute) throws(IntegrationError) -> MapResult<Scalar> {
                try _iterate(MapProblem(map: map, initialState: problem.initialState, initialHistory: problem.initialHistory,
                                        steps: problem.steps), bits: bits, options: options, observers: observers, events: events)
            }
            return .success(try run(substitute))
        } catch {
            return .failure(error)
        }
    }
    return try outcome.get()
}

func _iterate<Map: DiscreteMap, S: IntegrationScalar>(
    _ problem: MapProblem<Map>, bits: Int, options: MapOptions, observers: [Observer<S>], events: [Event<S>]
) throws(IntegrationError) -> MapResult<S> {
    let clock = ContinuousClock()
    let start = clock.now
    let map = problem.map
    let n = map.dimension
    guard options.normLimit > Rational(0) else {
        throw .invalidParameter(name: "normLimit", value: options.normLimit.description, requirement: "positive")
    }
    if let every = options.recordEvery, every < 1 {
        throw .invalidParameter(name: "recordEvery", value: "\(every)", requirement: "at least 1")
    }
    var requestedSteps: [Int: [Int]] = [:]  // k → observer indices
    for (i, observer) in observers.enumerated() {
        switch observer.schedule {
        case let .everyNthStep(m) where m < 1:
            throw .invalidParameter(name: "everyNthStep", value: "\(m)", requirement: "at least 1")
        case let .times(times):
            for r in times {
                guard r.isInteger, let k = Int(exactly: r.numerator), k >= 0 else {
                    throw .invalidParameter(name: "observed iteration", value: r.description,
                                            requirement: "a non-negative integer for a map")
                }
                requestedSteps[k, default: []].append(i)
            }
        default: break
        }
    }
    let normLimit = S(options.normLimit)
    let negativeNormLimit = -normLimit

    // The ring: historyLength iterates plus one slot for the next iterate.
    let h = map.historyLength
    var ring: [[S]] = []
    let older = problem.initialHistory.reversed()  // oldest first
    for v in older { ring.append(v.map { S($0) }) }
    ring.append(problem.initialState.map { S($0) })
    ring.append(_zeros(n))
    for (i, v) in ring[h - 1].enumerated() where !v.isFinite { throw .nonFiniteInitialValue(component: i) }
    var history = MapHistory(ring: Array(ring[0..<h]), newest: h - 1)
    var spare = ring[h]
    ring = []

    var trajectory: [(step: Int, state: [S])] = []
    var occurrences: [MapEventOccurrence<S>] = []
    // The sample's time, set in place every step (an observer that keeps it gets its own copy on the next write).
    var sampleTime = S(0) + S(0)
    func notify(_ k: Int, _ state: [S], _ kind: Sample<S>.Kind) {
        sampleTime.set(Double(k))
        let sample = Sample(time: sampleTime, state: state, step: k, kind: kind)
        for observer in observers {
            switch observer.schedule {
            case .everyStep: observer.body(sample)
            case let .everyNthStep(m): if kind != .step || k % m == 0 { observer.body(sample) }
            case .times: break
            }
        }
        for i in requestedSteps[k] ?? [] {
            observers[i].body(Sample(time: S(k), state: state, step: k, kind: .outputTime))
        }
        if let every = options.recordEvery, kind != .step || k % every == 0 {
            if trajectory.last?.step != k { trajectory.append((k, state)) }
        }
    }

    var g = events.map { $0.function(S(0), history[0]) }
    notify(0, history[0], problem.steps == 0 ? .final : .initial)
    var termination = MapTerminationReason.completed
    var k = 0
    run: while k < problem.steps {
        if Task.isCancelled { termination = .cancelled(step: k); break }
        if options.timeLimit.map({ clock.now - start >= $0 }) == true {
            termination = .timeBudgetExhausted(step: k, elapsed: clock.now - start); break
        }
        map.apply(step: k, history: history, into: &spare)
        // Rotate: the new iterate takes the oldest slot's place; the oldest vector becomes the spare.
        let slot = (history.newest + 1) % h
        swap(&history.ring[slot], &spare)
        history.newest = slot
        k += 1
        let x = history[0]
        // An index loop: `for v in x` over the generic array allocates one coroutine frame per entry here, where
        // the scalar type is not specialized.
        for i in 0..<x.count {
            let v = x[i]
            if !v.isFinite { termination = .diverged(step: k, reason: .nonFiniteValue); break run }
            if v > normLimit || v < negativeNormLimit {
                termination = .diverged(step: k, reason: .normExceeded(limit: options.normLimit.description))
                break run
            }
        }
        var stop: Int?
        for (i, event) in events.enumerated() {
            let value = event.function(S(k), x)
            if let rising = _crossing(from: g[i], to: value, direction: event.direction) {
                occurrences.append(MapEventOccurrence(index: i, name: event.name, step: k, state: x, isRising: rising))
                if event.isTerminal, stop == nil { stop = i }
            }
            g[i] = value
        }
        if let stop {
            notify(k, x, .final)
            termination = .event(index: stop, step: k)
            break
        }
        notify(k, x, k == problem.steps ? .final : .step)
    }
    return MapResult(step: k, state: history[0], termination: termination, events: occurrences,
                     trajectory: trajectory, evaluations: k, wallTime: clock.now - start, precision: bits)
}
