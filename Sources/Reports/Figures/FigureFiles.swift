import Claims

/// The figure files of a report: for each chart, a standalone SVG, a pgfplots `.tex` and its `.dat` table, named
/// `<stem>.svg`, `<stem>.tex`, `<stem>.dat`. Pure: the same report gives the same files.
public enum FigureFiles {
    /// A file to write: its name (no folder) and its text.
    public struct File: Sendable, Equatable {
        /// The file name.
        public var name: String
        /// The contents.
        public var text: String
    }

    /// The files of every chart of every claim (see `ClaimCharts`), stems `<claim id>-<series name>`.
    public static func perClaim(_ report: Report, standalone: Bool = false, width: String? = nil) -> [File] {
        report.claims.flatMap { claim in
            ClaimCharts.charts(of: claim).flatMap { name, chart in
                files(for: chart, stem: stem(claim.id + "-" + name), standalone: standalone, width: width)
            }
        }
    }

    /// The three files of one chart.
    public static func files(for chart: Chart, stem: String, standalone: Bool = false, width: String? = nil) -> [File] {
        let pgf = PGFPlotsWriter(standalone: standalone, width: width ?? "\\linewidth")
        return [File(name: stem + ".svg", text: SVGChartWriter().render(chart)),
                File(name: stem + ".tex", text: pgf.renderTeX(chart, dataFile: stem + ".dat")),
                File(name: stem + ".dat", text: pgf.renderData(chart))]
    }

    /// One chart overlaying the series `seriesName` of instance `instanceIndex` of each claim in `claimIDs`, the
    /// curves labelled by claim id.
    ///
    /// - Throws: `FigureSelectionError` naming the claim, instance or series that the report lacks.
    public static func overlay(_ report: Report, claimIDs: [String], seriesName: String, instanceIndex: Int,
                               title: String?) throws(FigureSelectionError) -> Chart {
        var curves: [Chart.Curve] = []
        var template: Series?
        for id in claimIDs {
            guard let claim = report.claims.first(where: { $0.id == id }) else {
                throw .unknownClaim(id, known: report.claims.map(\.id))
            }
            guard let instance = claim.instances.first(where: { $0.index == instanceIndex }) else {
                throw .unknownInstance(claim: id, index: instanceIndex)
            }
            guard let series = instance.series?.first(where: { $0.name == seriesName }) else {
                throw .unknownSeries(claim: id, name: seriesName, known: (instance.series ?? []).map(\.name))
            }
            template = template ?? series
            curves.append(Chart.Curve(label: id, x: series.x, y: series.y, error: series.error))
        }
        guard let template else { throw .nothingSelected }
        return Chart(title: title ?? seriesName, xLabel: template.xLabel, yLabel: template.yLabel,
                     logarithmic: template.logarithmic, curves: curves)
    }

    /// A file stem from free text: letters, digits, `-` and `_` kept, anything else as `_`.
    public static func stem(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    }
}

/// Why `FigureFiles.overlay` could not build its chart.
public enum FigureSelectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The report has no claim with this id.
    case unknownClaim(String, known: [String])
    /// The claim has no instance with this index.
    case unknownInstance(claim: String, index: Int)
    /// The instance recorded no series of this name.
    case unknownSeries(claim: String, name: String, known: [String])
    /// No claim was named.
    case nothingSelected

    /// A one-line message.
    public var description: String {
        switch self {
        case let .unknownClaim(id, known):
            return "the report has no claim \(id) (it has: \(known.joined(separator: ", ")))"
        case let .unknownInstance(claim, index):
            return "claim \(claim) has no instance \(index) in the report"
        case let .unknownSeries(claim, name, known):
            return "claim \(claim) recorded no series \(name)"
                + (known.isEmpty ? " (it recorded none)" : " (it recorded: \(known.joined(separator: ", ")))")
        case .nothingSelected:
            return "name at least one claim with --claim"
        }
    }
}
