import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("EndToEndRiemannianFlow: A_W against the chain rule at balanced points (docs/theory.md §1.5)")
struct EndToEndRiemannianFlowTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    /// Orthonormal columns: (1, 2, 2)/3 and (2, 1, −2)/3 (3 × 2), or the 3-4-5 rotation (2 × 2).
    static let tall = Matrix<Rational>(rows: 3, columns: 2) { i, j in [[r(1, 3), r(2, 3)], [r(2, 3), r(1, 3)], [r(2, 3), r(-2, 3)]][i][j] }
    static let rotation = Matrix<Rational>(rows: 2, columns: 2) { i, j in [[r(3, 5), r(-4, 5)], [r(4, 5), r(3, 5)]][i][j] }

    /// W_j = O_j S^{1/N} O_{j−1}ᵀ with S^{1/N} = diag(1, 1/2): widths 3 (O_0 = tall), 3 (tall), …, 2 (rotation).
    static func balancedLayers(depth: Int, imbalance: Rational = 1) -> [Matrix<Rational>] {
        let root = Matrix.diagonal([r(1), r(1, 2)])
        var layers: [Matrix<Rational>] = []
        for j in 1...depth {
            let output = j == depth ? rotation : tall
            layers.append(output * root * tall.transposed())
        }
        layers[0] = imbalance * layers[0]
        layers[depth - 1] = (Rational(1) / imbalance) * layers[depth - 1]
        return layers
    }

    /// max relative gap between the chain-rule velocity Σ_j W_{N:j+1}(−G_j)W_{j−1:1} and −A_W(W − A).
    static func gap(depth: Int, imbalance: Rational) throws -> Double {
        try withPrecision(128) {
            let layers = balancedLayers(depth: depth, imbalance: imbalance).map { m in
                Matrix<BigFloat>(rows: m.rowCount, columns: m.columnCount) { BigFloat(m[$0, $1]) }
            }
            let network = try DeepLinearNetwork(layers: layers)
            let target = Matrix<BigFloat>(rows: 2, columns: 3) { i, j in BigFloat([[1, 0, 2], [-1, 3, 1]][i][j]) }
            let gradients = try network.squareLossGradients(x: .identity(3), y: target)
            var chainRule = Matrix<BigFloat>.zeros(rows: 2, columns: 3)
            for j in 0..<depth {
                let right = layers[0..<j].reduce(Matrix<BigFloat>.identity(3)) { product, layer in layer * product }
                let left = layers[(j + 1)...].reduce(Matrix<BigFloat>.identity(layers[j].rowCount)) { product, layer in layer * product }
                chainRule = chainRule + left * (-gradients[j]) * right
            }
            let w = network.endToEnd
            let reduced = -(try EndToEndRiemannianFlow.metricOperator(at: w, applied: w - target, depth: depth))
            return ((chainRule - reduced).frobeniusNorm / chainRule.frobeniusNorm).doubleValue
        }
    }

    @Test("Balanced points (depths 2, 3, 4; widths 3 → 3 → … → 2): chain rule = −A_W(∇L¹) to 1e-30 at 128 bits")
    func balanced() throws {
        for depth in 2...4 { #expect(try Self.gap(depth: depth, imbalance: 1) < 1e-30, "depth \(depth)") }
    }

    @Test("Unbalanced points (W_1 × 2, W_N / 2): the identity fails by more than 5 %")
    func unbalanced() throws {
        for depth in 2...3 { #expect(try Self.gap(depth: depth, imbalance: 2) > 0.05, "depth \(depth)") }
    }

    @Test("The field writes −A_W(W − A) row-major; depth 1 is the plain gradient flow Ẇ = A − W")
    func field() {
        withPrecision(64) {
            let target = Matrix<Rational>(rows: 1, columns: 2) { _, j in Self.r(j + 1) }
            var flow = EndToEndRiemannianFlow(depth: 1, target: target)
            var derivative = [BigFloat(0), BigFloat(0)]
            flow.evaluate(time: BigFloat(0), state: [BigFloat(3), BigFloat(-1)], into: &derivative)
            #expect(derivative == [BigFloat(-2), BigFloat(3)])
        }
    }
}
