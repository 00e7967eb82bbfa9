import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("SingularValueDecomposition: one-sided Jacobi at any precision")
struct SingularValueDecompositionTests {
    func checkResiduals<T: Scalar>(_: T.Type, rows: Int, columns: Int, rank: Int? = nil) throws {
        var a: Matrix<T> = pseudoRandomMatrix(rows: rows, columns: columns, seed: 31)
        if let rank {   // a product of thin factors has exactly this rank
            let left: Matrix<T> = pseudoRandomMatrix(rows: rows, columns: rank, seed: 32)
            let right: Matrix<T> = pseudoRandomMatrix(rows: rank, columns: columns, seed: 33)
            a = left * right
        }
        let svd = try SingularValueDecomposition(a)
        let r = min(rows, columns)
        let u = T.unitRoundoff, m = T(exactly: max(rows, columns))!
        #expect(svd.singularValues.count == r && svd.u.shape == MatrixShape(rows: rows, columns: r)
                && svd.v.shape == MatrixShape(rows: columns, columns: r))
        // ‖A − UΣVᵀ‖ ≤ c·m·u·‖A‖ and ‖UᵀU − I‖ ≤ c·m·u, c = 4 (U's columns are orthogonal to the stopping
        // tolerance m·u). V is a product of rotations: each sweep adds about n roundings of size u to every column, so
        // ‖VᵀV − I‖ ≤ 2·sweeps·n·u.
        #expect(svd.reconstructed().distance(to: a) <= 4 * m * u * a.frobeniusNorm)
        #expect((svd.u.transposed() * svd.u - .identity(r)).frobeniusNorm <= 4 * m * u)
        let rotationsPerColumn = T(exactly: 2 * max(svd.sweeps, 1) * columns)!
        #expect((svd.v.transposed() * svd.v - .identity(r)).frobeniusNorm <= rotationsPerColumn * u)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(svd.singularValues.allSatisfy { $0 >= .zero })
        if let rank {
            #expect(svd.rank() == rank)
        }
    }

    @Test("‖A − UΣVᵀ‖ ≤ 4m·u·‖A‖ and orthonormal U, V: tall, wide and rank-deficient", arguments: precisions)
    func residuals(bits: Int) throws {
        func all<T: Scalar>(_: T.Type) throws {
            try checkResiduals(T.self, rows: 7, columns: 5)
            try checkResiduals(T.self, rows: 4, columns: 6)
            try checkResiduals(T.self, rows: 6, columns: 6, rank: 3)
        }
        try atPrecision(bits, double: { try all(Double.self) }, bigFloat: { try all(BigFloat.self) })
    }

    @Test("singular values of a 4×3 matrix against mpmath to full relative precision w.r.t. ‖A‖", arguments: precisions)
    func knownValues(bits: Int) throws {
        func check<T: TestScalar>(_: T.Type) throws {
            let a = integerMatrix(LinearAlgebraReferences.rectangularMatrix, as: T.self)
            let values = try SingularValueDecomposition(a).singularValues
            for (value, reference) in zip(values, LinearAlgebraReferences.rectangularSingularValues) {
                expectClose(value, T.reference(reference), within: 4 * 4 * T.unitRoundoff * a.frobeniusNorm, "mpmath svd_r")
            }
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("the zero matrix: zero singular values and orthonormal completed U")
    func zeroMatrix() throws {
        let svd = try SingularValueDecomposition(Matrix<Double>.zeros(rows: 3, columns: 2))
        #expect(svd.singularValues == [0, 0])
        #expect((svd.u.transposed() * svd.u - .identity(2)).frobeniusNorm <= 1e-15)
        #expect(svd.rank() == 0)
    }

    @Test("the sweep cap and non-finite entries are thrown errors")
    func errors() {
        #expect(throws: LinearAlgebraError.noConvergence(method: "one-sided Jacobi SVD", iterations: 1)) {
            try SingularValueDecomposition(pseudoRandomMatrix(rows: 5, columns: 5, seed: 1, as: Double.self), maxSweeps: 1)
        }
        #expect(throws: LinearAlgebraError.nonFiniteEntry(operation: "singular value decomposition")) {
            try SingularValueDecomposition(([[1, .infinity]] as Matrix<Double>))
        }
    }
}
