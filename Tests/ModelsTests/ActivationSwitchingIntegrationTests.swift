import Dynamics
import Models
import MultiPrecision
import Testing

/// ẋ = 1 + x while the unit z = x − 1/2 is inactive, ẋ = `activeRate`·(1 + x) while it is active: a one-unit
/// piecewise field with closed-form solutions (from x(0) = 0: x = eᵗ − 1 until t* = ln(3/2), then
/// x = (3/2)e^{a(t − t*)} − 1).
private struct KinkedLine: ActivationPatternField {
    var activeRate: Int
    var pattern: [Bool] = [false]
    var dimension: Int { 1 }
    var patternSize: Int { 1 }
    func preactivations(of state: [BigFloat]) -> [BigFloat] { [state[0] - BigFloat(Rational(numerator: 1, denominator: 2))] }
    func with(pattern: [Bool]) -> KinkedLine { KinkedLine(activeRate: activeRate, pattern: pattern) }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = (pattern[0] ? T(activeRate) : T(1)) * (T(1) + state[0])
    }
}

/// ẋ = c while the unit z = x − 1/2 is inactive and ẋ = −c while it is active, i.e. ż = −sign(z)·c: from x(0) = 0 the
/// unit reaches its kink at t* = 1/(2c) and both sides' fields push it back onto the kink (a Filippov sliding mode,
/// x ≡ 1/2 after t*).
private struct SlidingKink: ActivationPatternField {
    var rate: Rational
    var pattern: [Bool] = [false]
    var dimension: Int { 1 }
    var patternSize: Int { 1 }
    func preactivations(of state: [BigFloat]) -> [BigFloat] { [state[0] - BigFloat(Rational(numerator: 1, denominator: 2))] }
    func with(pattern: [Bool]) -> SlidingKink { SlidingKink(rate: rate, pattern: pattern) }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = pattern[0] ? -T(rate) : T(rate)
    }
}

/// Two copies of `KinkedLine`'s unit that cross at the same time t* = ln(3/2) but are rounded differently: x with
/// z_0 = x − 1/2, and y = 3x with z_1 = y/3 − 1/2 (ẏ = (1 or a)·(3 + y)), each flag acting on its own coordinate.
private struct TwinKinks: ActivationPatternField {
    var activeRate: Int
    var pattern: [Bool] = [false, false]
    var dimension: Int { 2 }
    var patternSize: Int { 2 }
    func preactivations(of state: [BigFloat]) -> [BigFloat] {
        let half = BigFloat(Rational(numerator: 1, denominator: 2))
        return [state[0] - half, state[1] / BigFloat(3) - half]
    }
    func with(pattern: [Bool]) -> TwinKinks { TwinKinks(activeRate: activeRate, pattern: pattern) }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = (pattern[0] ? T(activeRate) : T(1)) * (T(1) + state[0])
        derivative[1] = (pattern[1] ? T(activeRate) : T(1)) * (T(3) + state[1])
    }
}

@Suite("Integration across activation switches")
struct ActivationSwitchingIntegrationTests {
    @Test("A transversal crossing: the switch is located at t* = ln(3/2); x(1/4) = e^{1/4} − 1, x(1) = (2/3)e² − 1")
    func transversal() throws {
        var samples: [BigFloat] = []
        let run = try integrateAcrossActivationSwitches(KinkedLine(activeRate: 2), initial: [0], horizon: 1, precision: 128,
                                                        outputTimes: [Rational(numerator: 1, denominator: 4), 1]) {
            samples.append($0.state[0])
        }
        withPrecision(128) {
            #expect(run.reachedEnd && run.switches.count == 1 && run.switches[0].becameActive)
            let quarter = BigFloat(Rational(numerator: 1, denominator: 4))
            let switchTime = BigFloat.log(BigFloat(Rational(numerator: 3, denominator: 2)))
            let final = BigFloat(Rational(numerator: 2, denominator: 3)) * BigFloat.exp(BigFloat(2)) - BigFloat(1)
            #expect(BigFloat.abs(run.switches[0].time - switchTime) < BigFloat("1e-33")!)
            #expect(BigFloat.abs(run.state[0] - final) < BigFloat("1e-33")!)
            #expect(samples.count == 2)
            #expect(BigFloat.abs(samples[0] - (BigFloat.exp(quarter) - BigFloat(1))) < BigFloat("1e-33")!)
            #expect(BigFloat.abs(samples[1] - final) < BigFloat("1e-33")!)
        }
    }

