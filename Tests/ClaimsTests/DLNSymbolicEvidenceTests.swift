import Claims
import Testing

/// The symbolic measurements of an instance, exact, as [stated, proved, refuted, first refuted j].
private func symbolic(_ outcome: ClaimOutcome, instance: Int = 0) -> [String] {
    let names = ["symbolic: identities stated", "symbolic: identities proved for all sizes", "symbolic: identities refuted",
                 "symbolic: first refuted j (0: none)"]
    let measurements = outcome.instances[instance].measurements
    return names.map { name in
        let m = measurements.first { $0.name == name }
        return m.map { $0.error == "0" ? ($0.exact ?? "rounded") : "error \($0.error)" } ?? "missing"
    }
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

    @Test("gradient flow: conservation and the weight-decay law are proved for depth 3; the twins are refuted at the right j")
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
        // Exact, error 0: identities stated (j = 1, 2), proved for every size, refuted, and the first refuted j.
        #expect(result.claims.map { symbolic($0) } == [["2", "2", "0", "0"], ["2", "2", "0", "0"], ["2", "0", "2", "1"],
                                                       ["2", "1", "1", "1"]])   // only D_1 feels the penalty
        // The names are the same on every instance, whatever its depth and law (one CSV column each).
        let names = result.claims.map { $0.instances[0].measurements.map(\.name).filter { $0.hasPrefix("symbolic") } }
        #expect(Set(names).count == 1 && names[0].count == 4)
    }

    @Test("gradient descent: the η² change is proved, exact conservation refuted; depth 7 has no shipped obligation")
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
        // Depth 2: one identity; depth 7 has no shipped gradient-descent obligation, so nothing is stated.
        #expect(result.claims.map { symbolic($0) } == [["1", "1", "0", "0"], ["1", "0", "1", "1"], ["1", "1", "0", "0"],
                                                       ["0", "0", "0", "0"]])
    }
}
