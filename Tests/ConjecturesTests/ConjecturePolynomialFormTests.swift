import Conjectures
import Dynamics
import MultiPrecision
import Symbolic
import Testing

@Suite("Conjecture language: symbolic obligations and relu")
struct ConjecturePolynomialFormTests {
    func program(_ loss: String, gradientDescent: Bool = false) throws -> ConjectureProgram {
        try ConjectureProgram(symbols: ConjectureParserTests.symbols, parameters: ["eta"],
                              dynamics: gradientDescent ? .gradientDescent(loss: loss, over: nil, stepSize: "eta")
                                                        : .gradientFlow(loss: loss, over: nil, extra: [:]))
    }

    @Test("balancedness along the derived flow of a linear network is proved for all sizes (scalar and matrix form)")
    func linearProved() throws {
        var p = try program("1/2 norm2(W2 W1 X - Y)")
        for text in ["tr(W2' W2) - tr(W1 W1')", "W2' W2 - W1 W1'"] {
            let e = try p.compile(observable: text, key: "property")
            guard case .polynomial(let obligation) = p.polynomialForm(of: e) else { Issue.record("not polynomial: \(text)"); continue }
            let report = obligation.check()
            #expect(report.metExpectation, "\(report.details)")
            #expect(report.results.first?.proof?.isProved == true)
        }
        // A false invariant is refuted: tr(W1 W1') alone changes.
        let wrong = try p.compile(observable: "tr(W1 W1')", key: "twin")
        guard case .polynomial(let obligation) = p.polynomialForm(of: wrong) else { Issue.record("not polynomial"); return }
        #expect(obligation.check().results.first?.proof?.isProved == false)
    }

    @Test("with a tanh layer there is no obligation, and the reason names tanh")
    func tanhNotPolynomial() throws {
        var p = try program("1/2 norm2(W2 tanh(W1 X) - Y)")
        let e = try p.compile(observable: "tr(W2' W2) - tr(W1 W1')", key: "property")
        guard case .notPolynomial(let reason) = p.polynomialForm(of: e) else { Issue.record("expected no polynomial form"); return }
        #expect(reason == "tanh is not polynomial: symbolic identities use products, sums, transposes and traces")
    }

    @Test("one gradient-descent step does not conserve the balancedness: refuted, with the step's change as obstruction")
    func gradientDescentStep() throws {
        var p = try program("1/2 norm2(W2 W1 X - Y)", gradientDescent: true)
        let e = try p.compile(observable: "W2' W2 - W1 W1'", key: "property")
        guard case .polynomial(let obligation) = p.polynomialForm(of: e) else { Issue.record("not polynomial"); return }
        let result = obligation.check().results.first
        #expect(result?.proof?.isProved == false)
        #expect(result?.proof?.obstruction != nil)
    }

    @Test("relu in a flow: the rate uses the activation pattern of the current state; a zero pre-activation is an error")
    func reluFlow() throws {
        let p = try program("1/2 norm2(W2 relu(W1 X) - Y)")
        let d = ConjectureObservableTests.d, v = ConjectureObservableTests.values
        let bound = try p.bind(dimensions: d, parameters: ["eta": 1], values: v)
        #expect(bound.usesActivations)
        let flow = try bound.flow()
        try withPrecision(256) {
            let state = bound.initialState.map { BigFloat($0) }
            var rate = Array(repeating: BigFloat(0), count: flow.dimension)
            flow.evaluate(time: BigFloat(0), state: state, into: &rate)
            // By hand: Z = W1 X, H = relu(Z), G = W2 H − Y; Ẇ2 = −G Hᵀ, Ẇ1 = −((W2ᵀG) ∘ [Z > 0]) Xᵀ.
            let x = Dense(d["d0"]!, d["m"]!, rational: v["X"]!), y = Dense(d["d2"]!, d["m"]!, rational: v["Y"]!)
            let w1 = Dense(d["d1"]!, d["d0"]!, rational: v["W1"]!), w2 = Dense(d["d2"]!, d["d1"]!, rational: v["W2"]!)
            let z = w1 * x, h = z.map { $0 > 0 ? $0 : BigFloat(0) }
            let g = Dense.zip(w2 * h, y) { $0 - $1 }
            let back = Dense.zip(w2.t * g, z) { b, z in z > 0 ? b : BigFloat(0) }
            let expected = (back * x.t).e.map { -$0 } + (g * h.t).e.map { -$0 }
            #expect(largestDifference(rate, expected) <= 8 * unitRoundoff(256) * largestMagnitude(expected))
            #expect(!flow.pattern.isEmpty && flow.pattern.activeCount > 0)
            // The Taylor engine traces the field with its pattern.
            let configuration = StepperConfiguration(precision: 256, relativeTolerance: BigFloat(1).scaled(byPowerOfTwo: -100),
                                                     absoluteTolerance: BigFloat(1).scaled(byPowerOfTwo: -100), horizonEnd: BigFloat(1))
            let stepper = try TaylorStepper(field: flow, time: BigFloat(0), state: state, configuration: configuration)
            guard case .accepted = stepper.step(toward: BigFloat(Rational(numerator: 1, denominator: 100))) else { Issue.record("step"); return }
            // A state on a kink: W1 = 0 makes every pre-activation 0.
            var kink = state
            for k in 0..<12 { kink[k] = BigFloat(0) }
            #expect(throws: ConjectureRuntimeError("a relu pre-activation is exactly 0 (a kink)", column: 19)) {
                try bound.activationPattern(at: kink)
            }
        }
    }
}
