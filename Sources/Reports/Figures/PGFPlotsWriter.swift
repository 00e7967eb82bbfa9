import Foundation

/// Writes a `Chart` as a pgfplots figure: a `.tex` file holding a `tikzpicture` (to `\\input` in a paper that loads
/// pgfplots, or a whole `standalone` document) and the `.dat` table with the same numbers, for other tools.
///
/// The `.tex` carries its table inline (`\\pgfplotstableread`), so `\\input{figs/x.tex}` works from any folder; the
/// `.dat` beside it holds the same columns `x1 y1 e1 x2 y2 e2 …` (abscissa, value and error estimate of each curve),
/// padded with `nan` where curves differ in length; on a logarithmic axis non-positive values are written as `nan`
/// too (as are error estimates more than `Chart.errorDecades` decades below every value), and the axis uses
/// `unbounded coords=jump` so that pgfplots breaks the line there.
///
/// Legends cannot land on the wrong curve: every plot is drawn with `forget plot` and its legend entry comes from
/// an explicit `\\addlegendimage`, curves with no drawable point and all-`nan` error curves are left out, and the
/// dotted error curves share one entry. Labels are typeset in math mode where they are formulas (`e^{−2ρt}`). The
/// width is `width` (default `\\linewidth`, so the figure fits a column of a two-column paper); the legend sits
/// below the axis, where it hides no curve.
public struct PGFPlotsWriter: Sendable {
    /// Whether the `.tex` is a complete `standalone` document (compiles with `pdflatex` alone).
    public var standalone: Bool
    /// The figure's width, a TeX dimension (`\\linewidth`, `8cm`).
    public var width: String

    /// Creates a writer.
    public init(standalone: Bool = false, width: String = "\\linewidth") {
        self.standalone = standalone
        self.width = width
    }

    /// pgfplots colours close to the SVG palette.
    static let colours = ["blue!70!black", "orange!80!black", "green!50!black", "magenta!70!black", "brown",
                          "cyan!70!black", "black"]

    /// The `.tex` text. `dataFile` names the `.dat` with the same numbers in a comment (the table is inline).
    public func renderTeX(_ chart: Chart, dataFile: String) -> String {
        var lines: [String] = []
        if standalone {
            lines += ["\\documentclass[border=4pt]{standalone}", "\\usepackage{pgfplots}",
                      "\\pgfplotsset{compat=1.16}", "\\begin{document}"]
        } else {
            lines.append("% Needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.16} (or later) in the preamble.")
        }
        lines.append("% The table is inline, so \\input works from any folder; \(dataFile) holds the same numbers.")
        lines.append("\\pgfplotstableread{")
        lines += renderData(chart).split(separator: "\n").map(String.init)
        lines.append("}\\attestfiguretable")
        let width = standalone && self.width == "\\linewidth" ? "12cm" : self.width
        lines += ["\\begin{tikzpicture}", "\\begin{axis}["]
        // The axis is `width` less room for the tick labels and the y label (scale only axis), so the whole picture
        // fits `width`; the title wraps within the axis's width, breaking long ids after their hyphens.
        let axisWidth = "\(width)-72pt"
        var options = ["scale only axis", "width=\(axisWidth)", "height=0.55*(\(axisWidth))",
                       "title style={text width=\(axisWidth), align=center, font=\\small}",
                       "title={\(Self.breakable(LaTeXMath.mixed(chart.title)))}",
                       "xlabel={\(Self.label(chart.xLabel))}",
                       "ylabel={\(Self.label(chart.yLabel))}",
                       "grid=major", "legend cell align=left",
                       "legend style={at={(0.5,-0.2)}, anchor=north, legend columns=2, font=\\footnotesize}",
                       "unbounded coords=jump", "filter discard warning=false", "no markers"]
        if chart.logarithmic { options.append("ymode=log") }
        lines += options.map { "  \($0)," }
        lines.append("]")
        var seen = Set<String>()
        var errorCurves = false
        for (index, curve) in chart.curves.enumerated() {
            let column = index + 1
            let colour = Self.colours[index % Self.colours.count]
            guard curve.y.contains(where: chart.isDrawable) else { continue }
            lines.append("\\addplot[color=\(colour), thick, forget plot] table[x=x\(column), y=y\(column)] {\\attestfiguretable};")
            let label = Self.label(curve.label)
            if seen.insert(label).inserted {
                lines.append("\\addlegendimage{color=\(colour), thick}")
                lines.append("\\addlegendentry{\(label)}")
            }
            if chart.logarithmic, let errors = curve.error, errors.contains(where: chart.isDrawableError) {
                errorCurves = true
                lines.append("\\addplot[color=\(colour), densely dotted, forget plot] table[x=x\(column), y=e\(column)] "
                             + "{\\attestfiguretable};")
            }
        }
        if errorCurves {
            lines.append("\\addlegendimage{color=black, densely dotted}")
            lines.append("\\addlegendentry{error estimate (dotted)}")
        }
        lines += ["\\end{axis}", "\\end{tikzpicture}"]
        if standalone { lines.append("\\end{document}") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A label for LaTeX: in math mode (`$e^{-2\\rho t}$`) when it is a formula that typesets (balanced braces, no
    /// dangling `^` or `_`), words inside it upright; escaped text otherwise.
    static func label(_ text: String) -> String {
        LaTeXMath.inline(text) ?? LaTeXReportWriter.escape(text)
    }

    /// Text with a line-break opportunity after each hyphen outside math (claim ids are long hyphenated words).
    static func breakable(_ latex: String) -> String {
        guard !latex.hasPrefix("$") else { return latex }
        return latex.replacingOccurrences(of: "-", with: "-\\allowbreak{}")
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
