import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("dhl-layer-norm-differences: ρ_k² − ρ_1² constant along GF PASSes (linear, ReLU); constant ratios FAIL")
struct DHLLayerNormKindTests {
    func body(network: String, quantity: String) -> String {
        """
        [model]
        widths = [2, 3, 1]
        samples = 6
        seed = 1
        network = "\(network)"
        data = "separable"
        layer_norms = "unequal"
        [dynamics]
        horizon = 2
        sample_times = 4
        [check]
        quantity = "\(quantity)"
        [numerics]
        precision = 64
        tolerance = "1e-12"
        """
    }

    @Test("Differences of squared norms conserved (linear and ReLU); the ratios ρ_k/ρ_1 are not")
    func conservation() async throws {
        let claims = try [
            claim(claimText(id: "lin", kind: "dhl-layer-norm-differences", body(network: "linear", quantity: "squared-norm-differences"))),
            claim(claimText(id: "relu", kind: "dhl-layer-norm-differences", body(network: "relu", quantity: "squared-norm-differences"))),
            claim(claimText(id: "ratios", kind: "dhl-layer-norm-differences", expect: "fail", body(network: "relu", quantity: "norm-ratios"))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail])
        #expect(result.isComplete && result.allMetExpectations)
        // Reference: the initial norms are ρ_1 = 3/2, ρ_2 = 1 (to 4p bits), so ρ_2(T)² − ρ_1(T)² = 1 − 9/4 = −5/4,
        // while the ratio ρ_2/ρ_1 leaves 2/3 (the twin's drift is far above the tolerance).
        for claim in result.claims {
            let rho = try ["ρ_1(T)", "ρ_2(T)"].map { try measuredValue(claim.instances[0], $0) }
            #expect(abs(rho[1] * rho[1] - rho[0] * rho[0] + 1.25) < 1e-10)
        }
        #expect(try measuredValue(result.claims[2].instances[0], "max_t max_k |q_k(t) − q_k(0)| / s(t)") > 1e-6)
    }
}

/// The measured value `name` of an instance, as a `Double`.
func measuredValue(_ instance: InstanceOutcome, _ name: String) throws -> Double {
    try #require(instance.measurements.first { $0.name == name }.flatMap { Double($0.value) })
}
