import Claims
import Foundation
import MultiPrecision
import Testing

/// The searches shipped in proofs/search: counterexamples to known-false claims found without their exposing
/// instances, shrunk, and replayed from their replay files; a true claim searched without a FAIL; a critical step
/// size bracketed to 2⁻²⁰ with both ends verified.
@Suite("Shipped searches (proofs/search)")
struct SearchShippedClaimsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func claim(_ name: String) throws -> ClaimSpec {
        try ClaimFileParser().parse(file: root.appendingPathComponent("proofs/search/\(name).toml").path)
    }

    static func check(_ claim: ClaimSpec, jobs: Int = 2) async -> ClaimOutcome {
        await ClaimEngine().check([claim], options: CheckOptions(jobs: jobs)).claims[0]
    }

    @Test("A search finds, shrinks and replays a counterexample to each of three known-false claims",
          arguments: ["dln-gd-conserves-balancedness-search", "dln-gd-drift-vanishes-search",
                      "omwu-large-step-kl-nonincreasing-search"])
    func knownFalse(name: String) async throws {
        let claim = try Self.claim(name)
        #expect(claim.expectation == .fail && claim.search != nil && claim.instances.count == 1)
        let outcome = await Self.check(claim)
        #expect(outcome.verdict == .fail && outcome.metExpectation)
        let search = try #require(outcome.search)
        let failing = try #require(search.failingDraw)
        let minimal = try #require(search.minimal)
        #expect(failing.verdict == .fail && minimal.verdict == .fail)
        #expect(!search.shrinkSteps.isEmpty && minimal.instance.parameters != failing.instance.parameters)
        // Smaller: no searched integer grew, at least one shrank.
        var shrank = false
        for range in claim.search!.ranges {
            if case let .integer(a)? = failing.instance.parameters.values[range.parameter],
               case let .integer(b)? = minimal.instance.parameters.values[range.parameter] {
                #expect(b <= a, "\(range.parameter)")
                shrank = shrank || b < a
            }
        }
        #expect(shrank)

        // The replay file: no search, one instance, the same expectation; the same FAIL with the same margin.
        let text = try #require(search.replayText)
        let replay = try ClaimFileParser().parse(text: text, file: "replay.toml", baseDirectory: ".")
        #expect(replay.search == nil && replay.instances.count == 1 && replay.expectation == claim.expectation)
        #expect(replay.id == claim.id + "-counterexample")
        let replayed = await Self.check(replay, jobs: 1)
        let instance = try #require(replayed.instances.first)
        #expect(replayed.verdict == .fail && replayed.metExpectation)
        #expect(instance.margin == minimal.margin)
        #expect(instance.location == minimal.location)
        #expect(instance.precisionBits == minimal.precisionBits)
    }

    @Test("A search over a true claim runs its budget without a FAIL: PASS with 48 draws")
    func trueClaim() async throws {
        let outcome = await Self.check(try Self.claim("dln-gd-balancedness-step-search"))
        #expect(outcome.verdict == .pass && outcome.metExpectation)
        #expect(outcome.search?.draws == 48 && outcome.search?.drawBudget == 48)
        #expect(outcome.instances.count == 48 && outcome.instances.allSatisfy { $0.verdict == .pass })
        // The draws are distinct instances.
        #expect(Set(outcome.instances.map { $0.instance.parameters.reportEntries.map { "\($0.name)=\($0.value)" }.joined() }).count > 40)
    }

    @Test("The critical step size of Lemma 1 for GD on a depth-3 network is bracketed to 2⁻²⁰; both ends verify on their own")
    func criticalStepSize() async throws {
        let claim = try Self.claim("dln-gd-lemma-1-critical-step-size")
        let outcome = await Self.check(claim)
        let threshold = try #require(outcome.threshold)
        #expect(outcome.verdict == .pass && threshold.isVerified)
        #expect(threshold.width <= Rational(numerator: 1, denominator: BigInt(1 << 20)))
        #expect(threshold.passEnd.value < threshold.failEnd.value)
        // Each end checked again as an ordinary claim with the step size written in: PASS and FAIL, same margins.
        let text = try String(contentsOf: Self.root.appendingPathComponent("proofs/search/dln-gd-lemma-1-critical-step-size.toml"),
                              encoding: .utf8)
        let withoutThreshold = String(text[..<text.range(of: "[threshold]")!.lowerBound])
        for (end, verdict) in [(threshold.passEnd, Verdict.pass), (threshold.failEnd, Verdict.fail)] {
            let fixed = withoutThreshold.replacingOccurrences(of: "steps = 5", with: "steps = 5\nstep_size = \"\(end.value)\"")
            let single = try ClaimFileParser().parse(text: fixed, file: "end.toml", baseDirectory: ".")
            let checked = await Self.check(single, jobs: 1)
            #expect(checked.verdict == verdict)
            #expect(checked.instances.first?.margin == end.outcome.margin)
            let margin = try #require(checked.instances.first?.margin)
            #expect(verdict == .pass ? !margin.value.hasPrefix("-") : margin.value.hasPrefix("-"))
        }
    }
}
