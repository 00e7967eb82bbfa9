import Dynamics
import LinearAlgebra
import MultiPrecision
import Testing

/// Integrations against closed forms at 53, 256 and 1024 bits.
///
/// Bounds: a run with tolerance τ over a horizon of a few time units is checked to within 2^8·τ (plus a few ulps of
/// rounding), which leaves room for the accumulation of local errors but catches any loss of order or precision
/// (a 53-bit leak, a coefficient through Double, time in Double) by many orders of magnitude.
@Suite("Closed forms")
struct ClosedFormTests {
    static let precisions = [53, 256, 1024]

    /// Runs Gauss–Legendre with the per-precision setting, in `Double` at 53 bits and `BigFloat` above.
    static func run<F: VectorField>(_ problem: ODEProblem<F>, bits: Int, configure: (inout IntegrationOptions) -> Void = { _ in })
        throws -> (state: [BigFloat], tolerance: BigFloat, result: String)
    {
        let (stages, tolerance) = gaussLegendreSetting(bits)
        var o = options(bits, tolerance: tolerance)
        configure(&o)
        let method = GaussLegendre(stages: stages)
        if bits == 53 {
            let r = try integrate(problem, method: method, scalar: Double.self, options: o)
            #expect(r.termination.isSuccess, "\(r.termination)")
            return (r.state.map { $0.exactBigFloat }, BigFloat(tolerance, precision: bits), "\(r.statistics)")
        }
        let r = try integrate(problem, method: method, scalar: BigFloat.self, options: o)
        #expect(r.termination.isSuccess, "\(r.termination)")
        return (r.state, BigFloat(tolerance, precision: bits), "\(r.statistics)")
    }

    /// 2^8 τ + 2^8 ulp(scale) at `bits`.
    static func bound(_ tolerance: BigFloat, bits: Int, scale: Int = 1) -> BigFloat {
        withPrecision(bits + 64) {
            BigFloat(256) * tolerance + BigFloat(256 * scale) * BigFloat(Rational(numerator: 1, denominator: BigInt(1) << bits))
        }
    }

