import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("matrix-factorization-nuclear-norm: commuting case PASSes, Razin–Cohen completion FAILs, |W_11| grows (docs/theory.md §5.3)")
struct MatrixFactorizationNuclearNormKindTests {
    static let kind = "matrix-factorization-nuclear-norm"
    static let completion = """
        measurements = [[[0, 1], [0, 0]], [[0, 0], [1, 0]], [[0, 0], [0, 1]]]
        y = [[1, 1, 0]]
        alpha = "1/100"
        """

    static func body(_ model: String, steps: Int, eta: String, check: String) -> String {
        "[model]\n\(model)\n[dynamics]\nstep_size = \"\(eta)\"\nsteps = \(steps)\nsamples = 20\n[check]\n\(check)\n[numerics]\nprecision = 96"
    }

    @Test("Commuting measurements reach ‖W‖_* ≈ 7/5; the completion's ‖W‖_* exceeds 2 beyond 1 %; |W_11| grows as the loss falls")
    func conjectureAndCompanion() async throws {
        let commuting = try claim(claimText(id: "commuting", kind: Self.kind, Self.body("""
            measurements = [[[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]], [[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 3]]]
            y = [[2, 3]]
            alpha = "3/100"
            """, steps: 700, eta: "1/100",
            check: "loss_threshold = \"1e-20\"\nnuclear_minimum = \"7/5\"\nrelative_tolerance = \"1e-2\"")))
        let razinCohen = try claim(claimText(id: "rc", kind: Self.kind, expect: "fail", Self.body(
            Self.completion, steps: 1200, eta: "1/200", check: "loss_threshold = \"2e-1\"\nnuclear_minimum = 2")))
        let grows = try claim(claimText(id: "grows", kind: Self.kind, Self.body(
            Self.completion, steps: 1200, eta: "1/200", check: "claim = \"entry-grows\"")))
        let result = await ClaimEngine().check([commuting, razinCohen, grows])
        #expect(result.claims.map(\.verdict) == [.pass, .fail, .pass])
        #expect(result.allMetExpectations)
    }

    @Test("Mismatched y and a missing threshold are rejected")
    func badInput() {
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "y", kind: Self.kind, Self.body(
                "measurements = [[[1, 0], [0, 1]]]\ny = [[1, 2]]\nalpha = 1", steps: 1, eta: "1", check: "claim = \"entry-grows\"")))
        }
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "t", kind: Self.kind, Self.body(Self.completion, steps: 1, eta: "1", check: "nuclear_minimum = 2")))
        }
    }

    /// One measurement A_1 = I, y_1 = 2, depth 1 from W(0) = I/2: ∇ℓ = 2(tr W − 2)I keeps W = cI with
    /// c_{k+1} − 1 = (1 − 4η)(c_k − 1), so after K = 30 steps with η = 1/20, c = 1 − (1/2)(4/5)^30, ℓ = (2c − 2)² =
    /// (4/5)^60 and ‖W‖_* = 2c, exactly.
    @Test("A single trace measurement: ℓ, ‖W‖_* and |W_11| at the last sample equal the closed forms (4/5)^60, 2c, c to 1e-30")
    func traceMeasurementClosedForm() async throws {
        let body = Self.body("measurements = [[[1, 0], [0, 1]]]\ny = [[2]]\nalpha = \"1/2\"\ndepth = 1", steps: 30, eta: "1/20",
                             check: "claim = \"entry-grows\"").replacingOccurrences(of: "precision = 96", with: "precision = 128")
        let result = await ClaimEngine().check([try claim(claimText(id: "trace", kind: Self.kind, body))])
        #expect(result.claims.map(\.verdict) == [.pass])
        let decay = Rational(numerator: 4, denominator: 5).power(30), c = 1 - decay / 2
        expectClose(try measuredValue(result, claim: 0, "loss at the last sample"), decay * decay, within: "1e-30")
        expectClose(try measuredValue(result, claim: 0, "‖W‖_* at the last sample"), 2 * c, within: "1e-30")
        expectClose(try measuredValue(result, claim: 0, "|W_rc| at the last sample"), c, within: "1e-30")
    }
}
