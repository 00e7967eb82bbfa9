import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("Rank, effective rank and the best rank-k approximation")
struct SingularValueDecompositionRankTests {
    /// U·diag(σ)·Vᵀ with U, V orthogonal: a product of Householder reflectors I − 2vvᵀ/vᵀv built from integer vectors.
    func withSingularValues<T: Scalar>(_ sigma: [Int], rows m: Int, columns n: Int, as _: T.Type) -> Matrix<T> {
        func reflector(_ size: Int, seed: Int) -> Matrix<T> {
            let v = Matrix<T>(rows: size, columns: 1) { i, _ in T(exactly: (i * seed) % 5 + 1)! }
            let vv = (v.transposed() * v)[0, 0]
            return .identity(size) - (2 / vv) * (v * v.transposed())
        }
        let s = Matrix<T>(rows: m, columns: n) { i, j in i == j && i < sigma.count ? T(exactly: sigma[i])! : .zero }
        return reflector(m, seed: 3) * s * reflector(n, seed: 2)
    }

    @Test("rank with the default and an explicit tolerance", arguments: precisions)
    func rank(bits: Int) throws {
        func check<T: Scalar>(_: T.Type) throws {
            let a = withSingularValues([5, 3, 1], rows: 5, columns: 4, as: T.self)
            #expect(try a.rank() == 3)
            #expect(try a.rank(tolerance: 2) == 2)
            #expect(try Matrix<T>.zeros(rows: 2, columns: 3).rank() == 0)
            #expect(try Matrix<T>.identity(4).rank() == 4)
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("effective rank: k for k equal singular values, and mpmath's value for 4, 2, 1, 1/2, 0", arguments: precisions)
    func effectiveRank(bits: Int) throws {
        func check<T: TestScalar>(_: T.Type) throws {
            let u = T.unitRoundoff
            let equal = withSingularValues([2, 2, 2], rows: 4, columns: 4, as: T.self)
            expectClose(try equal.effectiveRank(), 3, within: 64 * u, "three equal singular values")
            // Scale the reference singular values by 2 to keep integers: the effective rank is scale-invariant.
            let graded = withSingularValues([8, 4, 2, 1, 0], rows: 5, columns: 5, as: T.self)
            expectClose(try graded.effectiveRank(), T.reference(LinearAlgebraReferences.effectiveRank42105), within: 64 * u,
                        "Roy–Vetterli effective rank")
            #expect(try Matrix<T>.zeros(rows: 2, columns: 2).effectiveRank() == .zero)
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("Eckart–Young: ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²), and A_k has rank k", arguments: precisions)
    func bestRankApproximation(bits: Int) throws {
        func check<T: Scalar>(_: T.Type) throws {
            let a = withSingularValues([6, 4, 3, 2], rows: 5, columns: 4, as: T.self)
            let a2 = try a.bestRankApproximation(rank: 2)
            expectClose(a2.distance(to: a), T.sqrt(13), within: 16 * 5 * T.unitRoundoff * a.frobeniusNorm)
            #expect(try a2.rank() == 2)
            #expect(try a.bestRankApproximation(rank: 9).distance(to: a) <= 16 * 5 * T.unitRoundoff * a.frobeniusNorm)
            #expect(throws: LinearAlgebraError.self) { try a.bestRankApproximation(rank: -1) }
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }
}
