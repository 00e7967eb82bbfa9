import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("lyu-li-smoothed-margin: γ̃ non-decreasing once 𝓛 < 1 PASSes; from t = 0 FAILs")
struct LyuLiMarginKindTests {
    @Test("Depth 2 and 3 PASS from the first sample with 𝓛 < 1; depth 3 from t = 0 FAILs")
    func monotone() async throws {
        let truth = try claim(claimText(id: "ll", kind: "lyu-li-smoothed-margin", """
            [model]
            samples = 6
            init_scale = "1/2"
            seed = 1
            [dynamics]
            horizon = 10
            sample_times = 20
            [numerics]
            precision = 64
            [grid]
            widths = [[2, 3, 1], [3, 2, 2, 1]]
            """))
        let twin = try claim(claimText(id: "zero", kind: "lyu-li-smoothed-margin", expect: "fail", """
            [model]
            widths = [3, 2, 2, 1]
            samples = 6
            init_scale = "1/8"
            seed = 1
            [dynamics]
            horizon = 3
            sample_times = 30
            [check]
            from = "zero"
            [numerics]
            precision = 64
            """))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.isComplete && result.allMetExpectations)
        // Reference: with ‖θ‖^K = log(1/𝓛)/γ̃ and M = 6 points, e^{−min q} ≤ 𝓛 ≤ M e^{−min q} gives
        // γ̃ ≤ γ̄ ≤ γ̃ + log M/‖θ‖^K = γ̃ (1 + log 6/log(1/𝓛)) at T.
        for instance in result.claims[0].instances {
            let smoothed = try measuredValue(instance, "γ̃(T)"), normalized = try measuredValue(instance, "γ̄(T)")
            let loss = try measuredValue(instance, "𝓛(T)")
            #expect(loss < 1 && smoothed <= normalized && normalized <= smoothed * (1 + log(6) / log(1 / loss)) * (1 + 1e-12))
        }
    }

    @Test("Bias-free ReLU network across activation switches: PASS once 𝓛 < 1, FAIL from t = 0")
    func relu() async throws {
        let truth = try claim(claimText(id: "ll", kind: "lyu-li-smoothed-margin", """
            [model]
            widths = [2, 3, 1]
            network = "relu"
            samples = 6
            seed = 1
            [dynamics]
            horizon = 10
            sample_times = 20
            [numerics]
            precision = 64
            """))
        let twin = try claim(claimText(id: "zero", kind: "lyu-li-smoothed-margin", expect: "fail", """
            [model]
            widths = [3, 3, 1]
            network = "relu"
            samples = 6
            init_scale = "1/8"
            seed = 8
            [dynamics]
            horizon = 3
            sample_times = 30
            [check]
            from = "zero"
            [numerics]
            precision = 64
            """))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.isComplete && result.allMetExpectations)
    }
}
