import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("coarse-gradient-correlation: ⟨E g, ∇f⟩ ≥ 0 PASSes; single samples and the strict claim at vᵀv* = 0 FAIL")
struct CoarseGradientCorrelationKindTests {
    static let reference = """
        v = [[1, "-0.5", 2, "0.3"]]
        v_star = [["0.8", "0.2", "1.5", "-0.4"]]
        w = [[1, 0, "0.5"]]
        w_star = [["0.3", 1, "-0.2"]]
        """

    @Test("Reference instance and random instances PASS; ⟨E g, ∇f⟩ matches the quadrature value to 1e−28")
    func truths() async throws {
        let truth = try claim(claimText(id: "corr", kind: "coarse-gradient-correlation", """
            [numerics]
            precision = 128
            [[instance]]
            \(Self.reference)
            [[instance]]
            seed = 1
            [[instance]]
            m = 6
            n = 4
            seed = 2
            """))
        let result = await ClaimEngine().check([truth])
        #expect(result.claims.map(\.verdict) == [.pass])
        let instance = result.claims[0].instances[0]
        let inner = try #require(instance.measurements.first { $0.name == "⟨E_Z[g], ∇_w f⟩" })
        // Tests/ClaimsTests/References/coarse_gradient.py (quadrature).
        let reference = try #require(BigFloat("0.358734542543152369806350695497", precision: 128))
        #expect(BigFloat.abs(BigFloat(inner.value, precision: 128)! - reference) < BigFloat("1e-28")!)
    }

    @Test("Known false: every single sample (first negative at sample 2, smallest at sample 10), strictly positive at vᵀv* = 0")
    func twins() async throws {
        let everySample = try claim(claimText(id: "every", kind: "coarse-gradient-correlation", expect: "fail", """
            [model]
            \(Self.reference)
            [check]
            claim = "every-sample"
            samples = 20
            [numerics]
            precision = 128
            """))
        let strict = try claim(claimText(id: "strict", kind: "coarse-gradient-correlation", expect: "fail", """
            [model]
            v = [[1, 1, 0]]
            v_star = [[1, -1, 2]]
            w = [[1, 0, "0.5"]]
            w_star = [["0.3", 1, "-0.2"]]
            [check]
            claim = "positive"
            [numerics]
            precision = 128
            tolerance = "1e-30"
            """))
        let result = await ClaimEngine().check([everySample, strict])
        #expect(result.claims.map(\.verdict) == [.fail, .fail])
        #expect(result.isComplete && result.allMetExpectations)
        let sample = try #require(result.claims[0].counterexample)
        // The margin is the minimum over the samples (issue 21: not the first sample found negative on rounded
        // signs); the first negative sample is reported beside it.
        #expect(sample.location == "sample 10 of 20 (sample_seed = 1)")
        #expect(sample.measurements.first { $0.name == "first sample s with ⟨g(Z_s), ∇_w f⟩ < 0 (0: none)" }?.value == "2")
        let smallest = try #require(sample.measurements.first { $0.name == "min_s ⟨g(Z_s), ∇_w f⟩" }.flatMap { BigFloat($0.value) })
        let first = try #require(sample.measurements.first { $0.name == "⟨g(Z_s), ∇_w f⟩ at that sample" }.flatMap { BigFloat($0.value) })
        #expect(smallest < first && first < 0)
        let zero = try #require(result.claims[1].counterexample)
        #expect(zero.measurements.first { $0.name == "⟨E_Z[g], ∇_w f⟩" }.map { BigFloat($0.value)!.isZero } == true)
        #expect(zero.measurements.first { $0.name == "vᵀv*" }?.exact == "0")
    }

    @Test("Issue 21 audit: with tolerance 1, sample 10 (−2.18) violates ⟨g, ∇f⟩ ≥ −1 though the first negative sample (−0.42) does not: FAIL, not PASS")
    func smallestSampleDecides() async throws {
        let everySample = try claim(claimText(id: "every-tolerance-1", kind: "coarse-gradient-correlation", expect: "fail", """
            [model]
            \(Self.reference)
            [check]
            claim = "every-sample"
            samples = 20
            [numerics]
            precision = 128
            tolerance = 1
            """))
        let result = await ClaimEngine().check([everySample])
        #expect(result.claims.map(\.verdict) == [.fail])
        let instance = try #require(result.claims.first?.instances.first)
        #expect(instance.location == "sample 10 of 20 (sample_seed = 1)")
        // The margin is min_s ⟨g(Z_s), ∇f⟩ + 1 = −2.1795829070… + 1, not (first negative) −0.4174410357… + 1 > 0.
        let margin = try #require(instance.margin.flatMap { BigFloat($0.value) })
        #expect(margin < BigFloat(-1.1795) && margin > BigFloat(-1.1796))
    }

    @Test("Bad input: w parallel to w*, v and v* of different lengths, samples without every-sample, reported by key")
    func badInput() throws {
        let error0 = #expect(throws: ClaimFileErrors.self) {
            _ = try claim(claimText(id: "bad", kind: "coarse-gradient-correlation", "[model]\nw = [[1, 2]]\nw_star = [[-2, -4]]\nn = 2"))
        }
        #expect(error0.map { String(describing: $0).contains("key 'model.w': w is parallel to w*") } == true)
        let error1 = #expect(throws: ClaimFileErrors.self) {
            _ = try claim(claimText(id: "bad", kind: "coarse-gradient-correlation", "[model]\nv = [[1, 2]]\nv_star = [[1, 2, 3]]"))
        }
        #expect(error1.map { String(describing: $0).contains("key 'model.v_star': v has 2 entries, v* has 3") } == true)
        let error2 = #expect(throws: ClaimFileErrors.self) {
            _ = try claim(claimText(id: "bad", kind: "coarse-gradient-correlation", "[check]\nsamples = 5"))
        }
        #expect(error2.map { String(describing: $0).contains("key 'check.samples': ") } == true)
    }
}
