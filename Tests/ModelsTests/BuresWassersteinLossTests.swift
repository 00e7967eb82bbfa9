import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// References: Tests/ClaimsTests/References/mirror_descent_bures_wasserstein.py (mpmath, 60 digits: B² through the
/// k × k square root of WᵀΣ_0W, the gradient by numerical differentiation, the eigenvalues by eigsy).
@Suite("BuresWassersteinLoss (docs/theory.md §6.3): loss, gradient and rank-k minimum against mpmath")
struct BuresWassersteinLossTests {
    static func q(_ n: Int, _ d: Int = 1) -> BigFloat { BigFloat(n) / BigFloat(d) }

    static func target() throws -> Matrix<BigFloat> {
        try Matrix(rows: [[q(4), q(1), q(0), q(1, 2)], [q(1), q(3), q(1, 2), q(0)],
                          [q(0), q(1, 2), q(2), q(1, 4)], [q(1, 2), q(0), q(1, 4), q(1)]])
    }

    static func generator() throws -> Matrix<BigFloat> {
        try Matrix(rows: [[q(1), q(0)], [q(1, 2), q(1)], [q(0), q(-1)], [q(1, 4), q(1, 2)]])
    }

    @Test("Nuclear-norm and trace forms equal mpmath's B² = 4.96648…; the gradient formula equals mpmath's derivative")
    func lossAndGradient() throws {
        try withPrecision(200) {
            let loss = try BuresWassersteinLoss(target: Self.target())
            let w = try Self.generator()
            let reference = BigFloat("4.96648393219226783724724826067708521419626936")!
            #expect(BigFloat.abs(try loss.loss(w) - reference) < BigFloat("1e-40")!)
            #expect(BigFloat.abs(try loss.traceFormLoss(w * w.transposed()) - reference) < BigFloat("1e-25")!)
            let gradient = try Matrix(rows: [
                ["-1.844860677484970639933344568217027223197", "-0.1087805372209502585663578076589217379396"],
                ["-0.5610019343074482651302980097858090440861", "-0.1315752724742832160173021155444044591546"],
                ["-0.6736287912965267078624338762798663763296", "-0.3491300506310485564693372113939373016462"],
                ["-0.110079409776114679456466180730302786061", "0.9286213022364518783156465662401196269197"],
            ].map { $0.map { BigFloat($0)! } })
            #expect((try loss.gradient(w) - gradient).maxAbs < BigFloat("1e-35")!)
            // Central differences with h = 2^−50: O(h²) ≈ 1e−30 from the derivative.
            #expect((try loss.centralDifferenceGradient(w, step: BigFloat.pow(BigFloat(2), -50)) - gradient).maxAbs < BigFloat("1e-25")!)
        }
    }

    @Test("min over rank ≤ 2 is Σ_{i>2} λ_i = 2.64530…, attained by the eigenprojection; ½‖Σ − Σ_0‖²_F there is not it")
    func minimum() throws {
        try withPrecision(200) {
            let loss = try BuresWassersteinLoss(target: Self.target())
            let reference = BigFloat("2.64530653588257767537697505941629190155252359")!
            #expect(BigFloat.abs(loss.rankConstrainedMinimum(rank: 2) - reference) < BigFloat("1e-40")!)
            let w = loss.minimizingGenerator(rank: 2)
            #expect(BigFloat.abs(try loss.loss(w) - reference) < BigFloat("1e-40")!)
            let difference = w * w.transposed() - loss.target
            let frobenius = difference.frobeniusInnerProduct(difference) / 2
            #expect(BigFloat.abs(frobenius - reference) > BigFloat("0.5")!)
        }
    }
}
