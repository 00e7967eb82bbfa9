import AttestTestSupport
@testable import Dynamics
import MultiPrecision
import Testing

/// ẋ = g(t), x(0) = 0: the state's coefficients are x_k = g_{k−1}/k, so they expose the series of g.
private struct Quadrature: VectorField {
    let g: @Sendable (TaylorTracer) -> TaylorTracer
    var dimension: Int { 1 }
    var isAutonomous: Bool { false }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        // The recurrence tests trace only: T is always the tracer here.
        derivative[0] = g(time as! TaylorTracer) as! T
    }
}

/// The generalized binomial coefficient C(α, j) = Π_{i<j} (α − i)/(i + 1), exactly.
private func binomial(_ alpha: Rational, _ j: Int) -> Rational {
    var c = Rational(1)
    for i in 0..<j { c = c * (alpha - Rational(i)) / Rational(i + 1) }
    return c
}

private func factorial(_ n: Int) -> Rational { (1...max(n, 1)).reduce(Rational(1)) { $0 * Rational($1) } }

@Suite("Taylor recurrences against closed-form series")
struct TaylorRecurrenceTests {
    static let order = 30

    /// The state coefficients 0 … p of `field` at t = 0, x = x0, at `bits` without tapering.
    static func coefficients<Field: VectorField>(_ field: Field, x0: [Rational], bits: Int) -> [[BigFloat]] {
        let program = TaylorProgram(tape: TaylorTape.trace(field))
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: -Double(bits), order: order, tapering: false)
        let engine = TaylorEngine(program: program, order: order, levels: levels, stateGuardBits: 0) {
            TaylorMPFRArena(precisions: $0)
        }
        engine.store.set(engine.timeSlot, rational: Rational(0))
        for (i, x) in x0.enumerated() { engine.store.set(engine.stateSlot + i, rational: x) }
        engine.computeCoefficients()
        return (0..<field.dimension).map { i in
            (0...order).map { engine.store.value(engine.stateCoefficient(i, $0)) }
        }
    }

    /// Checks x_k = expected(k) to 2^−(bits−10) relative (absolute below magnitude 1) for k = 0 … p.
    static func expectSeries(_ computed: [BigFloat], bits: Int, _ what: String, _ expected: (Int) -> Rational) {
        withPrecision(bits + 64) {
            for (k, x) in computed.enumerated() {
                let exact = BigFloat(expected(k))
                let scale = BigFloat.maximum(BigFloat.abs(exact), BigFloat(1))
                let error = BigFloat.abs(x.rounded(toPrecision: bits + 64) - exact) / scale
                #expect(error <= BigFloat.pow(BigFloat(2), -(bits - 10)),
                        "\(what), order \(k) at \(bits) bits: \(x) vs \(exact)")
            }
        }
    }

    /// x_k for ẋ = g with g_j given: x_0 = 0, x_k = g_{k−1}/k.
    static func integrated(_ g: @escaping (Int) -> Rational) -> (Int) -> Rational {
        { k in k == 0 ? Rational(0) : g(k - 1) / Rational(k) }
    }

    @Test("exp, log, sqrt, 1/(1−t), rational and integer powers, products", arguments: [53, 256, 1024])
    func elementarySeries(bits: Int) {
        let one = TaylorTracer(1)
        let cases: [(String, @Sendable (TaylorTracer) -> TaylorTracer, (Int) -> Rational)] = [
            ("exp(t)", { .exp($0) }, { 1 / factorial($0) }),
            ("log(1+t)", { .log(TaylorTracer(1) + $0) },
             { $0 == 0 ? Rational(0) : Rational($0 % 2 == 1 ? 1 : -1) / Rational($0) }),
            ("sqrt(1+t)", { .sqrt(TaylorTracer(1) + $0) }, { binomial(Rational(numerator: 1, denominator: 2), $0) }),
            ("1/(1−t)", { TaylorTracer(1) / (TaylorTracer(1) - $0) }, { _ in Rational(1) }),
            ("(1+t)^(3/2)", { .pow(TaylorTracer(1) + $0, rational: Rational(numerator: 3, denominator: 2)) },
             { binomial(Rational(numerator: 3, denominator: 2), $0) }),
            ("(1+t)^(−1/3)", { .pow(TaylorTracer(1) + $0, rational: Rational(numerator: -1, denominator: 3)) },
             { binomial(Rational(numerator: -1, denominator: 3), $0) }),
            ("(1+t)^5", { .pow(TaylorTracer(1) + $0, 5) }, { binomial(Rational(5), $0) }),
            ("(2+t)^−2", { .pow(TaylorTracer(2) + $0, -2) },
             { binomial(Rational(-2), $0) * Rational(numerator: 1, denominator: BigInt(1) << ($0 + 2)) }),
            ("exp(t)/(1−t)", { .exp($0) / (TaylorTracer(1) - $0) },
             { j in (0...j).reduce(Rational(0)) { $0 + 1 / factorial($1) } }),
            ("exp(t)·exp(−t)", { .exp($0) * .exp(-$0) }, { $0 == 0 ? Rational(1) : Rational(0) }),
            ("log(exp(t)) − t/2", { .log(.exp($0)) - $0 / TaylorTracer(2) },
             { $0 == 1 ? Rational(numerator: 1, denominator: 2) : Rational(0) }),
            ("(1+t)² by squaring", { ($0 + one) * ($0 + one) }, { binomial(Rational(2), $0) }),
        ]
        for (name, g, series) in cases {
            let x = Self.coefficients(Quadrature(g: g), x0: [Rational(0)], bits: bits)[0]
            Self.expectSeries(x, bits: bits, name, Self.integrated(series))
        }
    }

    @Test("state recurrences: ẋ = x² (1/(1−t)), ẋ = −x (e^−t), harmonic oscillator", arguments: [53, 256, 1024])
    func stateSeries(bits: Int) {
        Self.expectSeries(Self.coefficients(Riccati(), x0: [Rational(1)], bits: bits)[0], bits: bits, "x' = x²") { _ in
            Rational(1)
        }
        Self.expectSeries(Self.coefficients(Decay(), x0: [Rational(1)], bits: bits)[0], bits: bits, "x' = −x") {
            Rational($0 % 2 == 0 ? 1 : -1) / factorial($0)
        }
        let oscillator = Self.coefficients(HarmonicOscillator(), x0: [Rational(1), Rational(0)], bits: bits)
        Self.expectSeries(oscillator[0], bits: bits, "cos t") {
            $0 % 2 == 1 ? Rational(0) : Rational($0 % 4 == 0 ? 1 : -1) / factorial($0)
        }
        Self.expectSeries(oscillator[1], bits: bits, "−sin t") {
            $0 % 2 == 0 ? Rational(0) : Rational($0 % 4 == 1 ? -1 : 1) / factorial($0)
        }
    }

    /// ẋ = 3xy − 2yz + x² − z + 5, ẏ = x, ż = y: one sum node with integer coefficients (two products, a square,
    /// a term and a constant).
    private struct IntegerSumNode: VectorField {
        var dimension: Int { 3 }
        func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
            let (x, y, z) = (state[0], state[1], state[2])
            let three = T(3), two = T(2), five = T(5)
            let products: T = three * (x * y) - two * (y * z)
            let rest: T = x * x - z + five
            derivative[0] = products + rest
            derivative[1] = x
            derivative[2] = y
        }
    }

    @Test("a sum node with integer coefficients is one exact sum rounded once: x₁ = ∘(f(x₀)) for random dyadic x₀",
          arguments: [53, 63, 127, 191, 256])
    func sumNodeRoundedOnce(bits: Int) {
        var generator = SplitMix64(seed: UInt64(bits))
        let program = TaylorProgram(tape: TaylorTape.trace(IntegerSumNode()))
        // The field fuses into one sum node 5 − z + 3·xy − 2·yz + x·x.
        let sums = program.nodes.compactMap { node -> (Int, Int)? in
            if case .sum(_, let terms, let products) = node.kind { return (terms.count, products.count) }
            return nil
        }
        #expect(sums.count == 1 && sums[0] == (1, 3))
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: -Double(bits), order: 4, tapering: false)
        let engine = TaylorEngine(program: program, order: 4, levels: levels, stateGuardBits: 0) {
            TaylorMPFRArena(precisions: $0)
        }
        for trial in 0..<30 {
            // ±m·2^(e−bits) with an integer m < 2^bits: exact at `bits`; e spreads the magnitudes.
            let x0: [Rational] = (0..<3).map { i in
                let chunks = (bits + 31) / 32
                var m = BigInt(0)
                for _ in 0..<chunks { m = (m << 32) + BigInt(Int(generator.next() >> 32)) }
                let scaled = Rational(numerator: m >> (32 * chunks - bits), denominator: BigInt(1) << bits)
                let e = Int(generator.next() % 9) - 4
                let sign = (trial + i) % 3 == 0 ? Rational(-1) : Rational(1)
                return sign * scaled * (e >= 0 ? Rational(1 << e) : Rational(1) / Rational(1 << -e))
            }
            let (x, y, z) = (x0[0], x0[1], x0[2])
            let products: Rational = Rational(3) * x * y - Rational(2) * y * z
            let exact: Rational = products + x * x - z + Rational(5)
            engine.store.set(engine.timeSlot, rational: Rational(0))
            for i in 0..<3 { engine.store.set(engine.stateSlot + i, rational: x0[i]) }
            // The inputs are exact at `bits` (each has at most `bits` significant bits).
            for i in 0..<3 { #expect(Rational(exactly: engine.store.value(engine.stateSlot + i)) == x0[i]) }
            engine.computeCoefficients()
            let computed = engine.store.value(engine.stateCoefficient(0, 1))
            let expected = withPrecision(bits) { BigFloat(exact) }
            #expect(computed == expected, "trial \(trial) at \(bits) bits: \(computed) vs \(expected)")
        }
    }

    @Test("tapering computes high orders at fewer bits without changing the leading digits")
    func tapering() {
        let levels = TaylorPrecisionLevels(bits: 256, log2Tolerance: -256, order: 90, tapering: true)
        #expect(levels.precisions == [256, 191, 127, 63, 53])
        #expect(levels.doubleLevel == 4)
        #expect(levels.levelOfOrder.first == 0)
        #expect(levels.levelOfOrder.last == 4)
        #expect(levels.levelOfOrder.firstIndex(of: 4) == 82)  // 256 + 32 − 2.885·82 ≤ 53 < 256 + 32 − 2.885·81
        #expect(zip(levels.levelOfOrder, levels.levelOfOrder.dropFirst()).allSatisfy { $0 <= $1 })
        // Order k is computed with at least bits − 2.885k + 32 bits.
        for (k, level) in levels.levelOfOrder.enumerated() {
            #expect(Double(levels.precisions[level]) >= min(256, 256 + 32 - 2.885 * Double(k)))
        }
        #expect(TaylorPrecisionLevels(bits: 53, log2Tolerance: -53, order: 20, tapering: true).precisions == [53])
        #expect(TaylorPrecisionLevels(bits: 53, log2Tolerance: -53, order: 20, tapering: true).doubleLevel == nil)
        let mpfrOnly = TaylorPrecisionLevels(bits: 256, log2Tolerance: -256, order: 90, tapering: true,
                                             hardwareDouble: false)
        #expect(mpfrOnly.precisions == [256, 191, 127, 63])
        #expect(mpfrOnly.doubleLevel == nil)
    }

    /// ẋ = r·x, x(0) = x₀: x_k = x₀ rᵏ/k!.
    private struct Growth: VectorField {
        let rate: Rational
        var dimension: Int { 1 }
        func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
            derivative[0] = T(rate) * state[0]
        }
    }

    @Test("the Double tail: orders that need at most 53 bits to 53 bits; MPFR when a coefficient leaves [2^−480, 2^480]",
          arguments: [
            // x_k = 1/k!: every coefficient in range (x₉₀ ≈ 2^−459), the tail runs.
            (Rational(1), Rational(1), 0),
            // x₀ = 2^600 enters the tail's slots out of range: MPFR from the start of the tail.
            (Rational(1), Rational(BigInt(1) << 600), 1),
            // x_k = 2^−10k/k!: x₈₂ ≈ 2^−1224, below Double's range, enters out of range.
            (Rational(numerator: 1, denominator: 1024), Rational(1), 1),
            // x_k = 2^(20−k)/k!: x₈₂ ≈ 2^−470 enters in range, x₈₄ ≈ 2^−485 computed in the tail leaves it.
            (Rational(numerator: 1, denominator: 2), Rational(BigInt(1) << 20), 1),
          ])
    func doubleTail(rate: Rational, x0: Rational, fallbacks: Int) {
        let bits = 256, order = 90
        let program = TaylorProgram(tape: TaylorTape.trace(Growth(rate: rate)))
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: -Double(bits), order: order, tapering: true)
        let engine = TaylorEngine(program: program, order: order, levels: levels, stateGuardBits: 0) {
            TaylorMPFRArena(precisions: $0)
        }
        engine.store.set(engine.timeSlot, rational: Rational(0))
        engine.store.set(engine.stateSlot, rational: x0)
        engine.computeCoefficients()
        #expect(engine.tailFallbacks == fallbacks)
        withPrecision(bits + 64) {
            var exact = x0
            for k in 0...order {
                if k > 0 { exact = exact * rate / Rational(k) }
                let x = engine.store.value(engine.stateCoefficient(0, k)).rounded(toPrecision: bits + 64)
                let error = BigFloat.abs(x - BigFloat(exact)) / BigFloat(exact)
                // Each order adds two roundings at its level's precision to the chain x_k = r·x_{k−1}/k.
                let precision = levels.precisions[levels.levelOfOrder[k]]
                #expect(error <= BigFloat.pow(BigFloat(2), -(precision - 10)), "order \(k): \(x) vs \(exact)")
            }
        }
    }

    @Test("one tapering level per limb count (multiples of n/8 above 8 limbs); the sparser schedule on request",
          arguments: [(512, 179, [512, 448, 384, 320, 256, 191, 127, 63, 53], [512, 384, 256, 191, 127, 63, 53]),
                      (1024, 357, [1024, 896, 768, 640, 512, 384, 256, 191, 127, 63, 53],
                       [1024, 768, 512, 384, 256, 191, 127, 63, 53]),
                      (256, 90, [256, 191, 127, 63, 53], [256, 191, 127, 63, 53])])
    func taperingLevels(bits: Int, order: Int, every: [Int], sparse: [Int]) {
        for (everyLimbCount, expected) in [(true, every), (false, sparse)] {
            for guardBits in [32.0, 16.0] {
                let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: -Double(bits), order: order,
                                                   tapering: true, guardBits: guardBits,
                                                   everyLimbCount: everyLimbCount)
                #expect(levels.precisions == expected)
                // Order k gets the coarsest level with at least bits − 2.885k + guard bits.
                for (k, level) in levels.levelOfOrder.enumerated() {
                    let need = Double(bits) + guardBits - TaylorPrecisionLevels.weightPerOrder * Double(k)
                    #expect(Double(levels.precisions[level]) >= min(Double(bits), need))
                    if k > 0 && level + 1 < levels.count {
                        #expect(Double(levels.precisions[level + 1]) < need)
                    }
                }
            }
        }
    }

    @Test("Jorba–Zou order from the tolerance")
    func order() {
        #expect(TaylorOrderAndStep.order(log2Tolerance: -128) == 46)
        #expect(TaylorOrderAndStep.order(log2Tolerance: -256) == 90)
        #expect(TaylorOrderAndStep.order(log2Tolerance: -512) == 179)
        #expect(TaylorOrderAndStep.order(log2Tolerance: -1) == 2)
    }

    @Test("the tape of P1a: shared prefix products, matrix products fused into sum-of-products nodes")
    func deepLinearNetworkTape() {
        let program = TaylorProgram(tape: TaylorTape.trace(DeepLinearNetworkFlow.p1a))
        let computed = program.nodes.filter { if case .sum = $0.kind { true } else { false } }
        // 3N − 3 = 6 matrix products of 4×4 matrices: 6·16 entries, each one node of 4 products.
        #expect(computed.count == 96)
        #expect(program.productCount == 6 * 64)
        #expect(program.nodes.count == 48 + 96)
        // The target Φ enters as the constant of R₃ = W₃P₂ − Φ (one Φ entry is 0), and dW₁ = −R₁ as negative
        // products.
        let withConstant = computed.filter { if case .sum(let c, _, _) = $0.kind { !c.isZero } else { false } }
        #expect(withConstant.count == DeepLinearNetworkFlow.p1a.target.filter { !$0.isZero }.count)
    }

    @Test("constants fold exactly and repeated subexpressions are shared")
    func folding() {
        struct Field: VectorField {
            var dimension: Int { 2 }
            func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
                let c = T(Rational(numerator: 1, denominator: 3)) * T(3) - T(1)  // 0, folded
                derivative[0] = state[0] * state[1] + c * state[0] + T.exp(T(0)) - T(1)
                derivative[1] = state[1] * state[0] - state[0] / T(2)  // x₀x₁ shared with the first line
            }
        }
        let tape = TaylorTape.trace(Field())
        let multiplications = tape.nodes.filter { if case .multiply = $0 { true } else { false } }
        #expect(multiplications.count == 1)
        #expect(!tape.nodes.contains { if case .exp = $0 { true } else { false } })
    }
}
