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
}
