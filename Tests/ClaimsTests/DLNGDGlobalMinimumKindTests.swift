import Claims
import Testing

@Suite("dln-gd-global-minimum: Nguegnang et al. at a given η (no step-size bound is invented)")
struct DLNGDGlobalMinimumKindTests {
    static let data = """
        X = [[1, 0, 1, 2], [0, 1, 1, -1], [1, 1, 0, 0]]
        Y = [[1, 2, 0, 1], [0, 1, 1, 1]]
        """

    @Test("a generic start reaches the rank-2 optimum 41/46 (PASS); the dead hidden unit stops at rank 1 (FAIL)")
    func verdicts() async throws {
        let truth = try claim(claimText(id: "gd", kind: "dln-gd-global-minimum", """
            [model]
            widths = [3, 2, 2]
            seed = 1
            \(Self.data)
            [dynamics]
            step_size = "1/20"
            steps = 600
            [check]
            epsilon = "1e-8"
            [numerics]
            precision = 128
            """))
        let twin = try claim(claimText(id: "dead", kind: "dln-gd-global-minimum", expect: "fail", """
            [model]
            widths = [3, 2, 2]
            \(Self.data)
            weights = [[["0", "0", "0"], ["1/4", "-1/8", "3/8"]], [["0", "1/4"], ["0", "-3/8"]]]
            [dynamics]
            step_size = "1/20"
            steps = 600
            [check]
            epsilon = "1e-8"
            [numerics]
            precision = 128
            """))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
    }
}
