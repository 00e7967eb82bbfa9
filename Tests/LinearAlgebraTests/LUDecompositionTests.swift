import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("LUDecomposition: solve, inverse, determinant")
struct LUDecompositionTests {
    func checkSolve<T: Scalar>(_: T.Type, n: Int) throws {
        let a: Matrix<T> = pseudoRandomMatrix(rows: n, columns: n, seed: 11) + 4 * .identity(n)
        let x: Matrix<T> = pseudoRandomMatrix(rows: n, columns: 2, seed: 12)
        let b = a * x
        let lu = try LUDecomposition(a)
        let solved = try lu.solve(b)
        // Backward error of LU with partial pivoting: ‖A·x̂ − b‖ ≤ c·n·u·‖A‖·‖x̂‖ (small growth factor here).
        let residual = (a * solved - b).frobeniusNorm
        #expect(residual <= 8 * T(exactly: n)! * T.unitRoundoff * a.frobeniusNorm * solved.frobeniusNorm)
        let inverse = try lu.inverse()
        #expect((a * inverse - .identity(n)).frobeniusNorm <= 8 * T(exactly: n)! * T.unitRoundoff * a.frobeniusNorm * inverse.frobeniusNorm)
        #expect(try lu.solve(b.column(0)).count == n)
    }

    @Test("solve and inverse have residuals at the level of n·u·‖A‖·‖x‖", arguments: precisions)
    func solve(bits: Int) throws {
        try atPrecision(bits, double: { try checkSolve(Double.self, n: 6) }, bigFloat: { try checkSolve(BigFloat.self, n: bits > 256 ? 6 : 8) })
    }

    @Test("determinants: a permutation, a triangular matrix, and det(AB) = det A · det B")
    func determinants() throws {
        let swap: Matrix<Double> = [[0, 1], [1, 0]]
        #expect(try swap.determinant() == -1)
        let triangular: Matrix<Double> = [[2, 7, 1], [0, 3, 5], [0, 0, -4]]
        #expect(try triangular.determinant() == -24)
        try withPrecision(256) {
            let a: Matrix<BigFloat> = pseudoRandomMatrix(rows: 4, columns: 4, seed: 3)
            let b: Matrix<BigFloat> = pseudoRandomMatrix(rows: 4, columns: 4, seed: 4)
            let lhs = try (a * b).determinant(), rhs = try a.determinant() * b.determinant()
            expectClose(lhs, rhs, within: 64 * BigFloat.unitRoundoff * rhs.magnitude)
        }
    }

    @Test("a singular solve is a thrown error, never NaNs; the determinant of a singular matrix is 0", arguments: precisions)
    func singular(bits: Int) throws {
        func check<T: Scalar>(_: T.Type) throws {
            let exactlySingular = integerMatrix([[1, 2], [2, 4]], as: T.self)
            #expect(try exactlySingular.determinant() == .zero)
            #expect(throws: LinearAlgebraError.singularMatrix(operation: "LU solve", column: 1)) {
                try exactlySingular.solve(.identity(2))
            }
            // Singular in exact arithmetic, but rounding leaves a tiny pivot: still an error.
            let roundedSingular = integerMatrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]], as: T.self) / 10
            #expect(throws: LinearAlgebraError.self) { try roundedSingular.inverse() }
            #expect(throws: LinearAlgebraError.self) { try Matrix<T>.zeros(rows: 3, columns: 3).solve(.identity(3)) }
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("shape errors from user data are thrown")
    func shapes() {
        let wide: Matrix<Double> = [[1, 2, 3]]
        #expect(throws: LinearAlgebraError.notSquare(operation: "LU decomposition", shape: MatrixShape(rows: 1, columns: 3))) {
            try wide.determinant()
        }
        let a: Matrix<Double> = [[2, 1], [1, 3]]
        #expect(throws: LinearAlgebraError.dimensionMismatch(operation: "LU solve", lhs: a.shape, rhs: MatrixShape(rows: 3, columns: 1))) {
            try a.solve([[1], [2], [3]])
        }
    }
}
