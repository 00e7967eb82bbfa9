import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("PolarVelocities identities: E1 and N3 vanish, their known-false variants against closed forms")
struct PolarIdentitiesTests {
    /// A depth-3 classifier and a state whose layers have the Frobenius norms `norms` (to the current precision).
    func instance(norms: [Rational], activation: HomogeneousClassifierFlow.Activation) -> (HomogeneousClassifierFlow, [BigFloat]) {
        var rng = SeededGenerator(seed: 5)
        func entry() -> Rational { Rational(numerator: BigInt(rng.uniform(in: 1...16) * (rng.uniform(in: 0...1) == 0 ? -1 : 1)), denominator: 8) }
        let inputs = Matrix<Rational>(rows: 3, columns: 4) { _, _ in entry() }
        let flow = HomogeneousClassifierFlow(widths: [3, 2, 2, 1], inputs: inputs, labels: [1, -1, 1, 1], activation: activation)
        var state: [BigFloat] = []
        for k in 0..<flow.depth {
            let layer = (0..<(flow.widths[k + 1] * flow.widths[k])).map { _ in BigFloat(entry()) }
            let norm = PolarVelocities.frobeniusNorm([layer])
            state += layer.map { $0 * BigFloat(norms[k]) / norm }
        }
        return (flow, state)
    }

    @Test("Unequal norms 3/2, 1, 4/5 (256 bits, linear and ReLU): E1 and N3 at rounding level; ρ̇_k spread 7/15; E5 residual (9/4)(5/6)^{2/3} − 1")
    func unequalNorms() throws {
        try withPrecision(256) {
            for activation in [HomogeneousClassifierFlow.Activation.linear, .relu] {
                let (flow, state) = instance(norms: [Rational(numerator: 3, denominator: 2), 1, Rational(numerator: 4, denominator: 5)],
                                             activation: activation)
                let polar = try PolarVelocities(flow: flow, state: state)
                let tiny = BigFloat("1e-70")!
                #expect(polar.layerwiseResidual < tiny)
                #expect(polar.balanceSpread < tiny)
                // N3 makes ρ̇_k = c/ρ_k, so (max − min)/max |ρ̇_k| = 1 − min ρ_k / max ρ_k = 1 − (4/5)/(3/2).
                #expect(BigFloat.abs(polar.rateSpread - BigFloat(Rational(numerator: 7, denominator: 15))) < tiny)
                // E1 makes ‖V̇_k − cF_k‖/‖V̇_k‖ = |1 − cρ_k²|; with c = ρ^{−2/3}, ρ = 6/5, the largest is at ρ_1 = 3/2.
                let e5 = BigFloat(Rational(numerator: 9, denominator: 4))
                    * BigFloat.pow(BigFloat(Rational(numerator: 5, denominator: 6)), rational: Rational(numerator: 2, denominator: 3)) - 1
                #expect(BigFloat.abs(polar.singleFactorResidual - e5) < tiny)
            }
        }
    }

    @Test("Equal norms 3/2 (256 bits): E5 holds; sin∠((ρ̇, V̇), (G, F)) matches the closed form from E1 and N3")
    func jointTimeChange() throws {
        try withPrecision(256) {
            let s = Rational(numerator: 3, denominator: 2)
            let (flow, state) = instance(norms: [s, s, s], activation: .linear)
            let polar = try PolarVelocities(flow: flow, state: state)
            let tiny = BigFloat("1e-70")!
            #expect(polar.singleFactorResidual < tiny && polar.rateSpread < tiny)
            // ρ_kρ̇_k = ⟨W_k, Ẇ_k⟩ = ρG (homogeneity), so ρ̇ = ρ Σ_k ρ̇_k/ρ_k = 3ρ²G/s² and V̇ = F/s² (E1):
            // (ρ̇, V̇) = (aG, bF) with a = 3ρ²/s² = 243/16, b = 4/9, and sin∠ = |a − b||G|‖F‖ / (‖(aG, bF)‖‖(G, F)‖).
            let a = BigFloat(Rational(numerator: 243, denominator: 16)), b = BigFloat(Rational(numerator: 4, denominator: 9))
            let g = BigFloat.abs(polar.radialForce), f = PolarVelocities.frobeniusNorm(polar.constrainedField)
            let sine = BigFloat.abs(a - b) * g * f / (BigFloat.sqrt(a * a * g * g + b * b * f * f) * BigFloat.sqrt(g * g + f * f))
            #expect(BigFloat.abs(polar.jointTimeChangeSine - sine) < tiny)
            #expect(sine > BigFloat("1e-3")!)
        }
    }

    @Test("Directions and layer norms: the velocities at W_k = ρ_k V_k have exactly those layer norms (to 2^−250)")
    func fromDirections() throws {
        try withPrecision(256) {
            let (flow, unit) = instance(norms: [1, 1, 1], activation: .relu)
            let norms = [BigFloat(2), BigFloat(Rational(numerator: 1, denominator: 3)), BigFloat(5)]
            let polar = try PolarVelocities(flow: flow, directions: unit, layerNorms: norms)
            #expect(zip(polar.layerNorms, norms).allSatisfy { BigFloat.abs($0 - $1) < BigFloat("1e-74")! })
            #expect(BigFloat.abs(polar.norm - BigFloat(Rational(numerator: 10, denominator: 3))) < BigFloat("1e-74")!)
        }
    }
}
