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
    /// The activation switches, in time order: one per unit that flips (units that cross together share a time).
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

/// Integrates `field` from `initial` (exact) to `horizon` with the Taylor method at `precision` p, one segment per
/// activation pattern:
///
/// 1. the pattern is read from the signs of the pre-activations at t = 0; a pre-activation within the kink
///    resolution η = 2^−⌊7p/8⌋·(1 + max_j |z_j|) of 0 there is an error (the pattern is not defined);
/// 2. the segment runs with that pattern fixed, under one terminal event per unit, g_i = s_i z_i falling through 0
///    (s_i = ±1 the flag's sign), so the first pre-activation to reach zero is located to working precision;
/// 3. at every accepted step and every output time the signs are checked again (at working precision): a wrong sign
///    that the event did not locate is an error, never silently accepted;
/// 4. at a located crossing every unit with |z_i| ≤ η is at the kink (the located one, and any that crosses within
///    the resolution, such as the same unit of a coupled copy). Each such unit's rate ż_i = ∇z_i·f is computed under
///    the old pattern and under the new one, each with an error bound e_i (`ActivationPatternRates`); all decisions compare
///    a rate with its bound. A unit at the kink crosses when its old side's field drives it through the kink,
///    s_i ż_i^old < −e_i, and stays when s_i ż_i^old > e_i (it touched the kink and leaves it on its side); the
///    crossing units flip together. The switch is transversal when every unit at the kink then leaves it on its
///    new side under the new pattern, s'_i ż_i^new > e_i (a unit that is driven back across by the new pattern
///    joins the crossing ones, and the rates are taken again). A crossing unit driven back by its new side's field,
///    s'_i ż_i^new < −e_i, is a sliding mode (Filippov), and |ż_i| ≤ e_i on either side is a switch that is not
///    resolved within the error (a tangential touch, or a rate too small for the working precision): both end the
///    run with an error naming the unit and the time, never a pattern chosen by rounding.
///
/// Every flipped unit is one `ActivationSwitch`, so the switches of a trajectory are counted the same way whether
/// units that cross at the same time are flipped together or (outside η) in consecutive segments.
///
/// `onOutput` receives the state at every output time (in order). A field with an empty pattern runs as one segment.
///
/// - Throws: `ActivationPatternError` (a pre-activation within η of 0 at t = 0, an unlocated sign change, a sliding
///   mode or an unresolved switch at a crossing, more than `maximumSwitches` switches), `IntegrationError` for a bad
///   request.
public func integrateAcrossActivationSwitches<Field: ActivationPatternField>(
    _ field: Field, initial: [Rational], horizon: Rational, precision: Int, outputTimes: [Rational],
    maximumSwitches: Int = 200, onOutput: @escaping (Sample<BigFloat>) -> Void
) throws -> PiecewiseIntegration {
    var start = initial, startTime = Rational(0)
    var switches: [ActivationSwitch] = []
    var restartPattern: [Bool] = []
    var kinkResolution = BigFloat(0), locatedUnit = 0
    while true {
        // The pattern of the segment's start.
        var pattern: [Bool] = []
        if field.patternSize > 0 {
            let z = withPrecision(precision) { field.preactivations(of: start.map { BigFloat($0) }) }
            kinkResolution = ActivationPatternRates.kinkResolution(z, precision: precision)
            let atKink = z.indices.filter { BigFloat.abs(z[$0]) <= kinkResolution }
            if restartPattern.isEmpty {
                if let unit = atKink.first {
                    throw ActivationPatternError.zeroPreactivation(unit: unit, time: "0")
                }
                pattern = z.map { $0 > 0 }
            } else {
                let time = shortTime(BigFloat(startTime, precision: precision))
                pattern = try ActivationPatternRates.patternAfterCrossing(
                    field, at: startTime, state: start, precision: precision, old: restartPattern,
                    preactivations: z, atKink: atKink, located: locatedUnit, time: time)
                for i in atKink where pattern[i] != restartPattern[i] {
                    switches.append(ActivationSwitch(time: BigFloat(startTime, precision: precision), unit: i,
                                                     becameActive: pattern[i]))
                }
                guard switches.count <= maximumSwitches else {
                    throw ActivationPatternError.tooManySwitches(count: maximumSwitches, time: time)
                }
            }
        }
        let segmentField = field.with(pattern: pattern)
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
            // At a restart the units at the kink sit within η of z = 0 (on either side): their side was decided from
            // their rates, and the next step checks it.
            if s.value > 0 || (sample.kind == .initial && !restartPattern.isEmpty && s.value >= -kinkResolution) { return }
            violation = (s.unit, sample.time, sample.kind)
        }
        let times = outputTimes.filter { startTime == 0 && switches.isEmpty ? $0 >= startTime : $0 > startTime }
        var observers = [Observer<BigFloat>(.everyStep, verify)]
        if !times.isEmpty {
            observers.append(Observer<BigFloat>(.times(times)) { sample in verify(sample); onOutput(sample) })
        }
        // One terminal event per unit, g_i = s_i z_i falling through 0 (a unit that starts at the kink leaves it on
        // its side, so it does not fire in its first step; a wrong sign there is caught by the step check).
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
        // The crossing: the next segment starts there, with the pattern its rates decide.
        restartPattern = pattern
        locatedUnit = unit
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
