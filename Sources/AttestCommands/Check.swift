import ArgumentParser
import Claims
import Foundation
import MultiPrecision
import Reports

extension Attest {
    /// `attest check [PATH…]`: checks every claim in the given claim files and folders, prints the report with a
    /// summary table to standard output and progress to standard error, writes `--report` files, and exits with
    /// 0 (every claim met its expectation), 1 (some did not, or the run was interrupted) or 2 (usage or input error).
    public struct Check: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Check the claims in the given files or folders (default: proofs/).",
            discussion: """
                Every instance ends PASS, FAIL (a counterexample), INCONCLUSIVE (the margin is within the error \
                estimate, even at --max-precision) or ERROR. Reports go to standard output (text) and to each \
                --report FILE, in the format of its extension (.json .md .tex .xml .csv .txt .html); --figures \
                FOLDER writes the monitored quantities as SVG and pgfplots figures.
                """
        )

        /// Claim files (`.toml`) or folders to search for them.
        @Argument(help: "Claim files (.toml) or folders that hold them.")
        public var paths: [String] = ["proofs"]

        /// Working precision override.
        @Option(help: ArgumentHelp("Working precision in bits for every claim (overrides the claim files).", valueName: "bits"))
        public var precision: Int?

        /// Tolerance override.
        @Option(help: ArgumentHelp("Tolerance for every claim, an exact number such as 1e-30 or 1/1000.", valueName: "number"))
        public var tolerance: String?

        /// Escalation cap override.
        @Option(help: ArgumentHelp("Largest precision in bits that escalation may reach on INCONCLUSIVE.", valueName: "bits"))
        public var maxPrecision: Int?

        /// Parallel instances.
        @Option(help: "Instances to run at the same time; the numbers do not depend on it.")
        public var jobs: Int = 1

        /// Claim id pattern.
        @Option(help: ArgumentHelp("Check only claims whose id matches this pattern (*, ?, [..]); repeatable.", valueName: "glob"))
        public var filter: [String] = []

        /// Per-instance time limit.
        @Option(help: ArgumentHelp("Time limit per instance in seconds; an instance over it is an ERROR.", valueName: "seconds"))
        public var timeout: Double?

        /// Time limit of the whole run.
        @Option(help: ArgumentHelp("Time limit of the whole run in seconds: then it stops as on Ctrl-C, the reports hold "
                                   + "what is done (complete: false) and --resume continues it.", valueName: "seconds"))
        public var timeoutTotal: Double?

        /// Report files.
        @Option(name: .customLong("report"),
                help: ArgumentHelp("Also write the report to FILE, in the format of its extension (.long.csv: one row per "
                                   + "measurement; .series.csv: the monitored series); repeatable. '-' writes the JSON "
                                   + "report to standard output (the text report then goes to standard error).",
                                   valueName: "file"))
        public var reports: [String] = []

        /// Figure folder.
        @Option(help: ArgumentHelp("Also write the monitored quantities of every claim as SVG and pgfplots figures "
                                   + "into this folder.", valueName: "folder"))
        public var figures: String?

        /// An interrupted run's JSON report to continue.
        @Option(help: ArgumentHelp("Continue the interrupted run whose JSON report is FILE: its finished instances are "
                                   + "taken over when nothing that can change them differs (claim and data file hashes, "
                                   + "numeric options, --timeout, versions, the report's digest); the others run, and "
                                   + "the report says which and why.", valueName: "file"))
        public var resume: String?

        /// Where searches write the replay files of their counterexamples.
        @Option(help: ArgumentHelp("Write the replay claim file of every counterexample found by a [search] (and of "
                                   + "every [threshold] fail end) into this folder (default: a folder in the temporary "
                                   + "directory); the report names each file.", valueName: "folder"))
        public var saveCounterexamples: String?

        /// One shard of the run (`K/N`).
        @Option(help: ShardOption.help)
        public var shard: String?

        /// Rigorous mode for every claim.
        @Flag(help: ArgumentHelp("Check rigorously: claims whose kind supports it run in ball arithmetic (Arb) and end "
                                 + "PROVED, DISPROVED or INCONCLUSIVE; exact kinds report PASS as PROVED; the others run "
                                 + "as usual, marked \"not available rigorously\" (docs/rigorous-mode.md)."))
        public var rigorous = false

        /// Print the summary table only; no progress.
        @Flag(name: .shortAndLong, help: "Print only the summary table; no progress.")
        public var quiet = false

        /// Print every instance.
        @Flag(name: .shortAndLong, help: "Print every instance with its measurements and precision attempts.")
        public var verbose = false

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Checks the options before anything runs (failures exit with status 2).
        public func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            if let precision { try validateBits(precision, "--precision") }
            if let maxPrecision { try validateBits(maxPrecision, "--max-precision") }
            if let precision, let maxPrecision, maxPrecision < precision {
                throw ValidationError("--max-precision (\(maxPrecision)) must be at least --precision (\(precision))")
            }
            if let tolerance { _ = try parsedTolerance(tolerance) }
            if let timeout { try TimeLimit.validate(timeout, "--timeout") }
            if let timeoutTotal { try TimeLimit.validate(timeoutTotal, "--timeout-total") }
            if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
            try ShardOption.validate(shard, reports: reports)
            if reports.filter({ $0 == "-" }).count > 1 { throw ValidationError("--report - can be given once") }
            for path in reports where path != "-" && ReportFormat(fileName: path) == nil {
                throw ValidationError("--report \(path): unknown format; use a file ending in "
                                      + ReportFormat.extensions.joined(separator: ", "))
            }
        }

        /// Reads the report to resume; exits with status 2 when it cannot be read.
        private static func loadReport(_ path: String) throws -> Report {
            guard let data = FileManager.default.contents(atPath: path) else {
                Attest.printError("attest: --resume \(path): cannot read the report: no such file, or not readable")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            do {
                return try JSONReportWriter.decode(data)
            } catch {
                Attest.printError("attest: --resume \(path): not a JSON report of attest check: \(error)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
        }

        private func validateBits(_ bits: Int, _ flag: String) throws {
            let range = ClaimFileParser.precisionRange
            guard range.contains(bits) else {
                throw ValidationError("\(flag): \(bits) bits is outside \(range.lowerBound) … \(range.upperBound)")
            }
        }

        private func parsedTolerance(_ text: String) throws -> Rational {
            let value: Rational
            do { value = try Rational(parsing: text) } catch { throw ValidationError("--tolerance: \(error)") }
            guard !value.isNegative else { throw ValidationError("--tolerance must not be negative") }
            return value
        }

        /// Loads, checks and reports.
        public mutating func run() async throws {
            let allClaims = try ClaimSelection.load(paths: paths, filters: filter)
            let shard = ShardOption.parse(self.shard)
            let claims = shard?.select(allClaims) ?? allClaims
            // Where the results go is checked before anything runs, not found unwritable after a long run.
            try OutputPaths.check(reports: reports.filter { $0 != "-" }, figureFolder: figures)
            var options = CheckOptions(precision: precision, tolerance: try tolerance.map(parsedTolerance),
                                       maxPrecision: maxPrecision, jobs: jobs,
                                       timeout: timeout.map { .milliseconds(Int64(($0 * 1000).rounded())) })
            options.rigorous = rigorous
            options.counterexampleFolder = saveCounterexamples
                ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("attest-counterexamples")
            let previous = try resume.map { try Self.loadReport($0) }
            try ShardOption.checkResume(previous, path: resume, shard: shard)
            let plan = previous?.resumePlan(for: allClaims, options: options, tool: Attest.toolInfo)
            for line in plan?.summary.lines ?? [] where !quiet { Attest.printError("attest: --resume \(resume ?? ""): \(line)") }
            let completed = plan?.completed ?? [:]
            let resumeKeys = ResumeKey.keys(for: allClaims, options: options, tool: Attest.toolInfo)
            let started = Date()
            let result = await EngineRun.check(
                claims, options: options, completed: completed, quiet: quiet, verbose: verbose,
                timeoutTotal: timeoutTotal,
                stopHint: "the reports will hold what is done (complete: false; continue with --resume)")

            var report = Report(result: result, tool: Attest.toolInfo, started: started, resumeKeys: resumeKeys)
            if let previous { report.time = previous.time }    // one run, resumed: it started then
            report.resume = plan?.summary
            if let shard { report.recordShard(shard, of: allClaims) }
            let detail: TextReportWriter.Detail = quiet ? .quiet : (verbose ? .verbose : .normal)
            // `--report -`: the JSON report is standard output, so the text report goes to standard error.
            let jsonToStandardOutput = reports.contains("-")
            let text = TextReportWriter(detail: detail).render(report)
            if jsonToStandardOutput {
                Attest.printError(text.hasSuffix("\n") ? String(text.dropLast()) : text)
                StandardStreams.out(JSONReportWriter().render(report))
            } else {
                StandardStreams.out(text)
            }
            var writeFailed = false
            for path in reports where path != "-" {
                writeFailed = !OutputPaths.write(ReportFormat(fileName: path)!.render(report), to: path) || writeFailed
            }
            if let figures {
                do { try FigureFolder.write(FigureFiles.perClaim(report), to: figures) } catch {
                    Attest.printError(error.description)
                    writeFailed = true
                }
            }
            if writeFailed { throw ExitCode(AttestExitCode.inputError.rawValue) }
            if shard != nil { Attest.printError(ShardOption.note(report)) }
            if !(shard == nil ? report.allMetExpectations : report.complete) { throw ExitCode(AttestExitCode.claimNotMet.rawValue) }
        }
    }
}
