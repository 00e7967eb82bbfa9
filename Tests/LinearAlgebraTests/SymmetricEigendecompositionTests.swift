import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("SymmetricEigendecomposition: cyclic Jacobi at any precision")
struct SymmetricEigendecompositionTests {
    func checkResiduals<T: Scalar>(_: T.Type, n: Int) throws {
        let a: Matrix<T> = pseudoRandomSymmetric(n, seed: 21)
        let eig = try SymmetricEigendecomposition(a)
        let q = eig.eigenvectors
        let u = T.unitRoundoff, nn = T(exactly: n)!
        // ‖A − QΛQᵀ‖ ≤ c·n·u·‖A‖ and ‖QᵀQ − I‖ ≤ c·n·u, c = 4.
        #expect(a.distance(to: q * .diagonal(eig.eigenvalues) * q.transposed()) <= 4 * nn * u * a.frobeniusNorm)
        #expect((q.transposed() * q - .identity(n)).frobeniusNorm <= 4 * nn * u)
        #expect(zip(eig.eigenvalues, eig.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(eig.reconstructed().distance(to: a) <= 4 * nn * u * a.frobeniusNorm)
    }

    @Test("‖A − QΛQᵀ‖ ≤ 4n·u·‖A‖ and ‖QᵀQ − I‖ ≤ 4n·u on a random symmetric matrix", arguments: precisions)
    func residuals(bits: Int) throws {
        try atPrecision(bits, double: { try checkResiduals(Double.self, n: 8) },
                        bigFloat: { try checkResiduals(BigFloat.self, n: bits > 256 ? 6 : 8) })
    }

    func checkSpectra<T: TestScalar>(_: T.Type) throws {
        let n = 7
        let toeplitz = Matrix<T>(rows: n, columns: n) { i, j in i == j ? 2 : (abs(i - j) == 1 ? -1 : 0) }
        let values = try SymmetricEigendecomposition(toeplitz).eigenvalues
        for (value, reference) in zip(values, LinearAlgebraReferences.toeplitzEigenvalues7) {
            // Absolute error ≤ 4n·u·‖A‖ (‖A‖₂ ≤ 4).
            expectClose(value, T.reference(reference), within: 16 * T(exactly: n)! * T.unitRoundoff, "tridiag(−1, 2, −1)")
        }
        let a = integerMatrix(LinearAlgebraReferences.symmetricMatrix, as: T.self)
        let ev = try SymmetricEigendecomposition(a).eigenvalues
        for (value, reference) in zip(ev, LinearAlgebraReferences.symmetricEigenvalues) {
            expectClose(value, T.reference(reference), within: 4 * 5 * T.unitRoundoff * a.frobeniusNorm, "mpmath eigsy")
        }
    }

    @Test("known spectra: tridiag(−1, 2, −1) against 2 − 2cos(kπ/(n+1)), and a 5×5 matrix against mpmath", arguments: precisions)
    func knownSpectra(bits: Int) throws {
        try atPrecision(bits, double: { try checkSpectra(Double.self) }, bigFloat: { try checkSpectra(BigFloat.self) })
    }

    @Test("eigenvectors are signed so that their largest entry is positive; a diagonal matrix is sorted")
    func diagonal() throws {
        let eig = try SymmetricEigendecomposition(Matrix<Double>.diagonal([3, -1, 2]))
        #expect(eig.eigenvalues == [-1, 2, 3])
        #expect(eig.eigenvectors == [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
        #expect(eig.sweeps == 0)
    }

    @Test("errors: not square, not symmetric, non-finite, and the sweep cap")
    func errors() {
        #expect(throws: LinearAlgebraError.notSquare(operation: "symmetric eigendecomposition", shape: MatrixShape(rows: 1, columns: 2))) {
            try SymmetricEigendecomposition(([[1, 2]] as Matrix<Double>))
        }
        #expect(throws: LinearAlgebraError.notSymmetric(operation: "symmetric eigendecomposition", row: 0, column: 1)) {
            try SymmetricEigendecomposition(([[1, 2], [3, 1]] as Matrix<Double>))
        }
        #expect(throws: LinearAlgebraError.nonFiniteEntry(operation: "symmetric eigendecomposition")) {
            try SymmetricEigendecomposition(([[1, .nan], [.nan, 1]] as Matrix<Double>))
        }
        #expect(throws: LinearAlgebraError.noConvergence(method: "Jacobi eigenvalue iteration", iterations: 1)) {
            try SymmetricEigendecomposition(pseudoRandomSymmetric(6, seed: 1, as: Double.self), maxSweeps: 1)
        }
    }
}
