import Claims
import Foundation
import MultiPrecision
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


    /// Σ_0 = diag(4, 3, 2, 1), k = 2: λ = (4, 3, 2, 1), Σ_{i>k} λ_i = 3, and the Frobenius minimum ½(2² + 1²) = 5/2.
    @Test("On diag(4, 3, 2, 1), k = 2: the eigenvalues, Σ_{i>k} λ_i = 3, B² after 400 GD steps = 3 and ½Σ_{i>k} λ_i² = 5/2")
    func diagonalValues() async throws {
        let kind = "bures-wasserstein-dln", target = "target = [[4, 0, 0, 0], [0, 3, 0, 0], [0, 0, 2, 0], [0, 0, 0, 1]]\nrank = 2\n"
        let result = await ClaimEngine().check([
            try claim(claimText(id: "minimum", kind: kind, Self.body(claim: "minimum", tolerance: "1e-12").replacingOccurrences(of: "[model]\n", with: "[model]\n" + target)
                .replacingOccurrences(of: "steps = 60", with: "steps = 400"))),
            try claim(claimText(id: "frobenius", kind: kind, expect: "fail", Self.body(claim: "frobenius-minimum", tolerance: "1e-3").replacingOccurrences(of: "[model]\n", with: "[model]\n" + target))),
        ])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        for (i, lambda) in [4, 3, 2, 1].enumerated() {
            expectClose(try measuredValue(result, claim: 0, "λ_\(i + 1)(Σ_0)"), Rational(lambda), within: "1e-35")
        }
        expectClose(try measuredValue(result, claim: 0, "Σ_{i>k} λ_i(Σ_0)"), 3, within: "1e-35")
        expectClose(try measuredValue(result, claim: 0, "B²(W(K)W(K)ᵀ, Σ_0) after the GD steps"), 3, within: "1e-11")
        expectClose(try measuredValue(result, claim: 1, "min_{rank ≤ k} ½‖Σ − Σ_0‖²_F (at Σ_k)"),
                    Rational(numerator: 5, denominator: 2), within: "1e-35")
    }
}
