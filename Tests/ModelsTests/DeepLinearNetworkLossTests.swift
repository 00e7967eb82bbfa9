import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DeepLinearNetworkLoss: the quartic loss ¼‖WX − Y‖⁴_F, its layer gradients and its gradient-flow field")
struct DeepLinearNetworkLossTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    /// Widths (2, 3, 4, 2) (non-square), four data points, entries k/8 with k in −8…8 from a fixed seed.
    static func instance() -> (widths: [Int], x: Matrix<Rational>, y: Matrix<Rational>, layers: [Matrix<Rational>]) {
        var rng = SeededGenerator(seed: 11)
        func draw(_ a: Int, _ b: Int) -> Matrix<Rational> { Matrix(rows: a, columns: b) { _, _ in r(rng.uniform(in: -8...8), 8) } }
        let widths = [2, 3, 4, 2]
        let x = draw(2, 4), y = draw(2, 4)
        return (widths, x, y, (1...3).map { draw(widths[$0], widths[$0 - 1]) })
    }

    @Test("⟨G_j, V⟩ of the quartic loss matches the exact central difference (L(W_j + hV) − L(W_j − hV))/2h, h = 10⁻⁸")
    func gradientsMatchFiniteDifferences() throws {
        let (_, x, y, layers) = Self.instance()
        let network = try DeepLinearNetwork(layers: layers)
        let gradients = try network.lossGradients(.quartic, x: x, y: y)
        var rng = SeededGenerator(seed: 3)
        let h = Self.r(1, 100_000_000)
        for j in layers.indices {
            let direction = Matrix<Rational>(rows: layers[j].rowCount, columns: layers[j].columnCount) { _, _ in
                Self.r(rng.uniform(in: -4...4), 4)
            }
            func loss(_ shift: Rational) throws -> Rational {
                var moved = layers
                moved[j] = layers[j] + shift * direction
                return try DeepLinearNetwork(layers: moved).loss(.quartic, x: x, y: y)
            }
            let difference = (try loss(h) - loss(-h)) / (2 * h)
            let analytic = gradients[j].frobeniusInnerProduct(direction)
            // The central difference of a polynomial errs by h²/6·L''' + O(h⁴): far below 10⁻¹².
            #expect((difference - analytic).magnitude < Self.r(1, 1_000_000_000_000), "layer \(j + 1)")
            #expect(!analytic.isZero)
        }
        // The quartic value is the square of the square loss: (½‖R‖²)² = ¼‖R‖⁴.
        let half = try network.squareLoss(x: x, y: y)
        #expect(try network.loss(.quartic, x: x, y: y) == half * half)
    }

    @Test("The gradient-flow field with the quartic loss equals −G_j of lossGradients(.quartic) (128 bits)")
    func fieldMatchesGradients() throws {
        try withPrecision(128) {
            let (widths, x, y, layers) = Self.instance()
            let field = try DeepLinearNetworkGradientFlow(widths: widths, x: x, y: y, loss: .quartic)
            var derivative = [BigFloat](repeating: 0, count: field.dimension)
            field.evaluate(time: BigFloat(0), state: DeepLinearNetworkGradientFlow.state(of: layers).map { BigFloat($0) },
                           into: &derivative)
            let exact = try DeepLinearNetwork(layers: layers).lossGradients(.quartic, x: x, y: y)
            for (velocity, gradient) in zip(field.layers(of: derivative), exact) {
                let expected = Matrix<BigFloat>(rows: gradient.rowCount, columns: gradient.columnCount) { i, j in BigFloat(-gradient[i, j]) }
                #expect((velocity - expected).frobeniusNorm < BigFloat(Self.r(1, 1 << 60) * Self.r(1, 1 << 50)))
            }
        }
    }
}
