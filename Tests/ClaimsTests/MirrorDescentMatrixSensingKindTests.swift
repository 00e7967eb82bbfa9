import Claims
import Testing

@Suite("mirror-descent-matrix-sensing: span and Bregman projection PASS, recovery of X* FAILs (docs/theory.md §6.2)")
struct MirrorDescentMatrixSensingKindTests {
    static func body(claim: String, tolerance: String, steps: Int, precision: Int = 128) -> String {
        """
        [model]
        seed = 5
        alpha = "1"
        [dynamics]
        step_size = "1/5"
        steps = \(steps)
        [check]
        claim = "\(claim)"
        relative_tolerance = "\(tolerance)"
        [numerics]
        precision = \(precision)
        """
    }

    @Test("Span (rounding-level) and the Bregman limit (150 steps, 1e-6) PASS; 'recovers X*' FAILs; m > n(n+1)/2 is rejected")
    func truthAndTwin() async throws {
        let kind = "mirror-descent-matrix-sensing"
        let span = try claim(claimText(id: "span", kind: kind, Self.body(claim: "span", tolerance: "1e-30", steps: 30)))
        let bregman = try claim(claimText(id: "bregman", kind: kind,
                                          Self.body(claim: "bregman-projection", tolerance: "1e-6", steps: 150)))
        let twin = try claim(claimText(id: "recovers", kind: kind, expect: "fail",
                                       Self.body(claim: "recovers-ground-truth", tolerance: "1e-3", steps: 100)))
        let result = await ClaimEngine().check([span, bregman, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail])
        #expect(result.allMetExpectations)
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "bad", kind: kind, "[model]\nsize = 2\nmeasurements = 4\n[dynamics]\nstep_size = 1\nsteps = 1"))
        }
    }

    /// Seed 11 draws three linearly dependent 2 × 2 sensing matrices: a validation error naming the key (exit 2
    /// before anything runs), not an evaluation error.
    @Test("Linearly dependent seeded sensing matrices are rejected at validation with the key model.seed")
    func dependentSensingRejected() throws {
        let body = "[model]\nsize = 2\nmeasurements = 3\nseed = 11\n[dynamics]\nstep_size = \"1/5\"\nsteps = 1"
        #expect {
            try claim(claimText(id: "dependent", kind: "mirror-descent-matrix-sensing", body))
        } throws: { error in
            "\(error)".contains("seed") && "\(error)".contains("linearly dependent")
        }
    }
}
