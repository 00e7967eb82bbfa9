import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

/// The workspaces (the one implementation behind `exponential()`, `SymmetricEigendecomposition` and `logarithm()`)
/// against closed forms, not against the value-returning forms: at 64 and 256 bits and in `Double`, each workspace
/// reused across the inputs.
@Suite("Matrix function workspaces against closed forms: exp of diagonal, nilpotent and rotation generators, log diag(1, e, e²), a known spectrum")
struct MatrixFunctionWorkspaceReferenceTests {
    func check<T: Scalar>(_: T.Type) throws {
        let u = T.unitRoundoff
        var exponential = MatrixExponentialWorkspace<T>(order: 3)
        var e = Matrix<T>.zeros(rows: 3, columns: 3)
        // exp(diag(−1, 1/2, 2)) = diag(e^−1, e^(1/2), e²); error ≤ 16·n·u·2‖A‖∞·max e^d.
        let d: [T] = [-1, 1 / 2, 2]
        try exponential.exponential(of: .diagonal(d), into: &e)
        #expect(e.distance(to: .diagonal(d.map { T.exp($0) })) <= 16 * 3 * u * 4 * T.exp(2))
        // exp of the nilpotent N = [[0, 2, −1], [0, 0, 4], [0, 0, 0]] is I + N + N²/2 exactly in exact arithmetic.
        let n = integerMatrix([[0, 2, -1], [0, 0, 4], [0, 0, 0]], as: T.self)
        try exponential.exponential(of: n, into: &e)
        let expected = Matrix<T>.identity(3) + n + n * n / 2
        #expect(e.distance(to: expected) <= 16 * 3 * u * 8 * expected.frobeniusNorm)
        // exp(θ·[[0, −1, 0], [1, 0, 0], [0, 0, 0]]) is the rotation by θ = 3 in the first two coordinates.
        let generator = integerMatrix([[0, -3, 0], [3, 0, 0], [0, 0, 0]], as: T.self)
        try exponential.exponential(of: generator, into: &e)
        let c = T.cos(3), s = T.sin(3)
        let rotation = try Matrix<T>(rows: [[c, -s, .zero], [s, c, .zero], [.zero, .zero, 1]])
        #expect(e.distance(to: rotation) <= 16 * 3 * u * 6)

        // log diag(1, e, e²) = diag(0, 1, 2), the entries e and e² rounded once each.
        var logarithm = SymmetricLogarithmWorkspace<T>(order: 3)
        var l = Matrix<T>.zeros(rows: 3, columns: 3)
        let euler = T.exp(1)
        try logarithm.logarithm(of: .diagonal([1, euler, euler * euler]), into: &l)
        #expect(l.distance(to: .diagonal([0, 1, 2])) <= 16 * 3 * u)

        // tridiag(−1, 2, −1) of order 7 has the eigenvalues 2 − 2·cos(kπ/8), k = 1…7 (π/8 = atan(1)/2).
        var eig = SymmetricEigendecompositionWorkspace<T>(order: 7)
        let t = Matrix<T>(rows: 7, columns: 7) { i, j in i == j ? 2 : (i - j == 1 || j - i == 1 ? -1 : .zero) }
        try eig.decompose(t)
        for k in 1...7 {
            expectClose(eig.eigenvalues[k - 1], 2 - 2 * T.cos(T(exactly: k)! * T.atan(1) / 2), within: 16 * 7 * u * 4)
        }
        // Q is orthogonal and reconstructs T.
        let q = eig.eigenvectors
        #expect((q.transposed() * q - .identity(7)).frobeniusNorm <= 16 * 7 * u)
        #expect((q * .diagonal(eig.eigenvalues) * q.transposed()).distance(to: t) <= 16 * 7 * u * 4)
    }

    @Test("at 64 and 256 bits and in Double", arguments: [53, 64, 256])
    func closedForms(bits: Int) throws {
        try atPrecision(bits, double: { try check(Double.self) }, bigFloat: { try check(BigFloat.self) })
    }
}
