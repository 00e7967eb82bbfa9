import Conjectures
import Dynamics
import MultiPrecision
import Symbolic
import Testing

@Suite("Conjecture language: observables, d/dt and run-time errors")
struct ConjectureObservableTests {
    static let d = ["d0": 3, "d1": 4, "d2": 2, "m": 5]
    static let values: [String: [Rational]] = [
        "X": randomEntries(15, seed: 31), "Y": randomEntries(10, seed: 32),
        "W1": randomEntries(12, seed: 33, scale: Rational(numerator: 1, denominator: 2)),
        "W2": randomEntries(8, seed: 34, scale: Rational(numerator: 1, denominator: 2)),
    ]

    @Test("d/dt of the balancedness along the linear network's flow is exactly 0; with decay λ it is −2λD")
    func balancednessExact() throws {
        var program = try ConjectureProgram(symbols: ConjectureParserTests.symbols, parameters: ["lambda"],
                                            dynamics: .gradientFlow(loss: "1/2 norm2(W2 W1 X - Y)", over: nil,
                                                                    extra: ["W1": "-lambda W1", "W2": "-lambda W2"]))
        let scalar = try program.compile(observable: "tr(W2' W2) - tr(W1 W1')", key: "p1")
        let matrix = try program.compile(observable: "W2' W2 - W1 W1'", key: "p2")
        let ds = try program.timeDerivative(of: scalar), dm = try program.timeDerivative(of: matrix)
        let lambda = Rational(numerator: 1, denominator: 3)
        let bound = try program.bind(dimensions: Self.d, parameters: ["lambda": lambda], values: Self.values)
        let state = bound.initialState
        let dScalar = try bound.evaluateExactly(ds, state: state), s = try bound.evaluateExactly(scalar, state: state)
        #expect(dScalar == [-2 * lambda * s[0]])
        let dMatrix = try bound.evaluateExactly(dm, state: state), m = try bound.evaluateExactly(matrix, state: state)
        #expect(dMatrix == m.map { -2 * lambda * $0 })
        #expect(!s[0].isZero)
    }

    @Test("d/dt L = −Σ‖∂L/∂W‖² along the gradient flow of a tanh network; the balancedness is not conserved")
    func lossDecay() throws {
        var program = try ConjectureProgram(symbols: ConjectureParserTests.symbols,
                                            dynamics: .gradientFlow(loss: "1/2 norm2(W2 tanh(W1 X) - Y)", over: nil, extra: [:]))
        let dLoss = try program.timeDerivative(of: program.loss!)
        let balance = try program.timeDerivative(of: try program.compile(observable: "tr(W2' W2) - tr(W1 W1')", key: "p"))
        let bound = try program.bind(dimensions: Self.d, parameters: [:], values: Self.values)
        try withPrecision(256) {
            let state = bound.initialState.map { BigFloat($0) }
            let rate = try bound.evaluate(dLoss, state: state).scalar!
            var expected = BigFloat(0)
            for g in program.lossGradients { for x in try bound.evaluate(g, state: state).entries { expected = expected - x * x } }
            #expect(BigFloat.abs(rate - expected) <= 8 * unitRoundoff(256) * BigFloat.abs(expected))
            #expect(expected < 0)
            // Closed form: with Z = W1 X, H = tanh Z, B = W2ᵀ(W2 H − Y),
            // d/dt(tr(W2ᵀW2) − tr(W1W1ᵀ)) = −2⟨B, H⟩ + 2⟨B ∘ (1 − H²), Z⟩, which is not 0 (it is 0 for H = Z).
            let d = Self.d, v = Self.values
            let x = Dense(d["d0"]!, d["m"]!, rational: v["X"]!), y = Dense(d["d2"]!, d["m"]!, rational: v["Y"]!)
            let w1 = Dense(d["d1"]!, d["d0"]!, rational: v["W1"]!), w2 = Dense(d["d2"]!, d["d1"]!, rational: v["W2"]!)
            let z = w1 * x, h = z.map { BigFloat.tanh($0) }
            let b = w2.t * Dense.zip(w2 * h, y) { $0 - $1 }
            var closed = BigFloat(0)
            for k in b.e.indices { closed = closed - 2 * b.e[k] * h.e[k] + 2 * b.e[k] * (1 - h.e[k] * h.e[k]) * z.e[k] }
            let value = try bound.evaluate(balance, state: state).scalar!
            #expect(BigFloat.abs(value - closed) <= 64 * unitRoundoff(256))
            #expect(BigFloat.abs(closed) > BigFloat(1).scaled(byPowerOfTwo: -40))
        }
    }

