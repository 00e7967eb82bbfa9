import Dynamics
import MultiPrecision
import Testing

@Suite("Gauss–Legendre tableau")
struct GaussLegendreTableauTests {
    @Test("Nodes, weights and A satisfy B(2s), C(s) and D(s) to rounding", arguments: [53, 256, 1024], [1, 2, 3, 5, 8])
    func simplifyingAssumptions(bits: Int, stages s: Int) {
        withPrecision(bits) {
            let t = GaussLegendreTableau<BigFloat>(stages: s, precision: bits)
            let tolerance = BigFloat(Rational(numerator: BigInt(64 * s * s), denominator: BigInt(1) << bits))
            // B(2s): Σ bᵢ cᵢ^(k−1) = 1/k.
            for k in 1...(2 * s) {
                var sum = BigFloat(0)
                for i in 0..<s { sum = sum + t.weights[i] * BigFloat.pow(t.nodes[i], k - 1) }
                #expect(BigFloat.abs(sum - BigFloat(1) / BigFloat(k)) <= tolerance, "B(\(k)) at s = \(s)")
            }
            // C(s): Σⱼ aᵢⱼ cⱼ^(k−1) = cᵢ^k / k.
            for i in 0..<s {
                for k in 1...s {
                    var sum = BigFloat(0)
                    for j in 0..<s { sum = sum + t.coefficients[i][j] * BigFloat.pow(t.nodes[j], k - 1) }
                    #expect(BigFloat.abs(sum - BigFloat.pow(t.nodes[i], k) / BigFloat(k)) <= tolerance)
                }
            }
            // D(s): Σᵢ bᵢ cᵢ^(k−1) aᵢⱼ = bⱼ(1 − cⱼ^k)/k.
            for j in 0..<s {
                for k in 1...s {
                    var sum = BigFloat(0)
                    for i in 0..<s { sum = sum + t.weights[i] * BigFloat.pow(t.nodes[i], k - 1) * t.coefficients[i][j] }
                    let expected = t.weights[j] * (BigFloat(1) - BigFloat.pow(t.nodes[j], k)) / BigFloat(k)
                    #expect(BigFloat.abs(sum - expected) <= tolerance)
                }
            }
            // The integrated basis at σ = 1 gives the weights back.
            for j in 0..<s {
                #expect(BigFloat.abs(t.integratedBasis(j, at: BigFloat(1)) - t.weights[j]) <= tolerance)
            }
        }
    }

    @Test("s = 2: nodes (3 ∓ √3)/6, weights 1/2, a₁₂ = (3 − 2√3)/12, correctly rounded at 256 bits")
    func twoStages() {
        withPrecision(256) {
            let t = GaussLegendreTableau<BigFloat>(stages: 2, precision: 256)
            let root3 = BigFloat.sqrt(BigFloat(3))
            let c1 = (BigFloat(3) - root3) / BigFloat(6), c2 = (BigFloat(3) + root3) / BigFloat(6)
            let a12 = (BigFloat(3) - BigFloat(2) * root3) / BigFloat(12)
            let ulp = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 254))
            #expect(BigFloat.abs(t.nodes[0] - c1) <= ulp && BigFloat.abs(t.nodes[1] - c2) <= ulp)
            #expect(t.weights[0] == BigFloat(Rational(numerator: 1, denominator: 2)))
            #expect(t.weights[1] == BigFloat(Rational(numerator: 1, denominator: 2)))
            #expect(BigFloat.abs(t.coefficients[0][1] - a12) <= ulp)
            #expect(t.coefficients[0][0] == BigFloat(Rational(numerator: 1, denominator: 4)))
        }
    }

    @Test("Double coefficients are the correctly rounded values (no Double literals: s = 3 against 1024-bit)")
    func doubleRounding() {
        let d = GaussLegendreTableau<Double>(stages: 3, precision: 53)
        let big = withPrecision(1024) { GaussLegendreTableau<BigFloat>(stages: 3, precision: 1024) }
        for i in 0..<3 {
            #expect(d.nodes[i] == big.nodes[i].doubleValue)
            #expect(d.weights[i] == big.weights[i].doubleValue)
            for j in 0..<3 { #expect(d.coefficients[i][j] == big.coefficients[i][j].doubleValue) }
        }
    }
}
