import Dynamics
import Foundation
import MultiPrecision
import Testing

@Suite("Observers, dense output and recording")
struct ObserverTests {
    @Test("Observers at output times see the dense output, accurate to the tolerance", arguments: [53, 256])
    func outputTimes(bits: Int) throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(2))
        let times = [q(0), q(1, 3), q(1, 2), q(1), q(7, 4), q(2)]
        let (stages, tolerance) = gaussLegendreSetting(bits)
        let methods: [any IntegrationMethod] = [GaussLegendre(stages: stages), RungeKuttaFehlberg78()]
        for method in methods {
            let rkTolerance = method is RungeKuttaFehlberg78 && bits > 53 ? twoToMinus(80) : tolerance
            var seen: [(BigFloat, BigFloat)] = []
            if bits == 53 {
                let observer = Observer<Double>(.times(times)) { sample in
                    #expect(sample.kind == .outputTime)
                    seen.append((sample.time.exactBigFloat, sample.state[0].exactBigFloat))
                }
                _ = try integrate(problem, method: method, scalar: Double.self, options: options(53, tolerance: rkTolerance),
                                  observers: [observer])
            } else {
                let observer = Observer<BigFloat>(.times(times)) { sample in
                    #expect(sample.kind == .outputTime)
                    seen.append((sample.time, sample.state[0]))
                }
                _ = try integrate(problem, method: method, scalar: BigFloat.self, options: options(bits, tolerance: rkTolerance),
                                  observers: [observer])
            }
            #expect(seen.count == times.count, "\(method)")
            withPrecision(bits + 64) {
                for ((t, y), r) in zip(seen, times) {
                    #expect(t == BigFloat(r, precision: bits))
                    expectClose(y, BigFloat.exp(-BigFloat(r)), within: BigFloat(256) * BigFloat(rkTolerance, precision: bits),
                                "\(method) y(\(r)) at \(bits) bits")
                }
            }
        }
    }

    @Test("Every-step observers see t₀, each step and the final point; every-n-th and recording thin them")
    func schedules() throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1))
        var kinds: [Sample<Double>.Kind] = [], steps: [Int] = [], thinned: [Int] = []
        let all = Observer<Double>(.everyStep) { kinds.append($0.kind); steps.append($0.step) }
        let third = Observer<Double>(.everyNthStep(3)) { thinned.append($0.step) }
        var o = options(53, fixed: q(1, 10))
        o.recording = .everyNthStep(4)
        let result = try integrate(problem, method: ClassicalRungeKutta4(), scalar: Double.self, options: o,
                                   observers: [all, third])
        #expect(result.statistics.steps == 10)
        #expect(kinds.first == .initial && kinds.last == .final && kinds.count == 11)
        #expect(steps == Array(0...10))
        #expect(thinned == [0, 3, 6, 9, 10])
        #expect(result.trajectory.map(\.time) == [0, 0.4, 0.8, 1].map { $0 } || result.trajectory.count == 4)
        #expect(result.trajectory.count == 4 && result.trajectory.last?.time == 1)
    }

    @Test("Recording at requested times keeps them, in order, merged with observers' times")
    func recordingTimes() throws {
        let problem = try ODEProblem(field: HarmonicOscillator(), initialState: [q(1), q(0)], from: q(0), to: q(3))
        var o = options(53)
        o.recording = .times([q(3), q(1), q(2)])
        let result = try integrate(problem, method: GaussLegendre(stages: 4), scalar: Double.self, options: o)
        #expect(result.trajectory.map(\.time) == [1, 2, 3])
        for point in result.trajectory {
            #expect(abs(point.state[0] - Foundation.cos(point.time)) < 1e-11)
        }
    }

    @Test("A monitored invariant without storing the trajectory: the oscillator's energy along Gauss–Legendre steps")
    func monitoredInvariant() throws {
        let problem = try ODEProblem(field: HarmonicOscillator(), initialState: [q(1), q(0)], from: q(0), to: q(20))
        let bits = 256
        var worst = withPrecision(bits) { BigFloat(0) }
        let energy = Observer<BigFloat>(.everyStep) { sample in
            let e = (sample.state[0] * sample.state[0] + sample.state[1] * sample.state[1]) / BigFloat(2)
            let drift = BigFloat.abs(e - BigFloat(Rational(numerator: 1, denominator: 2)))
            if drift > worst { worst = drift }
        }
        let result = try integrate(problem, method: GaussLegendre(stages: 6), scalar: BigFloat.self,
                                   options: options(bits, fixed: q(1, 2)), observers: [energy])
        #expect(result.statistics.steps == 40)
        #expect(worst <= BigFloat(Rational(numerator: 256, denominator: BigInt(1) << bits)), "drift \(worst)")
    }
}
