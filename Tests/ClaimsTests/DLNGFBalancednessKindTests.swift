import Claims
import Testing

@Suite("dln-gf-balancedness: conserved under gradient flow, e^{−2λt} under weight decay; twins FAIL")
struct DLNGFBalancednessKindTests {
    static let body = """
        [model]
        widths = [2, 3, 2]
        samples = 3
        data_scale = "1/2"
        [dynamics]
        horizon = 1
        [numerics]
        precision = 128
        tolerance = "1e-25"
        [grid]
        seed = [1, 2]
        """

    @Test("conservation and the weight-decay law PASS; conservation under weight decay or a first-layer penalty FAILs")
    func verdicts() async throws {
        let kind = "dln-gf-balancedness"
        let conserved = try claim(claimText(id: "gf", kind: kind, Self.body))
        let decayLaw = try claim(claimText(id: "wd", kind: kind,
                                           Self.body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nweight_decay = \"1/5\"")
                                               + "\n[check]\ndecay_rate = \"1/5\""))
        let decayTwin = try claim(claimText(id: "wd-twin", kind: kind, expect: "fail",
                                            Self.body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nweight_decay = \"1/5\"")))
        let penaltyTwin = try claim(claimText(id: "pen-twin", kind: kind, expect: "fail",
                                              Self.body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nfirst_layer_penalty = \"1/5\"")))
        let result = await ClaimEngine().check([conserved, decayLaw, decayTwin, penaltyTwin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail, .fail])
        let counterexample = try #require(result.claims[3].counterexample)
        #expect(counterexample.location?.hasPrefix("t = 1, j = 1") == true)
    }
}
