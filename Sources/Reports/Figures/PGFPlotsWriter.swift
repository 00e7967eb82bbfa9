import Foundation

/// Writes a `Chart` as a pgfplots figure: a `.tex` file holding a `tikzpicture` (to `\input` in a paper that loads
/// pgfplots, or a whole `standalone` document) and the `.dat` table it reads, so the numbers stay in one place.
///
/// The table has columns `x1 y1 e1 x2 y2 e2 …` (abscissa, value and error estimate of each curve), padded with
/// `nan` where curves differ in length; on a logarithmic axis non-positive values are written as `nan` too (as are
/// error estimates more than `Chart.errorDecades` decades below every value), and the axis uses
/// `unbounded coords=jump` so that pgfplots breaks the line there.
public struct PGFPlotsWriter: Sendable {
    /// Whether the `.tex` is a complete `standalone` document (compiles with `pdflatex` alone).
    public var standalone: Bool

    /// Creates a writer.
    public init(standalone: Bool = false) {
        self.standalone = standalone
    }

    /// pgfplots colours close to the SVG palette.
    static let colours = ["blue!70!black", "orange!80!black", "green!50!black", "magenta!70!black", "brown",
                          "cyan!70!black", "black"]

    /// The `.tex` text; `dataFile` is the name by which it reads the `.dat` (relative to the LaTeX run).
    public func renderTeX(_ chart: Chart, dataFile: String) -> String {
        var lines: [String] = []
        if standalone {
            lines += ["\\documentclass[border=4pt]{standalone}", "\\usepackage{pgfplots}",
                      "\\pgfplotsset{compat=1.16}", "\\begin{document}"]
        } else {
            lines.append("% Needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.16} (or later) in the preamble.")
        }
        lines += ["\\begin{tikzpicture}", "\\begin{axis}["]
        var options = ["width=12cm", "height=7.5cm",
                       "title={\(LaTeXReportWriter.escape(chart.title))}",
                       "xlabel={\(LaTeXReportWriter.escape(chart.xLabel))}",
                       "ylabel={\(LaTeXReportWriter.escape(chart.yLabel))}",
                       "grid=major", "legend pos=outer north east", "legend cell align=left",
                       "unbounded coords=jump", "filter discard warning=false", "no markers"]
        if chart.logarithmic { options.append("ymode=log") }
        lines += options.map { "  \($0)," }
        lines.append("]")
        for (index, curve) in chart.curves.enumerated() {
            let column = index + 1
            let colour = Self.colours[index % Self.colours.count]
            lines.append("\\addplot[color=\(colour), thick] table[x=x\(column), y=y\(column)] {\(dataFile)};")
            lines.append("\\addlegendentry{\(LaTeXReportWriter.escape(curve.label))}")
            if chart.logarithmic, curve.error != nil {
                lines.append("\\addplot[color=\(colour), densely dotted] table[x=x\(column), y=e\(column)] "
                             + "{\(dataFile)};")
                lines.append("\\addlegendentry{error estimate}")
            }
        }
        lines += ["\\end{axis}", "\\end{tikzpicture}"]
        if standalone { lines.append("\\end{document}") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `.dat` text: a header row of column names, then one row per point index.
    public func renderData(_ chart: Chart) -> String {
        var header: [String] = []
        for column in chart.curves.indices.map({ $0 + 1 }) { header += ["x\(column)", "y\(column)", "e\(column)"] }
        var lines = [header.joined(separator: " ")]
        let rows = chart.curves.map(\.x.count).max() ?? 0
        for row in 0..<rows {
            var cells: [String] = []
            for curve in chart.curves {
                guard row < curve.x.count else { cells += ["nan", "nan", "nan"]; continue }
                cells.append(number(curve.x[row], drawable: curve.x[row].isFinite))
                cells.append(number(curve.y[row], drawable: chart.isDrawable(curve.y[row])))
                let error = curve.error?[row] ?? .nan
                cells.append(number(error, drawable: chart.logarithmic ? chart.isDrawableError(error) : chart.isDrawable(error)))
            }
            lines.append(cells.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number in full `Double` precision, or `nan`.
    private func number(_ value: Double, drawable: Bool) -> String {
        drawable ? String(format: "%.17g", value) : "nan"
    }
}
