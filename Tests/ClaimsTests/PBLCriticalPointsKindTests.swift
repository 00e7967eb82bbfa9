import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("pbl-critical-points: E2 (GF's V-part vanishes exactly at the constrained KKT points) PASSes; ∇_V L FAILs")
struct PBLCriticalPointsKindTests {
    func body(_ statement: String) -> String {
        """
        [model]
        widths = [2, 3, 1]
        samples = 6
        seed = 1
        data = "separable"
        [dynamics]
        horizon = 20
        sample_times = 4
        [check]
        statement = "\(statement)"
        convergence = "1e-6"
        [numerics]
        precision = 64
        tolerance = "1e-12"
        """
    }

    @Test("Along the constrained flow to a KKT point ‖V̇^GF‖/‖F‖ stays in [min ρ_k^−2, max ρ_k^−2]; ‖∇_V L‖/‖F‖ does not")
    func criticalPoints() async throws {
        let truth = try claim(claimText(id: "e2", kind: "pbl-critical-points", body("normalized-gf")))
        let twin = try claim(claimText(id: "grad", kind: "pbl-critical-points", expect: "fail", body("unconstrained-gradient")))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.isComplete && result.allMetExpectations)
    }

    @Test("Equal split ρ_k = ρ^{1/K}: E1 makes ‖V̇^GF‖/‖F‖ = ρ^{−2/K} exactly, so the violation is at rounding level")
    func equalSplit() async throws {
        let equal = try claim(claimText(id: "equal", kind: "pbl-critical-points",
                                        body("normalized-gf").replacingOccurrences(of: "[dynamics]", with: "layer_norms = \"equal\"\n[dynamics]")))
        let result = await ClaimEngine().check([equal])
        #expect(result.claims.map(\.verdict) == [.pass])
        let instance = result.claims[0].instances[0]
        #expect(abs(try measuredValue(instance, "max violation of the ratio ∈ [min ρ_k^−2, max ρ_k^−2]")) < 1e-15)
        // A KKT point: ‖F‖ at the end is far below ‖V̇^GF‖ at the start would be; here both vanish together.
        let end = try measuredValue(instance, "‖F(ρ, V(τ))‖ at the end (KKT residual)")
        #expect(abs(try measuredValue(instance, "‖V̇^GF‖ at the end") - pow(2.0, -2.0 / 2.0) * end) <= 1e-12 * end)
    }
}
