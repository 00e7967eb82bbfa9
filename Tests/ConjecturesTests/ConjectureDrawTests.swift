import Conjectures
import Dynamics
import MultiPrecision
import Testing

/// Data redrawn at every step (`draw = …`): minibatch selection matrices, Rademacher label noise and Gaussian
/// gradient noise, keyed by (seed, step, stream).
@Suite("Conjecture language: drawn data (SGD)")
struct ConjectureDrawTests {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    /// W (1 × 2), X (2 × 4), Y (1 × 4) and an S (4 × 2) drawn by `law`.
    static func sgdProgram(_ dynamics: ConjectureDynamics, extra: [ConjectureSymbol] = []) throws -> ConjectureProgram {
        try ConjectureProgram(
            symbols: [.matrix("X", 2, 4, role: .data), .matrix("Y", 1, 4, role: .data), .matrix("S", 4, 2, role: .data),
                      .matrix("W", 1, 2, role: .variable)] + extra,
            parameters: ["eta"], dynamics: dynamics)
    }

    static let x = randomEntries(8, seed: 31), y = randomEntries(4, seed: 32), w = randomEntries(2, seed: 33)

    @Test("a minibatch draw is a selection matrix: one entry `scale` per column, at the step's indices")
    func selectionMatrix() {
        for sampling in MinibatchSampling.allCases {
            let draw = ConjectureDraw(law: .minibatch(sampling), seed: 9, scale: Self.r(1, 2))
            for k in 0..<6 {
                let s = draw.values(rows: 5, columns: 2, step: k)
                let indices = StochasticDraws.minibatch(seed: 9, step: k, size: 2, count: 5, sampling: sampling)
                for i in 0..<5 { for j in 0..<2 { #expect(s[i * 2 + j] == (indices[j] == i ? Self.r(1, 2) : 0)) } }
            }
        }
        #expect(ConjectureDraw(law: .minibatch(.withoutReplacement), seed: 0).problem(rows: 3, columns: 4) != nil)
        let signs = ConjectureDraw(law: .rademacher, seed: 4, scale: 3).values(rows: 2, columns: 3, step: 7)
        #expect(signs.allSatisfy { $0 == 3 || $0 == -3 })
        #expect(signs == StochasticDraws.signs(seed: 4, step: 7, count: 6, stream: .labelNoise).map { Rational(3 * $0) })
    }

    @Test("exact SGD: every step of gradient-descent on ½‖W X S − Y S‖² equals the hand computation with that step's minibatch")
    func exactSGDStep() throws {
        let program = try Self.sgdProgram(.gradientDescent(loss: "1/2 norm2(W X S - Y S)", over: nil, stepSize: "eta"))
        let seed: UInt64 = 17
        let bound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 4)], values: ["X": Self.x, "Y": Self.y, "W": Self.w],
                                     draws: ["S": ConjectureDraw(law: .minibatch(.withoutReplacement), seed: seed)])
        try bound.requireExact()
        var state = bound.initialState, hand = Self.w
        var batches = Set<[Int]>()
        for k in 0..<6 {
            state = try bound.exactStep(state: state, step: k)
            // By hand: W⁺ = W − η Σ_{i in batch} (W xᵢ − yᵢ) xᵢᵀ.
            let batch = StochasticDraws.minibatch(seed: seed, step: k, size: 2, count: 4, sampling: .withoutReplacement)
            batches.insert(batch.sorted())
            var gradient = [Rational(0), Rational(0)]
            for i in batch {
                let residual = hand[0] * Self.x[i] + hand[1] * Self.x[4 + i] - Self.y[i]
                gradient[0] += residual * Self.x[i]
                gradient[1] += residual * Self.x[4 + i]
            }
            hand = [hand[0] - Self.r(1, 4) * gradient[0], hand[1] - Self.r(1, 4) * gradient[1]]
            #expect(state == hand, "step \(k)")
        }
        // The draw is not folded into a constant: the six steps used more than one minibatch.
        #expect(batches.count > 1)
    }

    @Test("the same seed gives the same path at 64 and 256 bits, in Double and exactly (minibatch, label and gradient noise)")
    func determinismAcrossPrecisions() throws {
        let extra: [ConjectureSymbol] = [.matrix("N", 1, 2, role: .data), .matrix("E", 1, 2, role: .data)]
        let program = try Self.sgdProgram(.map(["W": "W - eta ((W X S - (Y S + N)) (X S)' + E)"]), extra: extra)
        let draws: [String: ConjectureDraw] = [
            "S": ConjectureDraw(law: .minibatch(.withReplacement), seed: 5),
            "N": ConjectureDraw(law: .rademacher, seed: 6, scale: Self.r(1, 8)),
            "E": ConjectureDraw(law: .gaussian, seed: 7, scale: Self.r(1, 16)),
        ]
        let bound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 4)], values: ["X": Self.x, "Y": Self.y, "W": Self.w], draws: draws)
        let steps = 8
        var exact = bound.initialState
        for k in 0..<steps { exact = try bound.exactStep(state: exact, step: k) }
        let map = try bound.map()
        for bits in [64, 256] {
            let run = try iterate(MapProblem(map: map, initialState: bound.initialState, steps: steps), scalar: BigFloat.self,
                                  options: MapOptions(precision: bits))
            #expect(map.failure == nil)
            try withPrecision(bits + 64) {
                let reference = exact.map { BigFloat($0) }
                let difference = largestDifference(run.state, reference)
                // A different draw at any step would move W by O(η): here the paths agree to the rounding.
                #expect(difference <= BigFloat(64) * unitRoundoff(bits) * (BigFloat(1) + largestMagnitude(reference)), "\(bits) bits: \(difference)")
                #expect(largestMagnitude(reference) > 0)
            }
        }
        let double = try iterate(MapProblem(map: map, initialState: bound.initialState, steps: steps), scalar: Double.self)
        for (a, b) in zip(double.state, exact) { #expect(abs(a - BigFloat(b).doubleValue) <= 1e-12) }
        // Another seed gives another path.
        var other = draws
        other["S"] = ConjectureDraw(law: .minibatch(.withReplacement), seed: 8)
        let rebound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 4)], values: ["X": Self.x, "Y": Self.y, "W": Self.w], draws: other)
        var otherState = rebound.initialState
        for k in 0..<steps { otherState = try rebound.exactStep(state: otherState, step: k) }
        #expect(otherState != exact)
    }

    @Test("bad draws: a batch larger than the samples, a drawn variable, a draw under a flow")
    func badDraws() throws {
        let gd = try Self.sgdProgram(.gradientDescent(loss: "1/2 norm2(W X S - Y S)", over: nil, stepSize: "eta"))
        let values = ["X": Self.x, "Y": Self.y, "W": Self.w]
        #expect(throws: ConjectureError.self) {
            try gd.bind(dimensions: [:], parameters: ["eta": 1], values: values, draws: ["W": ConjectureDraw(law: .gaussian, seed: 1)])
        }
        let wide = try ConjectureProgram(
            symbols: [.matrix("X", 2, 2, role: .data), .matrix("S", 2, 3, role: .data), .matrix("W", 1, 2, role: .variable)],
            parameters: [], dynamics: .gradientDescent(loss: "1/2 norm2(W X S)", over: nil, stepSize: "1"))
        let error = #expect(throws: ConjectureError.self) {
            try wide.bind(dimensions: [:], parameters: [:], values: ["X": [1, 0, 0, 1], "W": [1, 1]],
                          draws: ["S": ConjectureDraw(law: .minibatch(.withoutReplacement), seed: 1)])
        }
        #expect(error?.key == "symbols.S")
        let flow = try Self.sgdProgram(.gradientFlow(loss: "1/2 norm2(W X S - Y S)", over: nil, extra: [:]))
        #expect(throws: ConjectureError.self) {
            try flow.bind(dimensions: [:], parameters: ["eta": 1], values: values,
                          draws: ["S": ConjectureDraw(law: .minibatch(.withoutReplacement), seed: 1)])
        }
    }
}
