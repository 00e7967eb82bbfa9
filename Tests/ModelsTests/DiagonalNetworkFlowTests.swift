import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("DiagonalNetworkFlow and DiagonalNetworkImplicitBias (docs/theory.md §4.2–§4.3)")
struct DiagonalNetworkFlowTests {
    static let a: Matrix<Rational> = try! Matrix(rows: [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]].map { $0.map { Rational($0) } })

    @Test("The Newton reference reproduces docs/theory.md §4.5's table (α = 1/10, depth 2) and has a zero certificate residual")
    func reference() throws {
        try withPrecision(256) {
            let flow = try DiagonalNetworkFlow(a: Self.a, y: [3, 1], alpha: Rational(numerator: 1, denominator: 10), depth: 2)
            let bias = DiagonalNetworkImplicitBias(flow: flow)
            let x = try bias.reference().x
            let table = ["0.113674122864", "0.000303361655176", "0.111936496585", "1.33208237921", "-0.110224622138"]
            for (value, expected) in zip(x, table) {
                #expect(BigFloat.abs(value - BigFloat(Rational(expected)!)) < BigFloat(Rational(numerator: 1, denominator: 100_000_000_000)))   // the table has 12 significant digits
            }
            #expect(try bias.distanceToRowSpace(bias.certificate(x)) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(70))))
        }
    }

    @Test("h_N^{−1} inverts h_N, and x(s) = α^N h_N(N(N−2)α^{N−2}s) at depth 3")
    func inverseH() throws {
        try withPrecision(256) {
            for z in ["-0.9", "-0.3", "0.05", "0.7"] {
                let zz = BigFloat(Rational(z)!)
                let back = try DiagonalNetworkImplicitBias.inverseH(DiagonalNetworkImplicitBias.h(zz, depth: 3), depth: 3)
                #expect(BigFloat.abs(back - zz) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(70))))
            }
            let flow = try DiagonalNetworkFlow(a: Self.a, y: [3, 1], alpha: Rational(numerator: 1, denominator: 2), depth: 3)
            let s = BigFloat(Rational(numerator: 1, denominator: 5))
            let x = flow.effectiveVector([s])[0]
            // u = (α^{−1} − 3s)^{−1}, v = (α^{−1} + 3s)^{−1}: x = u³ − v³ = 1/1.4³ − 1/2.6³.
            let expected = BigFloat(1) / BigFloat.pow(BigFloat(Rational("1.4")!), 3) - BigFloat(1) / BigFloat.pow(BigFloat(Rational("2.6")!), 3)
            #expect(BigFloat.abs(x - expected) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(70))))
        }
    }

    @Test("Bad inputs are typed errors")
    func errors() {
        #expect(throws: DiagonalNetworkError.depthTooSmall(1)) { try DiagonalNetworkFlow(a: Self.a, y: [3, 1], alpha: 1, depth: 1) }
        #expect(throws: DiagonalNetworkError.nonPositiveScale) { try DiagonalNetworkFlow(a: Self.a, y: [3, 1], alpha: 0, depth: 2) }
        #expect(throws: DiagonalNetworkError.self) { try DiagonalNetworkFlow(a: Self.a, y: [3], alpha: 1, depth: 2) }
    }
}
