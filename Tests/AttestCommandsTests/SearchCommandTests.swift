import Foundation
import Reports
import Testing
@testable import AttestCommands

@Suite("attest check with [search] and [threshold]", .serialized)
struct SearchCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let searchFile = root.appendingPathComponent("proofs/search/dln-gd-conserves-balancedness-search.toml").path
    static let thresholdFile = root.appendingPathComponent("proofs/search/dln-gd-lemma-1-critical-step-size.toml").path

    @Test("Every report format shows the search and the bracket; --save-counterexamples collects replay files that reproduce the FAIL")
    func reportsAndReplay() async throws {
        let folder = try ClaimFolder([:])
        defer { folder.cleanUp() }
        let saved = folder.file("counterexamples")
        let formats = ["json", "csv", "xml", "md", "html", "tex", "txt"]
        let arguments = ["check", "--quiet", "--jobs", "2", "--save-counterexamples", saved]
            + formats.flatMap { ["--report", folder.file("r.\($0)")] } + [Self.searchFile, Self.thresholdFile]
        #expect(await Attest.run(arguments: arguments) == 0)
        for format in formats {
            let text = try String(contentsOfFile: folder.file("r.\(format)"), encoding: .utf8)
            let needles = format == "json"
                ? ["\"seed\" : 1", "\"failing_draw\"", "\"shrink_steps\"", "\"minimal_instance\"", "\"replay_file\"",
                   "\"bracket\"", "\"pass_check\"", "\"fail_check\""]
                : ["from seed 1", "first FAIL at draw", "shrunk in", "minimal instance", "replay file",
                   "threshold: step_size", "both ends verified", "pass end step_size", "fail end step_size"]
            for needle in needles {
                #expect(text.contains(format == "tex" ? LaTeXReportWriter.escape(needle) : needle), "\(format): \(needle)")
            }
        }
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("r.json"))))
        let search = try #require(report.claims.first { $0.id == "dln-gd-conserves-balancedness-search" }?.search)
        let replay = try #require(search.replayFile)
        #expect(replay.hasPrefix(saved) && FileManager.default.fileExists(atPath: replay))
        #expect((search.shrinkSteps?.count ?? 0) > 0 && search.draws == (search.failingDraw ?? -2) + 1)
        let bracket = try #require(report.claims.first { $0.id == "dln-gd-lemma-1-critical-step-size" }?.search?.bracket)
        #expect(bracket.verified && bracket.targetWidth == "2^-20")

        // The replay file on its own: the same FAIL, the same margin and place, and the expectation met.
        let replayReport = folder.file("replay.json")
        #expect(await Attest.run(arguments: ["check", "--quiet", "--report", replayReport, replay]) == 0)
        let replayed = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: replayReport))).claims[0]
        let minimal = try #require(report.claims.first { $0.id == "dln-gd-conserves-balancedness-search" }?.instances.first)
        #expect(replayed.verdict == .fail && replayed.instances.count == 1)
        #expect(replayed.instances[0].margin == minimal.margin && replayed.instances[0].marginExact == minimal.marginExact)
        #expect(replayed.instances[0].location == minimal.location)
    }

    @Test("The JSON report of a search is the same for --jobs 1 and --jobs 3 (timings excluded)")
    func determinism() async throws {
        let folder = try ClaimFolder([:])
        defer { folder.cleanUp() }
        var reports: [String] = []
        for jobs in ["1", "3"] {
            let path = folder.file("r\(jobs).json")
            #expect(await Attest.run(arguments: ["check", "--quiet", "--jobs", jobs, "--save-counterexamples", folder.file("cx"),
                                                 "--report", path, Self.searchFile]) == 0)
            reports.append(try untimedJSON(path))
        }
        #expect(reports[0] == reports[1])
    }

    @Test("A bad [search] table exits with 2 and names file, line and key; nothing runs")
    func badSearch() async throws {
        let text = CLIClaims.text(id: "bad-search", """
            [dynamics]
            step_size = "1/10"
            [search]
            draws = 4
            [search.ranges]
            widht = [1, 3]
            """)
        let folder = try ClaimFolder(["bad.toml": text])
        defer { folder.cleanUp() }
        #expect(await Attest.run(arguments: ["check", "--quiet", folder.path]) == 2)
        guard let binary = AttestTests.attestBinary() else { return }
        let run = try runBinary(binary, ["check", "--quiet", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.toml:13") && run.stderr.contains("search.ranges.widht") && run.stderr.contains("width"))
    }
}
