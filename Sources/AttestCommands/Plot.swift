import ArgumentParser
import Claims
import Foundation
import Reports

extension Attest {
    /// `attest plot REPORT.json`: draws the monitored quantities that a run recorded (loss, drift, KL, equivalence
    /// error …) as SVG and pgfplots figures, without recomputing anything.
    public struct Plot: ParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Draw the monitored quantities of a JSON report as SVG and pgfplots (.tex + .dat) figures.",
            discussion: """
                Without --series, writes one figure per claim and series (instances overlaid), named \
                <claim>-<series>.svg/.tex/.dat. With --series NAME and one or more --claim ID, writes one figure \
                that overlays that series of instance --instance of each claim, named --name. The .tex is a \
                tikzpicture to \\input in a paper that loads pgfplots; --standalone makes it a whole document.
                """
        )

        /// The JSON report.
        @Argument(help: "A JSON report written by `attest check --report FILE.json`.")
        public var report: String

        /// Output folder.
        @Option(name: .shortAndLong, help: ArgumentHelp("The folder for the figure files (created if missing).",
                                                        valueName: "folder"))
        public var output: String = "figures"

        /// Claims to overlay.
        @Option(help: ArgumentHelp("A claim id to include; repeatable. With --series, the curves of one figure.",
                                   valueName: "id"))
        public var claim: [String] = []

        /// The series to overlay.
        @Option(help: ArgumentHelp("Overlay this series (e.g. KL, loss) of the --claim claims in one figure.",
                                   valueName: "name"))
        public var series: String?

        /// The instance whose series is overlaid.
        @Option(help: "The instance index whose series --series overlays.")
        public var instance: Int = 0

        /// The overlay figure's file stem.
        @Option(help: ArgumentHelp("File stem of the overlay figure.", valueName: "stem"))
        public var name: String?

        /// The overlay figure's title.
        @Option(help: "Title of the overlay figure (default: the series name).")
        public var title: String?

        /// Whole LaTeX documents.
        @Flag(help: "Write each .tex as a standalone document that compiles with pdflatex alone.")
        public var standalone = false

        /// The width of the pgfplots figures.
        @Option(help: ArgumentHelp("Width of each pgfplots figure, a TeX dimension (default \\linewidth, or 12cm with "
                                   + "--standalone), e.g. 8cm or 0.9\\textwidth.", valueName: "dimension"))
        public var width: String?

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Checks the options (failures exit with status 2).
        public func validate() throws {
            if series != nil && claim.isEmpty { throw ValidationError("--series needs at least one --claim") }
            if series == nil && (name != nil || title != nil) {
                throw ValidationError("--name and --title apply to an overlay; give --series and --claim")
            }
        }

        /// Reads the report and writes the figures.
        public mutating func run() throws {
            guard let data = FileManager.default.contents(atPath: report) else {
                Attest.printError("attest plot: cannot read \(report)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            let decoded: Report
            do { decoded = try JSONReportWriter.decode(data) } catch {
                Attest.printError("attest plot: \(report) is not an attest JSON report: \(error)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            // Series whose lengths disagree cannot be drawn (the JSON was edited or made by another tool).
            for claim in decoded.claims {
                for instance in claim.instances {
                    for series in instance.series ?? [] where series.x.count != series.y.count
                        || (series.error.map { $0.count != series.y.count } ?? false) {
                        Attest.printError("attest plot: \(report): claim \(claim.id) #\(instance.index) series \(series.name) "
                                          + "has \(series.x.count) abscissae, \(series.y.count) values and "
                                          + "\(series.error?.count ?? 0) error estimates; they must be as many")
                        throw ExitCode(AttestExitCode.inputError.rawValue)
                    }
                }
            }
            try OutputPaths.check(reports: [], figureFolder: output, figureOption: "--output")
            if !decoded.complete {
                Attest.printError("attest plot: note: \(report) is from an interrupted run (complete: false)")
            }
            var files: [FigureFiles.File]
            if let series {
                do {
                    let chart = try FigureFiles.overlay(decoded, claimIDs: claim, seriesName: series,
                                                        instanceIndex: instance, title: title)
                    files = FigureFiles.files(for: chart, stem: FigureFiles.stem(name ?? series),
                                              standalone: standalone, width: width)
                } catch {
                    Attest.printError("attest plot: \(error.description)")
                    throw ExitCode(AttestExitCode.inputError.rawValue)
                }
            } else {
                let selected = claim.isEmpty ? decoded : selecting(decoded, ids: claim)
                files = FigureFiles.perClaim(selected, standalone: standalone, width: width)
                if files.isEmpty {
                    Attest.printError("attest plot: the selected claims of \(report) recorded no series")
                    throw ExitCode(AttestExitCode.inputError.rawValue)
                }
            }
            do { try FigureFolder.write(files, to: output) } catch {
                Attest.printError("attest plot: \(error.description)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            StandardStreams.outLine("wrote \(files.count) files to \(output): " + files.map(\.name).joined(separator: ", "))
        }

        /// The report restricted to the claims `ids`.
        private func selecting(_ report: Report, ids: [String]) -> Report {
            var copy = report
            copy.claims = report.claims.filter { ids.contains($0.id) }
            return copy
        }
    }
}
