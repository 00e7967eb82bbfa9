import Claims
import Foundation
import Testing

/// What rigorous mode must not certify: a statistical verdict (a confidence interval over random draws, even of
/// exactly computed draws) and a counterexample search that found nothing (evidence about the draws, not a proof over
/// the space searched). Both were reported PROVED before this test existed.
@Suite("Rigorous mode: statistical verdicts and empty searches are never PROVED")
struct RigorousPromotionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func check(_ path: String) async throws -> ClaimOutcome {
        let claim = try ClaimFileParser().parse(file: root.appendingPathComponent(path).path)
        var options = CheckOptions(jobs: 2)
        options.rigorous = true
        return await ClaimEngine().check([claim], options: options).claims[0]
    }

    @Test("diagonal-network-sgd-sparser (Clopper–Pearson at 95 %): PASS, marked not available rigorously")
    func statisticalClaim() async throws {
        let outcome = try await Self.check("proofs/diagonal-network-sgd-sparser.toml")
        #expect(outcome.verdict == .pass && outcome.metExpectation)
        let instance = try #require(outcome.instances.first)
        #expect(instance.verdict == .pass)
        #expect(instance.statistics["mode"] == "not available rigorously")
    }

    @Test("dln-gd-balancedness-step-search: every drawn instance PROVED (exact), the claim PASS")
    func searchClaim() async throws {
        let outcome = try await Self.check("proofs/search/dln-gd-balancedness-step-search.toml")
        #expect(outcome.verdict == .pass && outcome.metExpectation)
        #expect(!outcome.instances.isEmpty && outcome.instances.allSatisfy { $0.verdict == .proved })
    }
}
