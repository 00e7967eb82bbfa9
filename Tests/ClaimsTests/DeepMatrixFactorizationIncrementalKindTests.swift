import Claims
import MultiPrecision
import Testing

@Suite("deep-matrix-factorization-incremental: order, half-times and effective rank PASS; their twins FAIL (docs/theory.md §5.2)")
struct DeepMatrixFactorizationIncrementalKindTests {
    static let kind = "deep-matrix-factorization-incremental"
    static let rotation = """
        left = [["3/5", "-4/5"], ["4/5", "3/5"]]
        right = [["3/5", "-4/5"], ["4/5", "3/5"]]
        """

    static func flow(_ claimed: String, depth: Int, alpha: String, horizon: Int, tolerance: String = "1e-25") -> String {
        """
        [model]
        singular_values = [[4, 1]]
        \(rotation)
        alpha = "\(alpha)"
        depth = \(depth)
        [dynamics]
        horizon = \(horizon)
        samples = 2
        [check]
        claim = "\(claimed)"
        relative_tolerance = "\(tolerance)"
        [numerics]
        precision = 128
        """
    }

    static func descent(_ claimed: String, steps: Int) -> String {
        """
        [model]
        singular_values = [[4, 1, "1/4", "1/20"]]
        alpha = "1/100"
        [dynamics]
        method = "gd"
        step_size = "1/100"
        steps = \(steps)
        samples = 20
        [check]
        claim = "\(claimed)"
        relative_tolerance = 0
        [numerics]
        precision = 128
        """
    }

    @Test("Order and half-times (N = 2 logistic, N = 3 ₂F₁) PASS; reverse order and the leading-term formula FAIL")
    func halfLearningTimes() async throws {
        let claims = try [
            claim(claimText(id: "order", kind: Self.kind, Self.flow("learning-order", depth: 2, alpha: "1/10", horizon: 3))),
            claim(claimText(id: "half", kind: Self.kind, Self.flow("half-times", depth: 3, alpha: "1/5", horizon: 7))),
            claim(claimText(id: "reverse", kind: Self.kind, expect: "fail",
                            Self.flow("reverse-order", depth: 2, alpha: "1/10", horizon: 3))),
            claim(claimText(id: "leading", kind: Self.kind, expect: "fail",
                            Self.flow("asymptotic-half-times", depth: 3, alpha: "1/5", horizon: 7, tolerance: "1e-3"))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail, .fail])
        #expect(result.allMetExpectations)
    }

    @Test("GD from αI: erank non-decreasing after its minimum PASSes; from the start FAILs; a horizon too short is an error")
    func effectiveRank() async throws {
        let claims = try [
            claim(claimText(id: "erank", kind: Self.kind, Self.descent("effective-rank", steps: 600))),
            claim(claimText(id: "start", kind: Self.kind, expect: "fail", Self.descent("effective-rank-from-start", steps: 600))),
            claim(claimText(id: "short", kind: Self.kind, Self.flow("learning-order", depth: 2, alpha: "1/10", horizon: 1))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .fail, .error])
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "gd-order", kind: Self.kind, Self.descent("learning-order", steps: 10)))
        }
    }


    /// N = 2: x = u_iᵀWv_i solves ẋ = 2x(s − x), x(0) = α², so x reaches s/2 at t½ = ln(s/α² − 1)/(2s).
    @Test("Measured half-learning times at N = 2 equal ln(s/α² − 1)/(2s) to 1e−25; erank(W(0)) of α²I_4 is 4")
    func measuredValues() async throws {
        let result = await ClaimEngine().check([
            try claim(claimText(id: "half2", kind: Self.kind, Self.flow("half-times", depth: 2, alpha: "1/10", horizon: 3))),
            try claim(claimText(id: "erank", kind: Self.kind, Self.descent("effective-rank", steps: 600))),
        ])
        #expect(result.claims.map(\.verdict) == [.pass, .pass])
        for (i, s) in [4, 1].enumerated() {
            let measured = try measuredValue(result, claim: 0, "t½,\(i + 1) (measured)")
            let exact = withPrecision(256) { BigFloat.log(BigFloat(s * 100 - 1)) / BigFloat(2 * s) }
            #expect(withPrecision(256) { BigFloat.abs(measured - exact) < BigFloat("1e-25")! * exact })
        }
        expectClose(try measuredValue(result, claim: 1, "erank(W) at the start"), 4, within: "1e-30")
    }
}
