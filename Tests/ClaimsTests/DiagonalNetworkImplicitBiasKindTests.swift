import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("diagonal-network-implicit-bias: the certificate claims PASS, the known-false twins FAIL (docs/theory.md §4.5)")
struct DiagonalNetworkImplicitBiasKindTests {
    /// docs/theory.md §4.5's reference instance at 128 bits with a 10⁻²⁰ stopping target (fast in debug builds).
    static func body(_ extra: String) -> String {
        """
        [model]
        A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
        y = [[3, 1]]
        \(extra)
        [dynamics]
        target_residual = "1e-20"
        [numerics]
        precision = 128
        max_precision = 128
        """
    }

    @Test("Depth 2 and 3: interpolation, certificate and the Newton reference agree; the twins FAIL")
    func truthAndTwins() async throws {
        let tolerance = "[check]\nrelative_tolerance = \"1e-12\"\n"
        let truth = try claim(claimText(id: "bias", kind: "diagonal-network-implicit-bias",
                                        Self.body("alpha = \"1/2\"\n[grid]\ndepth = [2, 3]\n" + tolerance)))
        let wrongConstant = try claim(claimText(id: "wrong", kind: "diagonal-network-implicit-bias", expect: "fail",
                                                Self.body("alpha = \"1/2\"\n[check]\ncertificate = \"unit-constant\"\n")))
        let kernel = try claim(claimText(id: "kernel", kind: "diagonal-network-implicit-bias", expect: "fail",
                                         Self.body("alpha = \"1/2\"\n[check]\ncertificate = \"linear\"\n")))
        let l1 = try claim(claimText(id: "l1", kind: "diagonal-network-implicit-bias", expect: "fail",
                                     Self.body("alpha = 1\n[check]\nclaim = \"l1-minimal\"\nl1_minimum = \"8/5\"\nrelative_tolerance = \"1e-3\"\n")))
        let l2 = try claim(claimText(id: "l2", kind: "diagonal-network-implicit-bias", expect: "fail",
                                     Self.body("alpha = \"1/4\"\n[check]\nclaim = \"l2-minimal\"\n")))
        let l1Computed = try claim(claimText(id: "l1-lp", kind: "diagonal-network-implicit-bias", expect: "fail",
                                             Self.body("alpha = 1\n[check]\nclaim = \"l1-minimal\"\nrelative_tolerance = \"1e-3\"\n")))
        let result = await ClaimEngine().check([truth, wrongConstant, kernel, l1, l2, l1Computed])
        #expect(result.claims.map(\.verdict) == [.pass, .fail, .fail, .fail, .fail, .fail])
        // Without l1_minimum, the exact LP supplies min ‖x‖₁ = 8/5 (docs/theory.md §4.5).
        let computed = try #require(result.claims[5].instances[0].measurements.first { $0.name == "min ‖x‖₁ (exact LP)" })
        #expect(computed.value == "1.6" && computed.exact == "8/5")
        #expect(result.allMetExpectations)
        // docs/theory.md §4.5: ‖x_α‖₁ = 2.06487154941 at α = 1 (depth 2); 1.7748173831 at α = 1/2 (depth 3).
        let l1Norm = try #require(result.claims[3].instances[0].measurements.first { $0.name == "‖x‖₁" })
        #expect(l1Norm.value.hasPrefix("2.0648715494"))
        let depth3 = try #require(result.claims[0].instances[1].measurements.first { $0.name == "‖x‖₁" })
        #expect(depth3.value.hasPrefix("1.774817383"))
        for instance in result.claims[0].instances {
            #expect(instance.measurements.allSatisfy { $0.error != "0" })
        }
    }

    @Test("A target below the working precision is an ERROR, not a hang")
    func unreachableTarget() async throws {
        let text = claimText(id: "deep", kind: "diagonal-network-implicit-bias",
                             Self.body("alpha = 1\n").replacingOccurrences(of: "1e-20", with: "1e-60"))
        let result = await ClaimEngine().check([try claim(text)])
        #expect(result.claims[0].verdict == .error)
    }
}
