import ArgumentParser
import Claims
import Foundation
import Reports

extension Attest {
    /// `attest table SWEEP.toml`: runs a parameter sweep of a claim and prints its table of measured quantities
    /// (LaTeX, Markdown or CSV), ready to paste into a paper.
    public struct Table: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Run a sweep file and print the table of its quantities (LaTeX, Markdown or CSV).",
            discussion: """
                A sweep file (docs/tables-and-figures.md) names a claim file, a grid that replaces part of its instance grid \
                (and may vary the precision), the quantities to tabulate and how to reduce over seeds. The table \
                goes to standard output in --format, and to each --output FILE in the format of its extension \
                (.tex .md .csv). Every number carries its error estimate. Exit status: 0 when the table is \
                complete, 1 when the run was interrupted, 2 on a usage or input error.
                """
        )

        /// The sweep file.
        @Argument(help: "A sweep file (.toml).")
        public var sweep: String

        /// Standard-output format.
        @Option(help: "The format printed to standard output: latex, markdown or csv.")
        public var format: String = "markdown"

        /// Output files.
        @Option(name: .shortAndLong, help: ArgumentHelp("Also write the table to FILE (.tex, .md or .csv); repeatable.",
                                                        valueName: "file"))
        public var output: [String] = []

        /// Whole LaTeX documents.
        @Flag(help: "Write LaTeX as a standalone document that compiles with pdflatex alone.")
        public var standalone = false

        /// Parallel instances.
        @Option(help: "Instances to run at the same time; the numbers do not depend on it.")
        public var jobs: Int = 1

        /// JSON report of the sweep's run.
        @Option(help: ArgumentHelp("Also write the full report of the sweep's run (any `check --report` format).",
                                   valueName: "file"))
        public var report: String?

        /// A report of this sweep to take finished instances from.
        @Option(help: ArgumentHelp("Take the finished instances of this JSON report of the sweep (an interrupted run's "
                                   + "--report, or `attest merge` of its shards) when nothing that can change them "
                                   + "differs, and run only the others.", valueName: "file"))
        public var resume: String?

        /// One shard of the sweep (`K/N`).
        @Option(help: ShardOption.help)
        public var shard: String?

        /// No progress.
        @Flag(name: .shortAndLong, help: "No progress on standard error.")
        public var quiet = false

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Checks the options (failures exit with status 2).
        public func validate() throws {
            guard SweepTableWriter.Format(rawValue: format) != nil else {
                throw ValidationError("--format must be latex, markdown or csv")
            }
            for path in output where SweepTableWriter.Format(fileName: path) == nil {
                throw ValidationError("--output \(path): use a file ending in .tex, .md or .csv")
            }
            if let report, ReportFormat(fileName: report) == nil {
                throw ValidationError("--report \(report): unknown format; use a file ending in "
                                      + ReportFormat.extensions.joined(separator: ", "))
            }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            try ShardOption.validate(shard, reports: report.map { [$0] } ?? [])
            if shard != nil && !output.isEmpty {
                throw ValidationError("--shard writes no table (--output): `attest merge` the shards' reports, then "
                                      + "`attest table SWEEP --resume MERGED.json`")
            }
        }

        /// Runs the sweep and prints the table.
        public mutating func run() async throws {
            let parser = SweepFileParser()
            let spec: SweepSpec, allClaims: [ClaimSpec]
            do {
                spec = try parser.parse(file: sweep)
                allClaims = try parser.claims(of: spec)
            } catch {
                for problem in error.errors { Attest.printError(problem.description) }
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            // Everything that can be checked without results is checked before anything runs: the table's rows, and
            // the files it goes to.
            let shard = ShardOption.parse(self.shard)
            let claims = shard?.select(allClaims) ?? allClaims
            do { try SweepTable.checkLayout(sweep: spec, claims: allClaims) } catch {
                Attest.printError("\(sweep): \(error.description); nothing was run.")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            try OutputPaths.check(reports: output + (report.map { [$0] } ?? []),
                                  options: Array(repeating: "--output", count: output.count) + ["--report"])
            let started = Date()
            let stopHint = "the table will hold what is done and say it is incomplete"
            // The quantities are measurements, known once an instance has run: the first instance runs alone, and a
            // quantity it did not measure stops the sweep there.
            let resumeKeys = ResumeKey.keys(for: allClaims, options: CheckOptions(jobs: jobs), tool: Attest.toolInfo)
            var completed = try TableResume.completed(resume, shard: shard, claims: allClaims, jobs: jobs, quiet: quiet)
            var stopped: CheckResult?    // the first instance's run, when Ctrl-C or a signal stopped it
            if let first = claims.first, let instance = first.instances.first, claims.count * first.instances.count > 1,
               !(completed[first.id] ?? []).contains(where: { $0.instance.index == instance.index }) {
                var pilot = first
                pilot.instances = [instance]
                let pilotResult = await EngineRun.check([pilot], options: CheckOptions(jobs: 1), quiet: true, stopHint: stopHint)
                if !pilotResult.isComplete { stopped = pilotResult }
                if let outcome = pilotResult.claims.first?.instances.first {
                    completed[first.id, default: []].append(outcome)
                    let measured = Set(outcome.measurements.map(\.name) + [SweepSpec.marginKey])
                    if outcome.verdict == .pass || outcome.verdict == .fail,
                       let unknown = spec.quantities.first(where: { !measured.contains($0) }) {
                        Attest.printError("\(sweep): " + SweepTableError.unknownQuantity(unknown, known: measured.sorted()).description
                                          + " (the first instance); nothing more was run.")
                        throw ExitCode(AttestExitCode.inputError.rawValue)
                    }
                }
            }
            let result: CheckResult
            if let stopped { result = stopped } else {
                result = await EngineRun.check(claims, options: CheckOptions(jobs: jobs), completed: completed,
                                               quiet: quiet, stopHint: stopHint)
            }
            var writeFailed = false
            if let report {
                var full = Report(result: result, tool: Attest.toolInfo, started: started, resumeKeys: resumeKeys)
                if let shard { full.recordShard(shard, of: allClaims, extraFiles: [sweep]) }
                if shard != nil { Attest.printError(ShardOption.note(full)) }
                writeFailed = !OutputPaths.write(ReportFormat(fileName: report)!.render(full), to: report)
            }
            if shard != nil {    // a shard's part of the table is no table: `attest merge` makes the whole
                if writeFailed { throw ExitCode(AttestExitCode.inputError.rawValue) }
                if !result.isComplete { throw ExitCode(AttestExitCode.claimNotMet.rawValue) }
                return
            }
            let table: SweepTable
            do { table = try SweepTable(sweep: spec, result: result) } catch {
                Attest.printError("\(sweep): \(error.description)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            StandardStreams.out(SweepTableWriter.render(table, format: SweepTableWriter.Format(rawValue: format)!,
                                                        standalone: standalone))
            for path in output {
                let text = SweepTableWriter.render(table, format: SweepTableWriter.Format(fileName: path)!,
                                                   standalone: standalone)
                writeFailed = !OutputPaths.write(text, to: path) || writeFailed
            }
            if writeFailed { throw ExitCode(AttestExitCode.inputError.rawValue) }
            if !table.complete { throw ExitCode(AttestExitCode.claimNotMet.rawValue) }
        }
    }
}
