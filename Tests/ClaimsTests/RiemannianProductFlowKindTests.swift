import Claims
import MultiPrecision
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

    @Test("The 2 × 3 depth-3 instance of proofs/ at 96 bits: ‖W(1) − A‖_F and the gap against mpmath (scripts/references/riemannian_claims.py)")
    func measuredAgainstReference() async throws {
        let body = """
            [model]
            A = [[1, 0, 2], [-1, 3, 1]]
            left = [["3/5", "-4/5"], ["4/5", "3/5"]]
            right = [["1/3", "2/3"], ["2/3", "1/3"], ["2/3", "-2/3"]]
            root_singular_values = [[1, "1/2"]]
            depth = 3
            [dynamics]
            horizon = 1
            samples = 4
            [check]
            relative_tolerance = "1e-10"
            [numerics]
            precision = 96
            """
        let result = await ClaimEngine().check([try claim(claimText(id: "wide", kind: Self.kind, body))])
        let instance = try #require(result.claims.first?.instances.first)
        #expect(instance.verdict == .pass)
        func value(_ name: String) throws -> BigFloat {
            try #require(instance.measurements.first { $0.name == name }.flatMap { BigFloat($0.value, precision: 128) })
        }
        // mpmath at 50 and 60 digits (the flow from its definition, fractional powers by eigendecomposition): the two
        // flows coincide (gap 0), and ‖W(1) − A‖_F = 1.138159950476739475004956932397310302551….
        let distance = try #require(BigFloat("1.138159950476739475004956932397310302551", precision: 128))
        #expect(BigFloat.abs(try value("‖W(T) − A‖_F (Riemannian flow)") - distance) < BigFloat("1e-26")!)
        #expect(try value("max_t ‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F)") < BigFloat("1e-26")!)
    }
}
