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
}
