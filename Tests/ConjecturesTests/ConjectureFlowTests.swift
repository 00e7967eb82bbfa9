import AttestTestSupport
import Conjectures
import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Symbolic
import Testing

@Suite("Conjecture language: flows")
struct ConjectureFlowTests {
    @Test("the derived gradient flow of ½‖W2 W1 X − Y‖² is DeepLinearNetworkGradientFlow's field at the same state")
    func twoLayerFlow() throws {
        let d = ["d0": 3, "d1": 4, "d2": 2, "m": 5]
        let program = try ConjectureProgram(symbols: ConjectureParserTests.symbols,
                                            dynamics: .gradientFlow(loss: "1/2 norm2(W2 W1 X - Y)", over: nil, extra: [:]))
        let x = randomEntries(15, seed: 11), y = randomEntries(10, seed: 12)
        let w1 = randomEntries(12, seed: 13, scale: Rational(numerator: 1, denominator: 2))
        let w2 = randomEntries(8, seed: 14, scale: Rational(numerator: 1, denominator: 2))
        let bound = try program.bind(dimensions: d, parameters: [:], values: ["X": x, "Y": y, "W1": w1, "W2": w2])
        let flow = try bound.flow()
        let builtIn = try DeepLinearNetworkGradientFlow(
            widths: [3, 4, 2], x: Matrix(rows: 3, columns: 5, elements: x), y: Matrix(rows: 2, columns: 5, elements: y))
        #expect(flow.layout == builtIn.layout)
        try withPrecision(256) {
            let state = bound.initialState.map { BigFloat($0) }
            var ours = Array(repeating: BigFloat(0), count: flow.dimension), theirs = ours
            flow.evaluate(time: BigFloat(0), state: state, into: &ours)
            builtIn.evaluate(time: BigFloat(0), state: state, into: &theirs)
            #expect(largestDifference(ours, theirs) <= 8 * unitRoundoff(256) * largestMagnitude(theirs))
            #expect(largestMagnitude(theirs) > 0)
            // The checked path agrees with the field.
            let checked = try bound.updates(state: state)
            #expect(largestDifference(checked, ours).isZero)
        }
    }

    @Test("P1a: the derived flow of ½‖W3 W2 W1 − Φ‖² has the hand-written field's values and tape size")
    func p1aTape() throws {
        let p1a = DeepLinearNetworkFlow.p1a
        let program = try ConjectureProgram(
            symbols: [.matrix("W1", 4, 4, role: .variable), .matrix("W2", 4, 4, role: .variable),
                      .matrix("W3", 4, 4, role: .variable), .matrix("Phi", 4, 4, role: .data)],
            dynamics: .gradientFlow(loss: "1/2 norm2(W3 W2 W1 - Phi)", over: nil, extra: [:]))
        let s = p1a.initialState
        let bound = try program.bind(dimensions: [:], parameters: [:],
                                     values: ["W1": Array(s[0..<16]), "W2": Array(s[16..<32]), "W3": Array(s[32..<48]), "Phi": p1a.target])
        let flow = try bound.flow()
        try withPrecision(256) {
            let state = bound.initialState.map { BigFloat($0) }
            var ours = Array(repeating: BigFloat(0), count: 48), theirs = ours
            flow.evaluate(time: BigFloat(0), state: state, into: &ours)
            p1a.evaluate(time: BigFloat(0), state: state, into: &theirs)
            #expect(largestDifference(ours, theirs) <= 8 * unitRoundoff(256) * largestMagnitude(theirs))
            let configuration = StepperConfiguration(precision: 256, relativeTolerance: BigFloat(1).scaled(byPowerOfTwo: -200),
                                                     absoluteTolerance: BigFloat(1).scaled(byPowerOfTwo: -200), horizonEnd: BigFloat(1))
            let a = try TaylorStepper(field: flow, time: BigFloat(0), state: state, configuration: configuration)
            let b = try TaylorStepper(field: p1a, time: BigFloat(0), state: state, configuration: configuration)
            let ta = a.tapeSummary, tb = b.tapeSummary
            // Same work per Taylor order: products and computed nodes within a few percent of the hand-written field.
            #expect(ta.products <= tb.products + tb.products / 20, "\(ta) vs \(tb)")
            #expect(ta.dynamicNodes <= tb.dynamicNodes + tb.dynamicNodes / 10, "\(ta) vs \(tb)")
            // One step each lands on the same state.
            guard case .accepted = a.step(toward: BigFloat(1)), case .accepted = b.step(toward: BigFloat(1)) else {
                Issue.record("step rejected"); return
            }
            #expect(a.time == b.time)
            // Tapering computes high orders at fewer bits, to the step's tolerance 2^−200: agreement to that level.
            #expect(largestDifference(a.state, b.state) <= BigFloat(1).scaled(byPowerOfTwo: -195))
            print("P1a tapes: derived \(ta); hand-written \(tb)")
            // Models' DeepLinearNetworkGradientFlow with X = I, Y = Φ is the same flow, with the same tape size.
            let identity = (0..<16).map { Rational($0 / 4 == $0 % 4 ? 1 : 0) }
            let models = try DeepLinearNetworkGradientFlow(widths: [4, 4, 4, 4], x: Matrix(rows: 4, columns: 4, elements: identity),
                                                           y: Matrix(rows: 4, columns: 4, elements: p1a.target))
            let tm = try TaylorStepper(field: models, time: BigFloat(0), state: state, configuration: configuration).tapeSummary
            #expect(ta.products <= tm.products + tm.products / 20, "\(ta) vs \(tm)")
            #expect(ta.dynamicNodes <= tm.dynamicNodes + tm.dynamicNodes / 10, "\(ta) vs \(tm)")
            print("P1a tape of DeepLinearNetworkGradientFlow: \(tm)")
        }
    }
}

