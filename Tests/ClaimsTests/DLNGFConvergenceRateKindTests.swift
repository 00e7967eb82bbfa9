import Claims
import Testing

@Suite("dln-gf-convergence-rate: the gradient-flow version of Arora et al.'s bound")
struct DLNGFConvergenceRateKindTests {
    @Test("I-1 (N = 2) PASSes; the balanced start without a margin (I-2) FAILs ℓ(T) ≤ ε")
    func verdicts() async throws {
        let truth = try claim(claimText(id: "gf-rate", kind: "dln-gf-convergence-rate", """
            [model]
            target = [["1", "1/5"], ["1/10", "9/10"]]
            end_to_end = [["4/5", "1/10"], ["0", "3/4"]]
            depth = 2
            [dynamics]
            horizon = 2
            samples = 2
            [numerics]
            precision = 128
            """))
        let twin = try claim(claimText(id: "gf-no-margin", kind: "dln-gf-convergence-rate", expect: "fail", """
            [model]
            target = [["1"]]
            weights = [[["1/2"]], [["-1/2"]]]
            [dynamics]
            horizon = 5
            samples = 1
            [check]
            epsilon = "1/10"
            hypotheses = "ignored"
            [numerics]
            precision = 128
            """))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
    }
}
