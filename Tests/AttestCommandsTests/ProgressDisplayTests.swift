import Claims
import Foundation
import Testing
@testable import AttestCommands

/// The live progress line: it fits the terminal (tested on a pseudo-terminal of 50 columns with `script`), shows
/// every running instance, how far a kind that reports steps is, and `FAIL (expected)` for a refuted known-false claim.
@Suite("Live progress", .serialized)
struct ProgressDisplayTests {
    static let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let stty = ["/usr/bin/stty", "/bin/stty"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("A line is cut to the width with an ellipsis, one column kept free")
    func fit() {
        let long = String(repeating: "x", count: 200)
        #expect(ProgressDisplay.fit(long, width: 80).count == 79 && ProgressDisplay.fit(long, width: 80).hasSuffix("…"))
        #expect(ProgressDisplay.fit("short", width: 80) == "short")
    }

    @Test("How far an instance is, as its kind reports it")
    func board() {
        let board = ProgressBoard()
        board.set("c #0", done: 512, total: 10_000, unit: "step", bits: 256)
        #expect(board.text(for: "c #0") == "step 512 of 10000, 256 bits")
        board.set("c #1", done: 3.5, total: 10, unit: "t", bits: nil)
        #expect(board.text(for: "c #1") == "t = 3.5 of 10")
        board.remove("c #0")
        #expect(board.text(for: "c #0") == nil)
    }

    @Test("A known-false claim refuted as expected reads FAIL (expected) in the progress lines")
    func expectedFail() throws {
        let claim = try ClaimFileParser().parse(text: CLIClaims.refuted, file: "r.toml", baseDirectory: "/")
        let outcome = InstanceOutcome(instance: claim.instances[0], verdict: .fail, precisionBits: nil, margin: nil,
                                      measurements: [], attempts: [], location: nil, message: nil, statistics: [:],
                                      seconds: 0)
        let failed = ClaimOutcome(claim: claim, instances: claim.instances.map { spec in
            var o = outcome
            o.instance = spec
            return o
        })
        #expect(ProgressDisplay.verdictText(failed) == "FAIL (expected)")
        #expect(ProgressDisplay.verdictText(ClaimOutcome(claim: claim, instances: [])) == "NOT RUN")
    }

    @Test("A failing instance of a known-false claim reads FAIL (expected) on the verbose lines; others as they are")
    func expectedFailInstance() {
        #expect(ProgressDisplay.instanceVerdictText(.fail, claimExpectsFail: true) == "FAIL (expected)")
        #expect(ProgressDisplay.instanceVerdictText(.fail, claimExpectsFail: false) == "FAIL")
        #expect(ProgressDisplay.instanceVerdictText(.pass, claimExpectsFail: true) == "PASS")
        #expect(ProgressDisplay.instanceVerdictText(.inconclusive, claimExpectsFail: true) == "INCONCLUSIVE")
    }

    /// `attest check -v` (standard error not a terminal: plain lines): each failing instance of the known-false claim
    /// reads FAIL (expected) on its progress line and in the verbose report; the claim that holds reads PASS.
    @Test("attest check -v shows FAIL (expected) on the per-instance lines")
    func verboseInstanceLines() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted])
        defer { folder.cleanUp() }
        let run = try runBinary(binary, ["check", "-v", "--jobs", "1", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let progress = run.stderr.split(separator: "\n").filter { $0.hasPrefix("attest:   refuted #") }
        #expect(!progress.isEmpty && progress.allSatisfy { $0.contains(" FAIL (expected) (") }, "\(run.stderr)")
        #expect(!run.stderr.contains("refuted #0 FAIL (exact"))
        let holds = run.stderr.split(separator: "\n").filter { $0.hasPrefix("attest:   holds #") }
        #expect(!holds.isEmpty && holds.allSatisfy { $0.contains(" PASS (") })
        let report = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(report.contains { $0.hasPrefix("#0 FAIL (expected)  ") }, "\(run.stdout)")
    }

    /// On a 50-column pseudo-terminal, every redraw of the live line fits in 49 columns, so none wraps and leaves a
    /// stale copy behind.
    @Test("The live line fits a 50-column terminal", .enabled(if: script != nil && stty != nil, "script or stty is missing"))
    func fitsTerminal() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted, "c.toml": CLIClaims.drift])
        defer { folder.cleanUp() }
        let log = folder.file("typescript")
        let command = "\(Self.stty!) cols 50 rows 24; \(binary) check --jobs 2 \(folder.path) > /dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script!)
        process.arguments = ["-q", "-e", "-c", command, log]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: log, encoding: .utf8)
        // Each redraw is "\r ESC[K status"; the status runs to the next \r or \n.
        let draws = text.components(separatedBy: "\r\u{1B}[K").dropFirst().map { piece in
            String(piece.prefix { $0 != "\r" && $0 != "\n" })
        }.filter { $0.hasPrefix("[") }
        #expect(!draws.isEmpty, "no live line was drawn: \(text.prefix(400))")
        #expect(draws.allSatisfy { $0.count <= 49 }, "\(draws.filter { $0.count > 49 })")
        #expect(text.contains("FAIL (expected) refuted"))
    }
}
