import AttestTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing
@testable import AttestCommands

/// A fresh folder with claim files (and data files); removed by `cleanUp()`.
struct ClaimFolder {
    let url: URL
    var path: String { url.path }

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("attest-cli-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// Small claims for end-to-end runs.
enum CLIClaims {
    static func text(id: String, kind: String = "dln-gd-balancedness-step", expect: String = "pass", _ body: String) -> String {
        "id = \"\(id)\"\ntitle = \"t\"\nkind = \"\(kind)\"\nexpect = \"\(expect)\"\nsource = \"tests\"\nstatement = \"s\"\n\n" + body
    }

    static let stepBody = "[model]\nwidths = [2, 3, 2]\nsamples = 3\n[dynamics]\nstep_size = \"1/10\"\nsteps = 2\n[grid]\nseed = [1, 2, 3]\n"
    static let driftBody = "[model]\nwidths = [2, 3, 2]\nsamples = 3\n[dynamics]\nstep_size = \"1/10\"\nsteps = 5\n[grid]\nseed = [1, 2, 3, 4]\n"

    static let nearMiss = text(id: "near-miss", kind: "dln-gd-balancedness-drift", """
        [model]
        widths = [2, 3, 2]
        samples = 3
        seed = 5
        [dynamics]
        step_size = "1/10"
        steps = 5
        [check]
        bound_factor = "0.592761572879028400395728209357153746861461733"
        [numerics]
        precision = 64
        """)
    static let holds = text(id: "holds", stepBody)
    static let refuted = text(id: "refuted", expect: "fail", stepBody + "[check]\nclaimed_change = \"zero\"\n")
    static let wronglyClaimed = text(id: "wrongly-claimed", stepBody + "[check]\nclaimed_change = \"zero\"\n")
    static let wronglyRefuted = text(id: "wrongly-refuted", expect: "fail", stepBody)
    static let drift = text(id: "drift", kind: "dln-gd-balancedness-drift", driftBody)
    static let flow = text(id: "flow", kind: "dln-gf-balancedness",
                           "[model]\nwidths = [2, 2, 2]\nsamples = 2\n[dynamics]\nhorizon = \"1/2\"\n[numerics]\nprecision = 128\n"
                           + "tolerance = \"1e-25\"\n[grid]\nseed = [1, 2]\n")
    static let driftFalse = text(id: "drift-false", kind: "dln-gd-balancedness-drift", expect: "fail", driftBody + "[check]\nbound_factor = 0\n")
}

@Suite("attest check end to end", .serialized)
struct CheckCommandTests {
    @Test("Exit status 0 when every claim meets its expectation, 1 when one does not")
    func exitStatuses() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted, "c.toml": CLIClaims.drift,
                                      "d.toml": CLIClaims.driftFalse])
        defer { folder.cleanUp() }
        #expect(await Attest.run(arguments: ["check", "--quiet", folder.path]) == 0)
        for bad in [CLIClaims.wronglyClaimed, CLIClaims.wronglyRefuted] {
            let other = try ClaimFolder(["x.toml": bad])
            defer { other.cleanUp() }
            #expect(await Attest.run(arguments: ["check", "--quiet", other.path]) == 1)
        }
        // A near miss capped below the precision that decides it: INCONCLUSIVE, not met; decided with escalation.
        let nearMiss = try ClaimFolder(["n.toml": CLIClaims.nearMiss])
        defer { nearMiss.cleanUp() }
        #expect(await Attest.run(arguments: ["check", "--quiet", "--max-precision", "64", nearMiss.path]) == 1)
        #expect(await Attest.run(arguments: ["check", "--quiet", nearMiss.path]) == 0)
    }

    @Test("Usage errors exit with 2")
    func usageErrors() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds])
        defer { folder.cleanUp() }
        for arguments in [["--jobs", "0"], ["--precision", "1"], ["--max-precision", "99999999"], ["--tolerance", "-1"],
                          ["--tolerance", "abc"], ["--timeout", "0"], ["--quiet", "--verbose"], ["--report", "r.pdf"],
                          ["--filter", "no-such-claim"], ["--report", folder.path + "/missing/r.json"]] {
            #expect(await Attest.run(arguments: ["check"] + arguments + [folder.path]) == 2, "\(arguments)")
        }
    }

    @Test("Two runs, and --jobs 1 against --jobs 2, give bitwise-identical JSON reports (timings excluded)")
    func determinism() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "c.toml": CLIClaims.drift, "f.toml": CLIClaims.flow])
        defer { folder.cleanUp() }
        var reports: [String] = []
        for (run, jobs) in [("1", "1"), ("2", "1"), ("3", "2")] {
            let path = folder.file("r\(run).json")
            #expect(await Attest.run(arguments: ["check", "--quiet", "--jobs", jobs, "--report", path, folder.path]) == 0)
            reports.append(try untimedJSON(path))
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0] == reports[2])
        let report = try JSONReportWriter.decode(Data(reports[0].utf8))
        #expect(report.claims.map(\.instances.count) == [3, 4, 2])
    }

    @Test("--resume takes over the finished instances of a partial report and gives the uninterrupted run's report")
    func resume() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted, "c.toml": CLIClaims.drift])
        defer { folder.cleanUp() }
        let full = folder.file("full.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--report", full, folder.path]) == 0)
        // What an interrupted run leaves: some instances of some claims, complete: false.
        var partial = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: full)))
        let kept = [[0, 2], [], [1, 3]]
        for c in partial.claims.indices {
            partial.claims[c].instances = partial.claims[c].instances.filter { kept[c].contains($0.index) }
            partial.claims[c].complete = false
        }
        partial.complete = false
        partial.claims[0].instances[0].seconds = 12345       // marks an instance that must be taken over, not rerun
        let partialPath = folder.file("partial.json")
        try JSONReportWriter().render(partial).write(toFile: partialPath, atomically: true, encoding: .utf8)

        let resumed = folder.file("resumed.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--resume", partialPath, "--report", resumed, folder.path]) == 0)
        #expect(try untimedJSON(resumed) == (try untimedJSON(full)))
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: resumed)))
        #expect(report.complete && report.claims[0].instances[0].seconds == 12345)
        #expect(report.claims[1].counterexample == (try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: full)))).claims[1].counterexample)

        #expect(report.resume == ResumeSummary(reused: 4, rerun: []))

        // An instance that does not fit the claim files is run again, and the report says so; no report at all is
        // an input error; another precision reruns every instance of the report (ResumeSettingsTests).
        var altered = partial
        altered.claims[2].instances[0].parameters["seed"] = "99"
        let alteredPath = folder.file("altered.json")
        try JSONReportWriter().render(altered).write(toFile: alteredPath, atomically: true, encoding: .utf8)
        let rerun = folder.file("rerun.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--resume", alteredPath, "--report", rerun, folder.path]) == 0)
        #expect(try untimedJSON(rerun) == (try untimedJSON(full)))
        let rerunReport = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: rerun)))
        #expect(rerunReport.resume?.rerun.map(\.claim) == ["drift"] && rerunReport.resume?.rerun.map(\.instances) == [[1]])
        #expect(rerunReport.resume?.rerun.first?.reason.contains("has other parameters there") == true)
        #expect(rerunReport.resume?.reused == 3)
        #expect(await Attest.run(arguments: ["check", "-q", "--resume", folder.file("none.json"), folder.path]) == 2)
    }

    @Test("--filter selects claims by id glob")
    func filter() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted, "c.toml": CLIClaims.drift])
        defer { folder.cleanUp() }
        let path = folder.file("r.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--filter", "h*", "--filter", "dri?t", "--report", path, folder.path]) == 0)
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(report.claims.map(\.id) == ["holds", "drift"])
    }

    @Test("--report writes every format, each parseable")
    func reportFormats() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted])
        defer { folder.cleanUp() }
        let names = ["r.json", "r.md", "r.tex", "r.xml", "r.csv", "r.txt"]
        #expect(await Attest.run(arguments: ["check", "-q", folder.path] + names.flatMap { ["--report", folder.file($0)] }) == 0)
        for name in names { #expect(FileManager.default.fileExists(atPath: folder.file(name)), "\(name)") }
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("r.json"))))
        #expect(report.complete && report.claims.count == 2 && report.summary.met == 2)
        let xml = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: folder.file("r.xml"))))
        #expect(xml.parse())
        let csv = try String(contentsOfFile: folder.file("r.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 1 + 6)
        #expect(try String(contentsOfFile: folder.file("r.txt"), encoding: .utf8).contains("Summary"))
    }

    @Test("Every bad claim file exits with 2, names file, line and key on standard error, and writes no report", arguments: BadClaimFile.all)
    func badClaimFiles(_ bad: BadClaimFile) throws {
        try expectRefusedByBinary(bad)
    }

    @Test("list, explain (with the latest result from a report) and version")
    func otherCommands() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted])
        defer { folder.cleanUp() }
        let list = try runBinary(binary, ["list", folder.path])
        #expect(list.status == 0 && list.stdout.contains("holds  [dln-gd-balancedness-step]")
                && list.stdout.contains("refuted  [dln-gd-balancedness-step, expected FAIL]") && list.stdout.contains("2 claims."))
        #expect(try runBinary(binary, ["check", "-q", "--report", folder.file("r.json"), folder.path]).status == 0)
        let explain = try runBinary(binary, ["explain", "refuted", folder.path, "--report", folder.file("r.json")])
        #expect(explain.status == 0)
        for piece in ["Statement:", "Source:     tests", "How it is checked", "exact rational arithmetic",
                      "Latest result", "FAIL, as expected", "counterexample: instance 0"] {
            #expect(explain.stdout.contains(piece), "\(piece)\n\(explain.stdout)")
        }
        let unknown = try runBinary(binary, ["explain", "holdz", folder.path])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean holds?"))
        let version = try runBinary(binary, ["version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("attest \(Attest.version) (GMP "))
    }

    @Test("Plain progress lines on standard error when not on a terminal; the report alone on standard output")
    func progressAndReport() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds])
        defer { folder.cleanUp() }
        let result = try runBinary(binary, ["check", folder.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("attest: [1/1] PASS holds (3 instances)"))
        #expect(result.stderr.contains("attest: checked 1 of 1 claims (3 instances) in "))
        #expect(!result.stdout.contains("attest: ") && result.stdout.contains("Summary"))
        let quiet = try runBinary(binary, ["check", "-q", folder.path])
        #expect(quiet.stderr.isEmpty && quiet.stdout.hasPrefix("Summary"))
    }

    @Test("--timeout-total stops the run like Ctrl-C: what is done, complete: false, exit 1; --resume continues it")
    func totalTimeout() async throws {
        let slow = CLIClaims.text(id: "slow", kind: "dln-gd-balancedness-drift",
                                  "[model]\nwidths = [2, 3, 2]\n[dynamics]\nstep_size = \"1/10\"\nsteps = 100000\n"
                                  + "[numerics]\nprecision = 4096\n")
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": slow])
        defer { folder.cleanUp() }
        let path = folder.file("r.json")
        let clock = ContinuousClock(), began = clock.now
        #expect(await Attest.run(arguments: ["check", "-q", "--timeout-total", "1", "--report", path, folder.path]) == 1)
        #expect(clock.now - began < .seconds(30))
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(!report.complete && report.claims.map(\.instances.count) == [3, 0])
        #expect(await Attest.run(arguments: ["check", "--timeout-total", "0", folder.path]) == 2)
        // Resuming with only the finished claim selected completes the run without running anything again.
        let resumed = folder.file("resumed.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--filter", "holds", "--resume", path, "--report", resumed,
                                             folder.path]) == 0)
        let complete = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: resumed)))
        #expect(complete.complete && complete.claims[0].instances.map(\.seconds) == report.claims[0].instances.map(\.seconds))
    }

    @Test("SIGINT (Ctrl-C), SIGTERM and SIGHUP write what is done with complete: false and exit 1",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func interrupt(signal: Int32) throws {
        let binary = try #require(AttestTests.attestBinary())
        let slow = CLIClaims.text(id: "slow", kind: "dln-gd-balancedness-drift",
                                  "[model]\nwidths = [2, 3, 2]\n[dynamics]\nstep_size = \"1/10\"\nsteps = 100000\n"
                                  + "[numerics]\nprecision = 4096\n")
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": slow])
        defer { folder.cleanUp() }
        let result = try runBinary(binary, ["check", "--report", folder.file("r.json"), folder.path], interruptAfter: 2,
                               signal: signal)
        #expect(result.status == 1)
        #expect(result.stderr.contains("interrupted"))
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("r.json"))))
        #expect(!report.complete)
        #expect(report.claims.map(\.instances.count) == [3, 0])
        #expect(report.claims[1].complete == false && report.claims[1].verdict == .inconclusive)
        #expect(result.stdout.contains("INCOMPLETE"))
    }
}

