import AttestTestSupport
import Dynamics
import LinearAlgebra
import MultiPrecision
import Testing

/// The Taylor stepper through the `integrate` driver, against closed forms at 53, 256 and 1024 bits.
///
/// Bounds are as in `ClosedFormTests`: 2^8·τ plus a few ulps, with τ the default tolerance 2^−(p−10).
@Suite("Taylor stepper")
struct TaylorStepperTests {
    static let precisions = [53, 256, 1024]

    /// Runs the Taylor method in `Double` at 53 bits and `BigFloat` above; returns the state as `BigFloat`.
    static func run<F: VectorField>(_ problem: ODEProblem<F>, bits: Int, method: Taylor = Taylor(),
                                    configure: (inout IntegrationOptions) -> Void = { _ in })
        throws -> (state: [BigFloat], tolerance: BigFloat, statistics: IntegrationStatistics)
    {
        var o = options(bits)
        configure(&o)
        let tolerance = BigFloat(o.tolerance ?? twoToMinus(bits - 10), precision: bits)
        if bits == 53 {
            let r = try integrate(problem, method: method, scalar: Double.self, options: o)
            #expect(r.termination.isSuccess, "\(r.termination)")
            return (r.state.map { $0.exactBigFloat }, tolerance, r.statistics)
        }
        let r = try integrate(problem, method: method, scalar: BigFloat.self, options: o)
        #expect(r.termination.isSuccess, "\(r.termination)")
        return (r.state, tolerance, r.statistics)
    }

    static func bound(_ tolerance: BigFloat, bits: Int, scale: Int = 1) -> BigFloat {
        withPrecision(bits + 64) {
            BigFloat(256) * tolerance
                + BigFloat(256 * scale) * BigFloat(Rational(numerator: 1, denominator: BigInt(1) << bits))
        }
    }

