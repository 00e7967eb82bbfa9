import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// An exact rational from its text.
private func q(_ text: String) -> Rational { Rational(text)! }

/// The SGD pieces of Models against exact hand computations: the minibatch gradient, the step-size schedule, and one
/// step of SGD on the diagonal network.
@Suite("SGD: minibatch gradients, step-size schedules, diagonal-network steps")
struct StochasticGradientTests {
    static let x = try! Matrix<Rational>(rows: [[q("1"), q("0"), q("1/2")], [q("0"), q("1"), q("-1")]])
    static let y = try! Matrix<Rational>(rows: [[q("1"), q("2"), q("0")]])
    static let network = try! DeepLinearNetwork<Rational>(layers: [
        try! Matrix(rows: [[q("1/2"), q("-1/4")], [q("1/8"), q("1")]]),
        try! Matrix(rows: [[q("1"), q("-1/2")]]),
    ])

    @Test("the full batch without repeats gives the full gradient; a batch {i, i} gives m times sample i's gradient")
    func minibatchGradients() throws {
        let full = try Self.network.squareLossGradients(x: Self.x, y: Self.y)
        #expect(try Self.network.minibatchSquareLossGradients(x: Self.x, y: Self.y, batch: [2, 0, 1]) == full)
        // Sample 1 alone: the loss ½‖W x_1 − y_1‖², through the full-gradient formula on one column.
        let x1 = try Matrix<Rational>(rows: [[q("0")], [q("1")]]), y1 = try Matrix<Rational>(rows: [[q("2")]])
        let single = try Self.network.squareLossGradients(x: x1, y: y1)
        let doubled = try Self.network.minibatchSquareLossGradients(x: Self.x, y: Self.y, batch: [1, 1])
        #expect(doubled == single.map { Rational(3) * $0 })
        // A target shift s acts as the target y_1 + s.
        let shifted = try Self.network.minibatchSquareLossGradients(
            x: Self.x, y: Self.y, batch: [1], targetShift: try Matrix(rows: [[q("1/4")]]))
        let y1s = try Matrix<Rational>(rows: [[q("9/4")]])
        #expect(shifted == (try Self.network.squareLossGradients(x: x1, y: y1s)).map { Rational(3) * $0 })
    }

    @Test("η_k = η₀/(1+k)^a: exact for integer a, correctly rounded otherwise")
    func schedules() {
        let harmonic = StepSizeSchedule(initial: q("1/4"), exponent: 1)
        #expect(harmonic.exact(at: 0) == q("1/4") && harmonic.exact(at: 3) == q("1/16"))
        #expect(StepSizeSchedule(initial: q("1/5")).exact(at: 99) == q("1/5"))
        let robbinsMonro = StepSizeSchedule(initial: 1, exponent: q("3/4"))
        #expect(robbinsMonro.exact(at: 15) == nil)
        // (1 + 15)^{−3/4} = 1/8 exactly; the rounded evaluation is within a few units of the last place.
        let value = withPrecision(128) { robbinsMonro.rounded(at: 15) }
        let error = withPrecision(256) { BigFloat.abs(value - BigFloat(q("1/8"))) }
        #expect(error < BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 120), precision: 64))
        #expect(robbinsMonro.description == "η_k = 1 / (1 + k)^(3/4)")
    }

    @Test("one SGD step on the diagonal network: u ← u⊙(1 − 2η(m/b)g), v ← v⊙(1 + 2η(m/b)g) with g = (a_iᵀx − y_i)a_i")
    func diagonalStep() throws {
        let a = try Matrix<Rational>(rows: [[q("1"), q("2"), q("0")], [q("0"), q("1"), q("-1")]])
        let y = [q("1"), q("1/2")]
        let alpha = q("1/2")
        let model = try DiagonalNetworkSGD(a: a, y: y, alpha: alpha)
        let eta = q("1/10")
        let seed: UInt64 = 3
        let i = StochasticDraws.minibatch(seed: seed, step: 0, size: 1, count: 2, sampling: .withReplacement)[0]
        // x₀ = u₀² − v₀² = 0, so r = −y_i and the step scales u, v by 1 ∓ 2η·2·(−y_i)a_i (m/b = 2).
        let expected = (0..<3).map { j -> Rational in
            let t = 2 * eta * 2 * (-y[i]) * a[i, j]
            let u = alpha * (1 - t), v = alpha * (1 + t)
            return u * u - v * v
        }
        let run = withPrecision(256) { model.run(seed: seed, steps: 1, batchSize: 1, sampling: .withReplacement,
                                                 schedule: StepSizeSchedule(initial: eta), checkpoint: {}) }
        for j in 0..<3 {
            let difference = withPrecision(512) { BigFloat.abs(run.x[j] - BigFloat(expected[j])) }
            #expect(difference < BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 240), precision: 64))
        }
    }
}
