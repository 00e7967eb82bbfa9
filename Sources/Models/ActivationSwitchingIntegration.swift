import Dynamics
import MultiPrecision

/// One change of activation along a ReLU trajectory.
public struct ActivationSwitch: Sendable {
    /// The crossing time, located to working precision on the dense output.
    public var time: BigFloat
    /// The pattern index of the unit.
    public var unit: Int
    /// Whether the unit became active.
    public var becameActive: Bool
}

/// How a piecewise integration ended.
public struct PiecewiseIntegration: Sendable {
    /// The activation switches, in time order.
    public var switches: [ActivationSwitch]
    /// The time reached (the horizon unless the run ended early).
    public var time: BigFloat
    /// The state there.
    public var state: [BigFloat]
    /// Whether the horizon was reached.
    public var reachedEnd: Bool
    /// Why the last segment ended.
    public var termination: String
}

/// Integrates `field` from `initial` (exact) to `horizon` with the Taylor method at `precision`, one segment per
/// activation pattern:
///
/// 1. the pattern is read from the signs of the pre-activations at the segment's start (a zero is an error);
/// 2. the segment runs with that pattern fixed, under a terminal event g = min_i s_i z_i (s_i = ±1 the flag's sign),
///    so the first pre-activation to reach zero is located to working precision;
/// 3. at every accepted step and every output time the signs are checked again (at working precision): a wrong sign
///    that the event did not locate is an error, never silently accepted;
/// 4. at a located crossing the next segment starts from the crossing, with the flag of every unit at exactly z = 0
///    flipped (the crossed unit, and any that crossed within the resolution of t) and the others set by their sign;
///    each switched unit must then leave the kink on its new side (checked by z(x + δ·f(x)) with δ = 2^−(p/4)),
///    otherwise the flow slides along the kink and the run stops with an error.
///
/// `onOutput` receives the state at every output time (in order). A field with an empty pattern runs as one segment.
///
/// - Throws: `ActivationPatternError` (a pre-activation exactly 0 at t = 0, an unlocated sign change, a sliding mode
///   after a switch, more than `maximumSwitches` switches), `IntegrationError` for a bad request.
public func integrateAcrossActivationSwitches<Field: ActivationPatternField>(
    _ field: Field, initial: [Rational], horizon: Rational, precision: Int, outputTimes: [Rational],
    maximumSwitches: Int = 200, onOutput: @escaping (Sample<BigFloat>) -> Void
) throws -> PiecewiseIntegration {
    var start = initial, startTime = Rational(0)
    var switches: [ActivationSwitch] = []
    var restartPattern: [Bool] = []
    while true {
        // The pattern of the segment's start.
        var pattern: [Bool] = []
        if field.patternSize > 0 {
            let z = withPrecision(precision) { field.preactivations(of: start.map { BigFloat($0) }) }
            if restartPattern.isEmpty {
                if let unit = z.firstIndex(where: \.isZero) {
                    throw ActivationPatternError.zeroPreactivation(unit: unit, time: "0")
                }
                pattern = z.map { $0 > 0 }
            } else {
                // At a located crossing every unit at exactly z = 0 (the crossed one, and any that crossed within
                // the resolution of t, such as the same unit of a coupled copy) moves to the other side; the others
                // keep the side their sign says.
                pattern = zip(z, restartPattern).map { value, old in value.isZero ? !old : value > 0 }
            }
        }
        let segmentField = field.with(pattern: pattern)
        if !restartPattern.isEmpty {
            // Transversality: under the new pattern every switched unit must leave the kink on its new side, or the
            // flow slides along the kink (a Filippov sliding mode, which a fixed pattern cannot follow).
            let stuck: Int? = withPrecision(precision) {
                let x = start.map { BigFloat($0) }
                var velocity = Array(repeating: BigFloat(0), count: x.count)
                segmentField.evaluate(time: BigFloat(startTime), state: x, into: &velocity)
                let delta = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << (precision / 4)))
                let ahead = field.preactivations(of: zip(x, velocity).map { $0 + delta * $1 })
                return pattern.indices.first { i in
                    pattern[i] != restartPattern[i] && !(pattern[i] ? ahead[i] > 0 : ahead[i] < 0)
                }
            }
            if let stuck {
                throw ActivationPatternError.sliding(unit: stuck, time: shortTime(BigFloat(startTime, precision: precision)))
            }
        }
        let signs = pattern.map { $0 ? BigFloat(1) : BigFloat(-1) }
        // The events and checks of one step all read the pre-activations at the same few times: keep the last.
        let cache = PreactivationCache { field.preactivations(of: $0) }
        func slack(_ time: BigFloat, _ state: [BigFloat]) -> (value: BigFloat, unit: Int) {
            let z = cache.values(time, state)
            var best = signs[0] * z[0], unit = 0
            for i in 1..<z.count { let v = signs[i] * z[i]; if v < best { best = v; unit = i } }
            return (best, unit)
        }
        var violation: (unit: Int, time: BigFloat, kind: Sample<BigFloat>.Kind)?
        func verify(_ sample: Sample<BigFloat>) {
            guard field.patternSize > 0, violation == nil else { return }
            let s = slack(sample.time, sample.state)
            // At a restart the crossed units sit at z = 0: their new side is judged from the next step.
            if s.value > 0 || (sample.kind == .initial && !restartPattern.isEmpty && s.value.isZero) { return }
            violation = (s.unit, sample.time, sample.kind)
        }
        let times = outputTimes.filter { startTime == 0 && switches.isEmpty ? $0 >= startTime : $0 > startTime }
        var observers = [Observer<BigFloat>(.everyStep, verify)]
        if !times.isEmpty {
            observers.append(Observer<BigFloat>(.times(times)) { sample in verify(sample); onOutput(sample) })
        }
        // One terminal event per unit, g_i = s_i z_i falling through 0 (a unit that starts at z = 0 after its own
        // switch cannot fire in its first step; a wrong sign there is caught by the step check).
        let events = (0..<field.patternSize).map { i in
            Event<BigFloat>("activation \(i)", direction: .falling, isTerminal: true) { t, state in
                signs[i] * cache.values(t, state)[i]
            }
        }
        let problem = try ODEProblem(field: segmentField, initialState: start, from: startTime, to: horizon)
        let result = try integrate(problem, method: Taylor(), scalar: BigFloat.self,
                                   options: IntegrationOptions(precision: precision), observers: observers, events: events)
        if let violation, !(violation.kind == .final && !isReachedEnd(result.termination)) {
            throw ActivationPatternError.patternViolated(unit: violation.unit, time: shortTime(violation.time))
        }
        guard case let .event(unit, _) = result.termination else {
            return PiecewiseIntegration(switches: switches, time: result.time, state: result.state,
                                        reachedEnd: isReachedEnd(result.termination),
                                        termination: result.termination.description)
        }
        switches.append(ActivationSwitch(time: result.time, unit: unit, becameActive: !pattern[unit]))
        guard switches.count <= maximumSwitches else {
            throw ActivationPatternError.tooManySwitches(count: maximumSwitches, time: shortTime(result.time))
        }
        restartPattern = pattern
        start = result.state.map { Rational(exactly: $0)! }
        startTime = Rational(exactly: result.time)!
    }
}

/// Whether a termination is the normal end at the horizon.
private func isReachedEnd(_ termination: TerminationReason<BigFloat>) -> Bool {
    if case .reachedEnd = termination { return true }
    return false
}

/// A time for messages.
private func shortTime(_ t: BigFloat) -> String { t.scientific(significantDigits: 12) }

/// The pre-activations at the last time asked for (events, checks and output of one step share it).
private final class PreactivationCache {
    let compute: ([BigFloat]) -> [BigFloat]
    var time: BigFloat?
    var values: [BigFloat] = []

    init(_ compute: @escaping ([BigFloat]) -> [BigFloat]) { self.compute = compute }

    func values(_ t: BigFloat, _ state: [BigFloat]) -> [BigFloat] {
        if let time, time == t { return values }
        values = compute(state)
        time = t
        return values
    }
}