/// The JSON report at `path` with its timings (`time`, every `seconds`) zeroed, rendered again: what must be
/// bitwise identical between runs.
func untimedJSON(_ path: String) throws -> String {
    var report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: path)))
    report.time = ""
    report.resume = nil
    for c in report.claims.indices {
        for i in report.claims[c].instances.indices {
            report.claims[c].instances[i].seconds = 0
            for a in report.claims[c].instances[i].attempts.indices { report.claims[c].instances[i].attempts[a].seconds = 0 }
        }
    }
    return JSONReportWriter().render(report)
}

/// Runs `binary`, optionally sending `signal` after `interruptAfter` seconds; returns status, stdout and stderr.
func runBinary(_ binary: String, _ arguments: [String],
               interruptAfter: Double? = nil, signal: Int32 = SIGINT) throws -> (status: Int32, stdout: String, stderr: String) {
    let folder = FileManager.default.temporaryDirectory
    let out = folder.appendingPathComponent("attest-out-\(UUID())"), err = folder.appendingPathComponent("attest-err-\(UUID())")
    #expect(FileManager.default.createFile(atPath: out.path, contents: nil))
    #expect(FileManager.default.createFile(atPath: err.path, contents: nil))
    defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    if let delay = interruptAfter {
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
    }
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
}

/// Runs `attest check --report r.json` on the folder of `bad` and expects exit 2, the file, line and key (and the
/// expected fragment) on standard error, "nothing was checked", nothing on standard output, and no report file.
func expectRefusedByBinary(_ bad: BadClaimFile) throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try bad.writeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let claimFile = folder.appendingPathComponent("claim.toml").path
        let reportFile = folder.appendingPathComponent("r.json").path
        let result = try runBinary(binary, ["check", "--report", reportFile, folder.path])
        #expect(result.status == 2)
        var location = claimFile + (bad.expectedLine.map { ":\($0)" } ?? "") + ":"
        if let key = bad.key { location += " key '\(key)':" }
        #expect(result.stderr.contains(location), "\(result.stderr)")
        #expect(result.stderr.contains(bad.fragment), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was checked"), "\(result.stderr)")
        // No report at all, so nothing partial can pass for complete.
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: reportFile))
}
