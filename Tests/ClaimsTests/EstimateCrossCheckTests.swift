import Claims
import Foundation
import MultiPrecision
import Testing

/// The cross-check of the ordinary error estimate at p + 2g (`EstimateCrossCheck`): it passes computations whose
/// rounding errors propagate linearly, flags chaotic ones, and a flagged margin makes the instance INCONCLUSIVE.
@Suite("Error estimate cross-check: chaotic runs are flagged, ordinary ones are not")
struct EstimateCrossCheckTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func big(_ text: String) -> BigFloat { BigFloat(text, precision: 256)! }

    /// A computation that loses `lost` bits: value = truth + 2^(lost − p). Its errors shrink by 2^−g per g bits.
    func linear(truth: String, lost: Int) -> (Int) -> Evaluation {
        { bits in
            let value = BigFloat(truth, precision: bits)! + BigFloat(1, precision: bits).scaled(byPowerOfTwo: lost - bits)
            return Evaluation(quantities: [Quantity("x", .rounded(value))], margin: .rounded(value))
        }
    }

    /// A saturated chaotic computation: every precision gives an unrelated point of [truth − 1/2, truth + 1/2]
    /// (a fixed pseudo-random function of the precision), and an exact count that changes with the precision.
    func chaotic(truth: String) -> (Int) -> Evaluation {
        { bits in
            let fraction = Double((bits &* 2_654_435_761) % 1000) / 1000 - 0.5
            let value = BigFloat(truth, precision: bits)! + BigFloat(fraction, precision: bits)
            return Evaluation(quantities: [Quantity("KL_T", .rounded(value)),
                                           Quantity("increases", .exact(Rational(bits / 64)))],
                              margin: .rounded(value))
        }
    }

    @Test("Convergence test: ratio 2^−64 passes, ratio about 1 fails, an exact disagreement fails")
    func convergence() {
        #expect(EstimateCrossCheck.converges(estimate: big("1e-70"), next: big("5e-90"), guardBits: 64))
        #expect(EstimateCrossCheck.converges(estimate: big("1e-3"), next: big("1e-9"), guardBits: 64))   // 2^−19.9
        #expect(!EstimateCrossCheck.converges(estimate: big("2e-1"), next: big("3e-1"), guardBits: 64))
        #expect(!EstimateCrossCheck.converges(estimate: big("1e-3"), next: big("1e-6"), guardBits: 64))  // 2^−10
        #expect(EstimateCrossCheck.converges(estimate: nil, next: nil, guardBits: 64))
        #expect(EstimateCrossCheck.converges(estimate: big("1"), next: nil, guardBits: 64))
        #expect(!EstimateCrossCheck.converges(estimate: nil, next: big("1"), guardBits: 64))
    }

    @Test("A run that loses 210 of 256 bits linearly: the close margin is cross-checked, converges, and PASSES")
    func linearLossPasses() throws {
        // margin 1e-10, estimate ≈ 2^−46 ≈ 1.4e-14: decided, but within 2^16·κ·e, so the third run is made.
        let attempts = try PrecisionEscalation(start: 256, cap: 256).run(linear(truth: "1e-10", lost: 210))
        #expect(attempts.count == 1)
        #expect(attempts[0].verdict == .pass)
        #expect(attempts[0].estimate.crossCheckPrecision == 384)
        #expect(attempts[0].estimate.unreliable.isEmpty)
    }

    @Test("The closeness rule is 2^(g/4)·κ·e: margin 1 is cross-checked from an estimate of 2^−16 on, not below",
          arguments: [(238, false), (239, false), (241, true), (242, true)])
    func closenessBoundary(lost: Int, checked: Bool) throws {
        // e ≈ 2^(lost − 256), so 2^16·κ·e ≈ 2^(lost − 239): margin 1 + e lies within it from lost = 240 on.
        let attempts = try PrecisionEscalation(start: 256, cap: 256).run(linear(truth: "1", lost: lost))
        #expect(attempts[0].verdict == .pass)
        #expect((attempts[0].estimate.crossCheckPrecision == 384) == checked)
    }

    @Test("riemannian-product-flow's case: margin 1e-10 against an estimate of 1.4e-17 (7·10⁶ e) makes no third run")
    func farCloseMarginSkipsTheCheck() throws {
        // Under the former rule (2^(g/2)·κ·e ≈ 8.6·10⁹·e) this margin was cross-checked; no chaotic run understates
        // its estimate by anything near the 2^16·κ that a verdict flip would need.
        let attempts = try PrecisionEscalation(start: 256, cap: 256).run(linear(truth: "1e-10", lost: 200))
        #expect(attempts[0].verdict == .pass && attempts[0].estimate.crossCheckPrecision == nil)
    }

    @Test("A far margin with a well-conditioned value is not cross-checked (no third run)")
    func farMarginSkipsTheCheck() throws {
        let attempts = try PrecisionEscalation(start: 256, cap: 256).run(linear(truth: "0.5", lost: 10))
        #expect(attempts[0].verdict == .pass && attempts[0].estimate.crossCheckPrecision == nil)
    }

    @Test("A saturated chaotic run: two precisions would PASS it, the cross-check makes it INCONCLUSIVE at every precision")
    func chaoticIsInconclusive() throws {
        let evaluate = chaotic(truth: "5")
        // Without the check: |margin| ≈ 5 against an estimate below 1, so the two runs alone would decide.
        let twoRuns = ErrorEstimate(working: evaluate(256), precision: 256, reference: evaluate(320))
        #expect(VerdictRule.decide(margin: twoRuns.working.margin, error: twoRuns.marginError) == .pass)
        let attempts = try PrecisionEscalation(start: 256, cap: 512).run(evaluate)
        #expect(attempts.map(\.precision) == [256, 512])
        #expect(attempts.allSatisfy { $0.verdict == .inconclusive })
        let last = attempts[attempts.count - 1].estimate
        #expect(last.unreliable.map(\.name) == ["margin", "KL_T"])    // exact counts are not checked
        #expect(last.measurements[0].unreliable?.contains("not 2^16 times less") == true)
        #expect(last.measurements[1].unreliable == nil)
    }

    @Test("Rounding noise of a quantity that is zero (sizes 2^g apart) is not a warning sign")
    func noiseIsNotChaos() throws {
        let attempts = try PrecisionEscalation(start: 256, cap: 256).run { bits in
            let noise = BigFloat(3, precision: bits).scaled(byPowerOfTwo: -bits)
            return Evaluation(quantities: [Quantity("residual", .rounded(noise))], margin: .rounded(BigFloat(1, precision: bits) - noise))
        }
        #expect(attempts[0].verdict == .pass && attempts[0].estimate.crossCheckPrecision == nil)
    }

    /// The shipped chaotic claim: OMWU at η = 3/2 on wRPS(1,2,3), 2000 steps, KL_T ≤ 1/100 (false: KL_2000 ≈ 4.01).
    @Test("proofs/omwu-chaotic-large-step.toml: INCONCLUSIVE at 256 and 512 bits, error estimate unreliable")
    func shippedChaoticClaim() async throws {
        let claim = try ClaimFileParser().parse(file: Self.root.appendingPathComponent("proofs/omwu-chaotic-large-step.toml").path)
        #expect(claim.expectation == .inconclusive)
        let outcome = await ClaimEngine().check([claim], options: CheckOptions(jobs: 1)).claims[0]
        #expect(outcome.verdict == .inconclusive && outcome.metExpectation)
        let instance = try #require(outcome.instances.first)
        #expect(instance.attempts.map(\.precisionBits) == [256, 512])
        #expect(instance.message?.contains("error estimate unreliable (margin:") == true, "\(instance.message ?? "")")
        #expect(instance.statistics["error estimate cross-checked at"] == "640 bits (unreliable)")
        // The reason for the flag: at 512 bits KL_T misses the truth by more than its own error bar
        // (scripts/reliability/omwu_chaos_reference.py --eta 3/2 --steps 2000, 2000-bit run).
        let truth = big(Self.klTruth)
        let kl = try #require(instance.measurements.first { $0.name == "KL_T" })
        let value = big(kl.value), error = big(kl.error)
        #expect(BigFloat.abs(value - truth) > error, "KL_T = \(kl.value) ± \(kl.error), truth \(Self.klTruth)")
        #expect(kl.unreliable != nil)
    }

    /// The same chaotic claim in rigorous mode (issue 18): the ball enclosure of the iterate blows up long before
    /// step 2000 at every precision, so the verdict is INCONCLUSIVE, naming the step where the enclosure became too
    /// wide; never PROVED or DISPROVED. The ordinary run of the same file is flagged unreliable (the test above).
    @Test("proofs/omwu-chaotic-large-step.toml under --rigorous: INCONCLUSIVE at 256 and 512 bits, the step named")
    func shippedChaoticClaimRigorously() async throws {
        let claim = try ClaimFileParser().parse(file: Self.root.appendingPathComponent("proofs/omwu-chaotic-large-step.toml").path)
        var options = CheckOptions(jobs: 1)
        options.rigorous = true
        let outcome = await ClaimEngine().check([claim], options: options).claims[0]
        #expect(outcome.verdict == .inconclusive && outcome.metExpectation)
        let instance = try #require(outcome.instances.first)
        #expect(instance.attempts.map(\.precisionBits) == [256, 512])
        #expect(instance.attempts.allSatisfy { $0.verdict == .inconclusive })
        let message = instance.message ?? ""
        #expect(message.contains("the enclosure became too wide to decide at step "), "\(message)")
        // Losing about 0.37 bits a step (the reference run), 512 bits last at most about 1400 steps; the
        // enclosure, which also carries the wrapping, gives up before step 2000 and after step 100.
        let step = message.split(separator: "at step ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        #expect(step.map { $0 > 100 && $0 < 2000 } == true, "\(message)")
    }

    /// KL_2000 of OMWU at η = 3/2 on wRPS(1,2,3), from the 2000-bit mpmath run (20 digits).
    static let klTruth = "4.0167753928532910472"

    @Test("Ordinary OMWU claims are not flagged: the estimate converges or is not even cross-checked",
          arguments: ["omwu-kl-nonincreasing", "omwu-large-step-kl-nonincreasing", "omwu-converges"])
    func shippedOrdinaryClaims(name: String) async throws {
        let claim = try ClaimFileParser().parse(file: Self.root.appendingPathComponent("proofs/\(name).toml").path)
        let outcome = await ClaimEngine().check([claim], options: CheckOptions(jobs: 2)).claims[0]
        #expect(outcome.metExpectation)
        for instance in outcome.instances {
            #expect(instance.message?.contains("error estimate unreliable") != true, "\(instance.message ?? "")")
            #expect(instance.measurements.allSatisfy { $0.unreliable == nil })
        }
    }
}
