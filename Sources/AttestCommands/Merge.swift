import ArgumentParser
import Foundation
import Reports

extension Attest {
    /// `attest merge REPORT…`: combines the JSON reports of the shards of one run (`attest check --shard K/N`,
    /// `attest table --shard K/N`) into the report of the whole run, in any format; exits like `attest check` (0 every
    /// claim met its expectation, 1 some did not or the run is incomplete, 2 when the shards cannot be merged).
    public struct Merge: ParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Combine the JSON reports of every shard of a run (--shard K/N) into one report.",
            discussion: """
                The merged report holds the verdicts and numbers of a run on one machine; only the times and the \
                machine differ. The text report goes to standard output, and the report to each --report FILE in the \
                format of its extension. The merge refuses (exit status 2) shards of different claim files, settings \
                or versions, a missing shard and a shard given twice; a merge of interrupted shards is marked \
                incomplete. See docs/scale-out.md.
                """
        )

        /// The shards' reports.
        @Argument(help: "The JSON report of every shard (attest check --shard K/N --report FILE.json).")
        public var shardReports: [String] = []

        /// Report files.
        @Option(name: .customLong("report"),
                help: ArgumentHelp("Write the merged report to FILE, in the format of its extension; repeatable.",
                                   valueName: "file"))
        public var reports: [String] = []

        /// Summary table only.
        @Flag(name: .shortAndLong, help: "Print only the summary table.")
        public var quiet = false

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Checks the options (failures exit with status 2).
        public func validate() throws {
            guard !shardReports.isEmpty else { throw ValidationError("give the JSON report of every shard") }
            for path in reports where ReportFormat(fileName: path) == nil {
                throw ValidationError("--report \(path): unknown format; use a file ending in "
                                      + ReportFormat.extensions.joined(separator: ", "))
            }
        }

        /// Reads, merges and writes.
        public func run() throws {
            var shards: [(path: String, report: Report)] = []
            for path in shardReports {
                guard let data = FileManager.default.contents(atPath: path) else {
                    Attest.printError("attest: merge: \(path): cannot read the report: no such file, or not readable")
                    throw ExitCode(AttestExitCode.inputError.rawValue)
                }
                do { shards.append((path, try JSONReportWriter.decode(data))) } catch {
                    Attest.printError("attest: merge: \(path): not a JSON report of attest: \(error)")
                    throw ExitCode(AttestExitCode.inputError.rawValue)
                }
            }
            let merged: Report
            do { merged = try Report.merging(shards) } catch {
                Attest.printError("attest: merge: \(error.description); nothing was written.")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            try OutputPaths.check(reports: reports)
            StandardStreams.out(TextReportWriter(detail: quiet ? .quiet : .normal).render(merged))
            var writeFailed = false
            for path in reports {
                writeFailed = !OutputPaths.write(ReportFormat(fileName: path)!.render(merged), to: path) || writeFailed
            }
            if writeFailed { throw ExitCode(AttestExitCode.inputError.rawValue) }
            if !merged.allMetExpectations { throw ExitCode(AttestExitCode.claimNotMet.rawValue) }
        }
    }
}