    @Test("y' = −y: y(2) = e^−2", arguments: precisions)
    func decay(bits: Int) throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(2))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        let exact = withPrecision(bits + 64) { BigFloat.exp(BigFloat(-2)) }
        expectClose(state[0], exact, within: Self.bound(tolerance, bits: bits), "e^-2 at \(bits) bits")
    }

    @Test("y' = −y with the Fehlberg 8(7) pair, adaptive", arguments: precisions)
    func decayFehlberg(bits: Int) throws {
        let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(2))
        let tolerance = twoToMinus(bits == 53 ? 43 : 80)  // explicit order 8 needs ~τ^(−1/8) steps: keep it cheap
        let exact = withPrecision(bits + 64) { BigFloat.exp(BigFloat(-2)) }
        let computed: BigFloat
        if bits == 53 {
            computed = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self,
                                     options: options(53, tolerance: tolerance)).state[0].exactBigFloat
        } else {
            computed = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: BigFloat.self,
                                     options: options(bits, tolerance: tolerance)).state[0]
        }
        expectClose(computed, exact, within: Self.bound(BigFloat(tolerance, precision: bits), bits: bits), "RKF78 e^-2")
    }

    @Test("Harmonic oscillator: phase and energy at t = 5", arguments: precisions)
    func harmonicOscillator(bits: Int) throws {
        let problem = try ODEProblem(field: HarmonicOscillator(), initialState: [q(1), q(0)], from: q(0), to: q(5))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        withPrecision(bits + 64) {
            let (qT, pT) = (state[0], state[1])
            // Phase: the angle of (q, −p) is t mod 2π, here 5 − 2π.
            let phase = BigFloat.atan2(y: -pT, x: qT)
            expectClose(phase, BigFloat(5) - BigFloat(2) * BigFloat.pi, within: Self.bound(tolerance, bits: bits, scale: 8),
                        "phase at \(bits) bits")
            // Energy ½(q² + p²) = ½: Gauss–Legendre conserves it to rounding, whatever the tolerance.
            let energy = (qT * qT + pT * pT) / BigFloat(2)
            let rounding = BigFloat(Rational(numerator: 4096, denominator: BigInt(1) << bits))
            expectClose(energy, BigFloat(Rational(numerator: 1, denominator: 2)), within: rounding, "energy at \(bits) bits")
            expectClose(qT, BigFloat.cos(BigFloat(5)), within: Self.bound(tolerance, bits: bits, scale: 8), "q(5)")
        }
    }

    @Test("Logistic y' = y(1 − y), y(0) = 1/10: y(4) = 1/(1 + 9e^−4)", arguments: precisions)
    func logistic(bits: Int) throws {
        let problem = try ODEProblem(field: Logistic(rate: q(1)), initialState: [q(1, 10)], from: q(0), to: q(4))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        let exact = withPrecision(bits + 64) { BigFloat(1) / (BigFloat(1) + BigFloat(9) * BigFloat.exp(BigFloat(-4))) }
        expectClose(state[0], exact, within: Self.bound(tolerance, bits: bits), "logistic at \(bits) bits")
    }

    @Test("Ẏ = AY (P3b's 4×4 A) on [0, 1] against exp(A) from LinearAlgebra", arguments: [53, 256])
    func matrixFlow(bits: Int) throws {
        let a: [[Rational]] = (0..<4).map { r in (0..<4).map { c in q((3 * r + 5 * c + 1) % 7 - 3, 4) } }
        let identity: [Rational] = (0..<16).map { $0 % 5 == 0 ? q(1) : q(0) }
        let problem = try ODEProblem(field: LinearMatrixFlow(a: a), initialState: identity, from: q(0), to: q(1))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        try withPrecision(bits + 64) {
            let matrix = Matrix<BigFloat>(rows: 4, columns: 4) { r, c in BigFloat(a[r][c]) }
            let exact = try matrix.exponential()
            for r in 0..<4 {
                for c in 0..<4 {
                    expectClose(state[4 * r + c], exact[r, c], within: Self.bound(tolerance, bits: bits, scale: 16),
                                "Y(1)[\(r),\(c)] at \(bits) bits")
                }
            }
        }
    }

    @Test("P3b: Y(10) against the 300-digit reference at 256 bits")
    func p3b() throws {
        let a: [[Rational]] = (0..<4).map { r in (0..<4).map { c in q((3 * r + 5 * c + 1) % 7 - 3, 4) } }
        let identity: [Rational] = (0..<16).map { $0 % 5 == 0 ? q(1) : q(0) }
        let problem = try ODEProblem(field: LinearMatrixFlow(a: a), initialState: identity, from: q(0), to: q(10))
        let bits = 256
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        for r in 0..<4 {
            for c in 0..<4 {
                let exact = try reference("p3b_Y10_\(r)\(c)", bits: bits + 64)
                // The flow grows ‖Y‖ to about 10 and amplifies early errors by up to e^{10·0.14}: allow 2^12 τ.
                expectClose(state[4 * r + c], exact, within: BigFloat(4096) * Self.bound(tolerance, bits: bits, scale: 16),
                            "P3b Y(10)[\(r),\(c)]")
            }
        }
    }

    @Test("P3a: y' = y² − t, y(10) against the Airy closed form", arguments: [53, 256])
    func p3a(bits: Int) throws {
        let problem = try ODEProblem(field: RiccatiAiry(), initialState: [q(1, 2)], from: q(0), to: q(10))
        let (state, tolerance, _) = try Self.run(problem, bits: bits)
        let exact = try reference("p3a_y10", bits: bits + 64)
        expectClose(state[0], exact, within: Self.bound(tolerance, bits: bits, scale: 4), "P3a y(10) at \(bits) bits")
    }
}
