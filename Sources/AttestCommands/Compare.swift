import ArgumentParser
import Foundation
import Reports

extension Attest {
    /// `attest compare STORED.json NEW.json`: whether a run agrees with a stored report (same claims, instances and
    /// verdicts; every measured value within the two error estimates together). `make proofs` runs it against the
    /// stored report of `proofs/` in `proofs/baseline/`.
    public struct Compare: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Compare a JSON report with a stored one: verdicts equal, values within their error estimates.",
            discussion: """
                Claims are matched by id, instances by index, quantities and series by name. A value a ± e_a \
                (stored) and b ± e_b (new) agree when |a − b| ≤ e_a + e_b + r, exactly, where r is half a unit in the last \
                printed digit of each rounded value and of the stored estimate; verdicts and parameters must be equal. \
                Times, machine, versions, precision attempts, statistics and messages are not compared. New \
                claims and quantities are listed as notes. A report ending in .gz is read through gzip. \
                --corrections lists stored values known to lie outside their own estimates, each with an \
                independent reference value: such a quantity is compared with its reference instead (|b − r| ≤ \
                2·e_b + e_r, the verdict rule's safety factor) and reported as corrected, or as a \
                difference when it disagrees.

                Exit status: 0 when the reports agree, 1 when they differ, 2 when a report cannot be read.
                """
        )

        /// The stored report.
        @Argument(help: ArgumentHelp("The stored JSON report (.json or .json.gz).", valueName: "stored"))
        public var stored: String

        /// The new report.
        @Argument(help: ArgumentHelp("The new JSON report (.json or .json.gz).", valueName: "new"))
        public var new: String

        /// Renamed quantities.
        @Option(name: .customLong("renamed"), help: ArgumentHelp(
            "A JSON object mapping a stored quantity name to its new name (a rename that keeps the value).",
            valueName: "file"))
        public var renamed: String?

        /// Corrected stored values.
        @Option(name: .customLong("corrections"), help: ArgumentHelp(
            "A JSON array of corrections {claim, instance, quantity, reference, reference_error, script, reason}: "
                + "stored values outside their estimates, checked against an independent reference instead.",
            valueName: "file"))
        public var corrections: String?

        /// Whether to print the notes.
        @Flag(name: .customLong("notes"), help: "Also list what the new report adds (claims, instances, quantities).")
        public var showNotes = false

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Compares and prints the result.
        public mutating func run() async throws {
            let baseline = try Self.load(stored), current = try Self.load(new)
            var renames: [String: String] = [:]
            if let renamed {
                guard let data = FileManager.default.contents(atPath: renamed),
                      let map = try? JSONDecoder().decode([String: String].self, from: data) else {
                    Attest.printError("attest: --renamed \(renamed): not a readable JSON object of names")
                    throw ExitCode(AttestExitCode.inputError.rawValue)
                }
                renames = map
            }
            var corrected: [BaselineCorrection] = []
            if let corrections {
                guard let data = FileManager.default.contents(atPath: corrections),
                      let list = try? JSONDecoder().decode([BaselineCorrection].self, from: data) else {
                    Attest.printError("attest: --corrections \(corrections): not a readable JSON array of corrections "
                                      + "(claim, instance, quantity, reference, reference_error, script, reason)")
                    throw ExitCode(AttestExitCode.inputError.rawValue)
                }
                corrected = list
            }
            let comparison = ReportComparison(baseline: baseline, current: current, renamedQuantities: renames,
                                              corrections: corrected)
            var lines = [comparison.description]
            if showNotes { lines += comparison.notes.map { "  note: " + $0 } }
            StandardStreams.outLine(lines.joined(separator: "\n"))
            if !comparison.agrees { throw ExitCode(AttestExitCode.claimNotMet.rawValue) }
        }

        /// The report at `path` (plain or gzip-compressed JSON), or exit status 2.
        static func load(_ path: String) throws -> Report {
            do { return try StoredReport.load(path) } catch {
                Attest.printError("attest: \(error)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
        }
    }
}
