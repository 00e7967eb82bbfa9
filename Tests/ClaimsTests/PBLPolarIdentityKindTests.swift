import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("pbl-polar-identity: E1 and N3 PASS, single time change with unequal norms and equal ρ̇_k FAIL")
struct PBLPolarIdentityKindTests {
    func body(identity: String, norms: String, steps: Int = 3, network: String = "linear") -> String {
        """
        [model]
        network = "\(network)"
        widths = [3, 2, 2, 1]
        samples = 4
        seed = 1
        layer_norms = "\(norms)"
        [dynamics]
        steps = \(steps)
        [check]
        identity = "\(identity)"
        [numerics]
        precision = 128
        tolerance = "1e-25"
        """
    }

    @Test("E1 and N3 hold (equal and unequal norms); the single factor ρ^{−2/K} holds with equal norms at t = 0")
    func truths() async throws {
        let claims = try [
            claim(claimText(id: "e1", kind: "pbl-polar-identity", body(identity: "E1", norms: "unequal"))),
            claim(claimText(id: "n3", kind: "pbl-polar-identity", body(identity: "N3", norms: "unequal"))),
            claim(claimText(id: "e1eq", kind: "pbl-polar-identity", body(identity: "E1", norms: "equal"))),
            claim(claimText(id: "single-equal", kind: "pbl-polar-identity", body(identity: "E5-single-factor", norms: "equal", steps: 0))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .pass, .pass])
        // Exact identities: the residuals and the N3 spread sit at the rounding level of 128 bits.
        for claim in result.claims {
            #expect(try measuredValue(claim.instances[0], "max relative residual of the identity") < 1e-30)
            #expect(try measuredValue(claim.instances[0], "max (max_k − min_k)(ρ_kρ̇_k) / max_k |ρ_kρ̇_k| (N3)") < 1e-30)
        }
    }

    @Test("Known false with unequal norms: one common factor ρ^{−2/K} (E5), equal ρ̇_k")
    func twins() async throws {
        // At the initial state (ρ_k = 3/2, 1, 4/5, ρ = 6/5), E1 gives V̇_k = ρ_k^{−2}F_k, so the E5 residual is
        // max_k |1 − ρ_k²ρ^{−2/3}| = (9/4)(5/6)^{2/3} − 1 in closed form.
        let initial = try claim(claimText(id: "e5-0", kind: "pbl-polar-identity", expect: "fail",
                                          body(identity: "E5-single-factor", norms: "unequal", steps: 0)))
        let closedForm = await ClaimEngine().check([initial]).claims[0].instances[0]
        #expect(abs(try measuredValue(closedForm, "max relative residual of the identity") - (2.25 * pow(5.0 / 6.0, 2.0 / 3.0) - 1)) < 1e-12)
        let claims = try [
            claim(claimText(id: "e5", kind: "pbl-polar-identity", expect: "fail", body(identity: "E5-single-factor", norms: "unequal"))),
            claim(claimText(id: "rhodot", kind: "pbl-polar-identity", expect: "fail", body(identity: "equal-rho-dot", norms: "unequal"))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.fail, .fail])
        #expect(result.isComplete && result.allMetExpectations)
    }

    @Test("Bias-free ReLU network: E1 and N3 PASS; E4 (joint (ρ, V) time change) FAILs for linear and ReLU networks")
    func relu() async throws {
        let claims = try [
            claim(claimText(id: "e1", kind: "pbl-polar-identity", body(identity: "E1", norms: "unequal", network: "relu"))),
            claim(claimText(id: "n3", kind: "pbl-polar-identity", body(identity: "N3", norms: "unequal", network: "relu"))),
            claim(claimText(id: "e4", kind: "pbl-polar-identity", expect: "fail", body(identity: "E4-joint-time-change", norms: "equal"))),
            claim(claimText(id: "e4relu", kind: "pbl-polar-identity", expect: "fail",
                            body(identity: "E4-joint-time-change", norms: "equal", network: "relu"))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail, .fail])
        #expect(result.isComplete && result.allMetExpectations)
    }
}
