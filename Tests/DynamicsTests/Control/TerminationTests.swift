import Dynamics
import MultiPrecision
import Testing

/// Every way a run can end early, each with a clear outcome; and bad requests, each with a clear error.
@Suite("Termination outcomes and errors")
struct TerminationTests {
    @Test("y' = y², y(0) = 1: the blow-up at t = 1 is reported as divergence just before t = 1", arguments: [53, 256, 1024])
    func blowUp(bits: Int) throws {
        let problem = try ODEProblem(field: Riccati(), initialState: [q(1)], from: q(0), to: q(2))
        // Detection needs no tight tolerance: above 53 bits, 2^−100 with s = 8 keeps the run short.
        let (stages, tolerance) = bits == 53 ? gaussLegendreSetting(bits) : (8, twoToMinus(100))
        let methodResults: [(String, TerminationReason<BigFloat>)]
        if bits == 53 {
            let gl = try integrate(problem, method: GaussLegendre(stages: stages), scalar: Double.self,
                                   options: options(53, tolerance: tolerance))
            let rk = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self, options: options(53))
            func lift(_ reason: TerminationReason<Double>) -> TerminationReason<BigFloat> {
                if case let .diverged(t, r) = reason { return .diverged(time: t.exactBigFloat, reason: r) }
                return .reachedEnd
            }
            methodResults = [("GL", lift(gl.termination)), ("RKF78", lift(rk.termination))]
            #expect(gl.termination.description.hasPrefix("diverged at t = 9.99999"), "\(gl.termination)")
        } else {
            let gl = try integrate(problem, method: GaussLegendre(stages: stages), scalar: BigFloat.self,
                                   options: options(bits, tolerance: tolerance))
            methodResults = [("GL", gl.termination)]
        }
        for (name, termination) in methodResults {
            guard case let .diverged(time, reason) = termination else {
                Issue.record("\(name) at \(bits) bits: expected divergence, got \(termination)")
                continue
            }
            #expect(reason == .normExceeded(limit: "1099511627776"))
            // y = 1/(1 − t) passes 2^40 at t = 1 − 2^−40; the first step beyond it ends in (1 − 2^−40, 1).
            withPrecision(bits) {
                #expect(time < BigFloat(1), "\(name): \(termination)")
                #expect(time > BigFloat(1) - BigFloat(twoToMinus(40)), "\(name): \(termination)")
            }
        }
    }

    @Test("A non-finite value is reported as divergence (Double overflow to ∞)")
    func nonFinite() throws {
        let problem = try ODEProblem(field: Riccati(), initialState: [Rational(numerator: BigInt(1) << 600, denominator: 1)],
                                     from: q(0), to: q(1))
        var o = options(53, fixed: q(1, 10))
        o.normLimit = Rational(numerator: BigInt(1) << 1000, denominator: 1)
        let result = try integrate(problem, method: ClassicalRungeKutta4(), scalar: Double.self, options: o)
        guard case let .diverged(time, reason) = result.termination else {
            Issue.record("expected divergence, got \(result.termination)"); return
        }
        #expect(reason == .nonFiniteValue)
        #expect(time == 0.1)
        #expect(result.termination.description == "diverged at t = 1.0000000000000000555e-1: a component became NaN or infinite")
    }

    @Test("Gauss–Legendre with a fixed step too large for its stage iteration reports it (no hang)")
    func stageIterationDiverges() throws {
        let problem = try ODEProblem(field: Riccati(), initialState: [q(1)], from: q(0), to: q(4))
        let result = try integrate(problem, method: GaussLegendre(stages: 3), scalar: BigFloat.self,
                                   options: options(256, fixed: q(2)))
        guard case let .diverged(time, reason) = result.termination else {
            Issue.record("expected divergence, got \(result.termination)"); return
        }
        #expect(reason == .stageIterationDiverged)
        #expect(time == BigFloat(0))
    }

    @Test("Step-size underflow: y' = −1/(2y), y = √(1 − t) stays bounded but its slope blows up at t = 1",
          arguments: [53, 256])
    func underflowNatural(bits: Int) throws {
        let problem = try ODEProblem(field: SquareRootCollapse(), initialState: [q(1)], from: q(0), to: q(2))
        let (stages, tolerance) = bits == 53 ? gaussLegendreSetting(bits) : (8, twoToMinus(100))
        if bits == 53 {
            for method in [RungeKuttaFehlberg78() as any IntegrationMethod, GaussLegendre(stages: stages)] {
                let result = try integrate(problem, method: method, scalar: Double.self, options: options(53, tolerance: tolerance))
                guard case let .stepSizeUnderflow(time, h) = result.termination else {
                    Issue.record("\(method): expected underflow, got \(result.termination)"); continue
                }
                #expect(time < 1 && time > 1 - 1e-6, "\(method): \(result.termination)")
                #expect(h < 1e-14)
                #expect(result.termination.description.hasPrefix("step-size underflow at t = 9.99999"))
            }
        } else {
            let result = try integrate(problem, method: GaussLegendre(stages: stages), scalar: BigFloat.self,
                                       options: options(bits, tolerance: tolerance))
            guard case let .stepSizeUnderflow(time, _) = result.termination else {
                Issue.record("expected underflow, got \(result.termination)"); return
            }
            withPrecision(bits) {
                #expect(time < BigFloat(1) && time > BigFloat(1) - BigFloat(twoToMinus(60)), "\(result.termination)")
            }
        }
    }

    @Test("Step-size underflow below a user minimum step, at t₀")
    func underflowMinimumStep() throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(100))
        var o = options(256, tolerance: twoToMinus(200))
        o.minimumStep = q(1)
        let result = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: BigFloat.self, options: o)
        guard case let .stepSizeUnderflow(time, h) = result.termination else {
            Issue.record("expected underflow, got \(result.termination)"); return
        }
        #expect(time == BigFloat(0))
        #expect(h < BigFloat(1))
    }

    @Test("The step budget ends the run at the last step taken", arguments: [53, 256])
    func stepBudget(bits: Int) throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1))
        var o = options(bits, fixed: q(1, 100))
        o.maximumSteps = 5
        if bits == 53 {
            let result = try integrate(problem, method: ClassicalRungeKutta4(), scalar: Double.self, options: o)
            guard case let .stepBudgetExhausted(time, steps) = result.termination else {
                Issue.record("expected budget exhaustion, got \(result.termination)"); return
            }
            #expect(time == 0.05 && steps == 5 && result.time == 0.05)
            #expect(result.statistics.steps == 5)
            #expect(result.statistics.globalError.method == .unavailable)
        } else {
            let result = try integrate(problem, method: GaussLegendre(stages: 4), scalar: BigFloat.self, options: o)
            guard case let .stepBudgetExhausted(time, steps) = result.termination else {
                Issue.record("expected budget exhaustion, got \(result.termination)"); return
            }
            #expect(time == BigFloat(Rational(numerator: 5, denominator: 100), precision: bits) && steps == 5)
            #expect(result.termination.description.hasPrefix("step budget exhausted at t = 5.0000000000000000000e-2 after 5 steps"))
        }
    }

    @Test("The wall-time budget ends a run that would take hours")
    func timeBudget() throws {
        let problem = try ODEProblem(field: HarmonicOscillator(), initialState: [q(1), q(0)], from: q(0), to: q(1_000_000))
        var o = options(256, fixed: q(1, 1000))
        o.timeLimit = .milliseconds(200)
        let clock = ContinuousClock(), start = clock.now
        let result = try integrate(problem, method: GaussLegendre(stages: 2), scalar: BigFloat.self, options: o)
        let elapsed = clock.now - start
        guard case let .timeBudgetExhausted(time, reported) = result.termination else {
            Issue.record("expected time budget exhaustion, got \(result.termination)"); return
        }
        #expect(reported >= .milliseconds(200))
        #expect(elapsed < .seconds(10))
        #expect(time > BigFloat(0) && time < BigFloat(1000))
        #expect(result.time == time)
    }

    @Test("A zero time budget stops before the first step")
    func zeroTimeBudget() throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1))
        var o = options(53)
        o.timeLimit = .zero
        let result = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self, options: o)
        guard case .timeBudgetExhausted(let time, _) = result.termination else {
            Issue.record("got \(result.termination)"); return
        }
        #expect(time == 0 && result.state == [1])
    }

    @Test("Bad requests throw errors that describe themselves")
    func errors() throws {
        #expect(throws: IntegrationError.negativeHorizon(from: "1", to: "0")) {
            try ODEProblem(field: Decay(), initialState: [q(1)], from: q(1), to: q(0))
        }
        #expect(throws: IntegrationError.dimensionMismatch(expected: 2, actual: 1, what: "initial state")) {
            try ODEProblem(field: HarmonicOscillator(), initialState: [q(1)], from: q(0), to: q(1))
        }
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1))
        do {
            _ = try integrate(problem, method: GaussLegendre(stages: 2), scalar: Double.self, options: options(256))
            Issue.record("Double at 256 bits must throw")
        } catch {
            #expect(error.description == "precision 256 bits is not available for Double: Double has 53 bits; use BigFloat")
        }
        #expect(throws: IntegrationError.self) {
            try integrate(problem, method: GaussLegendre(stages: 2), scalar: BigFloat.self, options: options(8))
        }
        #expect(throws: IntegrationError.fixedStepRequired(method: "classical Runge–Kutta 4")) {
            try integrate(problem, method: ClassicalRungeKutta4(), scalar: Double.self)
        }
        #expect(throws: IntegrationError.self) {
            try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self, options: options(53, tolerance: q(-1)))
        }
        #expect(throws: IntegrationError.invalidParameter(name: "stages", value: "0", requirement: "at least 1")) {
            try integrate(problem, method: GaussLegendre(stages: 0), scalar: Double.self)
        }
        #expect(throws: IntegrationError.self) {
            try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self,
                          observers: [Observer(.times([q(2)])) { _ in }])
        }
        #expect(throws: IntegrationError.self) {
            try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self, options: options(53, fixed: q(0)))
        }
        #expect(IntegrationError.negativeHorizon(from: "1", to: "0").description
                == "the final time 0 lies before the initial time 1; integration runs forward only")
    }
}
