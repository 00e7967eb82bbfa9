import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

/// The preallocated matrix exponential, Jacobi eigendecomposition and logarithm against the value-returning
/// `exponential()`, `SymmetricEigendecomposition(_:)` and `logarithm()`, bit for bit (value, sign and precision of every
/// entry), at 64 and 256 bits and in `Double`, with each workspace reused across several matrices. The value-returning
/// forms now run on a fresh workspace, so these check that reuse (and a workspace at another precision or order)
/// changes nothing; MatrixFunctionLegacyOutputsTests and MatrixFunctionWorkspaceReferenceTests hold the independent
/// references.
@Suite("Matrix function workspaces: exp, the Jacobi eigendecomposition and log in place equal the value-returning forms bit for bit")
struct MatrixFunctionWorkspaceTests {
    static func identical(_ a: [BigFloat], _ b: [BigFloat]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ($0 == $1 || ($0.isNaN && $1.isNaN)) && $0.sign == $1.sign && $0.precision == $1.precision }
    }

    /// Symmetric positive definite: B·Bᵀ/8 + I/4 for a pseudo-random B.
    static func positiveDefinite<T: Scalar>(_ n: Int, seed: UInt64, as _: T.Type = T.self) -> Matrix<T> {
        let b: Matrix<T> = pseudoRandomMatrix(rows: n, columns: n, seed: seed)
        return b * b.transposed() / T(8) + Matrix<T>.identity(n) / T(4)
    }

    /// Square matrices with small and large norms (no squaring, several squarings), the zero matrix, and the
    /// symmetric generators of mirror descent.
    static func exponentialInputs<T: Scalar>(_ n: Int, as _: T.Type = T.self) -> [Matrix<T>] {
        [pseudoRandomMatrix(rows: n, columns: n, seed: 11) / T(64), pseudoRandomMatrix(rows: n, columns: n, seed: 12),
         pseudoRandomMatrix(rows: n, columns: n, seed: 13) * T(9), .zeros(rows: n, columns: n),
         pseudoRandomSymmetric(n, seed: 14), -(positiveDefinite(n, seed: 15))]
    }

    @Test("MatrixExponentialWorkspace: exp(A) equals exponential() bit for bit (n = 1, 3, 5; 64 and 256 bits; Double)")
    func exponentialIsBitIdentical() throws {
        for n in [1, 3, 5] {
            for bits in [64, 256] {
                try withPrecision(bits) {
                    var workspace = MatrixExponentialWorkspace<BigFloat>(order: n)
                    var result = Matrix<BigFloat>.zeros(rows: n, columns: n)
                    for a in Self.exponentialInputs(n, as: BigFloat.self) {
                        try workspace.exponential(of: a, into: &result)
                        #expect(Self.identical(result.elements, try a.exponential().elements), "n = \(n), \(bits) bits")
                    }
                }
            }
            var workspace = MatrixExponentialWorkspace<Double>(order: n)
            var result = Matrix<Double>.zeros(rows: n, columns: n)
            for a in Self.exponentialInputs(n, as: Double.self) {
                try workspace.exponential(of: a, into: &result)
                #expect(result.elements.map(\.bitPattern) == (try a.exponential()).elements.map(\.bitPattern))
            }
        }
    }

    /// The exponential of a known matrix: exp([[0, −1], [1, 0]]) is the rotation by 1 radian, to 2^−250 at 256 bits
    /// (an independent reference, not the value-returning form).
    @Test("MatrixExponentialWorkspace: exp of the rotation generator is [[cos 1, −sin 1], [sin 1, cos 1]] to 2^−250")
    func exponentialOfRotationGenerator() throws {
        try withPrecision(256) {
            var workspace = MatrixExponentialWorkspace<BigFloat>(order: 2)
            var result = Matrix<BigFloat>.zeros(rows: 2, columns: 2)
            try workspace.exponential(of: [[0, -1], [1, 0]], into: &result)
            let c = BigFloat.cos(BigFloat(1)), s = BigFloat.sin(BigFloat(1)), tolerance = BigFloat(1).scaled(byPowerOfTwo: -250)
            let expected: Matrix<BigFloat> = [[c, -s], [s, c]]
            #expect((result - expected).maxAbs <= tolerance)
        }
    }

    /// Entries at 320 bits (or a result matrix at 320 bits) with the workspace at 256: the value-returning path runs, so
    /// the result is that of `exponential()` bit for bit; a non-finite entry throws as it does.
    @Test("MatrixExponentialWorkspace: mixed precisions and a NaN entry take the value-returning path's result and error")
    func exponentialMixedPrecisionAndErrors() throws {
        let wide: Matrix<BigFloat> = withPrecision(320) { pseudoRandomMatrix(rows: 3, columns: 3, seed: 21) }
        try withPrecision(256) {
            var workspace = MatrixExponentialWorkspace<BigFloat>(order: 3)
            var result = Matrix<BigFloat>.zeros(rows: 3, columns: 3)
            try workspace.exponential(of: wide, into: &result)
            let reference = try wide.exponential()
            #expect(Self.identical(result.elements, reference.elements))
            let narrow: Matrix<BigFloat> = pseudoRandomMatrix(rows: 3, columns: 3, seed: 21)
            var wideResult: Matrix<BigFloat> = withPrecision(320) { .zeros(rows: 3, columns: 3) }
            try workspace.exponential(of: narrow, into: &wideResult)
            #expect(Self.identical(wideResult.elements, try narrow.exponential().elements))
            var bad = narrow
            bad[1, 2] = BigFloat.nan()
            #expect(throws: LinearAlgebraError.nonFiniteEntry(operation: "matrix exponential")) {
                try workspace.exponential(of: bad, into: &result)
            }
            try workspace.exponential(of: narrow, into: &result)   // still usable after the error
            #expect(Self.identical(result.elements, try narrow.exponential().elements))
        }
    }

    /// Symmetric inputs: exactly symmetric, symmetric within rounding (a product B·Bᵀ formed entry by entry in the
    /// other order), with repeated eigenvalues (the identity plus a rank-one term), diagonal, and 1 × 1.
    static func symmetricInputs<T: Scalar>(_ n: Int, as _: T.Type = T.self) -> [Matrix<T>] {
        let b: Matrix<T> = pseudoRandomMatrix(rows: n, columns: n, seed: 31)
        let nearly = Matrix<T>(rows: n, columns: n) { i, j in
            var sum = T.zero
            for k in 0..<n { sum += (i <= j ? b[i, k] * b[j, k] : b[j, k] * b[i, k]) / T(3) }
            return sum + (i == j ? 1 : 0)
        }
        let v = Matrix<T>(rows: n, columns: 1) { i, _ in T(exactly: i + 1)! }
        return [positiveDefinite(n, seed: 32), nearly, Matrix<T>.identity(n) + v * v.transposed(),
                Matrix<T>.diagonal((0..<n).map { T(exactly: n - $0)! }), pseudoRandomSymmetric(n, seed: 33)]
    }

    @Test("SymmetricEigendecompositionWorkspace: eigenvalues, eigenvectors and sweeps equal SymmetricEigendecomposition's (n = 1, 3, 6; 64, 256 bits; Double)")
    func eigendecompositionIsBitIdentical() throws {
        for n in [1, 3, 6] {
            for bits in [64, 256] {
                try withPrecision(bits) {
                    var workspace = SymmetricEigendecompositionWorkspace<BigFloat>(order: n)
                    for a in Self.symmetricInputs(n, as: BigFloat.self) {
                        try workspace.decompose(a)
                        let eig = try SymmetricEigendecomposition(a)
                        #expect(Self.identical(workspace.eigenvalues, eig.eigenvalues), "n = \(n), \(bits) bits")
                        #expect(Self.identical(workspace.eigenvectors.elements, eig.eigenvectors.elements))
                        #expect(workspace.sweeps == eig.sweeps)
                    }
                }
            }
            var workspace = SymmetricEigendecompositionWorkspace<Double>(order: n)
            for a in Self.symmetricInputs(n, as: Double.self) {
                try workspace.decompose(a)
                let eig = try SymmetricEigendecomposition(a)
                #expect(workspace.eigenvalues.map(\.bitPattern) == eig.eigenvalues.map(\.bitPattern))
                #expect(workspace.eigenvectors.elements.map(\.bitPattern) == eig.eigenvectors.elements.map(\.bitPattern))
            }
        }
    }

    /// diag(3, 1, 2) rotated by nothing: eigenvalues 1, 2, 3 exactly and unit eigenvectors e_2, e_3, e_1 (an independent
    /// reference); a clearly asymmetric matrix and an infinite entry throw as the value-returning form throws.
    @Test("SymmetricEigendecompositionWorkspace: diag(3, 1, 2) gives 1, 2, 3 and e_2, e_3, e_1; errors as SymmetricEigendecomposition")
    func eigendecompositionReferenceAndErrors() throws {
        try withPrecision(256) {
            var workspace = SymmetricEigendecompositionWorkspace<BigFloat>(order: 3)
            try workspace.decompose(Matrix.diagonal([3, 1, 2]))
            #expect(workspace.eigenvalues == [1, 2, 3])
            #expect(workspace.eigenvectors.elements == [0, 0, 1, 1, 0, 0, 0, 1, 0])
            #expect(throws: LinearAlgebraError.notSymmetric(operation: "symmetric eigendecomposition", row: 0, column: 1)) {
                try workspace.decompose([[1, 2, 0], [0, 1, 0], [0, 0, 1]])
            }
            #expect(throws: LinearAlgebraError.nonFiniteEntry(operation: "symmetric eigendecomposition")) {
                try workspace.decompose([[1, 0, 0], [0, BigFloat.infinity(), 0], [0, 0, 1]])
            }
        }
    }

    /// Entries at 320 bits with the workspace at 256 (where `SymmetricEigendecomposition` rotates out of place): the
    /// value-returning path's numbers, at 320 bits.
    @Test("SymmetricEigendecompositionWorkspace: entries at 320 bits in a 256-bit workspace give SymmetricEigendecomposition's numbers")
    func eigendecompositionMixedPrecision() throws {
        let wide: Matrix<BigFloat> = withPrecision(320) { Self.positiveDefinite(4, seed: 41) }
        try withPrecision(256) {
            var workspace = SymmetricEigendecompositionWorkspace<BigFloat>(order: 4)
            try workspace.decompose(wide)
            let eig = try SymmetricEigendecomposition(wide)
            #expect(Self.identical(workspace.eigenvalues, eig.eigenvalues))
            #expect(Self.identical(workspace.eigenvectors.elements, eig.eigenvectors.elements))
            #expect(workspace.eigenvalues.allSatisfy { $0.precision == 320 })
        }
    }

    @Test("SymmetricLogarithmWorkspace: log(A) equals logarithm() bit for bit (n = 1, 3, 6; 64, 256 bits; Double; mixed precision)")
    func logarithmIsBitIdentical() throws {
        for n in [1, 3, 6] {
            for bits in [64, 256] {
                try withPrecision(bits) {
                    var workspace = SymmetricLogarithmWorkspace<BigFloat>(order: n)
                    var result = Matrix<BigFloat>.zeros(rows: n, columns: n)
                    for a in Self.symmetricInputs(n, as: BigFloat.self).prefix(4) {
                        try workspace.logarithm(of: a, into: &result)
                        #expect(Self.identical(result.elements, try a.logarithm().elements), "n = \(n), \(bits) bits")
                    }
                }
            }
            var workspace = SymmetricLogarithmWorkspace<Double>(order: n)
            var result = Matrix<Double>.zeros(rows: n, columns: n)
            for a in Self.symmetricInputs(n, as: Double.self).prefix(4) {
                try workspace.logarithm(of: a, into: &result)
                #expect(result.elements.map(\.bitPattern) == (try a.logarithm()).elements.map(\.bitPattern))
            }
        }
        let wide: Matrix<BigFloat> = withPrecision(320) { Self.positiveDefinite(3, seed: 42) }
        try withPrecision(256) {
            var workspace = SymmetricLogarithmWorkspace<BigFloat>(order: 3)
            var result = Matrix<BigFloat>.zeros(rows: 3, columns: 3)
            try workspace.logarithm(of: wide, into: &result)
            #expect(Self.identical(result.elements, try wide.logarithm().elements))
        }
    }

    /// log(diag(1, e, e²)) = diag(0, 1, 2) to 2^−250 (an independent reference); a matrix with eigenvalue −1 throws
    /// `eigenvalueOutOfDomain` as `logarithm()` does.
    @Test("SymmetricLogarithmWorkspace: log diag(1, e, e²) = diag(0, 1, 2) to 2^−250; a negative eigenvalue throws")
    func logarithmReferenceAndErrors() throws {
        try withPrecision(256) {
            var workspace = SymmetricLogarithmWorkspace<BigFloat>(order: 3)
            var result = Matrix<BigFloat>.zeros(rows: 3, columns: 3)
            let e = BigFloat.exp(BigFloat(1))
            try workspace.logarithm(of: Matrix.diagonal([1, e, e * e]), into: &result)
            #expect((result - Matrix.diagonal([0, 1, 2])).maxAbs <= BigFloat(1).scaled(byPowerOfTwo: -250))
            #expect(throws: LinearAlgebraError.eigenvalueOutOfDomain(function: "log", eigenvalue: -1)) {
                try workspace.logarithm(of: Matrix.diagonal([2, -1, 3]), into: &result)
            }
        }
    }
}
