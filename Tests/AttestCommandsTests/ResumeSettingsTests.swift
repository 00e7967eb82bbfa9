import Foundation
import Reports
import Testing
@testable import AttestCommands

/// Issue 21, "--resume takes over results computed under other settings": a result is taken over only when
/// everything that can change it is identical (content hashes of the claim file and its data files, the numeric
/// settings, the time limit, the versions); anything else is rerun and the report says which and why. A hand-edited
/// report is not trusted at all.
@Suite("--resume reuses a result only under identical settings and content", .serialized)
struct ResumeSettingsTests {
    /// One instance of the exact balancedness identity claiming a zero change: false (margin −violation < 0) at
    /// tolerance 0, true at tolerance 1 (the change is of order η² = 10⁻²).
    static func zeroChange(_ extra: String = "", data: String = "") -> String {
        CLIClaims.text(id: "zero-change", "[model]\nwidths = [2, 3, 2]\nseed = 1\n\(data)[dynamics]\nstep_size = \"1/10\"\n"
                       + "steps = 2\n[check]\nclaimed_change = \"zero\"\n\(extra)")
    }

    /// The rounded drift claim of the CLI tests (4 instances, PASS under every setting used here).
    static let drift = CLIClaims.drift

    /// Runs `attest check` with `arguments` on `folder` writing `report`; returns the exit status and the report.
    func check(_ folder: ClaimFolder, _ arguments: [String], report name: String) async throws -> (Int32, Report) {
        let path = folder.file(name)
        let status = await Attest.run(arguments: ["check", "-q"] + arguments + ["--report", path, folder.path])
        return (status, try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Checks that resuming `first` after `change` reruns everything with a reason containing `reason`, and gives the
    /// fresh run's verdicts and exit status.
    func expectRerun(_ folder: ClaimFolder, first: [String], then: [String], change: () throws -> Void = {},
                     reason: String) async throws {
        let (_, earlier) = try await check(folder, first, report: "first.json")
        try change()
        let (freshStatus, fresh) = try await check(folder, then, report: "fresh.json")
        let (status, resumed) = try await check(folder, then + ["--resume", folder.file("first.json")], report: "resumed.json")
        #expect(status == freshStatus)
        #expect(resumed.claims.map(\.verdict) == fresh.claims.map(\.verdict))
        #expect(resumed.complete)
        let summary = try #require(resumed.resume)
        #expect(summary.reused == 0)
        #expect(summary.rerun.map(\.claim) == earlier.claims.map(\.id))
        #expect(summary.rerun.map(\.instances) == earlier.claims.map { $0.instances.map(\.index) })
        #expect(summary.rerun.allSatisfy { $0.reason.contains(reason) }, "\(summary.rerun.map(\.reason))")
    }

    @Test("--tolerance 1 in the report, none now: rerun, and the false claim FAILs (exit 1) instead of a reused PASS")
    func toleranceFlag() async throws {
        let folder = try ClaimFolder(["z.toml": Self.zeroChange()])
        defer { folder.cleanUp() }
        let (status, first) = try await check(folder, ["--tolerance", "1"], report: "first.json")
        #expect(status == 0 && first.claims[0].verdict == .pass)
        try await expectRerun(folder, first: ["--tolerance", "1"], then: [], reason: "tolerance 1 in the report, 0 now")
        let (_, resumed) = try await check(folder, ["--resume", folder.file("first.json")], report: "again.json")
        #expect(resumed.claims[0].verdict == .fail)
    }

    @Test("[numerics] tolerance edited from 1 to 0: rerun (claim file and tolerance changed), FAIL")
    func toleranceInFile() async throws {
        let folder = try ClaimFolder(["z.toml": Self.zeroChange("[numerics]\ntolerance = 1\n")])
        defer { folder.cleanUp() }
        try await expectRerun(folder, first: [], then: [], change: {
            try Self.zeroChange("[numerics]\ntolerance = 0\n").write(toFile: folder.file("z.toml"), atomically: true, encoding: .utf8)
        }, reason: "the claim file has changed")
        let resumed = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("resumed.json"))))
        #expect(resumed.claims[0].verdict == .fail)
        #expect(resumed.resume?.rerun.first?.reason.contains("tolerance 1 in the report, 0 now") == true)
    }

    @Test("--max-precision, [numerics] guard_bits and --timeout differ: rerun with the setting named")
    func numericSettings() async throws {
        let folder = try ClaimFolder(["d.toml": Self.drift])
        defer { folder.cleanUp() }
        try await expectRerun(folder, first: ["--max-precision", "1024"], then: [], reason: "max_precision 1024 bits in the report")
        try await expectRerun(folder, first: ["--timeout", "100"], then: [], reason: "the time limit (--timeout) 100000 ms in the report, none now")
        try await expectRerun(folder, first: [], then: [], change: {
            try (Self.drift + "[numerics]\nguard_bits = 32\n").write(toFile: folder.file("d.toml"), atomically: true, encoding: .utf8)
        }, reason: "guard_bits 64 in the report, 32 now")
    }

    @Test("An edited data file (same name and shape): rerun, and the claim FAILs instead of a reused PASS")
    func editedDataFile() async throws {
        let folder = try ClaimFolder(["z.toml": Self.zeroChange(data: "X = \"x.csv\"\nY = [[0, 0, 0], [0, 0, 0]]\n"),
                                      "x.csv": "0, 0, 0\n0, 0, 0\n"])
        defer { folder.cleanUp() }
        let (status, first) = try await check(folder, [], report: "first.json")
        #expect(status == 0 && first.claims[0].verdict == .pass)     // zero data: the step changes nothing
        try await expectRerun(folder, first: [], then: [], change: {
            try "1, 0, 2\n0, 1, 1\n".write(toFile: folder.file("x.csv"), atomically: true, encoding: .utf8)
        }, reason: "data file x.csv has changed")
        let resumed = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("resumed.json"))))
        #expect(resumed.claims[0].verdict == .fail)
    }

    @Test("Edited inline values (same shape): rerun, FAIL")
    func editedInlineValues() async throws {
        let zero = Self.zeroChange(data: "X = [[0, 0, 0], [0, 0, 0]]\nY = [[0, 0, 0], [0, 0, 0]]\n")
        let folder = try ClaimFolder(["z.toml": zero])
        defer { folder.cleanUp() }
        try await expectRerun(folder, first: [], then: [], change: {
            try zero.replacingOccurrences(of: "X = [[0, 0, 0]", with: "X = [[1, 0, 2]")
                .write(toFile: folder.file("z.toml"), atomically: true, encoding: .utf8)
        }, reason: "the instances' parameter values have changed")
        let resumed = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("resumed.json"))))
        #expect(resumed.claims[0].verdict == .fail)
    }

    @Test("A hand-edited report (FAIL changed to PASS) is not trusted: nothing reused, the claim FAILs, the report says why")
    func tamperedReport() async throws {
        let folder = try ClaimFolder(["z.toml": Self.zeroChange()])
        defer { folder.cleanUp() }
        let (status, _) = try await check(folder, [], report: "first.json")
        #expect(status == 1)
        let text = try String(contentsOfFile: folder.file("first.json"), encoding: .utf8)
        let tampered = text.replacingOccurrences(of: "\"FAIL\"", with: "\"PASS\"")
            .replacingOccurrences(of: "\"met_expectation\" : false", with: "\"met_expectation\" : true")
        #expect(tampered != text)
        try tampered.write(toFile: folder.file("first.json"), atomically: true, encoding: .utf8)
        let (resumedStatus, resumed) = try await check(folder, ["--resume", folder.file("first.json")], report: "resumed.json")
        #expect(resumedStatus == 1)
        #expect(resumed.claims[0].verdict == .fail)
        #expect(resumed.resume?.reused == 0)
        #expect(resumed.resume?.untrusted?.contains("digest does not match") == true)
        // The untouched report is trusted: its one instance is taken over.
        let (_, _) = try await check(folder, [], report: "clean.json")
        let (_, again) = try await check(folder, ["--resume", folder.file("clean.json")], report: "again.json")
        #expect(again.resume?.reused == 1 && again.resume?.untrusted == nil && again.resume?.rerun.isEmpty == true)
    }

    @Test("Identical settings: every result is taken over, nothing rerun")
    func identical() async throws {
        let folder = try ClaimFolder(["d.toml": Self.drift])
        defer { folder.cleanUp() }
        _ = try await check(folder, ["--tolerance", "1e-40"], report: "first.json")
        let (status, resumed) = try await check(folder, ["--tolerance", "1e-40", "--resume", folder.file("first.json")], report: "resumed.json")
        #expect(status == 0)
        #expect(resumed.resume == ResumeSummary(reused: 4, rerun: []))
    }
}
