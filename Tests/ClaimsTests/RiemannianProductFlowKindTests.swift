import Claims
import Testing

@Suite("riemannian-product-flow: balanced factors follow Ẇ = −A_W(∇L¹(W)); unbalanced ones FAIL (docs/theory.md §1.5)")
struct RiemannianProductFlowKindTests {
    static let kind = "riemannian-product-flow"

    static func body(depth: Int, extra: String = "", left: String = "[[\"3/5\", \"-4/5\"], [\"4/5\", \"3/5\"]]") -> String {
        """
        [model]
        A = [[1, 2], [-1, 3]]
        left = \(left)
        right = [[1, 0], [0, 1]]
        root_singular_values = [[1, "1/2"]]
        depth = \(depth)
        \(extra)
        [dynamics]
        horizon = "1/2"
        samples = 2
        [check]
        relative_tolerance = "1e-8"
        [numerics]
        precision = 64
        """
    }

    @Test("Depth 3 balanced PASSes at 64 bits; imbalance 2 FAILs; a non-orthonormal U is rejected")
    func truthAndTwin() async throws {
        let truth = try claim(claimText(id: "balanced", kind: Self.kind, Self.body(depth: 3)))
        let twin = try claim(claimText(id: "unbalanced", kind: Self.kind, expect: "fail", Self.body(depth: 2, extra: "imbalance = 2")))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.allMetExpectations)
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "bad", kind: Self.kind, Self.body(depth: 2, left: "[[1, 1], [0, 1]]")))
        }
    }
}
