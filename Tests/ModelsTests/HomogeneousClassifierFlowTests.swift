import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("HomogeneousClassifierFlow: the gradient-flow field of the linear and ReLU classifiers")
struct HomogeneousClassifierFlowTests {
    let widths = [3, 4, 3, 1]

    func instance(seed: UInt64, activation: HomogeneousClassifierFlow.Activation) -> (HomogeneousClassifierFlow, [Rational]) {
        var rng = SeededGenerator(seed: seed)
        func eighth() -> Rational { Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8) }
        let inputs = Matrix<Rational>(rows: 3, columns: 5) { _, _ in eighth() }
        let labels = (0..<5).map { _ in rng.uniform(in: 0...1) == 0 ? -1 : 1 }
        let flow = HomogeneousClassifierFlow(widths: widths, inputs: inputs, labels: labels, activation: activation)
        return (flow, (0..<flow.dimension).map { _ in eighth() })
    }

    /// L(W) = Σ_n exp(−y_n f(W; x_n)) from the true network's outputs (no backward pass).
    func loss(_ flow: HomogeneousClassifierFlow, _ state: [BigFloat]) -> BigFloat {
        flow.outputs(state).enumerated().reduce(BigFloat(0)) { $0 + BigFloat.exp(-(BigFloat(flow.labels[$1.offset]) * $1.element)) }
    }

    @Test("ReLU: Ẇ = −∇L against central differences of the loss at 256 bits (h = 2^−64, agreement to 2^−100)")
    func reluAgainstFiniteDifferences() throws {
        try withPrecision(256) {
            let (flow, initial) = instance(seed: 11, activation: .relu)
            let state = initial.map { BigFloat($0) }
            let z = flow.preactivations(of: state)
            // The pattern must be well away from any kink for the difference quotient to see one smooth piece.
            #expect(z.allSatisfy { BigFloat.abs($0) > BigFloat("1e-3")! || $0 == BigFloat(-1) })
            #expect(z.contains { $0 > 0 } && z.contains { $0 < 0 && $0 != BigFloat(-1) })
            let field = flow.with(pattern: z.map { $0 > 0 })
            var velocity = Array(repeating: BigFloat(0), count: flow.dimension)
            field.evaluate(time: BigFloat(0), state: state, into: &velocity)
            let h = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 64))
            var worst = BigFloat(0)
            for i in 0..<flow.dimension {
                var plus = state, minus = state
                plus[i] += h
                minus[i] -= h
                let derivative = (loss(flow, plus) - loss(flow, minus)) / (BigFloat(2) * h)
                worst = BigFloat.maximum(worst, BigFloat.abs(velocity[i] + derivative))
            }
            #expect(worst < BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 100)))
            #expect(velocity.contains { !$0.isZero })
        }
    }

    @Test("Linear: Ẇ equals Σ_n e^{−y_n f_n} y_n ∂f_n/∂W_k from DeepLinearClassifier's matrix products (256 bits)")
    func linearAgainstMatrixGradients() throws {
        try withPrecision(256) {
            let (flow, initial) = instance(seed: 3, activation: .linear)
            let state = initial.map { BigFloat($0) }
            var velocity = Array(repeating: BigFloat(0), count: flow.dimension)
            flow.evaluate(time: BigFloat(0), state: state, into: &velocity)
            let layers = (0..<3).map { k in
                Matrix<BigFloat>(rows: widths[k + 1], columns: widths[k]) { r, c in state[flow.offset(k) + r * widths[k] + c] }
            }
            let inputs = Matrix<BigFloat>(rows: 3, columns: 5) { r, c in BigFloat(flow.inputs[r, c]) }
            let model = try DeepLinearClassifier(layers: layers, inputs: inputs, labels: flow.labels.map { BigFloat($0) })
            let (f, df) = model.outputsAndGradients(layers)
            var worst = BigFloat(0)
            for k in 0..<3 {
                for r in 0..<widths[k + 1] {
                    for c in 0..<widths[k] {
                        var expected = BigFloat(0)
                        for n in 0..<5 {
                            let y = BigFloat(flow.labels[n])
                            expected += BigFloat.exp(-(y * f[n])) * y * df[n][k][r, c]
                        }
                        worst = BigFloat.maximum(worst, BigFloat.abs(velocity[flow.offset(k) + r * widths[k] + c] - expected))
                    }
                }
            }
            #expect(worst < BigFloat("1e-70")!)
        }
    }

    @Test("Linear: the factored sums (through S = Σ_n w_n x_n) equal the per-sample sums, with their total, for depths 1–3 (256 bits)",
          arguments: [[3, 1], [2, 3, 1], [2, 2, 2, 1], [3, 4, 3, 1]])
    func factoredAgainstPerSample(widths: [Int]) throws {
        try withPrecision(256) {
            var rng = SeededGenerator(seed: 5)
            func eighth() -> Rational { Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8) }
            let inputs = Matrix<Rational>(rows: widths[0], columns: 6) { _, _ in eighth() }
            let labels = (0..<6).map { _ in rng.uniform(in: 0...1) == 0 ? -1 : 1 }
            let flow = HomogeneousClassifierFlow(widths: widths, inputs: inputs, labels: labels)
            // The layers sit after 2 leading entries and are written after 3, with a scale s ≠ 1, as the coupled flows use them.
            let state = [BigFloat(9), BigFloat(9)] + (0..<flow.dimension).map { _ in BigFloat(eighth()) }
            let scale = BigFloat(Rational(numerator: 7, denominator: 5))
            var perSample = Array(repeating: BigFloat(1), count: flow.dimension + 3), factored = perSample
            let g = flow.accumulate(state, offset: 2, scale: scale, pattern: [], into: &perSample, at: 3)
            let h = flow.accumulateFactored(state, offset: 2, scale: scale, pattern: [], into: &factored, at: 3)
            let tolerance = BigFloat("1e-70")!
            #expect(BigFloat.abs(g - h) < tolerance && !g.isZero)
            #expect(zip(perSample, factored).allSatisfy { BigFloat.abs($0 - $1) < tolerance })
            #expect(factored[..<3].allSatisfy { $0 == BigFloat(1) } && factored[3...].contains { $0 != BigFloat(1) })
        }
    }

    @Test("A unit fed by a zero input is reported inactive (−1), not as a kink")
    func deadInput() {
        withPrecision(128) {
            let inputs = Matrix<Rational>(rows: 2, columns: 1) { _, _ in 0 }
            let flow = HomogeneousClassifierFlow(widths: [2, 2, 1], inputs: inputs, labels: [1], activation: .relu)
            #expect(flow.preactivations(of: (0..<6).map { BigFloat($0 + 1) }) == [BigFloat(-1), BigFloat(-1)])
        }
    }

    @Test("Gradient descent map: one step is W + η·Ẇ(W) with the state's pattern (256 bits); Double agrees with MPFR")
    func gradientDescentMap() throws {
        let (flow, initial) = instance(seed: 11, activation: .relu)
        let eta = Rational(numerator: 1, denominator: 20)
        let map = HomogeneousClassifierGradientDescent(flow: flow, stepSize: eta)
        let one = try iterate(MapProblem(map: map, initialState: initial, steps: 1), scalar: BigFloat.self,
                              options: MapOptions(precision: 256))
        try withPrecision(256) {
            let state = initial.map { BigFloat($0) }
            let polar = try PolarVelocities(flow: flow, state: state)
            let expected = zip(state, polar.velocity).map { $0 + BigFloat(eta) * $1 }
            #expect(zip(one.state, expected).allSatisfy { $0 == $1 })
        }
        // Generic over the scalar: three steps in Double follow the 256-bit run to double rounding.
        let problem = try MapProblem(map: map, initialState: initial, steps: 3)
        let exact = try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: 256)).state
        let double = try iterate(problem, scalar: Double.self).state
        #expect(zip(double, exact).allSatisfy { abs($0 - $1.doubleValue) <= 1e-13 * max(1, abs($0)) })
    }
}
