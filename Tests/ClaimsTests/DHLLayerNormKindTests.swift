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
    }
}
