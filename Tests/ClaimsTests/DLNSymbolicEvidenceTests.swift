import Claims
import Testing

/// The symbolic measurement of an instance (named "symbolic …").
private func symbolic(_ outcome: ClaimOutcome, instance: Int = 0) -> Measurement? {
    outcome.instances[instance].measurements.first { $0.name.hasPrefix("symbolic") }
}

@Suite("Balancedness claims carry their symbolic proof obligation beside the numeric evidence")
struct DLNSymbolicEvidenceTests {
    static let flowBody = """
        [model]
        widths = [2, 3, 3, 2]
        samples = 3
        data_scale = "1/2"
        [dynamics]
        horizon = "1/2"
        [check]
        output_times = 4
        [numerics]
        precision = 128
        tolerance = "1e-25"
        """

    @Test("gradient flow: conservation and the weight-decay law are PROVED for depth 3; the twins are REFUTED at the right j")
    func flow() async throws {
        let kind = "dln-gf-balancedness"
        let claims = try [
            claim(claimText(id: "gf", kind: kind, Self.flowBody)),
            claim(claimText(id: "wd", kind: kind, Self.flowBody.replacingOccurrences(
                of: "[check]", with: "weight_decay = \"1/5\"\n[check]\ndecay_rate = \"1/5\""))),
            claim(claimText(id: "wd-twin", kind: kind, expect: "fail", Self.flowBody.replacingOccurrences(
                of: "[check]", with: "weight_decay = \"1/5\"\n[check]"))),
            claim(claimText(id: "pen-twin", kind: kind, expect: "fail", Self.flowBody.replacingOccurrences(
                of: "[check]", with: "first_layer_penalty = \"1/5\"\n[check]"))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail, .fail])
        let evidence = try result.claims.map { try #require(symbolic($0)) }
        // Exact, error 0; the value counts the identities (j = 1, 2) proved for every size.
        #expect(evidence.allSatisfy { $0.error == "0" && $0.exact != nil })
        #expect(evidence.map(\.exact) == ["2", "2", "0", "1"])
        #expect(evidence[0].name.contains("proofs/symbolic/balancedness-flow-N3.toml") && evidence[0].name.contains("PROVED"))
        #expect(evidence[1].name.contains("ρ = 1/5") && evidence[1].name.contains("PROVED"))
        #expect(evidence[2].name.contains("REFUTED at j = 1, j = 2"))
        #expect(evidence[3].name.contains("REFUTED at j = 1;"))      // only D_1 feels the first-layer penalty
    }

    @Test("gradient descent: the η² change is PROVED, exact conservation REFUTED; depth 7 has no shipped obligation and says so")
    func step() async throws {
        let body = """
            [model]
            widths = [2, 3, 2]
            samples = 2
            [dynamics]
            step_size = "1/10"
            steps = 2
            """
        let deep = body.replacingOccurrences(of: "widths = [2, 3, 2]", with: "widths = [1, 1, 1, 1, 1, 1, 1, 1]")
        let claims = try [
            claim(claimText(id: "step", kind: "dln-gd-balancedness-step", body)),
            claim(claimText(id: "zero", kind: "dln-gd-balancedness-step", expect: "fail",
                            body + "\n[check]\nclaimed_change = \"zero\"")),
            claim(claimText(id: "drift", kind: "dln-gd-balancedness-drift", body + "\n[numerics]\nprecision = 128")),
            claim(claimText(id: "deep", kind: "dln-gd-balancedness-step", deep)),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .fail, .pass, .pass])
        let evidence = try result.claims.map { try #require(symbolic($0)) }
        #expect(evidence.map(\.exact) == ["1", "0", "1", "0"])
        #expect(evidence[0].name.contains("balancedness-gd-N2.toml") && evidence[0].name.contains("PROVED"))
        #expect(evidence[1].name.contains("REFUTED at j = 1"))
        #expect(evidence[2].name.contains("PROVED") && evidence[2].error == "0")
        #expect(evidence[3].name.contains("no obligation for depth N = 7"))
    }
}
