import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("pbl-time-change: E3 PASSes with equal layer norms, E5 (unequal norms) FAILs")
struct PBLTimeChangeKindTests {
    func body(_ norms: String) -> String {
        """
        [model]
        widths = [2, 2, 1]
        samples = 3
        seed = 1
        layer_norms = "\(norms)"
        [dynamics]
        horizon = 4
        [numerics]
        precision = 64
        tolerance = "1e-12"
        """
    }

    @Test("Equal norms: deviation at rounding level; unequal norms: O(0.1) deviation")
    func timeChange() async throws {
        let truth = try claim(claimText(id: "e3", kind: "pbl-time-change", body("equal")))
        let twin = try claim(claimText(id: "e5", kind: "pbl-time-change", expect: "fail", body("unequal")))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.isComplete && result.allMetExpectations)
    }

    @Test("Bias-free ReLU network across activation switches: equal norms PASS, unequal norms FAIL")
    func relu() async throws {
        func relu(_ norms: String) -> String {
            """
            [model]
            widths = [2, 3, 1]
            samples = 6
            seed = 1
            network = "relu"
            data = "separable"
            layer_norms = "\(norms)"
            [dynamics]
            horizon = 2
            [numerics]
            precision = 64
            tolerance = "1e-12"
            """
        }
        let truth = try claim(claimText(id: "e3", kind: "pbl-time-change", relu("equal")))
        let twin = try claim(claimText(id: "e5", kind: "pbl-time-change", expect: "fail", relu("unequal")))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.isComplete && result.allMetExpectations)
    }
}
