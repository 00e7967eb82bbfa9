import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// References: Tests/ClaimsTests/References/mirror_descent_bures_wasserstein.py (mpmath, 60 digits; X_t there is
/// expm of the accumulated generator, with no matrix logarithm; X_ref by mpmath's findroot).
@Suite("MirrorDescentMatrixSensing (docs/theory.md §6.2): steps and the Bregman projection against mpmath")
struct MirrorDescentMatrixSensingTests {
    static func q(_ n: Int, _ d: Int = 1) -> BigFloat { BigFloat(n) / BigFloat(d) }

    /// n = 3, m = 3, X* = uuᵀ with u = (1, −1, 1/2), α = 1/2.
    static func problem() throws -> MirrorDescentMatrixSensing {
        let sensing: [Matrix<BigFloat>] = try [
            Matrix(rows: [[q(1), q(1, 2), q(0)], [q(1, 2), q(0), q(1, 4)], [q(0), q(1, 4), q(-1, 2)]]),
            Matrix(rows: [[q(0), q(1), q(0)], [q(1), q(1), q(0)], [q(0), q(0), q(1, 2)]]),
            Matrix(rows: [[q(1, 2), q(0), q(1)], [q(0), q(-1, 4), q(0)], [q(1), q(0), q(0)]]),
        ]
        let u = [q(1), q(-1), q(1, 2)]
        let groundTruth = Matrix(rows: 3, columns: 3) { u[$0] * u[$1] }
        return try MirrorDescentMatrixSensing(sensing: sensing, measurements: sensing.map { $0.frobeniusInnerProduct(groundTruth) },
                                              alpha: q(1, 2))
    }

    static func matrix(_ rows: [[String]]) throws -> Matrix<BigFloat> {
        try Matrix(rows: rows.map { $0.map { BigFloat($0)! } })
    }

    @Test("X_10 (η = 1/5) matches mpmath to 1e-40, and log X_t − log X_0 stays in span{A_i} to 1e-55")
    func tenSteps() throws {
        try withPrecision(200) {
            let run = try Self.problem().run(stepSize: Self.q(1, 5), steps: 10)
            let reference = try Self.matrix([
                ["0.698047059359323646989232189429179087172013178", "-0.357123549250953092905794829830247815725808203", "0.279397286806556330746450547573575819049649799"],
                ["-0.357123549250953092905794829830247815725808203", "0.340785307399711804540030219343875940073725233", "-0.118764331932309130467176227066946972150445819"],
                ["0.279397286806556330746450547573575819049649799", "-0.118764331932309130467176227066946972150445819", "0.475952564335555825934225836387906973020833055"],
            ])
            #expect((run.final - reference).maxAbs < BigFloat("1e-40")!)
            #expect(run.maximumSpanResidual < BigFloat("1e-55")!)
        }
    }

    @Test("Newton's Bregman projection matches mpmath's findroot to 1e-40; a matrix off the span is detected")
    func bregmanProjection() throws {
        try withPrecision(200) {
            let problem = try Self.problem()
            let projection = try problem.bregmanProjection()
            let reference = try Self.matrix([
                ["1.15635862876072343453448963027542951137810121", "-1.05004325338060750417459707491418718387669749", "0.455491544316731485558382332086043176096986921"],
                ["-1.05004325338060750417459707491418718387669749", "0.956649612055298753536037917239204431532097779", "-0.425756961348399351093472645544144782560213026"],
                ["0.455491544316731485558382332086043176096986921", "-0.425756961348399351093472645544144782560213026", "0.536873789411832509626312465178339872442594405"],
            ])
            #expect((projection.matrix - reference).maxAbs < BigFloat("1e-40")!)
            #expect(projection.relativeResidual < BigFloat("1e-50")!)
            // The identity is not in the span of these three matrices: distance well above rounding.
            #expect(try problem.relativeDistanceToSpan(.identity(3)) > BigFloat("0.1")!)
            // ‖A(X) − y‖₂/‖y‖₂: small at X_ref as Newton reports it, exactly 1 at X = 0.
            #expect(BigFloat.abs(problem.relativeResidual(projection.matrix) - projection.relativeResidual) < BigFloat("1e-50")!)
            #expect(problem.relativeResidual(.zeros(rows: 3, columns: 3)) == BigFloat(1))
        }
    }
}
