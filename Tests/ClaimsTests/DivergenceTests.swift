import Claims
import Testing

@Suite("Divergence is an instance's outcome, with its step or time; never a crash or a hang")
struct DivergenceTests {
    @Test("Gradient descent with η = 10 overflows: ERROR (drift bound) or FAIL at the step where it diverged (global minimum)")
    func hugeStep() async throws {
        let drift = try claim(claimText(id: "drift", kind: "dln-gd-balancedness-drift", """
            [model]
            widths = [2, 3, 2]
            seed = 1
            [dynamics]
            step_size = "10"
            steps = 60
            [numerics]
            precision = 64
            """))
        let minimum = try claim(claimText(id: "minimum", kind: "dln-gd-global-minimum", """
            [model]
            widths = [3, 2, 2]
            seed = 1
            X = [[1, 0, 1, 2], [0, 1, 1, -1], [1, 1, 0, 0]]
            Y = [[1, 2, 0, 1], [0, 1, 1, 1]]
            [dynamics]
            step_size = "10"
            steps = 600
            [check]
            epsilon = "1e-8"
            [numerics]
            precision = 64
            """))
        let result = await ClaimEngine().check([drift, minimum])
        #expect(result.isComplete)
        let overflow = try #require(result.claims[0].instances.first)
        #expect(overflow.verdict == .error && overflow.message?.contains("diverged at step 3") == true)
        let diverged = try #require(result.claims[1].instances.first)
        #expect(diverged.verdict == .fail && diverged.location == "step 3 (diverged)")
    }
}
