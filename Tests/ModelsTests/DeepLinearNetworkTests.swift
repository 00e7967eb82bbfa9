import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DeepLinearNetwork over Rational: exact gradients and the one-step identity")
struct DeepLinearNetworkTests {
    func random(_ rows: Int, _ columns: Int, _ rng: inout SeededGenerator) -> Matrix<Rational> {
        Matrix(rows: rows, columns: columns) { _, _ in Rational(numerator: BigInt(rng.uniform(in: -6...6)), denominator: 5) }
    }

    @Test("Layer gradients equal exact directional derivatives (the loss is quadratic along one layer)")
    func gradients() throws {
        var rng = SeededGenerator(seed: 11)
        let widths = [3, 4, 2, 3]
        let layers = (1..<widths.count).map { random(widths[$0], widths[$0 - 1], &rng) }
        let x = random(3, 5, &rng), y = random(3, 5, &rng)
        let net = try DeepLinearNetwork(layers: layers)
        let g = try net.squareLossGradients(x: x, y: y)
        let h = Rational(numerator: 1, denominator: 7)
        for j in 0..<net.depth {
            let e = random(widths[j + 1], widths[j], &rng)
            var plus = layers, minus = layers
            plus[j] = layers[j] + h * e
            minus[j] = layers[j] - h * e
            let lPlus = try DeepLinearNetwork(layers: plus).squareLoss(x: x, y: y)
            let lMinus = try DeepLinearNetwork(layers: minus).squareLoss(x: x, y: y)
            // L(t) is a quadratic polynomial in t, so the central difference is its derivative, exactly.
            #expect((lPlus - lMinus) / (2 * h) == g[j].frobeniusInnerProduct(e))
        }
    }

    @Test("D_j⁺ − D_j = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) exactly (docs/theory.md §1.4, η = 3/100, dims (3,4,2,3))")
    func stepIdentity() throws {
        var rng = SeededGenerator(seed: 3)
        let widths = [3, 4, 2, 3]
        let net = try DeepLinearNetwork(layers: (1..<widths.count).map { random(widths[$0], widths[$0 - 1], &rng) })
        let x = random(3, 4, &rng), y = random(3, 4, &rng)
        let eta = Rational(numerator: 3, denominator: 100)
        let g = try net.squareLossGradients(x: x, y: y)
        let next = net.gradientDescentStep(stepSize: eta, gradients: g)
        let c = DeepLinearNetwork<Rational>.balancednessStepCoefficients(gradients: g)
        for j in 0..<(net.depth - 1) {
            #expect(next.balancedness[j] - net.balancedness[j] == eta * eta * c[j])
            #expect(!c[j].elements.allSatisfy { $0.isZero })          // so "conserved exactly" is false here
        }
    }

    @Test("Shapes that do not fit are typed errors")
    func shapeErrors() {
        #expect(throws: ModelError.noLayers) { try DeepLinearNetwork<Rational>(layers: []) }
        #expect(throws: ModelError.self) { try DeepLinearNetwork<Rational>(layers: [.zeros(rows: 2, columns: 3), .zeros(rows: 2, columns: 4)]) }
        let net = try! DeepLinearNetwork<Rational>(layers: [.zeros(rows: 2, columns: 3)])
        #expect(throws: ModelError.self) { try net.squareLoss(x: .zeros(rows: 2, columns: 4), y: .zeros(rows: 2, columns: 4)) }
    }

    @Test("SeededGenerator is a fixed sequence")
    func generator() {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        var c = SeededGenerator(seed: 1)
        #expect(c.next() == 10451216379200822465)
        var d = SeededGenerator(seed: 9)
        #expect((0..<1000).map { _ in d.uniform(in: -8...8) }.allSatisfy { (-8...8).contains($0) })
    }
}
