/// The output formats of a report, chosen by a file's extension in `attest check --report FILE`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// The terminal text (the same as standard output).
    case text
    /// JSON, the full `Report` (docs/report-schema.md).
    case json
    /// Markdown: a summary table and one table per claim.
    case markdown
    /// A LaTeX booktabs table (needs `booktabs` and `siunitx`).
    case latex
    /// JUnit XML: one test case per instance.
    case junit
    /// CSV: one row per instance, with its measurements.
    case csv
    /// One self-contained HTML page with the verdict table and inline SVG charts.
    case html
    /// CSV in long (tidy) layout: one row per measurement (`FILE.long.csv`).
    case csvLong
    /// CSV of the monitored series: one row per point (`FILE.series.csv`).
    case csvSeries

    /// The format for a file name's extension: `.txt`, `.json`, `.md`, `.tex`, `.xml`, `.csv`; `nil` otherwise.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        let lower = fileName.lowercased()
        if lower.hasSuffix(".long.csv") { self = .csvLong; return }
        if lower.hasSuffix(".series.csv") { self = .csvSeries; return }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt": self = .text
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "tex": self = .latex
        case "xml": self = .junit
        case "csv": self = .csv
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The extensions accepted, for messages.
    public static let extensions = [".json", ".md", ".tex", ".xml", ".csv", ".long.csv", ".series.csv", ".txt", ".html"]

    /// Renders `report` in this format (pure: the same report always gives the same text).
    public func render(_ report: Report) -> String {
        switch self {
        case .text: return TextReportWriter().render(report)
        case .json: return JSONReportWriter().render(report)
        case .markdown: return MarkdownReportWriter().render(report)
        case .latex: return LaTeXReportWriter().render(report)
        case .junit: return JUnitReportWriter().render(report)
        case .csv: return CSVReportWriter().render(report)
        case .html: return HTMLReportWriter().render(report)
        case .csvLong: return CSVReportWriter(layout: .long).render(report)
        case .csvSeries: return CSVReportWriter(layout: .series).render(report)
        }
    }
}
