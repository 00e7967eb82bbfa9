import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DeepLinearNetworkLoss: the quartic and logistic losses of the product, their layer gradients and gradient-flow fields")
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
        let gradients = try network.quarticLossGradients(x: x, y: y)
        var rng = SeededGenerator(seed: 3)
        let h = Self.r(1, 100_000_000)
        for j in layers.indices {
            let direction = Matrix<Rational>(rows: layers[j].rowCount, columns: layers[j].columnCount) { _, _ in
                Self.r(rng.uniform(in: -4...4), 4)
            }
            func loss(_ shift: Rational) throws -> Rational {
                var moved = layers
                moved[j] = layers[j] + shift * direction
                return try DeepLinearNetwork(layers: moved).quarticLoss(x: x, y: y)
            }
            let difference = (try loss(h) - loss(-h)) / (2 * h)
            let analytic = gradients[j].frobeniusInnerProduct(direction)
            // The central difference of a polynomial errs by h²/6·L''' + O(h⁴): far below 10⁻¹².
            #expect((difference - analytic).magnitude < Self.r(1, 1_000_000_000_000), "layer \(j + 1)")
            #expect(!analytic.isZero)
        }
        // The quartic value is the square of the square loss: (½‖R‖²)² = ¼‖R‖⁴.
        let half = try network.squareLoss(x: x, y: y)
        #expect(try network.quarticLoss(x: x, y: y) == half * half)
    }

    @Test("The gradient-flow field with the quartic loss equals −G_j of lossGradients(.quartic) (128 bits)")
    func fieldMatchesGradients() throws {
        try withPrecision(128) {
            let (widths, x, y, layers) = Self.instance()
            let field = try DeepLinearNetworkGradientFlow(widths: widths, x: x, y: y, loss: .quartic)
            var derivative = [BigFloat](repeating: 0, count: field.dimension)
            field.evaluate(time: BigFloat(0), state: DeepLinearNetworkGradientFlow.state(of: layers).map { BigFloat($0) },
                           into: &derivative)
            let exact = try DeepLinearNetwork(layers: layers).quarticLossGradients(x: x, y: y)
            for (velocity, gradient) in zip(field.layers(of: derivative), exact) {
                let expected = Matrix<BigFloat>(rows: gradient.rowCount, columns: gradient.columnCount) { i, j in BigFloat(-gradient[i, j]) }
                #expect((velocity - expected).frobeniusNorm < BigFloat(Self.r(1, 1 << 60) * Self.r(1, 1 << 50)))
            }
        }
    }

    /// A matrix of rationals rounded at the current precision.
    static func big(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
        Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
    }

    /// Labels ±1 for the four data points of `instance()`.
    static func labels() throws -> Matrix<Rational> { try Matrix<Rational>(rows: [[1, -1, -1, 1], [-1, 1, 1, 1]]) }

    @Test("Logistic loss Σ ln(1 + e^{−Y∘WX}): ⟨G_j, V⟩ matches the central difference at h = 2⁻⁸⁰ (256 bits); labels ±1")
    func logisticGradientsMatchFiniteDifferences() throws {
        try withPrecision(256) {
            let (_, x, _, layers) = Self.instance()
            let labels = Self.big(try Self.labels()), inputs = Self.big(x)
            let network = try DeepLinearNetwork(layers: layers.map(Self.big))
            let gradients = try network.lossGradients(.logistic, x: inputs, y: labels)
            var rng = SeededGenerator(seed: 4)
            let h = BigFloat(1).scaled(byPowerOfTwo: -80)
            for j in layers.indices {
                let direction = Matrix<BigFloat>(rows: layers[j].rowCount, columns: layers[j].columnCount) { _, _ in
                    BigFloat(Self.r(rng.uniform(in: -4...4), 4))
                }
                func loss(_ shift: BigFloat) throws -> BigFloat {
                    var moved = layers.map(Self.big)
                    moved[j] = moved[j] + shift * direction
                    return try DeepLinearNetwork(layers: moved).loss(.logistic, x: inputs, y: labels)
                }
                let difference = (try loss(h) - loss(-h)) / (2 * h)
                let analytic = gradients[j].frobeniusInnerProduct(direction)
                // Truncation h²/6 times the third derivative ≈ 10⁻⁴⁹; rounding ≈ 2⁻²⁵⁶/h ≈ 10⁻⁵³.
                #expect(BigFloat.abs(difference - analytic) < BigFloat(1).scaled(byPowerOfTwo: -130), "layer \(j + 1)")
                #expect(BigFloat.abs(analytic) > BigFloat(Self.r(1, 1000)))
            }
            // At W = 0 every margin is 0, so the loss is m·d_N·ln 2 = 8 ln 2.
            let zero = try DeepLinearNetwork(layers: layers.map { Matrix<BigFloat>.zeros(rows: $0.rowCount, columns: $0.columnCount) })
            let expected = 8 * BigFloat.log(BigFloat(2))
            #expect(BigFloat.abs(try zero.loss(.logistic, x: inputs, y: labels) - expected) < BigFloat(1).scaled(byPowerOfTwo: -250))
        }
    }

    @Test("The gradient-flow field with the logistic loss equals −G_j of lossGradients(.logistic) (128 bits)")
    func logisticFieldMatchesGradients() throws {
        try withPrecision(128) {
            let (widths, x, _, layers) = Self.instance()
            let field = try DeepLinearNetworkGradientFlow(widths: widths, x: x, y: try Self.labels(), loss: .logistic)
            var derivative = [BigFloat](repeating: 0, count: field.dimension)
            field.evaluate(time: BigFloat(0), state: DeepLinearNetworkGradientFlow.state(of: layers).map { BigFloat($0) },
                           into: &derivative)
            let gradients = try DeepLinearNetwork(layers: layers.map(Self.big))
                .lossGradients(.logistic, x: Self.big(x), y: Self.big(try Self.labels()))
            for (velocity, gradient) in zip(field.layers(of: derivative), gradients) {
                #expect((velocity + gradient).frobeniusNorm < BigFloat(1).scaled(byPowerOfTwo: -110))
            }
        }
    }
}
