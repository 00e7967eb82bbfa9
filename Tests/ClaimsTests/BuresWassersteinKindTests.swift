import Claims
import Testing

@Suite("bures-wasserstein-dln: closed forms and the rank-k minimum PASS, the Frobenius minimum FAILs (docs/theory.md §6.3)")
struct BuresWassersteinKindTests {
    static func body(claim: String, tolerance: String) -> String {
        """
        [model]
        seed = 1
        [dynamics]
        step_size = "1/4"
        steps = 60
        [check]
        claim = "\(claim)"
        relative_tolerance = "\(tolerance)"
        [numerics]
        precision = 128
        """
    }

    @Test("Closed forms (1e-15) and the minimum after 60 GD steps (1e-12) PASS; the Frobenius minimum FAILs; k ≥ d is rejected")
    func truthAndTwin() async throws {
        let kind = "bures-wasserstein-dln"
        let forms = try claim(claimText(id: "forms", kind: kind, Self.body(claim: "closed-forms", tolerance: "1e-15")))
        let minimum = try claim(claimText(id: "minimum", kind: kind, Self.body(claim: "minimum", tolerance: "1e-12")))
        let twin = try claim(claimText(id: "frobenius", kind: kind, expect: "fail",
                                       Self.body(claim: "frobenius-minimum", tolerance: "1e-3")))
        let result = await ClaimEngine().check([forms, minimum, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail])
        #expect(result.allMetExpectations)
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "bad", kind: kind, "[model]\ndimension = 3\nrank = 3"))
        }
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "indefinite", kind: kind, "[model]\ntarget = [[1, 2], [2, 1]]\nrank = 1"))
        }
    }
}