@Suite("Conjecture language: entrywise flows")
struct ConjectureEntrywiseFlowTests {
    @Test("diagonal network x = u∘u − v∘v: the derived rates are u̇ = −2u∘(Aᵀr), v̇ = 2v∘(Aᵀr), r = Ax − b, and trace")
    func diagonalNetwork() throws {
        let program = try ConjectureProgram(
            symbols: [.matrix("A", 2, 3, role: .data), .vector("b", 2, role: .data),
                      .vector("u", 3, role: .variable), .vector("v", 3, role: .variable)],
            definitions: [ConjectureDefinition(name: "x", text: "u ∘ u - v ∘ v")],
            dynamics: .gradientFlow(loss: "1/2 norm2(A x - b)", over: nil, extra: [:]))
        let a = randomEntries(6, seed: 41), b = randomEntries(2, seed: 42)
        let alpha = Rational(numerator: 1, denominator: 4)
        let bound = try program.bind(dimensions: [:], parameters: [:], values: ["A": a, "b": b, "u": [alpha, alpha, alpha], "v": [alpha, alpha, alpha]])
        let flow = try bound.flow()
        try withPrecision(256) {
            var state = bound.initialState.map { BigFloat($0) }
            state[0] = BigFloat(Rational(numerator: 1, denominator: 3))   // break the symmetry u = v
            var rate = Array(repeating: BigFloat(0), count: 6)
            flow.evaluate(time: BigFloat(0), state: state, into: &rate)
            let u = Array(state[0..<3]), v = Array(state[3..<6])
            let x = (0..<3).map { u[$0] * u[$0] - v[$0] * v[$0] }
            let r = (0..<2).map { (i: Int) -> BigFloat in
                (0..<3).reduce(BigFloat(0)) { (s: BigFloat, k: Int) -> BigFloat in s + BigFloat(a[i * 3 + k]) * x[k] } - BigFloat(b[i])
            }
            let g = (0..<3).map { j in (0..<2).reduce(BigFloat(0)) { $0 + BigFloat(a[$1 * 3 + j]) * r[$1] } }
            let expected = (0..<3).map { -2 * u[$0] * g[$0] } + (0..<3).map { 2 * v[$0] * g[$0] }
            #expect(largestDifference(rate, expected) <= 8 * unitRoundoff(256) * largestMagnitude(expected))
            #expect(largestMagnitude(expected) > 0)
            let configuration = StepperConfiguration(precision: 256, relativeTolerance: BigFloat(1).scaled(byPowerOfTwo: -150),
                                                     absoluteTolerance: BigFloat(1).scaled(byPowerOfTwo: -150), horizonEnd: BigFloat(1))
            let stepper = try TaylorStepper(field: flow, time: BigFloat(0), state: state, configuration: configuration)
            guard case .accepted = stepper.step(toward: BigFloat(1)) else { Issue.record("step rejected"); return }
            #expect(stepper.time > 0)
        }
    }
}
