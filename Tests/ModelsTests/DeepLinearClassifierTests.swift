import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DeepLinearClassifier over Rational")
struct DeepLinearClassifierTests {
    func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test("Per-layer Euler identity ⟨W_k, ∂f/∂W_k⟩ = f exactly (1-homogeneity in each layer, docs/theory.md §2.1)")
    func euler() throws {
        var rng = SeededGenerator(seed: 5)
        func draw(_ a: Int, _ b: Int) -> Matrix<Rational> { Matrix(rows: a, columns: b) { _, _ in self.r(rng.uniform(in: -8...8), 8) } }
        let widths = [3, 4, 2, 1]
        let layers = (0..<3).map { draw(widths[$0 + 1], widths[$0]) }
        let model = try DeepLinearClassifier(layers: layers, inputs: draw(3, 5), labels: [1, -1, 1, 1, -1].map { r($0) })
        let (f, g) = model.outputsAndGradients(layers)
        for n in 0..<5 { for k in 0..<3 { #expect(layers[k].frobeniusInnerProduct(g[n][k]) == f[n]) } }
    }

    @Test("A non-scalar output is a typed error")
    func shapes() {
        #expect(throws: ModelError.self) {
            try DeepLinearClassifier(layers: [Matrix<Rational>.zeros(rows: 2, columns: 3)], inputs: .zeros(rows: 3, columns: 2),
                                     labels: [r(1), r(-1)])
        }
    }
}
