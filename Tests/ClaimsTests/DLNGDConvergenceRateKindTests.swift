import Claims
import Testing

@Suite("dln-gd-convergence-rate: Arora et al. Theorem 1 on docs/theory.md §1.6's instances")
struct DLNGDConvergenceRateKindTests {
    static let i1 = """
        [model]
        target = [["1", "1/5"], ["1/10", "9/10"]]
        end_to_end = [["4/5", "1/10"], ["0", "3/4"]]
        depth = 2
        [dynamics]
        steps = 40
        [numerics]
        precision = 128
        """

    @Test("I-1 PASSes at η below η_max; at η = 1/20 it is NOT APPLICABLE with the conclusion held")
    func instanceI1() async throws {
        let truth = try claim(claimText(id: "i1", kind: "dln-gd-convergence-rate",
                                        Self.i1.replacingOccurrences(of: "steps = 40", with: "steps = 40\nstep_size = \"7e-7\"")))
        let outside = try claim(claimText(id: "i1-na", kind: "dln-gd-convergence-rate",
                                          Self.i1.replacingOccurrences(of: "steps = 40", with: "steps = 40\nstep_size = \"1/20\"")))
        let result = await ClaimEngine().check([truth, outside])
        #expect(result.claims[0].verdict == .pass)
        #expect(result.claims[1].verdict == .notApplicable)
        #expect(result.claims[1].instances[0].margin?.value.hasPrefix("-") == false)
    }

    @Test("I-2 (no deficiency margin) and I-3 (grossly unbalanced) FAIL when the hypotheses are dropped")
    func twins() async throws {
        let noMargin = try claim(claimText(id: "i2", kind: "dln-gd-convergence-rate", expect: "fail", """
            [model]
            target = [["1"]]
            weights = [[["1/2"]], [["-1/2"]]]
            [dynamics]
            step_size = "1/20"
            steps = 100
            [check]
            epsilon = "1/10"
            hypotheses = "ignored"
            """))
        let unbalanced = try claim(claimText(id: "i3", kind: "dln-gd-convergence-rate", expect: "fail", """
            [model]
            target = [["1"]]
            weights = [[["20"]], [["0.045"]]]
            [dynamics]
            step_size = "1/100"
            steps = 100
            [check]
            hypotheses = "ignored"
            """))
        let result = await ClaimEngine().check([noMargin, unbalanced])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.fail, .fail])
        #expect(result.claims[1].counterexample?.location?.contains("diverged") == true)
    }
}
