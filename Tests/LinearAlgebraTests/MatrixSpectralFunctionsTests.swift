import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("Functions of symmetric positive semidefinite matrices")
struct MatrixSpectralFunctionsTests {
    /// A symmetric positive definite matrix BᵀB + I, and a PSD one of rank 2.
    func spd<T: Scalar>(_ n: Int, as _: T.Type) -> Matrix<T> {
        let b: Matrix<T> = pseudoRandomMatrix(rows: n, columns: n, seed: 41)
        return b.transposed() * b + .identity(n)
    }

    @Test("(A^{1/3})³ = A, A^{1/2}·A^{1/2} = A and sqrt = A^{1/2}, to c·n·u·‖A‖", arguments: precisions)
    func powers(bits: Int) throws {
        func check<T: Scalar>(_: T.Type) throws {
            let n = 5
            let tolerance = 16 * T(exactly: n)! * T.unitRoundoff
            for a in [spd(n, as: T.self), { let w: Matrix<T> = pseudoRandomMatrix(rows: n, columns: 2, seed: 42); return w * w.transposed() }()] {
                let cubeRoot = try a.power(1 / 3)
                #expect((cubeRoot * cubeRoot * cubeRoot).distance(to: a) <= tolerance * a.frobeniusNorm)
                let root = try a.squareRoot()
                #expect((root * root).distance(to: a) <= tolerance * a.frobeniusNorm)
                #expect(root.distance(to: try a.power(1 / 2)) <= tolerance * root.frobeniusNorm)
                #expect(root == root.transposed())
                #expect(try a.power(0) == .identity(n))
                #expect(try a.power(1).distance(to: a) <= tolerance * a.frobeniusNorm)
            }
            let a = spd(n, as: T.self)
            let inverse = try a.power(-1)
            #expect((inverse * a - .identity(n)).frobeniusNorm <= tolerance * a.frobeniusNorm * inverse.frobeniusNorm)
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("exp(log A) = A (two independent methods) and log of a diagonal matrix", arguments: precisions)
    func logarithm(bits: Int) throws {
        func check<T: Scalar>(_: T.Type) throws {
            let a = spd(4, as: T.self)
            let log = try a.logarithm()
            let tolerance = 64 * 4 * T.unitRoundoff
            #expect(try log.exponential().distance(to: a) <= tolerance * a.frobeniusNorm)
            let d = try Matrix<T>.diagonal([1, 2, 4]).logarithm()
            expectClose(d[2, 2], 2 * T.log(2), within: 4 * T.unitRoundoff)
            expectClose(d[0, 0], .zero, within: 4 * T.unitRoundoff)
        }
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }

    @Test("a negative eigenvalue beyond rounding, or a zero one for log and negative powers, is a thrown error")
    func domainErrors() throws {
        let indefinite: Matrix<Double> = [[1, 2], [2, 1]]   // eigenvalues −1 and 3
        #expect(throws: LinearAlgebraError.eigenvalueOutOfDomain(function: "sqrt", eigenvalue: -1)) {
            try indefinite.squareRoot()
        }
        let singular: Matrix<Double> = [[1, 1], [1, 1]]    // eigenvalues 0 and 2
        #expect(throws: LinearAlgebraError.self) { try singular.logarithm() }
        #expect(throws: LinearAlgebraError.self) { try singular.power(-0.5) }
        #expect(try singular.squareRoot().distance(to: singular / 2.squareRoot()) <= 8e-16)
        // Rounding noise around a zero eigenvalue is clamped, not an error.
        let w: Matrix<Double> = [[0.1], [0.7], [0.3]]
        #expect(try (w * w.transposed()).power(0.5).frobeniusNorm > 0)
    }
}
