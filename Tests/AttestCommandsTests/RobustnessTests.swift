import AttestTestSupport
import Claims
import Foundation
import Reports
import Testing
@testable import AttestCommands

/// Regression tests for the lost runs, crashes, hangs and exit codes of issue 21, each run on the built `attest`
/// binary (signals, closed and full standard streams, other users' permissions cannot be had in-process).
@Suite("attest robustness: lost runs, crashes, hangs, exit codes", .serialized)
struct RobustnessTests {
    /// The result of one run of the binary.
    struct Run {
        var status: Int32
        /// Whether the process ended by a signal (a trap or SIGPIPE) rather than by exiting.
        var signalled: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Runs `bash -c script` with `$ATTEST` set to the binary, standard output and error captured unless the script
    /// redirects them, and a 120 s limit (a hang fails the test instead of stopping the suite).
    static func shell(_ script: String, standardOutput: FileHandle? = nil) throws -> Run {
        let binary = try #require(AttestTests.attestBinary())
        let folder = FileManager.default.temporaryDirectory
        let out = folder.appendingPathComponent("attest-out-\(UUID())"), err = folder.appendingPathComponent("attest-err-\(UUID())")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(["ATTEST": binary]) { $1 }
        process.standardOutput = try standardOutput ?? FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let began = ContinuousClock.now
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                   stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8),
                   seconds: (ContinuousClock.now - began).seconds)
    }

    /// `'text'` quoted for bash.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// A claim that runs for minutes: a run that reaches it did not check its output paths first.
    static let slow = CLIClaims.text(id: "slow", kind: "dln-gd-balancedness-drift",
                                     "[model]\nwidths = [2, 3, 2]\n[dynamics]\nstep_size = \"1/10\"\nsteps = 100000\n"
                                     + "[numerics]\nprecision = 4096\n")

    static func decodedReport(_ path: String) throws -> Report {
        try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: path)))
    }

    // MARK: Lost runs and lost work

    @Test("SIGPIPE: a reader that has gone away does not kill the run; the report is written, and exit is 2")
    func brokenPipe() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds])
        defer { folder.cleanUp() }
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()    // every write to standard output now fails with EPIPE or SIGPIPE
        let report = folder.file("r.json")
        let run = try Self.shell("exec env --default-signal=PIPE \(Self.quoted(binary)) check --report \(report) "
                                 + folder.path, standardOutput: pipe.fileHandleForWriting)
        #expect(!run.signalled)
        #expect(run.status == 2)
        #expect(run.stderr.contains("standard output could not be written"))
        #expect(try Self.decodedReport(report).complete)
    }

    @Test("Standard error closed (2>&-) or full (/dev/full) never traps or loses the run; a full stdout exits 2")
    func closedAndFullStreams() throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds])
        defer { folder.cleanUp() }
        for (redirection, expected) in [("2>&-", Int32(0)), ("2>/dev/full", 0), (">/dev/full", 2), (">&- 2>&-", 2)] {
            let report = folder.file("r\(expected)-\(redirection.count).json")
            let run = try Self.shell("\"$ATTEST\" check --report \(report) \(folder.path) \(redirection)")
            #expect(!run.signalled, "\(redirection)")
            #expect(run.status == expected, "\(redirection)")
            #expect(try Self.decodedReport(report).complete, "\(redirection)")
        }
    }

    @Test("An unreadable folder under the given paths is an error naming it (exit 2), not skipped")
    func unreadableFolder() throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "hidden/b.toml": CLIClaims.drift])
        defer { folder.cleanUp() }
        // Root reads every folder; the check then runs as nobody, for whom mode 000 means unreadable.
        let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.file("hidden"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.file("hidden")) }
        let run = try Self.shell("\(asUser)\"$ATTEST\" check -q \(folder.path)")
        #expect(run.status == 2)
        #expect(run.stderr.contains(folder.file("hidden")) && run.stderr.contains("cannot be listed"))
    }

    @Test("Report paths are checked before anything runs: missing folder, a folder, an unwritable folder (exit 2)")
    func reportPathsCheckedFirst() throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": Self.slow])
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.file("taken.json"), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        try FileManager.default.createDirectory(atPath: folder.file("locked"), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.file("locked"))
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.file("locked")) }
        for (report, prefix) in [(folder.file("missing/r.json"), ""), (folder.file("taken.json"), ""),
                                 (folder.file("locked/r.json"), asUser)] {
            let run = try Self.shell("\(prefix)\"$ATTEST\" check --report \(report) \(folder.path)")
            #expect(run.status == 2, "\(report)")
            #expect(run.seconds < 30, "\(report): the run started before the report path was checked")
            #expect(run.stderr.contains(report) && run.stdout.isEmpty, "\(report)")
        }
        // The same for attest table's --report and --output.
        let sweep = try ClaimFolder(["claim.toml": SweepFixtures.gdStepClaim,
                                     "s.toml": "[sweep]\nclaim = \"claim.toml\"\ncaption = \"c\"\nquantities = [\"margin\"]\n"
                                         + "[grid]\nseed = [1, 2]\n"])
        defer { sweep.cleanUp() }
        for option in ["--report", "--output"] {
            let run = try Self.shell("\"$ATTEST\" table -q \(option) \(sweep.file("missing/t.md")) \(sweep.file("s.toml"))")
            #expect(run.status == 2, "\(option)")
            #expect(run.stderr.contains("missing/t.md") && run.stdout.isEmpty, "\(option)")
        }
    }

    @Test("When a report cannot be written at the end anyway, the results are kept in the temporary folder")
    func fallbackKeepsResults() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("attest-gone-\(UUID())/r.json").path
        let outcome = try #require(ReportFile.writeKeepingFallback("{\"complete\": true}", to: missing))
        let kept = try #require(outcome.keptAt)
        defer { try? FileManager.default.removeItem(atPath: kept) }
        #expect(outcome.error == .folderMissing(path: missing))
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "{\"complete\": true}")
    }

    @Test("A typo in a sweep's rows is found before any instance runs; one in its quantities after the first (exit 2)")
    func sweepTyposFoundFirst() throws {
        let folder = try ClaimFolder([
            "slow.toml": Self.slow,
            "rows.toml": "[sweep]\nclaim = \"slow.toml\"\ncaption = \"c\"\nquantities = [\"margin\"]\nrows = [\"sed\"]\n"
                + "[grid]\nseed = [1, 2]\n",
            "quantities.toml": "[sweep]\nclaim = \"slow.toml\"\ncaption = \"c\"\nquantities = [\"drfit\"]\n"
                + "[set]\n\"dynamics.steps\" = 3\n[grid]\nseed = [1, 2]\n",
        ])
        defer { folder.cleanUp() }
        let rows = try Self.shell("\"$ATTEST\" table -q \(folder.file("rows.toml"))")
        #expect(rows.status == 2 && rows.seconds < 30)
        #expect(rows.stderr.contains("\"sed\"") && rows.stderr.contains("nothing was run"))
        let quantities = try Self.shell("\"$ATTEST\" table -q \(folder.file("quantities.toml"))")
        #expect(quantities.status == 2)
        #expect(quantities.stderr.contains("\"drfit\"") && quantities.stderr.contains("nothing more was run"))
    }

    // MARK: Crashes, hangs, blow-ups

    @Test("A grid of 2⁶⁴ instances is refused with its sizes (it used to wrap to 0 and expand until memory ran out)")
    func gridOverflow() throws {
        let axis = { (values: ClosedRange<Int>) in "[" + values.map(String.init).joined(separator: ", ") + "]" }
        let grid = "[grid]\nseed = \(axis(0...255))\nsteps = \(axis(1...256))\nsamples = \(axis(1...256))\n"
            + "data_scale = \(axis(1...256))\ninit_scale = \(axis(1...256))\nstep_size = \(axis(1...256))\n"
            + "input_dim = \(axis(1...64))\noutput_dim = \(axis(1...64))\ndepth = \(axis(1...16))\n"
        let claim = CLIClaims.text(id: "huge", "[model]\nwidth = 2\n" + grid)
        let folder = try ClaimFolder(["huge.toml": claim])
        defer { folder.cleanUp() }
        for command in ["list", "check"] {
            let run = try Self.shell("\"$ATTEST\" \(command) \(folder.path)")
            #expect(run.status == 2 && !run.signalled && run.seconds < 30, "\(command)")
            #expect(run.stderr.contains("256 × 256") && run.stderr.contains("at most 100000"), "\(command)")
        }
    }

    @Test("Precisions below 32 bits are refused before running (they used to hit preconditions in LU, SVD, flows)")
    func lowPrecisionRefused() throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.drift + "[numerics]\nprecision = 4\n"])
        defer { folder.cleanUp() }
        let run = try Self.shell("\"$ATTEST\" check \(folder.path)")
        #expect(run.status == 2 && run.stderr.contains("numerics.precision") && run.stderr.contains("32"))
        let other = try ClaimFolder(["a.toml": CLIClaims.drift])
        defer { other.cleanUp() }
        for flags in ["--precision 8", "--max-precision 16"] {
            let run = try Self.shell("\"$ATTEST\" check \(flags) \(other.path)")
            #expect(run.status == 2 && !run.signalled, "\(flags)")
        }
    }

    @Test("--timeout 1e16 and --timeout-total 1e300 are refused (exit 2), not a trap on conversion")
    func hugeTimeouts() throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds])
        defer { folder.cleanUp() }
        for flags in ["--timeout 1e16", "--timeout-total 1e300", "--timeout 1e10"] {
            let run = try Self.shell("\"$ATTEST\" check \(flags) \(folder.path)")
            #expect(run.status == 2 && !run.signalled && run.stderr.contains("at most 1e9"), "\(flags)")
        }
        #expect(try Self.shell("\"$ATTEST\" check -q --timeout 1e9 --timeout-total 1e9 \(folder.path)").status == 0)
    }

    @Test("Numbers of more than 32768 bits (1e-1000000, a step of 1e999999) are refused when read, at once")
    func hugeNumbersRefused() throws {
        let tiny = CLIClaims.text(id: "tiny", kind: "dln-gd-balancedness-drift",
                                  CLIClaims.driftBody + "[check]\nbound_factor = \"1e-1000000\"\n")
        let wide = CLIClaims.text(id: "wide", "[model]\nwidths = [64, 64]\nsamples = 3\n[dynamics]\n"
                                  + "step_size = \"1e999999\"\nsteps = 2\n")
        for (text, key) in [(tiny, "check.bound_factor"), (wide, "dynamics.step_size")] {
            let folder = try ClaimFolder(["a.toml": text])
            defer { folder.cleanUp() }
            let run = try Self.shell("\"$ATTEST\" check --timeout 5 --timeout-total 10 \(folder.path)")
            #expect(run.status == 2 && !run.signalled && run.seconds < 20, "\(key)")
            #expect(run.stderr.contains(key) && run.stderr.contains("32768"), "\(key)")
        }
        // A matrix data file is held to the same limit.
        let data = try ClaimFolder(["X.csv": "1,1e-50000\n2,3\n"])
        defer { data.cleanUp() }
        #expect(throws: DataFileProblem.self) { try MatrixDataFile.read(path: data.file("X.csv")) }
    }

    @Test("A 20-factor product identity is refused before expanding (exit 2), not run for minutes and gigabytes")
    func symbolicBlowUp() throws {
        let factors = Array(repeating: "(A + B)", count: 20).joined(separator: " ")
        let obligation = """
            id = "big"
            title = "T"
            statement = "S"
            source = "tests"
            expect = "proved"
            [symbols]
            A = "matrix"
            B = "matrix"
            [[identity]]
            claim = "\(factors) = \(factors)"
            """
        let folder = try ClaimFolder(["big.toml": obligation])
        defer { folder.cleanUp() }
        let run = try Self.shell("\"$ATTEST\" check --timeout 5 \(folder.path)")
        #expect(run.status == 2 && !run.signalled && run.seconds < 30)
        #expect(run.stderr.contains("refused before expanding") && run.stderr.contains("identity[0].claim"))
        // A sum of 3000 terms is a tree 3000 deep: refused (it overflowed the stack), where 200 terms prove.
        let deep = try ClaimFolder(["deep.toml": obligation.replacingOccurrences(
            of: "claim = \"\(factors) = \(factors)\"",
            with: "claim = \"" + Array(repeating: "A", count: 3000).joined(separator: " + ") + " = 3000 A\"")])
        defer { deep.cleanUp() }
        let deepRun = try Self.shell("\"$ATTEST\" check -q \(deep.path)")
        #expect(deepRun.status == 2 && !deepRun.signalled && deepRun.stderr.contains("operations deep"))
    }

    // MARK: Exit codes and messages

    @Test("A folder with no claim files is exit 2 with a message, for check, list and explain")
    func noClaimFiles() throws {
        let folder = try ClaimFolder(["notes.txt": "nothing here"])
        defer { folder.cleanUp() }
        for command in ["check", "list", "explain some-id"] {
            let run = try Self.shell("\"$ATTEST\" \(command) \(folder.path)")
            #expect(run.status == 2 && run.stderr.contains("no claim files"), "\(command)")
        }
    }

    @Test("attest explain --report with a file that is not a JSON report is exit 2")
    func explainGarbageReport() throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "garbage.json": "not json {"])
        defer { folder.cleanUp() }
        for report in [folder.file("garbage.json"), folder.file("absent.json")] {
            let run = try Self.shell("\"$ATTEST\" explain holds --report \(report) \(folder.path)")
            #expect(run.status == 2 && run.stderr.contains(report) && run.stdout.isEmpty, "\(report)")
        }
    }

    @Test("Control and invisible characters from input are shown as <U+XXXX> in messages, never raw")
    func controlCharactersEscaped() throws {
        let claim = CLIClaims.text(id: "holds", CLIClaims.stepBody.replacingOccurrences(of: "samples = 3",
                                                                                        with: "samples = 3\n\"sam\u{200B}ples\" = 3\n\"x\\u001b[2J\" = 1\n\"bidi\u{202E}\" = 1"))
        let folder = try ClaimFolder(["a.toml": claim])
        defer { folder.cleanUp() }
        let run = try Self.shell("\"$ATTEST\" check \(folder.path)")
        #expect(run.status == 2)
        #expect(run.stderr.contains("sam<U+200B>ples") && run.stderr.contains("x<U+001B>[2J")
                && run.stderr.contains("bidi<U+202E>"))
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{200B}" || $0 == "\u{202E}" })
        #expect(VisibleText.escaping("a\u{0}b\tc\nd\u{FEFF}") == "a<U+0000>b\tc\nd<U+FEFF>")
    }

    @Test("Problems in a sweep's [grid] and [set] name the sweep file and line")
    func sweepLineNumbers() throws {
        let folder = try ClaimFolder([
            "claim.toml": SweepFixtures.gdStepClaim,
            "grid.toml": "[sweep]\nclaim = \"claim.toml\"\ncaption = \"c\"\nquantities = [\"margin\"]\n\n[grid]\nseed = [1, \"two\"]\n",
            "set.toml": "[sweep]\nclaim = \"claim.toml\"\ncaption = \"c\"\nquantities = [\"margin\"]\n[set]\n\n\"dynamics.steps\" = -1\n"
                + "[grid]\nseed = [1]\n",
        ])
        defer { folder.cleanUp() }
        let grid = try Self.shell("\"$ATTEST\" table \(folder.file("grid.toml"))")
        #expect(grid.status == 2 && grid.stderr.contains("\(folder.file("grid.toml")):7"))
        let set = try Self.shell("\"$ATTEST\" table \(folder.file("set.toml"))")
        #expect(set.status == 2 && set.stderr.contains("\(folder.file("set.toml")):7"))
    }
}
