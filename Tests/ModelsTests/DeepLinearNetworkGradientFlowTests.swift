import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DeepLinearNetworkGradientFlow: the vector field is −∂L/∂W_j (− λW_j, − μW_1)")
struct DeepLinearNetworkGradientFlowTests {
    @Test("the field equals minus the layer gradients of DeepLinearNetwork, with weight decay and a first-layer penalty")
    func fieldMatchesGradients() throws {
        try withPrecision(128) {
            let widths = [3, 4, 2, 3]
            var seed = 7
            func next() -> Rational { seed = (seed * 37 + 11) % 17; return Rational(numerator: BigInt(seed - 8), denominator: 8) }
            let x = Matrix<Rational>(rows: 3, columns: 5) { _, _ in next() }
            let y = Matrix<Rational>(rows: 3, columns: 5) { _, _ in next() }
            let layers = (1...3).map { j in Matrix<Rational>(rows: widths[j], columns: widths[j - 1]) { _, _ in next() } }
            let lambda = Rational(numerator: 1, denominator: 10), mu = Rational(numerator: 1, denominator: 5)
            let field = try DeepLinearNetworkGradientFlow(widths: widths, x: x, y: y, weightDecay: lambda, firstLayerPenalty: mu)
            let state = DeepLinearNetworkGradientFlow.state(of: layers).map { BigFloat($0) }
            var derivative = [BigFloat](repeating: 0, count: field.dimension)
            field.evaluate(time: BigFloat(0), state: state, into: &derivative)
            func big(_ m: Matrix<Rational>) -> Matrix<BigFloat> { Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) } }
            let gradients = try DeepLinearNetwork(layers: layers.map(big)).squareLossGradients(x: big(x), y: big(y))
            let velocity = field.layers(of: derivative)
            for j in 0..<3 {
                var expected = (-1) * gradients[j] - BigFloat(lambda) * big(layers[j])
                if j == 0 { expected = expected - BigFloat(mu) * big(layers[0]) }
                #expect((velocity[j] - expected).frobeniusNorm < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(30))))
            }
        }
    }
}
