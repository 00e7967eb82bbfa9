import ArgumentParser
import Claims
import Foundation
import Reports

extension Attest {
    /// `attest explain ID`: the claim's statement, hypotheses, source, how the check works, its instances, and the
    /// latest result when a JSON report is at hand (`--report FILE`).
    public struct Explain: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Explain a claim: statement, hypotheses, source, how it is checked, latest result."
        )

        /// The claim id.
        @Argument(help: "The claim id (see `attest list`).")
        public var id: String

        /// Claim files or folders.
        @Argument(help: "Claim files (.toml) or folders that hold them.")
        public var paths: [String] = ["proofs"]

        /// A JSON report with the latest result.
        @Option(name: .customLong("report"), help: ArgumentHelp("A JSON report (from `attest check --report FILE.json`) "
                                                                + "to show the latest result from.", valueName: "file"))
        public var report: String?

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Prints the explanation.
        public mutating func run() async throws {
            let claims = try ClaimSelection.load(paths: paths, filters: [])
            let latest = try report.map(Self.loadReport)
            guard let claim = claims.first(where: { $0.id == id }) else {
                let suggestion = KeySuggestion.closest(to: id, among: claims.map(\.id)).map { "; did you mean \($0)?" } ?? ""
                Attest.printError("attest: no claim with id \(id)\(suggestion)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            let kind = ClaimKindRegistry.standard.kind(named: claim.kind)
            var out: [String] = []
            out.append("\(claim.id): \(claim.title)")
            out.append("")
            out.append("Statement:  \(claim.statement)")
            if let latex = claim.statementLaTeX { out.append("LaTeX:      \(latex)") }
            out.append("Source:     \(claim.source)")
            out.append("Expected:   \(claim.expectation == .pass ? "PASS" : "FAIL (a known-false claim that must be refuted)")")
            if !claim.checked.isEmpty {
                out.append("What is checked:")
                for c in claim.checked { out.append("  - \(c)") }
            }
            if !claim.hypotheses.isEmpty {
                out.append("Hypotheses:")
                for h in claim.hypotheses { out.append("  - \(h)") }
            }
            if let notes = claim.notes { out.append("Notes:      \(notes)") }
            out.append("")
            out.append("How it is checked (kind \(claim.kind)):")
            if let kind {
                out.append("  " + kind.summary)
                out.append("  " + kind.method)
            }
            let n = claim.numerics
            out.append("")
            out.append("Instances:  \(claim.instances.count), from \(claim.file)")
            if kind is any StatisticalClaimKind {
                out.append("Numerics:   statistical, evaluated once: every draw at working_precision and 64 bits more for its "
                           + "error estimate, tolerance \(n.tolerance)")
            } else if kind?.arithmetic == .rounded {
                out.append("Numerics:   \(n.precision) bits (+\(n.guardBits) for the error estimate), escalation up to "
                           + "\(n.maxPrecision) bits, tolerance \(n.tolerance)")
            } else {
                out.append("Numerics:   exact rational arithmetic, tolerance \(n.tolerance)")
            }
            for instance in claim.instances.prefix(5) {
                out.append("  #\(instance.index): " + instance.parameters.reportEntries.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
            }
            if claim.instances.count > 5 { out.append("  … \(claim.instances.count - 5) more") }
            out.append("")
            out += latestResult(claim.id, in: latest)
            StandardStreams.outLine(out.joined(separator: "\n"))
        }

        /// Reads the `--report` file; a file that is missing or not an attest JSON report is an input error (exit
        /// status 2), not a note in the explanation.
        private static func loadReport(_ path: String) throws -> Report {
            guard let data = FileManager.default.contents(atPath: path) else {
                Attest.printError("attest: --report \(path): cannot read the report: no such file, or not readable")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            do { return try JSONReportWriter.decode(data) } catch {
                Attest.printError("attest: --report \(path): not a JSON report of attest check: \(error)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
        }

        private func latestResult(_ id: String, in decoded: Report?) -> [String] {
            guard let path = report, let decoded else {
                return ["Latest result: none at hand (run `attest check --report FILE.json`, then pass --report FILE.json)."]
            }
            guard let claim = decoded.claims.first(where: { $0.id == id }) else {
                return ["Latest result: \(path) (\(decoded.time)) does not include this claim."]
            }
            var out = ["Latest result (\(path), \(decoded.time)\(decoded.complete ? "" : ", incomplete run")): "
                       + "\(claim.verdict.rawValue), \(claim.metExpectation ? "as expected" : "NOT as expected")"]
            if let c = claim.counterexample { out.append("  counterexample: \(c)") }
            for instance in claim.instances {
                out.append("  #\(instance.index) \(instance.verdict.rawValue) margin \(instance.margin ?? "—") ± "
                           + "\(instance.marginError ?? "—") (\(instance.precisionBits.map { "\($0) bits" } ?? "exact"))")
            }
            return out
        }
    }
}
