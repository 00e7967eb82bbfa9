import Conjectures
import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Symbolic
import Testing

@Suite("Conjecture language: maps")
struct ConjectureMapTests {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    /// P2a's payoff matrix.
    static let p2a: [Rational] = [r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]

    static func omwuProgram() throws -> ConjectureProgram {
        try ConjectureProgram(
            symbols: [.matrix("A", 3, 3, role: .data), .vector("xs", 3, role: .data), .vector("ys", 3, role: .data),
                      .vector("x", 3, role: .variable), .vector("y", 3, role: .variable)],
            parameters: ["eta"],
            dynamics: .map(["x": "normalize(x ∘ exp(-eta (2 A y - A prev(y))))",
                            "y": "normalize(y ∘ exp(eta (2 A' x - A' prev(x))))"]))
    }

    @Test("OMWU written in the language equals the built-in OMWU after 200 steps (KL to the equilibrium)")
    func omwu() throws {
        var program = try Self.omwuProgram()
        #expect(program.readsPrevious)
        let kl = try program.compile(observable: "sum(xs ∘ log(xs ⊘ x)) + sum(ys ∘ log(ys ⊘ y))", key: "property")
        let game = try ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: Self.p2a))
        let third = Self.r(1, 3)
        let bound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 20)],
                                     values: ["A": Self.p2a, "xs": game.equilibriumX, "ys": game.equilibriumY,
                                              "x": [third, third, third], "y": [third, third, third]])
        let map = try bound.map()
        #expect(map.historyLength == 2)
        let steps = 200
        let result = try iterate(MapProblem(map: map, initialState: bound.initialState, steps: steps), scalar: BigFloat.self,
                                 options: MapOptions(precision: 256))
        #expect(map.failure == nil)
        try withPrecision(256) {
            let ours = try bound.evaluate(kl, state: result.state).scalar!
            let builtIn = try MultiplicativeWeights(game: game, method: .omwu, stepSize: Self.r(1, 20)).run(steps: steps, checkpoints: [steps])
            let theirs = builtIn.checkpoints[steps]!
            #expect(BigFloat.abs(ours - theirs) <= BigFloat(1).scaled(byPowerOfTwo: -230), "\(ours) vs \(theirs)")
            #expect(theirs > 0)
            // The interpreted path (Double) agrees to double precision.
            let d = try iterate(MapProblem(map: map, initialState: bound.initialState, steps: steps), scalar: Double.self)
            for (a, b) in zip(d.state, result.state) { #expect(abs(a - b.doubleValue) <= 1e-12) }
        }
    }

    @Test("exact gradient descent on ½‖W2 W1 − Φ‖²: two steps equal the hand computation in Rational")
    func exactGradientDescent() throws {
        let program = try ConjectureProgram(
            symbols: [.matrix("W1", 2, 2, role: .variable), .matrix("W2", 1, 2, role: .variable), .matrix("Phi", 1, 2, role: .data)],
            parameters: ["eta"],
            dynamics: .gradientDescent(loss: "1/2 norm2(W2 W1 - Phi)", over: nil, stepSize: "eta/(1 + k)"))
        let w1 = randomEntries(4, seed: 21), w2 = randomEntries(2, seed: 22), phi = randomEntries(2, seed: 23)
        let bound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 10)], values: ["W1": w1, "W2": w2, "Phi": phi])
        try bound.requireExact()
        var state = bound.initialState
        var a = w1, b = w2
        for k in 0..<2 {
            state = try bound.exactStep(state: state, step: k)
            // By hand: R = W2 W1 − Φ (1×2), W1⁺ = W1 − η_k W2ᵀR, W2⁺ = W2 − η_k R W1ᵀ, η_k = η/(1 + k).
            let eta = Self.r(1, 10) / Rational(1 + k)
            let residual = (0..<2).map { j in b[0] * a[j] + b[1] * a[2 + j] - phi[j] }
            let newA = (0..<4).map { i in a[i] - eta * b[i / 2] * residual[i % 2] }
            let newB = (0..<2).map { i in b[i] - eta * (residual[0] * a[i * 2] + residual[1] * a[i * 2 + 1]) }
            a = newA; b = newB
            #expect(state == a + b)
        }
        #expect(state != bound.initialState)
    }

    @Test("a non-rational map cannot run exactly: the error names the operation and its column")
    func exactRejected() throws {
        let program = try Self.omwuProgram()
        let third = Self.r(1, 3)
        let bound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 20)],
                                     values: ["A": Self.p2a, "xs": [third, third, third], "ys": [third, third, third],
                                              "x": [third, third, third], "y": [third, third, third]])
        #expect(throws: ConjectureError(key: "dynamics.map.x", column: 15, message: "exp is not a rational operation, so the dynamics cannot run in exact arithmetic")) {
            try bound.requireExact()
        }
    }
}
