import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("The matrix exponential")
struct MatrixExponentialTests {
    @Test("a nilpotent matrix: the finite sum I + N + N²/2 + N³/6", arguments: precisions)
    func nilpotent(bits: Int) throws {
        func check<T: Scalar>(_: T.Type) throws {
            let n = integerMatrix([[0, 2, -1, 3], [0, 0, 4, 1], [0, 0, 0, -2], [0, 0, 0, 0]], as: T.self)
            let n2 = n * n, n3 = n2 * n
            let expected = Matrix<T>.identity(4) + n + n2 / 2 + n3 / 6
            let e = try n.exponential()
            #expect(e.distance(to: expected) <= 16 * 4 * T.unitRoundoff * expected.frobeniusNorm)
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("a rotation generator: exp(θ·[[0, −1], [1, 0]]) = [[cos θ, −sin θ], [sin θ, cos θ]] for θ = 1, 3 (mpmath)",
          arguments: precisions)
    func rotation(bits: Int) throws {
        func check<T: TestScalar>(_: T.Type) throws {
            let refs = LinearAlgebraReferences.cosSin.map(T.reference)
            for (theta, cos, sin) in [(1, refs[0], refs[1]), (3, refs[2], refs[3])] {
                let generator = integerMatrix([[0, -theta], [theta, 0]], as: T.self)
                let e = try generator.exponential()
                let expected: Matrix<T> = try Matrix(rows: [[cos, -sin], [sin, cos]])
                // Error ≤ c·n·u·2^s with 2^s ≤ 2‖A‖∞ squarings: c·n·u·‖A‖, c = 16.
                #expect(e.distance(to: expected) <= 16 * 2 * T.unitRoundoff * T(exactly: 2 * theta)!)
            }
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("two general 4 × 4 matrices (‖A‖∞ ≈ 2.6 and 15.4) against mpmath's expm, relative error ≤ 16·n·u·2^s",
          arguments: precisions)
    func generalMatrices(bits: Int) throws {
        func check<T: TestScalar>(_: T.Type) throws {
            let cases = [(LinearAlgebraReferences.expGeneralNumerators, LinearAlgebraReferences.expGeneralExponential),
                         (LinearAlgebraReferences.expLargeNumerators, LinearAlgebraReferences.expLargeExponential)]
            for (numerators, values) in cases {
                let a = integerMatrix(numerators, as: T.self) / T(exactly: 7)!
                let reference = Matrix<T>(rows: 4, columns: 4) { i, j in T.reference(values[4 * i + j]) }
                // s = ⌈log₂(2‖A‖∞)⌉ squarings, each at most doubling the relative error of the Taylor core.
                let squarings = Int(Double.log2(2 * a.infinityNorm.doubleValue).rounded(.up))
                let bound = 16 * 4 * T.unitRoundoff * T(exactly: 1 << squarings)! * reference.frobeniusNorm
                #expect(try a.exponential().distance(to: reference) <= bound)
            }
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("exp(A)·exp(−A) = I and exp(0) = I on a general matrix")
    func inverseIdentity() throws {
        try withPrecision(256) {
            let a: Matrix<BigFloat> = pseudoRandomMatrix(rows: 4, columns: 4, seed: 51)
            let product = try a.exponential() * (-a).exponential()
            #expect((product - .identity(4)).frobeniusNorm <= 64 * 4 * BigFloat.unitRoundoff * BigFloat.exp(2 * a.infinityNorm))
            #expect(try Matrix<BigFloat>.zeros(rows: 3, columns: 3).exponential() == .identity(3))
        }
    }

    @Test("errors: not square, non-finite")
    func errors() {
        #expect(throws: LinearAlgebraError.notSquare(operation: "matrix exponential", shape: MatrixShape(rows: 1, columns: 2))) {
            try ([[1, 2]] as Matrix<Double>).exponential()
        }
        #expect(throws: LinearAlgebraError.nonFiniteEntry(operation: "matrix exponential")) {
            try ([[Double.nan]] as Matrix<Double>).exponential()
        }
    }
}
