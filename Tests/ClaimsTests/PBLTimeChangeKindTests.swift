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
        // The equivalence-error series: 40 times t = T/40 … T, the last point the measured deviation at T; the
        // twin's deviation starts at 0 and grows (E5: the single time change is wrong from the start).
        for claim in result.claims {
            let instance = claim.instances[0]
            let series = try #require(instance.series.first { $0.name == "equivalence" })
            #expect(series.x == (1...40).map { 4 * Double($0) / 40 })
            #expect(series.y.last == Double(instance.measurements[0].value)!)   // the deviation at T
        }
        let twinSeries = try #require(result.claims[1].instances[0].series.first)
        // The twin's deviation peaks early (t = 1/5 here) and then decays: the margin uses the largest of the 40.
        let twinMeasurements = result.claims[1].instances[0].measurements
        #expect(Double(twinMeasurements[1].value)! == twinSeries.y.max()! && twinSeries.y.max()! > 0.08)
        #expect(twinMeasurements[2].exact == "1/5" && twinSeries.y[39] < twinSeries.y.max()! / 2)
        let truthSeries = try #require(result.claims[0].instances[0].series.first)
        #expect(truthSeries.y.allSatisfy { $0 < 1e-12 })
        // Reference (N3): equal initial norms stay equal, ρ_1(T) = ρ_2(T); unequal ones keep ρ_2² − ρ_1² = 1 − 9/4.
        let equalNorms = try ["ρ_1(T)", "ρ_2(T)"].map { try measuredValue(result.claims[0].instances[0], $0) }
        #expect(abs(equalNorms[1] - equalNorms[0]) < 1e-12 * equalNorms[0])
        let unequalNorms = try ["ρ_1(T)", "ρ_2(T)"].map { try measuredValue(result.claims[1].instances[0], $0) }
        #expect(abs(unequalNorms[1] * unequalNorms[1] - unequalNorms[0] * unequalNorms[0] + 1.25) < 1e-10)
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
