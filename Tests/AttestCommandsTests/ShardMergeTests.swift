import Foundation
import Reports
import Testing
@testable import AttestCommands

/// Issue 19: `--shard K/N` and `attest merge` give the report of the run on one machine; every bad merge is refused
/// with exit status 2; `attest slurm`'s scripts run the shards and the merge.
@Suite("Shards and merge: equal to the run on one machine; bad merges refused", .serialized)
struct ShardMergeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Claim files of proofs/ that are cheap in a debug build but span six kinds (convergence rate, balancedness,
    /// global minimum, symbolic identity, polar identities, finite-sample fit), expected FAILs with their
    /// counterexamples, a counterexample search and a threshold bisection (each runs whole in one shard).
    static let claimFiles = ["dln-gd-arora-rate.toml", "dln-gd-arora-no-margin.toml", "dln-gd-arora-unbalanced.toml",
                             "dln-gd-balancedness-step.toml", "dln-gd-global-minimum-dead-unit.toml",
                             "symbolic/balancedness-gd-N2.toml", "pbl-polar-identities.toml",
                             "relu-finite-sample-fit-fewer-units.toml", "search/dln-gd-conserves-balancedness-search.toml",
                             "search/dln-gd-lemma-1-critical-step-size.toml"].map { root.appendingPathComponent("proofs/\($0)").path }

    /// A sweep of proofs/ claims (attest table).
    static let sweep = root.appendingPathComponent("examples/sweeps/balancedness-drift-by-step-size.toml").path

    /// The JSON report at `path` without its time and host fields (`time`, `machine`, `digest`, every `seconds`), as
    /// sorted-key JSON bytes: what scripts/report-without-times.py prints, for byte-for-byte comparison.
    static func withoutTimes(_ path: String) throws -> Data {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "seconds" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
                                   as? [String: Any])
        for key in ["time", "machine", "digest"] { report[key] = nil }
        return try JSONSerialization.data(withJSONObject: strip(report), options: [.sortedKeys, .prettyPrinted])
    }

    /// Runs the attest executable; its exit status, standard output and standard error.
    static func binary(_ arguments: [String], environment: [String: String]? = nil) throws
        -> (status: Int32, output: String, error: String) {
        let path = try #require(AttestTests.attestBinary(), "the attest executable was not found beside the tests")
        return try shell(path, arguments, environment: environment)
    }

    static func shell(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
        -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        // Standard error goes to a file, so that neither pipe can fill up while the other is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("attest-stderr-\(UUID())")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let error = (try? Data(contentsOf: errorFile)) ?? Data()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    /// Runs every shard of `n` in-process (`arguments` before the shard options) into `folder`; their report paths.
    static func runShards(_ n: Int, _ arguments: [String], folder: ClaimFolder) async -> [String] {
        var paths: [String] = []
        for k in 1...n {
            let path = folder.file("shard-\(k)-of-\(n).json")
            let status = await Attest.run(arguments: arguments + ["--quiet", "--shard", "\(k)/\(n)", "--report", path])
            #expect(status == 0, "shard \(k)/\(n) ended with status \(status)")
            paths.append(path)
        }
        return paths
    }

    @Test("attest check proofs subset: shards + merge equal the single-machine JSON byte for byte without times, N = 1, 2, 3, 7; a resumed shard too")
    func checkShardsMergeToTheSingleRun() async throws {
        let folder = try ClaimFolder([:])
        defer { folder.cleanUp() }
        let single = folder.file("single.json")
        let singleStatus = await Attest.run(arguments: ["check", "--quiet", "--report", single] + Self.claimFiles)
        let expected = try Self.withoutTimes(single)
        let singleReport = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: single)))
        #expect(singleReport.complete && singleReport.shard == nil)
        #expect(Set(singleReport.claims.map(\.kind)).count >= 4, "the subset spans several kinds")
        #expect(singleReport.claims.contains { $0.counterexample != nil }, "the subset has a counterexample to merge")
        for n in [1, 2, 3, 7] {
            var shards = await Self.runShards(n, ["check"] + Self.claimFiles, folder: folder)
            let units = try shards.map { try #require(JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: $0))).shard) }
            #expect(units.map(\.index) == Array(1...n) && units.allSatisfy { $0.count == n })
            #expect(units.map(\.units).reduce(0, +) == units[0].totalUnits)
            #expect(units.map(\.units).max()! - units.map(\.units).min()! <= 1, "balanced by count: \(units.map(\.units))")
            #expect(units[0].files.count == Self.claimFiles.count && units[0].files.values.allSatisfy { $0.count == 64 })
            if n == 3 {    // --resume per shard: shard 2 continues from its own report, taking everything over
                let resumed = folder.file("shard-2-of-3-resumed.json")
                #expect(await Attest.run(arguments: ["check", "--quiet", "--shard", "2/3", "--resume", shards[1],
                                                     "--report", resumed] + Self.claimFiles) == 0)
                let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: resumed)))
                #expect(report.resume?.reused == units[1].units && report.resume?.rerun == [])
                shards[1] = resumed
            }
            let merged = folder.file("merged-\(n).json")
            let status = await Attest.run(arguments: ["merge", "--quiet", "--report", merged] + shards.reversed())
            #expect(status == singleStatus, "N = \(n)")
            let same = try Self.withoutTimes(merged) == expected
            #expect(same, "N = \(n): the merged report differs from the single-machine report")
        }
    }

    @Test("attest table sweep: shards + merge equal the single-machine JSON without times, N = 1, 2, 3, 7; the table from the merged report is the same table")
    func tableShardsMergeToTheSingleRun() async throws {
        let folder = try ClaimFolder([:])
        defer { folder.cleanUp() }
        let (single, singleTable) = (folder.file("single.json"), folder.file("single.md"))
        #expect(await Attest.run(arguments: ["table", Self.sweep, "--quiet", "--report", single, "--output", singleTable]) == 0)
        let expected = try Self.withoutTimes(single)
        for n in [1, 2, 3, 7] {
            let shards = await Self.runShards(n, ["table", Self.sweep], folder: folder)
            let merged = folder.file("merged-\(n).json")
            #expect(await Attest.run(arguments: ["merge", "--quiet", "--report", merged] + shards) == 0)
            let same = try Self.withoutTimes(merged) == expected
            #expect(same, "N = \(n): the merged report differs from the single-machine report")
            let table = folder.file("table-\(n).md")
            #expect(await Attest.run(arguments: ["table", Self.sweep, "--quiet", "--resume", merged, "--output", table]) == 0)
            #expect(try String(contentsOfFile: table, encoding: .utf8) == String(contentsOfFile: singleTable, encoding: .utf8))
        }
    }

    @Test("Every bad merge input: exit status 2, a message that names the problem, no report written")
    func badMerges() async throws {
        let claim = CLIClaims.text(id: "steps", CLIClaims.stepBody)
        let folder = try ClaimFolder(["claims/a.toml": claim, "other/a.toml": claim.replacingOccurrences(of: "steps = 2", with: "steps = 3")])
        defer { folder.cleanUp() }
        let (claims, other) = (folder.file("claims"), folder.file("other"))
        let shards = await Self.runShards(3, ["check", claims], folder: folder)
        let otherShard = folder.file("other-2-of-3.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--shard", "2/3", "--report", otherShard, other]) == 0)
        // The same claim file under the same path, edited between shards.
        let editedFolder = try ClaimFolder(["a.toml": claim])
        defer { editedFolder.cleanUp() }
        let before = editedFolder.file("before.json"), after = editedFolder.file("after.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--shard", "1/2", "--report", before, editedFolder.file("a.toml")]) == 0)
        try (claim + "\n# edited\n").write(toFile: editedFolder.file("a.toml"), atomically: true, encoding: .utf8)
        #expect(await Attest.run(arguments: ["check", "-q", "--shard", "2/2", "--report", after, editedFolder.file("a.toml")]) == 0)
        let twoShards = folder.file("shard-1-of-2.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--shard", "1/2", "--report", twoShards, claims]) == 0)
        let precise = folder.file("precise-3-of-3.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--precision", "300", "--shard", "3/3", "--report", precise, claims]) == 0)
        let single = folder.file("single.json")
        #expect(await Attest.run(arguments: ["check", "-q", "--report", single, claims]) == 0)
        // Another version: a shard report re-signed (digest recomputed) as written by another attest.
        var older = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: shards[2])))
        older.tool.version = "0.0.9"
        let olderPath = folder.file("older-3-of-3.json")
        try JSONReportWriter().render(older).write(toFile: olderPath, atomically: true, encoding: .utf8)
        // A hand edit without a new digest.
        let editedPath = folder.file("edited-3-of-3.json")
        try String(contentsOfFile: shards[2], encoding: .utf8).replacingOccurrences(of: "\"PASS\"", with: "\"FAIL\"")
            .write(toFile: editedPath, atomically: true, encoding: .utf8)

        let cases: [(String, [String], String)] = [
            ("different claim files", [shards[0], otherShard, shards[2]], "are shards of different runs: only one of them reads \(claims)/a.toml"),
            ("a claim file edited between shards", [before, after], "has other content (SHA-256"),
            ("another version", [shards[0], shards[1], olderPath], "written by attest 0.0.9"),
            ("another N", [shards[0], twoShards], "it is a shard of 2, the other of 3"),
            ("other settings", [shards[0], shards[1], precise], "claim steps ran with other settings"),
            ("a missing shard", [shards[0], shards[2]], "shard 2/3 is missing"),
            ("two missing shards", [shards[1]], "shards 1/3, 3/3 are missing"),
            ("a shard given twice", [shards[0], shards[1], shards[0], shards[2]], "shard 1/3 is given twice"),
            ("a shard given twice under another name", [shards[0], shards[1], shards[2], precise],
             "shard 3/3 is given twice (\(shards[2]) and \(precise))"),
            ("not a shard report", [single, shards[1]], "is not a shard report"),
            ("an edited report", [shards[0], shards[1], editedPath], "the report is not trusted"),
            ("an unreadable file", [shards[0], folder.file("nonexistent.json")], "cannot read the report"),
            ("not JSON", [shards[0], folder.file("claims/a.toml")], "not a JSON report"),
        ]
        for (what, inputs, message) in cases {
            let out = folder.file("merged.json")
            let result = try Self.binary(["merge", "--report", out] + inputs)
            #expect(result.status == 2, "\(what): status \(result.status)")
            #expect(result.error.contains(message), "\(what): \(result.error)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(what): a report was written")
        }
        #expect(try Self.binary(["merge"]).status == 2)
        // The good merge of the same shards works, and equals the single run.
        let merged = folder.file("good.json")
        #expect(try Self.binary(["merge", "--report", merged] + shards).status == 0)
        #expect(try Self.withoutTimes(merged) == Self.withoutTimes(single))
    }

    @Test("Incomplete shards merge into an incomplete report (exit 1, INCOMPLETE), never a complete one; --shard needs a JSON report; a shard resumes only its own report")
    func incompleteShards() async throws {
        let slow = CLIClaims.text(id: "slow", kind: "dln-gd-balancedness-drift",
                                  "[model]\nwidths = [2, 3, 2]\n[dynamics]\nstep_size = \"1/10\"\nsteps = 100000\n"
                                  + "[numerics]\nprecision = 4096\n[grid]\nseed = [1, 2]\n")
        let folder = try ClaimFolder(["slow.toml": slow, "fast.toml": CLIClaims.text(id: "fast", CLIClaims.stepBody)])
        defer { folder.cleanUp() }
        let (fast, slowFile) = (folder.file("fast.toml"), folder.file("slow.toml"))
        var shards: [String] = []
        for k in 1...2 {
            let path = folder.file("shard-\(k).json")
            #expect(await Attest.run(arguments: ["check", "-q", "--timeout-total", "1", "--shard", "\(k)/2", "--report", path,
                                                 fast, slowFile]) == 1)
            shards.append(path)
        }
        let merged = folder.file("merged.json"), text = folder.file("merged.md")
        let result = try Self.binary(["merge", "--report", merged, "--report", text] + shards)
        #expect(result.status == 1)
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: merged)))
        #expect(!report.complete && report.claims.first { $0.id == "slow" }?.complete == false)
        #expect(report.claims.first { $0.id == "fast" }?.complete == true)
        let markdown = try String(contentsOfFile: text, encoding: .utf8)
        #expect(result.output.contains("INCOMPLETE") && markdown.contains("INCOMPLETE"))

        let refused = try Self.binary(["check", "-q", "--shard", "2/2", "--resume", shards[0], "--report", folder.file("r.json"), fast])
        #expect(refused.status == 2 && refused.error.contains("the report is of shard 1/2, this run is shard 2/2"))
        let noReport = try Self.binary(["check", "-q", "--shard", "1/2", fast])
        #expect(noReport.status == 2 && noReport.error.contains("needs a JSON report"))
        let badShard = try Self.binary(["check", "-q", "--shard", "3/2", "--report", folder.file("r.json"), fast])
        #expect(badShard.status == 2 && badShard.error.contains("between 1 and N = 2"))
    }

    @Test("attest slurm: the scripts hold the array with its throttle, the options and the afterok merge; run task by task (as Slurm would), they give the single-machine report")
    func slurmScripts() async throws {
        let folder = try ClaimFolder(["claims/a.toml": CLIClaims.text(id: "steps", CLIClaims.stepBody),
                                      "claims/b.toml": CLIClaims.text(id: "drift", kind: "dln-gd-balancedness-drift", CLIClaims.driftBody)])
        defer { folder.cleanUp() }
        let binary = try #require(AttestTests.attestBinary())
        let out = folder.file("run")
        let generated = try Self.binary(["slurm", folder.file("claims"), "--shards", "3", "--throttle", "2",
                                         "--partition", "debug", "--time", "10:00", "--mem", "1G", "--cpus-per-task", "2",
                                         "--output-folder", out, "--attest", binary])
        #expect(generated.status == 0)
        #expect(generated.output == "job=$(sbatch --parsable \(out)/shards.sbatch) && sbatch --dependency=afterok:\"${job%%;*}\" \(out)/merge.sbatch\n")
        let shards = try String(contentsOfFile: out + "/shards.sbatch", encoding: .utf8)
        for line in ["#SBATCH --array=1-3%2", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=debug", "#SBATCH --time=10:00",
                     "#SBATCH --mem=1G", "#SBATCH --output=\(out)/logs/shard-%a.out", "--shard \"$k/3\" --jobs 2"] {
            #expect(shards.contains(line), "\(line)")
        }
        let merge = try String(contentsOfFile: out + "/merge.sbatch", encoding: .utf8)
        #expect(merge.contains("merge --quiet --report \(out)/merged.json") && merge.contains("for k in $(seq 1 3); do shards+=(\(out)/shard-${k}-of-3.json); done"))
        #expect(try Self.binary(["slurm", "--shards", "0"]).status == 2)
        #expect(try Self.binary(["slurm", "--shards", "2", "--mem", "lots"]).status == 2)

        let single = folder.file("single.json")
        #expect(try Self.binary(["check", "-q", "--report", single, folder.file("claims")]).status == 0)
        for k in 1...3 {
            #expect(try Self.shell("/bin/bash", [out + "/shards.sbatch"], environment: ["SLURM_ARRAY_TASK_ID": "\(k)"]).status == 0)
        }
        // A task run again (a requeue) continues its own report.
        let again = try Self.shell("/bin/bash", [out + "/shards.sbatch"], environment: ["SLURM_ARRAY_TASK_ID": "2"])
        #expect(again.status == 0)
        #expect(try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: out + "/shard-2-of-3.json"))).resume?.rerun == [])
        #expect(try Self.shell("/bin/bash", [out + "/merge.sbatch"]).status == 0)
        #expect(try Self.withoutTimes(out + "/merged.json") == Self.withoutTimes(single))
    }
}