    @Test("observables use max, min, abs, norm1, initial and k; values are exact where they should be")
    func observables() throws {
        var program = try ConjectureMapTests.omwuProgram()
        let gap = try program.compile(observable: "max(A' x) - min(A y)", key: "gap")
        let l1 = try program.compile(observable: "norm1(x - initial(x)) + abs(k - 2)", key: "l1")
        let third = ConjectureMapTests.r(1, 3)
        let bound = try program.bind(dimensions: [:], parameters: ["eta": ConjectureMapTests.r(1, 20)],
                                     values: ["A": ConjectureMapTests.p2a, "xs": [third, third, third], "ys": [third, third, third],
                                              "x": [third, third, third], "y": [third, third, third]])
        try withPrecision(256) {
            let x0 = bound.initialState.map { BigFloat($0) }
            // Aᵀx with x uniform: column sums / 3 = (−3/8, 5/8, 19/24)/… ; the gap from exact column and row sums.
            let a = ConjectureMapTests.p2a
            let columns = (0..<3).map { j in (a[j] + a[3 + j] + a[6 + j]) * third }
            let rows = (0..<3).map { i in (a[3 * i] + a[3 * i + 1] + a[3 * i + 2]) * third }
            let expected = columns.max()! - rows.min()!
            #expect(try bound.evaluate(gap, state: x0).scalar! == BigFloat(expected))
            var moved = x0
            moved[0] = moved[0] + BigFloat(Rational(numerator: 1, denominator: 4))
            let value = try bound.evaluate(l1, state: moved, initial: x0, step: 5).scalar!
            #expect(value == BigFloat(Rational(numerator: 13, denominator: 4)))
        }
    }

    @Test("run-time failures are thrown errors with the cause, never a crash")
    func runtimeErrors() throws {
        var program = try ConjectureProgram(
            symbols: [.matrix("A", 2, 2, role: .data), .vector("x", 2, role: .variable)],
            dynamics: .map(["x": "solve(A, x) + log(x)"]))
        let logarithm = try program.compile(observable: "sum(log(x))", key: "p")
        let root = try program.compile(observable: "sum(sqrt(x))", key: "q")
        let singular = try program.bind(dimensions: [:], parameters: [:], values: ["A": [1, 2, 2, 4], "x": [1, -1]])
        try withPrecision(128) {
            let state = singular.initialState.map { BigFloat($0) }
            #expect(throws: ConjectureRuntimeError("log of a non-positive entry", column: 5)) { try singular.evaluate(logarithm, state: state) }
            #expect(throws: ConjectureRuntimeError("sqrt of a negative entry", column: 5)) { try singular.evaluate(root, state: state) }
            #expect(throws: ConjectureRuntimeError("a singular matrix in inv/solve", column: 1)) { try singular.updates(state: state) }
            #expect(throws: ConjectureRuntimeError.self) { try singular.exactStep(state: singular.initialState, step: 0) }
        }
        // In a run: the step's values are NaN and the failure is recorded with its step.
        let regular = try program.bind(dimensions: [:], parameters: [:], values: ["A": [2, 0, 0, 2], "x": [1, Rational(-1)]])
        let map = try regular.map()
        _ = try? iterate(MapProblem(map: map, initialState: regular.initialState, steps: 3), scalar: BigFloat.self,
                         options: MapOptions(precision: 128))
        #expect(map.failure?.step == 0)
        #expect(map.failure?.error == ConjectureRuntimeError("log of a non-positive entry", column: 15))
    }
}