    @Test("y' = −y: y(10) = e^−10; every step at the Jorba–Zou order", arguments: precisions)
    func decay(bits: Int) throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(10))
        let (state, tolerance, statistics) = try Self.run(problem, bits: bits)
        let exact = withPrecision(bits + 64) { BigFloat.exp(BigFloat(-10)) }
        expectClose(state[0], exact, within: Self.bound(tolerance, bits: bits), "e^-10 at \(bits) bits")
        let order = max(2, Int((Double(bits - 10) * 0.6931471805599453 / 2 + 1).rounded(.up)))
        #expect(statistics.ordersUsed == [order: statistics.steps])
        // At 1024 bits the first step (h = 10, the whole horizon) exceeds the tapering estimate and is redone once.
        #expect(statistics.functionEvaluations == order * (statistics.steps + statistics.rejectedSteps))
        #expect(statistics.rejectedSteps <= 1)
    }

    @Test("Harmonic oscillator: phase and energy at t = 10", arguments: precisions)
    func harmonicOscillator(bits: Int) throws {
        let problem = try ODEProblem(field: HarmonicOscillator(), initialState: [q(1), q(0)], from: q(0), to: q(10))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        withPrecision(bits + 64) {
            let (qT, pT) = (state[0], state[1])
            let phase = BigFloat.atan2(y: -pT, x: qT)  // 10 − 4π
            expectClose(phase, BigFloat(10) - BigFloat(4) * BigFloat.pi, within: Self.bound(tolerance, bits: bits, scale: 8),
                        "phase at \(bits) bits")
            let energy = (qT * qT + pT * pT) / BigFloat(2)
            expectClose(energy, BigFloat(Rational(numerator: 1, denominator: 2)),
                        within: Self.bound(tolerance, bits: bits, scale: 8), "energy at \(bits) bits")
        }
    }

    @Test("Logistic y' = y(1 − y), y(0) = 1/10: y(8) = 1/(1 + 9e^−8)", arguments: precisions)
    func logistic(bits: Int) throws {
        let problem = try ODEProblem(field: Logistic(rate: q(1)), initialState: [q(1, 10)], from: q(0), to: q(8))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        let exact = withPrecision(bits + 64) { BigFloat(1) / (BigFloat(1) + BigFloat(9) * BigFloat.exp(BigFloat(-8))) }
        expectClose(state[0], exact, within: Self.bound(tolerance, bits: bits), "logistic at \(bits) bits")
    }

    @Test("Ẏ = AY (P3b's A) on [0, 10] against exp(10A) from LinearAlgebra and the reference", arguments: [53, 256])
    func matrixFlow(bits: Int) throws {
        let a: [[Rational]] = (0..<4).map { r in (0..<4).map { c in q((3 * r + 5 * c + 1) % 7 - 3, 4) } }
        let identity: [Rational] = (0..<16).map { $0 % 5 == 0 ? q(1) : q(0) }
        let problem = try ODEProblem(field: LinearMatrixFlow(a: a), initialState: identity, from: q(0), to: q(10))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        try withPrecision(bits + 64) {
            let exact = try (Matrix<BigFloat>(rows: 4, columns: 4) { r, c in BigFloat(a[r][c]) } * BigFloat(10))
                .exponential()
            for r in 0..<4 {
                for c in 0..<4 {
                    // ‖Y‖ grows to about 10 and early errors grow by up to e^{10·0.14}: 2^12 τ.
                    let bound = BigFloat(4096) * Self.bound(tolerance, bits: bits, scale: 16)
                    expectClose(state[4 * r + c], exact[r, c], within: bound, "Y(10)[\(r),\(c)] vs expm at \(bits) bits")
                    if bits > 53 {
                        expectClose(state[4 * r + c], try reference("p3b_Y10_\(r)\(c)", bits: bits + 64), within: bound,
                                    "Y(10)[\(r),\(c)] vs reference")
                    }
                }
            }
        }
    }

    @Test("P3a: y' = y² − t, y(10) against the Airy closed form", arguments: [53, 256, 1024])
    func p3a(bits: Int) throws {
        let problem = try ODEProblem(field: RiccatiAiry(), initialState: [q(1, 2)], from: q(0), to: q(10))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        let exact = try reference("p3a_y10", bits: bits + 64)
        expectClose(state[0], exact, within: Self.bound(tolerance, bits: bits, scale: 4), "P3a y(10) at \(bits) bits")
    }

    @Test("Global error: the accumulated local estimates are positive and below the tolerance's scale")
    func globalErrorEstimate() throws {
        let problem = try ODEProblem(field: RiccatiAiry(), initialState: [q(1, 2)], from: q(0), to: q(10))
        let local = try integrate(problem, method: Taylor(), scalar: BigFloat.self, options: options(256))
        let accumulated = try #require(local.statistics.globalError.value)
        #expect(local.statistics.globalError.method == .accumulatedLocalErrors)
        #expect(accumulated > BigFloat(0) && accumulated < BigFloat(twoToMinus(200), precision: 256))
    }

    @Test("P3a: tapered and untapered coefficients, and 256 vs 320 bits, agree to the tolerance")
    func taperingAgrees() throws {
        let problem = try ODEProblem(field: RiccatiAiry(), initialState: [q(1, 2)], from: q(0), to: q(10))
        let tapered = try Self.run(problem, bits: 256).state[0]
        let plain = try Self.run(problem, bits: 256, method: Taylor(tapering: false, stateGuardBits: 0)).state[0]
        let finer = try Self.run(problem, bits: 320).state[0]
        let tolerance = BigFloat(twoToMinus(246), precision: 256)
        expectClose(tapered, plain, within: Self.bound(tolerance, bits: 256), "tapered vs untapered")
        expectClose(tapered, finer, within: Self.bound(tolerance, bits: 256), "256 vs 320 bits")
    }

    @Test("Dense output: y' = −y between steps, by the series", arguments: [53, 256])
    func denseOutput(bits: Int) throws {
        try withPrecision(bits) {
            let configuration = StepperConfiguration<BigFloat>.defaults(precision: bits, horizonEnd: BigFloat(10))
            let stepper = try TaylorStepper(field: Decay(), time: BigFloat(0), state: [BigFloat(1)],
                                            configuration: configuration)
            var result = [BigFloat(0)]
            for _ in 0..<3 {
                guard case .accepted(let report) = stepper.step(toward: BigFloat(10)) else {
                    Issue.record("step failed"); return
                }
                #expect(report.rejections <= 1)  // a step limited by the horizon may be redone once for the tapering
                for fraction in [Rational(numerator: 1, denominator: 3), Rational(numerator: 7, denominator: 8)] {
                    let t = stepper.previousTime + BigFloat(fraction) * report.stepSize
                    stepper.denseState(at: t, into: &result)
                    expectClose(result[0], withPrecision(bits + 64) { BigFloat.exp(-t) },
                                within: Self.bound(configuration.relativeTolerance, bits: bits),
                                "dense y(\(t.formatted(significantDigits: 6)))")
                }
            }
            #expect(stepper.statistics.denseOutputEvaluations == 6)
        }
    }

    @Test("y' = y² from 1 blows up at t = 1: the driver reports divergence just before it", arguments: [53, 256])
    func blowUp(bits: Int) throws {
        let problem = try ODEProblem(field: Riccati(), initialState: [q(1)], from: q(0), to: q(2))
        var o = options(bits)
        o.maximumSteps = 100_000
        let termination: String
        let time: BigFloat
        if bits == 53 {
            let r = try integrate(problem, method: Taylor(), scalar: Double.self, options: o)
            guard case .diverged(let t, .normExceeded) = r.termination else {
                Issue.record("expected divergence, got \(r.termination)"); return
            }
            (termination, time) = ("\(r.termination)", t.exactBigFloat)
        } else {
            let r = try integrate(problem, method: Taylor(), scalar: BigFloat.self, options: o)
            guard case .diverged(let t, .normExceeded) = r.termination else {
                Issue.record("expected divergence, got \(r.termination)"); return
            }
            (termination, time) = ("\(r.termination)", t)
        }
        #expect(termination.hasPrefix("diverged at t = "))
        // The norm limit 2^40 is passed at 1 − t ≈ 2^−40, and the last step is a fixed fraction of 1 − t.
        #expect(time < BigFloat(1) && time > BigFloat(1) - BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 36)))
    }

    @Test("Step-size underflow is reported when the blow-up is not caught by the norm limit")
    func underflow() throws {
        let problem = try ODEProblem(field: Riccati(), initialState: [q(1)], from: q(0), to: q(2))
        var o = options(53)
        o.normLimit = Rational(numerator: BigInt(1) << 1000, denominator: 1)
        let r = try integrate(problem, method: Taylor(), scalar: Double.self, options: o)
        guard case .stepSizeUnderflow(let t, let h) = r.termination else {
            Issue.record("expected step-size underflow, got \(r.termination)"); return
        }
        #expect(t < 1 && t > 0.999 && h < 1e-12)
    }

    @Test("The step budget ends the run with a clear outcome")
    func stepBudget() throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(100))
        var o = options(256)
        o.maximumSteps = 3
        let r = try integrate(problem, method: Taylor(), scalar: BigFloat.self, options: o)
        guard case .stepBudgetExhausted(_, let steps) = r.termination else {
            Issue.record("expected the step budget, got \(r.termination)"); return
        }
        #expect(steps == 3)
    }

    @Test("Bad requests throw: fixed steps, wrong dimension, order below 2")
    func badRequests() throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1))
        var o = options(256, fixed: q(1, 8))
        #expect(throws: IntegrationError.self) {
            try integrate(problem, method: Taylor(), scalar: BigFloat.self, options: o)
        }
        o = options(256)
        #expect(throws: IntegrationError.self) {
            try integrate(problem, method: Taylor(order: 1), scalar: BigFloat.self, options: o)
        }
        let configuration = StepperConfiguration<Double>.defaults(precision: 53, horizonEnd: 1)
        #expect(throws: IntegrationError.self) {
            try TaylorStepper(field: Decay(), time: 0.0, state: [1.0, 2.0], configuration: configuration)
        }
    }

    @Test("P1a (deep linear network) on [0, 1]: 256 bits tapered agrees with 384 bits untapered; balancedness kept")
    func deepLinearNetwork() throws {
        let field = DeepLinearNetworkFlow.p1a
        let problem = try ODEProblem(field: field, initialState: field.initialState, from: q(0), to: q(1))
        let (coarse, tolerance, statistics) = try Self.run(problem, bits: 256)
        let fine = try Self.run(problem, bits: 384, method: Taylor(tapering: false)).state
        #expect(statistics.ordersUsed.keys.first == 87)
        for i in 0..<field.dimension {
            expectClose(coarse[i], fine[i], within: Self.bound(tolerance, bits: 256, scale: 4), "W(1) component \(i)")
        }
        // D₁ = W₂ᵀW₂ − W₁W₁ᵀ is conserved by the flow.
        withPrecision(320) {
            func d(_ s: [BigFloat]) -> [BigFloat] {
                let w1 = StateMatrix(s, field.layout, block: 0), w2 = StateMatrix(s, field.layout, block: 1)
                return (StateMatrix.transposeProduct(w2, w2) - StateMatrix.productTranspose(w1, w1)).entries
            }
            let d0 = d(field.initialState.map { BigFloat($0) }), d1 = d(coarse)
            for (a, b) in zip(d0, d1) { expectClose(b, a, within: BigFloat.pow(BigFloat(2), -240), "balancedness") }
        }
    }
}
