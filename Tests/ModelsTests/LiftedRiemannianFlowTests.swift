import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("LiftedRiemannianFlow: the Riemannian flow Ẇ = −A_W(W − A) as a polynomial system in (W, P, Q)")
struct LiftedRiemannianFlowTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }
    static func matrix(_ rows: [[Rational]]) -> Matrix<Rational> {
        Matrix(rows: rows.count, columns: rows[0].count) { rows[$0][$1] }
    }

    /// An orthogonal 3 × 3 (rows (1, 2, 2)/3, (2, 1, −2)/3, (2, −2, 1)/3) and a 3-4-5 rotation in the first two axes.
    static let u = matrix([[r(1, 3), r(2, 3), r(2, 3)], [r(2, 3), r(1, 3), r(-2, 3)], [r(2, 3), r(-2, 3), r(1, 3)]])
    static let v = matrix([[r(3, 5), r(-4, 5), r(0)], [r(4, 5), r(3, 5), r(0)], [r(0), r(0), r(1)]])
    static let roots = [r(1), r(1, 2), r(3, 4)]
    static let general = matrix([[r(1), r(0), r(2)], [r(-1), r(3), r(1)], [r(2), r(1), r(-1)]])

    static func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
        Matrix(rows: m.rowCount, columns: m.columnCount) { BigFloat(m[$0, $1]) }
    }

    /// The lifted flow integrated by the Taylor method at `bits` to `horizon`: (W, P, Q) at the end.
    static func run(_ flow: LiftedRiemannianFlow, u: Matrix<Rational>, v: Matrix<Rational>, roots: [Rational],
                    to horizon: Rational, bits: Int) throws -> [Matrix<BigFloat>] {
        let start = LiftedRiemannianFlow.initialState(left: u, right: v, roots: roots, depth: flow.depth)
        let problem = try ODEProblem(field: flow, initialState: start, from: 0, to: horizon)
        let state = try integrate(problem, method: Taylor(), scalar: BigFloat.self,
                                  options: IntegrationOptions(precision: bits)).state
        return withPrecision(bits) {
            (0..<3).map { b in
                let m = StateMatrix(state, flow.layout, block: b)
                return Matrix(rows: m.rows, columns: m.columns) { m[$0, $1] }
            }
        }
    }

    @Test("At balanced starts the lifted Ẇ is −A_W(W − A) from the SVD (3 × 3, N = 1…4; 2 × 3 rank 2), to 1e-30 at 128 bits")
    func fieldAgreesWithSVD() throws {
        let tall = Self.matrix([[Self.r(1, 3), Self.r(2, 3)], [Self.r(2, 3), Self.r(1, 3)], [Self.r(2, 3), Self.r(-2, 3)]])
        let rotation = Self.matrix([[Self.r(3, 5), Self.r(-4, 5)], [Self.r(4, 5), Self.r(3, 5)]])
        let wide = Self.matrix([[Self.r(1), Self.r(0), Self.r(2)], [Self.r(-1), Self.r(3), Self.r(1)]])
        let cases: [(Matrix<Rational>, Matrix<Rational>, Matrix<Rational>, [Rational], [Int])] = [
            (Self.general, Self.u, Self.v, Self.roots, [1, 2, 3, 4]),
            (wide, rotation, tall, [Self.r(1), Self.r(1, 2)], [2, 3]),
        ]
        try withPrecision(128) {
            for (a, u, v, roots, depths) in cases {
                for depth in depths {
                    let flow = try LiftedRiemannianFlow(depth: depth, target: a)
                    let state = LiftedRiemannianFlow.initialState(left: u, right: v, roots: roots, depth: depth)
                        .map { BigFloat($0) }
                    var derivative = state.map { _ in BigFloat(0) }
                    flow.evaluate(time: BigFloat(0), state: state, into: &derivative)
                    let w = flow.endToEnd(of: state), lifted = flow.endToEnd(of: derivative)
                    let svd = -(try EndToEndRiemannianFlow.metricOperator(at: w, applied: w - Self.rounded(a), depth: depth))
                    let gap = (lifted - svd).frobeniusNorm / svd.frobeniusNorm
                    #expect(gap < BigFloat(1e-30), "\(a.shape), depth \(depth): \(gap)")
                }
            }
        }
    }

    /// σ_i(4) of the aligned instance, from scripts/references/riemannian_aligned.py (mpmath odefun, 130 digits).
    static let alignedReference = [
        "1.999999999999802529500157011181337842829935519626995211204328546441068677862244720313392263320548175",
        "0.9998256727549324065966493518342148163024892070494177716398725086750862558832327954025707633667624509",
        "0.2643063441006245247341920262011763522147536965287246971495676290391654565077735833014244396864976137",
    ]

    @Test("Aligned A = U diag(2, 1, 1/4) Vᵀ, N = 3, to t = 4 at 256 bits: W(4) = U diag(σ(4)) Vᵀ with the mpmath σ to 1e-70")
    func alignedAgainstMPMath() throws {
        let a = Self.u * Matrix.diagonal([Self.r(2), Self.r(1), Self.r(1, 4)]) * Self.v.transposed()
        let flow = try LiftedRiemannianFlow(depth: 3, target: a)
        let w = try Self.run(flow, u: Self.u, v: Self.v, roots: Self.roots, to: 4, bits: 256)[0]
        try withPrecision(256) {
            let sigma = Self.rounded(Self.u).transposed() * w * Self.rounded(Self.v)
            for i in 0..<3 {
                for j in 0..<3 where i != j { #expect(BigFloat.abs(sigma[i, j]) < BigFloat(1e-70), "(\(i), \(j))") }
            }
            for (i, text) in Self.alignedReference.enumerated() {
                let reference = try #require(BigFloat(text))
                #expect(BigFloat.abs(sigma[i, i] - reference) < BigFloat(1e-70), "σ_\(i + 1) = \(sigma[i, i])")
            }
        }
    }

    @Test("Along the flow (general 3 × 3 A, N = 3, t = 4, 128 bits) P³ = WWᵀ, Q³ = WᵀW and WQ = PW to 1e-30")
    func invariants() throws {
        let flow = try LiftedRiemannianFlow(depth: 3, target: Self.general)
        let end = try Self.run(flow, u: Self.u, v: Self.v, roots: Self.roots, to: 4, bits: 128)
        withPrecision(128) {
            let (w, p, q) = (end[0], end[1], end[2])
            let scale = w.frobeniusNorm * w.frobeniusNorm
            #expect((p * p * p - w * w.transposed()).frobeniusNorm / scale < BigFloat(1e-30))
            #expect((q * q * q - w.transposed() * w).frobeniusNorm / scale < BigFloat(1e-30))
            #expect((w * q - p * w).frobeniusNorm / scale < BigFloat(1e-30))
            // The flow has moved: W(4) is near A, far from W(0).
            #expect((w - Self.rounded(Self.general)).frobeniusNorm < BigFloat(1) / 10)
        }
    }

    @Test("The lifted Taylor run and the SVD field under RKF 8(7) agree on W(1/2) to 1e-15 (N = 3, 3 × 3, 96 bits)")
    func agreesWithSVDField() throws {
        let flow = try LiftedRiemannianFlow(depth: 3, target: Self.general)
        let lifted = try Self.run(flow, u: Self.u, v: Self.v, roots: Self.roots, to: Self.r(1, 2), bits: 128)[0]
        try withPrecision(96) {
            let w0 = flow.endToEnd(of: LiftedRiemannianFlow.initialState(
                left: Self.u, right: Self.v, roots: Self.roots, depth: 3).map { BigFloat($0) })
            let tolerance = BigFloat(1).scaled(byPowerOfTwo: -64)
            var stepper = try ExplicitRungeKuttaStepper(
                tableau: .fehlberg78, rightHandSide: EndToEndRiemannianFlow(depth: 3, target: Self.general),
                time: BigFloat(0), state: (0..<3).flatMap { i in (0..<3).map { w0[i, $0] } },
                configuration: StepperConfiguration(precision: 96, relativeTolerance: tolerance,
                                                    absoluteTolerance: tolerance, horizonEnd: BigFloat(0.5)))
            let state = try integrate(&stepper, to: BigFloat(0.5)).state
            let svd = Matrix<BigFloat>(rows: 3, columns: 3) { state[$0 * 3 + $1] }
            let gap = (svd - Matrix(rows: 3, columns: 3) { lifted[$0, $1].rounded(toPrecision: 96) }).frobeniusNorm
            #expect(gap < BigFloat(1e-15), "\(gap)")
        }
    }
}