    @Test("A sliding kink (the active field pushes the unit back): an error naming the unit, never a silent run")
    func sliding() {
        #expect(throws: ActivationPatternError.self) {
            _ = try integrateAcrossActivationSwitches(KinkedLine(activeRate: -1), initial: [0], horizon: 1, precision: 128,
                                                      outputTimes: [1]) { _ in }
        }
    }

    @Test("A pre-activation exactly 0 at t = 0 is an error (the pattern is not defined)")
    func zeroAtStart() {
        #expect(throws: ActivationPatternError.self) {
            _ = try integrateAcrossActivationSwitches(KinkedLine(activeRate: 2), initial: [Rational(numerator: 1, denominator: 2)],
                                                      horizon: 1, precision: 128, outputTimes: []) { _ in }
        }
    }

    @Test("The transversal crossing is found the same way at every precision: one switch at ln(3/2), x(1) = (2/3)e² − 1",
          arguments: [128, 160, 192, 256])
    func transversalAtEveryPrecision(precision: Int) throws {
        let run = try integrateAcrossActivationSwitches(KinkedLine(activeRate: 2), initial: [0], horizon: 1,
                                                        precision: precision, outputTimes: [1]) { _ in }
        #expect(run.reachedEnd && run.switches.count == 1 && run.switches.first?.unit == 0)
        withPrecision(precision) {
            let bound = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << (precision - 16)))
            let switchTime = BigFloat.log(BigFloat(Rational(numerator: 3, denominator: 2)))
            let final = BigFloat(Rational(numerator: 2, denominator: 3)) * BigFloat.exp(BigFloat(2)) - BigFloat(1)
            #expect(BigFloat.abs(run.switches[0].time - switchTime) < bound)
            #expect(BigFloat.abs(run.state[0] - final) < bound)
        }
    }

    @Test("Two units that cross at the same time, rounded differently: two switches at ln(3/2) at every precision",
          arguments: [128, 160, 192, 256])
    func simultaneousCrossings(precision: Int) throws {
        let run = try integrateAcrossActivationSwitches(TwinKinks(activeRate: 2), initial: [0, 0], horizon: 1,
                                                        precision: precision, outputTimes: [1]) { _ in }
        #expect(run.reachedEnd)
        #expect(run.switches.map(\.unit).sorted() == [0, 1])
        #expect(run.switches.allSatisfy { $0.becameActive })
        withPrecision(precision) {
            let bound = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << (precision - 16)))
            let switchTime = BigFloat.log(BigFloat(Rational(numerator: 3, denominator: 2)))
            let final = BigFloat(Rational(numerator: 2, denominator: 3)) * BigFloat.exp(BigFloat(2)) - BigFloat(1)
            for crossing in run.switches { #expect(BigFloat.abs(crossing.time - switchTime) < bound) }
            #expect(BigFloat.abs(run.state[0] - final) < bound)
            #expect(BigFloat.abs(run.state[1] - BigFloat(3) * final) < BigFloat(3) * bound)
        }
    }

    @Test("ż = −sign(z)·c slides on its kink from t* = 1/(2c): the sliding error names unit 0 and t* at every precision",
          arguments: [128, 160, 192, 256])
    func slidingAtEveryPrecision(precision: Int) {
        let rate = Rational(numerator: 3, denominator: 4)
        var caught: ActivationPatternError?
        do {
            _ = try integrateAcrossActivationSwitches(SlidingKink(rate: rate), initial: [0], horizon: 2,
                                                      precision: precision, outputTimes: [2]) { _ in }
        } catch let error as ActivationPatternError {
            caught = error
        } catch {}
        guard case let .sliding(unit, time) = caught else {
            Issue.record("expected a sliding error, got \(String(describing: caught))")
            return
        }
        #expect(unit == 0)
        // t* = 1/(2c) = 2/3, printed to 12 significant digits.
        #expect(time == "6.66666666667e-1")
    }

    @Test("ż = 0 on the new side (KinkedLine with rate 0): an unresolved switch of unit 0 at ln(3/2) at every precision",
          arguments: [128, 160, 192, 256])
    func unresolvedAtEveryPrecision(precision: Int) {
        var caught: ActivationPatternError?
        do {
            _ = try integrateAcrossActivationSwitches(KinkedLine(activeRate: 0), initial: [0], horizon: 1,
                                                      precision: precision, outputTimes: [1]) { _ in }
        } catch let error as ActivationPatternError {
            caught = error
        } catch {}
        guard case let .unresolvedSwitch(unit, time, _, _, side) = caught else {
            Issue.record("expected an unresolved switch, got \(String(describing: caught))")
            return
        }
        #expect(unit == 0 && side == "after")
        // ln(3/2) = 0.405465108108164…, printed to 12 significant digits.
        #expect(time == "4.05465108108e-1")
    }
}
