import Claims
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
}
