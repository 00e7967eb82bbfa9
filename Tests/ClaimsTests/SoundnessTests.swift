import Claims
import MultiPrecision
import Testing

@Suite("Soundness: zero wrong verdicts on true and known-false claims of every kind; near misses are escalated")
struct SoundnessTests {
    static let cases = SoundnessCases.trueCases + SoundnessCases.falseCases

    @Test("At least 12 true and 12 known-false cases, covering every shipped claim kind on both sides")
    func coverage() {
        #expect(SoundnessCases.trueCases.count >= 12 && SoundnessCases.falseCases.count >= 12)
        #expect(SoundnessCases.trueCases.allSatisfy { $0.truth == .pass })
        #expect(SoundnessCases.falseCases.allSatisfy { $0.truth == .fail })
        // Each file says what it must get: a true claim expects PASS (or is proved), a false one FAIL (or refuted).
        #expect(SoundnessCases.trueCases.allSatisfy { $0.text.contains("expect = \"pass\"") || $0.text.contains("expect = \"proved\"") })
        #expect(SoundnessCases.falseCases.allSatisfy { $0.text.contains("expect = \"fail\"") || $0.text.contains("expect = \"refuted\"") })
        let kinds = Set(ClaimKindRegistry.standard.names)
        #expect(Set(SoundnessCases.trueCases.map(\.kind)) == kinds)
        #expect(Set(SoundnessCases.falseCases.map(\.kind)) == kinds)
    }

    @Test("Each case gets its known verdict: true claims PASS, false ones FAIL", arguments: Self.cases)
    func verdict(_ soundness: SoundnessCase) async throws {
        let spec = try claim(soundness.text)
        #expect(spec.id == soundness.id && spec.kind == soundness.kind && spec.instances.count == 1)
        let result = await ClaimEngine().check([spec])
        #expect(result.isComplete)
        let instance = try #require(result.claims[0].instances.first)
        #expect(instance.verdict == soundness.truth, "\(instance.reproduction) \(instance.message ?? "")")
        #expect(result.allMetExpectations)
    }

    /// The near-miss case of the scalar network of scripts/soundness/near_miss_reference.py that must get `truth`.
    func nearMiss(truth: Verdict, precision: Int, maxPrecision: Int) async throws -> InstanceOutcome {
        let text = SoundnessCases.nearMiss(truth: truth, precision: precision, maxPrecision: maxPrecision)
        #expect(text.contains("precision = \(precision)\nmax_precision = \(maxPrecision)"))
        let result = await ClaimEngine().check([try claim(text)])
        return try #require(result.claims[0].instances.first)
    }

    @Test("A violation of 1e-40: INCONCLUSIVE at 53 bits, FAIL after escalation to 212 bits and at 256 bits directly",
          arguments: [(Verdict.fail, "-1"), (.pass, "1")])
    func nearMissAt1e40(truth: Verdict, sign: String) async throws {
        let capped = try await nearMiss(truth: truth, precision: 53, maxPrecision: 53)
        #expect(capped.verdict == .inconclusive && capped.attempts.count == 1)
        #expect(capped.message?.contains("max_precision") == true)

        let escalated = try await nearMiss(truth: truth, precision: 53, maxPrecision: 256)
        #expect(escalated.attempts.map(\.precisionBits) == [53, 106, 212])
        #expect(escalated.attempts.map(\.verdict) == [.inconclusive, .inconclusive, truth])

        let direct = try await nearMiss(truth: truth, precision: 256, maxPrecision: 256)
        #expect(direct.attempts.map(\.verdict) == [truth])
        // The exact margin is ±1.00000000000000000000e−40 (near_miss_reference.py, Python fractions).
        let exact = try Rational(parsing: sign + "e-40")
        for outcome in [escalated, direct] {
            let margin = try Rational(parsing: try #require(outcome.margin?.value))
            let error = try Rational(parsing: try #require(outcome.margin?.error))
            let close = try Rational(parsing: "1e-55")
            #expect((margin - exact).magnitude <= close, "\(margin)")
            #expect(error <= close, "\(error)")
        }
    }
}
