import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("deep-matrix-factorization-spectrum: decoupling PASSes, recovery of a negative target FAILs (docs/theory.md §5.1–§5.2)")
struct DeepMatrixFactorizationSpectrumKindTests {
    static func body(_ a: String, _ extra: String) -> String {
        """
        [model]
        A = \(a)
        alpha = "1/10"
        \(extra)
        [dynamics]
        step_size = "1/20"
        steps = 40
        [numerics]
        precision = 128
        """
    }

    @Test("Depths 2 and 3 decouple; 'recovers A' with negative eigenvalues FAILs; a non-symmetric A is rejected")
    func truthAndTwin() async throws {
        let positive = "[[2, 1, 0], [1, 2, 0], [0, 0, \"1/2\"]]"
        let truth = try claim(claimText(id: "dmf", kind: "deep-matrix-factorization-spectrum",
                                        Self.body(positive, "[check]\nrelative_tolerance = \"1e-20\"\n[grid]\ndepth = [2, 3]")))
        let twin = try claim(claimText(id: "neg", kind: "deep-matrix-factorization-spectrum", expect: "fail",
                                       Self.body("[[-2, -1, 0], [-1, -2, 0], [0, 0, \"-1/2\"]]",
                                                 "[check]\nclaim = \"recovers-target\"\nrelative_tolerance = \"1e-3\"")))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.allMetExpectations)
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "bad", kind: "deep-matrix-factorization-spectrum",
                                Self.body("[[1, 2], [0, 1]]", "")))
        }
    }


    /// Depth 1: W_K = A + (1 − η)^K (αI − A), so eig_i(W_K) = λ_i + (1 − η)^K (α − λ_i) and
    /// ‖W_K − A‖_F/‖A‖_F = (1 − η)^K ‖αI − A‖_F/‖A‖_F; A has eigenvalues 1/2, 1, 3.
    @Test("Depth 1: eig_i(W(K)) = λ_i + (1 − η)^K (α − λ_i) and the recovery gap in closed form, to 1e−35")
    func depthOneValues() async throws {
        let truth = try claim(claimText(id: "dmf1", kind: "deep-matrix-factorization-spectrum",
                                        Self.body("[[2, 1, 0], [1, 2, 0], [0, 0, \"1/2\"]]", "depth = 1")))
        let result = await ClaimEngine().check([truth])
        #expect(result.claims.map(\.verdict) == [.pass])
        let decay = Rational(numerator: 19, denominator: 20).power(40), alpha = Rational(numerator: 1, denominator: 10)
        for (i, lambda) in [Rational(numerator: 1, denominator: 2), Rational(1), Rational(3)].enumerated() {
            expectClose(try measuredValue(result, claim: 0, "eig_\(i + 1)(W(K))"), lambda + decay * (alpha - lambda), within: "1e-35")
        }
        let recovery = try measuredValue(result, claim: 0, "‖W(K) − A‖_F/‖A‖_F")
        let exact = withPrecision(256) { BigFloat(decay) * BigFloat.sqrt(BigFloat(Rational(numerator: 938, denominator: 1025))) }
        #expect(withPrecision(256) { BigFloat.abs(recovery - exact) < BigFloat("1e-35")! })
    }
}
