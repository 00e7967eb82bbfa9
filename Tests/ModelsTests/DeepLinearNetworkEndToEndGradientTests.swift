import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DeepLinearNetwork.layerGradients(endToEndGradient:)")
struct DeepLinearNetworkEndToEndGradientTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test("With ∇f(W) = W − A it equals squareLossGradients(x: I, y: A) exactly (widths 3 → 2 → 4 → 2)")
    func matchesSquareLoss() throws {
        let widths = [3, 2, 4, 2]
        var seed = 1
        func next() -> Rational { seed = (seed * 37 + 11) % 23; return Self.r(seed - 11, 7) }
        let layers = (1..<widths.count).map { j in Matrix<Rational>(rows: widths[j], columns: widths[j - 1]) { _, _ in next() } }
        let network = try DeepLinearNetwork(layers: layers)
        let target = Matrix<Rational>(rows: 2, columns: 3) { _, _ in next() }
        let expected = try network.squareLossGradients(x: .identity(3), y: target)
        #expect(network.layerGradients(endToEndGradient: network.endToEnd - target) == expected)
    }
}
