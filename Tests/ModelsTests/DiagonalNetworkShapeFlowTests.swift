import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// The closed form β(s) = ¼[(u₀+v₀)²e^{2s} − (u₀−v₀)²e^{−2s}] of `DiagonalNetworkShapeFlow` against docs/theory.md §4.4's
/// form (|c|/2)·sinh(arcsinh(2β₀/|c|) + 2s), c = u₀² − v₀², evaluated independently in MPFR at 200 bits.
@Suite struct DiagonalNetworkShapeFlowTests {
    private func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test func closedFormMatchesTheSinhFormOfTheory() throws {
        try withPrecision(200) {
            let u0 = [r(1), r(1, 2), r(2), r(-1), r(1, 3)], v0 = [r(1, 2), r(1), r(1, 4), r(1, 10), r(-1, 4)]
            let flow = try DiagonalNetworkShapeFlow(a: [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]], y: [3, 1], u0: u0, v0: v0)
            let s = [r(3, 10), r(-1, 2), r(1, 7), r(2), r(-3, 5)].map { BigFloat($0) }
            let beta = flow.effectiveVector(s)
            for j in 0..<5 {
                let c = BigFloat((u0[j] * u0[j] - v0[j] * v0[j]).magnitude)
                let beta0 = BigFloat(u0[j] * v0[j])
                let two = BigFloat(2)
                let theory = c / two * BigFloat.sinh(BigFloat.asinh(two * beta0 / c) + two * s[j])
                #expect(BigFloat.abs(beta[j] - theory) <= BigFloat.abs(theory).scaled(byPowerOfTwo: -190), "j = \(j + 1)")
            }
            // At s = 0 the closed form is β(0) = u₀v₀ (exactly in rationals; here up to the rounding of its two terms,
            // each at most (|u₀| + |v₀|)²/4 ≤ 2).
            let atZero = flow.effectiveVector([BigFloat](repeating: BigFloat(0), count: 5))
            for j in 0..<5 {
                #expect(BigFloat.abs(atZero[j] - BigFloat(u0[j] * v0[j])) <= BigFloat(1).scaled(byPowerOfTwo: -196))
            }
            // The certificate vanishes at β(0) and equals 2s along the flow.
            let certificate = flow.certificate(beta)
            for j in 0..<5 {
                #expect(BigFloat.abs(certificate[j] - BigFloat(2) * s[j]) <= BigFloat(1).scaled(byPowerOfTwo: -185))
            }
        }
    }

    @Test func mismatchedInitializationIsATypedError() {
        #expect(throws: DiagonalNetworkError.initializationMismatch(columns: 2, u: 1, v: 2)) {
            try DiagonalNetworkShapeFlow(a: [[1, 1]], y: [1], u0: [1], v0: [1, 2])
        }
    }
}
