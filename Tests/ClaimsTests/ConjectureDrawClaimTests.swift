import AttestTestSupport
import Claims
import Foundation
import Testing

/// Conjecture files whose data is drawn at every step (`draw = …`): the shipped pathwise SGD claim and its twin,
/// rounded runs, determinism under jobs, and every bad `draw` entry.
@Suite("Conjecture files with drawn data (SGD)")
struct ConjectureDrawClaimTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("proofs/conjectures")

    static func shipped(_ id: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(id).toml"), encoding: .utf8)
    }

    func check(_ toml: String, jobs: Int = 2) async throws -> ClaimOutcome {
        let path = try writeClaimFolder(toml)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let claim = try ClaimFileParser().parse(file: path)
        #expect(claim.kind == "conjecture")
        return await ClaimEngine().check([claim], options: CheckOptions(jobs: jobs)).claims[0]
    }

    @Test("the η² law of balancedness holds exactly at every SGD step, for every seed and batch size (PASS)")
    func lawPasses() async throws {
        let outcome = try await check(try Self.shipped("sgd-balancedness-step"))
        #expect(outcome.verdict == .pass)
        #expect(outcome.instances.count == 9)
        #expect(outcome.instances.allSatisfy { $0.verdict == .pass })
    }

    @Test("the twin without the η² term fails on every instance, with the same counterexample under 1 and 4 jobs")
    func twinFails() async throws {
        let text = try Self.shipped("sgd-conserves-balancedness")
        let one = try await check(text, jobs: 1), four = try await check(text, jobs: 4)
        #expect(one.verdict == .fail && four.verdict == .fail)
        #expect(one.instances.allSatisfy { $0.verdict == .fail })
        #expect(one.instances.map { $0.margin?.value } == four.instances.map { $0.margin?.value })
        #expect(one.instances.map(\.location) == four.instances.map(\.location))
    }

    @Test("a wrong law (η³ in place of η²) fails: the exact check distinguishes the law")
    func wrongLawFails() async throws {
        let text = try Self.shipped("sgd-balancedness-step").replacingOccurrences(of: "eta^2", with: "eta^3")
        #expect(try await check(text).verdict == .fail)
    }

    @Test("rounded at p bits (no exact arithmetic): the law passes within the tolerance rule, the twin still fails")
    func rounded() async throws {
        let law = try Self.shipped("sgd-balancedness-step").replacingOccurrences(of: "arithmetic = \"exact\"\n", with: "")
        let twin = try Self.shipped("sgd-conserves-balancedness").replacingOccurrences(of: "arithmetic = \"exact\"\n", with: "")
        #expect(try await check(law).verdict == .pass)
        #expect(try await check(twin).verdict == .fail)
    }

    @Test("the template with drawn data is valid")
    func template() async throws {
        let outcome = try await check(BadClaimFile.validConjectureDraw)
        #expect(outcome.verdict == .pass)
    }

    @Test("a bad draw names the file, line and key, and nothing runs", arguments: BadClaimFile.conjectureDraws)
    func badDraw(_ bad: BadClaimFile) throws {
        try expectLocatedLoadError(bad)
    }
}
