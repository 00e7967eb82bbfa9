import Dynamics
import MultiPrecision
import Testing

@Suite("Events")
struct EventTests {
    @Test("y' = −y stops where y = 1/2, at t = ln 2 to working precision", arguments: [53, 256, 1024])
    func halfLife(bits: Int) throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(5))
        let (stages, tolerance) = gaussLegendreSetting(bits)
        let method = GaussLegendre(stages: stages)
        let o = options(bits, tolerance: tolerance)
        if bits == 53 {
            let half = Event<Double>("y = 1/2", direction: .falling) { _, x in x[0] - 0.5 }
            let result = try integrate(problem, method: method, scalar: Double.self, options: o, events: [half])
            guard case let .event(index, time) = result.termination else {
                Issue.record("expected the event, got \(result.termination)"); return
            }
            #expect(index == 0 && result.events.count == 1 && !result.events[0].isRising)
            // The trajectory is within ~τ = 2^−43 and |dy/dt| = 1/2 at the root.
            #expect(abs(time - 0.6931471805599453) <= 16 * 0x1p-43, "t = \(time)")
            #expect(abs(result.state[0] - 0.5) <= 4 * 0x1p-53 && result.time == time)
            return
        }
        let half = Event<BigFloat>("y = 1/2", direction: .falling) { _, x in
            x[0] - BigFloat(Rational(numerator: 1, denominator: 2))
        }
        let result = try integrate(problem, method: method, scalar: BigFloat.self, options: o, events: [half])
        guard case let .event(_, time) = result.termination else {
            Issue.record("expected the event, got \(result.termination)"); return
        }
        withPrecision(bits + 64) {
            // The root of the computed trajectory is within a few ulps; the trajectory itself is within ~τ, and
            // |dy/dt| = 1/2 there, so t is within ~2τ of ln 2.
            let bound = BigFloat(256) * BigFloat(tolerance, precision: bits)
            expectClose(time, BigFloat.log(BigFloat(2)), within: bound, "t = ln 2 at \(bits) bits")
            let ulp = BigFloat(Rational(numerator: 64, denominator: BigInt(1) << bits))
            #expect(result.events[0].bracketWidth <= ulp, "bracket \(result.events[0].bracketWidth)")
            expectClose(result.state[0], BigFloat(Rational(numerator: 1, denominator: 2)), within: bound, "y at the event")
        }
    }

    @Test("Non-terminal events record every crossing with its direction; a rising-only event only the rising ones")
    func oscillatorCrossings() throws {
        let problem = try ODEProblem(field: HarmonicOscillator(), initialState: [q(1), q(0)], from: q(0), to: q(10))
        let zeroOfQ = Event<Double>("q = 0", direction: .either, isTerminal: false) { _, x in x[0] }
        let rising = Event<Double>("q rises through 0", direction: .rising, isTerminal: false) { _, x in x[0] }
        let result = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self,
                                   options: options(53), events: [zeroOfQ, rising])
        #expect(result.termination.isSuccess)
        let first = result.events.filter { $0.index == 0 }
        #expect(first.map(\.isRising) == [false, true, false])
        for (k, occurrence) in first.enumerated() {
            #expect(abs(occurrence.time - Double(2 * k + 1) * Double.pi / 2) < 1e-12, "\(occurrence.time)")
        }
        let second = result.events.filter { $0.index == 1 }
        #expect(second.count == 1 && abs(second[0].time - 3 * Double.pi / 2) < 1e-12)
        // Time order across events.
        #expect(result.events.map(\.time) == result.events.map(\.time).sorted())
    }

    @Test("A loss threshold on the deep-linear-network mode stops the run (explicit RK at 256 bits; dense output by re-stepping)")
    func lossThreshold() throws {
        // ½(w³ − λ)² < 10⁻⁶: the first time the end-to-end value is within √2·10⁻³ of λ.
        let problem = try ODEProblem(field: DeepLinearSingularValue(depth: 3, target: q(17, 10)),
                                     initialState: [q(1, 5)], from: q(0), to: q(20))
        let bits = 256
        let loss = Event<BigFloat>("loss < 1e-6", direction: .falling) { _, x in
            let r = BigFloat.pow(x[0], 3) - BigFloat(Rational(numerator: 17, denominator: 10))
            return r * r / BigFloat(2) - BigFloat(Rational(numerator: 1, denominator: 1_000_000))
        }
        let result = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: BigFloat.self,
                                   options: options(bits, tolerance: twoToMinus(60)), events: [loss])
        guard case let .event(_, time) = result.termination else {
            Issue.record("expected the event, got \(result.termination)"); return
        }
        // At the event the loss equals the threshold, to about the accuracy of the trajectory.
        withPrecision(bits) {
            let r = BigFloat.pow(result.state[0], 3) - BigFloat(Rational(numerator: 17, denominator: 10))
            expectClose(r * r / BigFloat(2), BigFloat(Rational(numerator: 1, denominator: 1_000_000)),
                        within: BigFloat(twoToMinus(50)), "loss at the event")
            #expect(time > BigFloat(2) && time < BigFloat(20))
        }
    }
}
