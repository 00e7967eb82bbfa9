import Foundation

/// Draws a `Chart` as a standalone SVG document: axes with tick labels (powers of ten on a logarithmic axis), a
/// title, axis labels, a legend, one coloured polyline per curve and, on logarithmic axes, its error estimate as a
/// dotted line of the same colour. Needs no fonts or scripts beyond the viewer's sans-serif.
///
/// Curves are clipped to the plot frame, and the legend sits below the plot, outside it, so it hides no curve (the
/// picture grows by its rows).
public struct SVGChartWriter: Sendable {
    /// The width in pixels.
    public var width: Double
    /// The height in pixels.
    public var height: Double

    /// Creates a writer for charts of the given size.
    public init(width: Double = 640, height: Double = 400) {
        self.width = width
        self.height = height
    }

    /// Colours that stay distinct for colour-blind readers (Okabe–Ito).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The plot area inside the margins.
    private var plot: (left: Double, top: Double, right: Double, bottom: Double) {
        (left: 84, top: 40, right: width - 24, bottom: height - 56)
    }

    /// The horizontal pixel of a fraction 0…1 along the x axis.
    private func pixelX(_ fraction: Double) -> Double { plot.left + fraction * (plot.right - plot.left) }

    /// The vertical pixel of a fraction 0…1 up the y axis.
    private func pixelY(_ fraction: Double) -> Double { plot.bottom - fraction * (plot.bottom - plot.top) }

    /// The legend's entries: one per distinct curve label, and one grey dotted entry for every error estimate.
    private func legendEntries(_ chart: Chart) -> [(label: String, colour: String, dotted: Bool)] {
        var entries: [(label: String, colour: String, dotted: Bool)] = []
        for (index, curve) in chart.curves.enumerated() where !entries.contains(where: { $0.label == curve.label }) {
            entries.append((curve.label, Self.palette[index % Self.palette.count], false))
        }
        if chart.logarithmic, chart.curves.contains(where: { $0.error != nil }) {
            let label = chart.largestHiddenError.map { "error estimate (same colour; ≤ \(Self.shortNumber($0)) not drawn)" }
            entries.append((label ?? "error estimate (same colour)", "#666666", true))
        }
        return entries
    }

    /// The legend's layout below the plot: entries per row and the height it adds.
    private func legendLayout(_ chart: Chart) -> (perRow: Int, cell: Double, height: Double) {
        let entries = legendEntries(chart)
        guard !entries.isEmpty else { return (1, 0, 0) }
        let longest = entries.map(\.label.count).max() ?? 0
        let cell = Double(longest) * 6.8 + 48
        let perRow = Swift.max(1, Int((width - 32) / cell))
        let rows = (entries.count + perRow - 1) / perRow
        return (perRow, cell, Double(rows) * 17 + 10)
    }

    /// The SVG document (with the XML declaration).
    public func render(_ chart: Chart) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + renderElement(chart) + "\n"
    }

    /// The `<svg>` element alone, for inlining in HTML.
    public func renderElement(_ chart: Chart) -> String {
        let total = height + (chart.dataRange == nil ? 0 : legendLayout(chart).height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(width))\" height=\"\(format(total))\" "
            + "viewBox=\"0 0 \(format(width)) \(format(total))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
            + "font-size=\"12\" role=\"img\" aria-label=\"\(escape(chart.title))\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<text x=\"\(format(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" "
            + "font-weight=\"bold\">\(escape(chart.title))</text>\n"
        guard let range = chart.dataRange else {
            out += "<text x=\"\(format(width / 2))\" y=\"\(format(height / 2))\" text-anchor=\"middle\">"
                + "no drawable points</text>\n</svg>"
            return out
        }
        let xAxis = ChartAxis(range: range.x, logarithmic: false)
        let yAxis = ChartAxis(range: range.y, logarithmic: chart.logarithmic)
        out += axes(chart, xAxis: xAxis, yAxis: yAxis)
        // Curves are clipped to the frame: a point outside the axes' range never draws over the margins.
        let clip = "clip-" + FigureFiles.stem(chart.title) + "-\(chart.curves.count)"
        let p = plot
        out += "<clipPath id=\"\(escape(clip))\"><rect x=\"\(format(p.left))\" y=\"\(format(p.top))\" "
            + "width=\"\(format(p.right - p.left))\" height=\"\(format(p.bottom - p.top))\"/></clipPath>\n"
        out += "<g clip-path=\"url(#\(escape(clip)))\">\n"
        for (index, curve) in chart.curves.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            out += polyline(curve.x, curve.y, chart: chart, xAxis: xAxis, yAxis: yAxis,
                            style: "stroke=\"\(colour)\" stroke-width=\"1.8\"")
            if chart.logarithmic, let error = curve.error {
                let drawn = error.map { chart.isDrawableError($0) ? $0 : .nan }
                out += polyline(curve.x, drawn, chart: chart, xAxis: xAxis, yAxis: yAxis,
                                style: "stroke=\"\(colour)\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"")
            }
        }
        out += "</g>\n"
        out += legend(chart)
        out += "</svg>"
        return out
    }

    /// The frame, grid, ticks and labels.
    private func axes(_ chart: Chart, xAxis: ChartAxis, yAxis: ChartAxis) -> String {
        let p = plot
        var out = "<g stroke=\"#dddddd\" stroke-width=\"1\">\n"
        for tick in yAxis.ticks {
            let y = pixelY(yAxis.fraction(ofCoordinate: tick))
            out += "<line x1=\"\(format(p.left))\" y1=\"\(format(y))\" x2=\"\(format(p.right))\" y2=\"\(format(y))\"/>\n"
        }
        for tick in xAxis.ticks {
            let x = pixelX(xAxis.fraction(ofCoordinate: tick))
            out += "<line x1=\"\(format(x))\" y1=\"\(format(p.top))\" x2=\"\(format(x))\" y2=\"\(format(p.bottom))\"/>\n"
        }
        out += "</g>\n"
        out += "<rect x=\"\(format(p.left))\" y=\"\(format(p.top))\" width=\"\(format(p.right - p.left))\" "
            + "height=\"\(format(p.bottom - p.top))\" fill=\"none\" stroke=\"#333333\"/>\n"
        for tick in yAxis.ticks {
            let y = pixelY(yAxis.fraction(ofCoordinate: tick))
            out += "<text x=\"\(format(p.left - 6))\" y=\"\(format(y + 4))\" text-anchor=\"end\">"
                + (yAxis.logarithmic ? powerOfTen(Int(tick)) : escape(TickLabel.linear(tick, step: step(yAxis))))
                + "</text>\n"
        }
        for tick in xAxis.ticks {
            let x = pixelX(xAxis.fraction(ofCoordinate: tick))
            out += "<text x=\"\(format(x))\" y=\"\(format(p.bottom + 16))\" text-anchor=\"middle\">"
                + escape(TickLabel.linear(tick, step: step(xAxis))) + "</text>\n"
        }
        out += "<text x=\"\(format((p.left + p.right) / 2))\" y=\"\(format(height - 12))\" text-anchor=\"middle\">"
            + "\(Self.formula(chart.xLabel))</text>\n"
        let middle = (p.top + p.bottom) / 2
        out += "<text x=\"16\" y=\"\(format(middle))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 16 \(format(middle)))\">\(Self.formula(chart.yLabel))</text>\n"
        return out
    }

    /// An axis label for SVG text: escaped, with `_{…}`, `^{…}` and the short unbraced forms (`z_t`, `e^{−2ρt}`, as
    /// `HTMLReportWriter.formula` reads them) as lowered or raised smaller `<tspan>`s instead of literal `_` and `^`.
    static func formula(_ text: String) -> String {
        HTMLReportWriter.formula(text)
            .replacingOccurrences(of: "<sub>", with: "<tspan baseline-shift=\"sub\" font-size=\"75%\">")
            .replacingOccurrences(of: "<sup>", with: "<tspan baseline-shift=\"super\" font-size=\"75%\">")
            .replacingOccurrences(of: "</sub>", with: "</tspan>")
            .replacingOccurrences(of: "</sup>", with: "</tspan>")
    }

    /// The spacing of a linear axis's ticks.
    private func step(_ axis: ChartAxis) -> Double {
        axis.ticks.count > 1 ? axis.ticks[1] - axis.ticks[0] : 1
    }

    /// One curve, broken where a point cannot be drawn.
    private func polyline(_ xs: [Double], _ ys: [Double], chart: Chart, xAxis: ChartAxis, yAxis: ChartAxis,
                          style: String) -> String {
        var out = "", run: [String] = []
        func flush() {
            if run.count == 1 {
                let parts = run[0].split(separator: ",")
                out += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"2\" fill=\"none\" \(style)/>\n"
            } else if run.count > 1 {
                out += "<polyline fill=\"none\" \(style) points=\"\(run.joined(separator: " "))\"/>\n"
            }
            run.removeAll()
        }
        for i in xs.indices {
            guard xs[i].isFinite, chart.isDrawable(ys[i]) else { flush(); continue }
            let x = pixelX(xAxis.fraction(xs[i])), y = pixelY(yAxis.fraction(ys[i]))
            run.append("\(format(x)),\(format(y))")
        }
        flush()
        return out
    }

    /// The legend, below the plot and its axis label, in rows: it never covers a curve.
    private func legend(_ chart: Chart) -> String {
        let entries = legendEntries(chart)
        guard !entries.isEmpty else { return "" }
        let layout = legendLayout(chart)
        var out = "<g>\n"
        for (i, entry) in entries.enumerated() {
            let left = 16 + Double(i % layout.perRow) * layout.cell
            let y = height + 12 + Double(i / layout.perRow) * 17
            let dash = entry.dotted ? " stroke-dasharray=\"2 3\"" : ""
            out += "<line x1=\"\(format(left))\" y1=\"\(format(y - 4))\" x2=\"\(format(left + 24))\" "
                + "y2=\"\(format(y - 4))\" stroke=\"\(entry.colour)\" stroke-width=\"1.8\"\(dash)/>\n"
            out += "<text x=\"\(format(left + 30))\" y=\"\(format(y))\">\(escape(entry.label))</text>\n"
        }
        return out + "</g>\n"
    }

    /// A number in two significant digits, `2.1e-76`.
    static func shortNumber(_ value: Double) -> String { String(format: "%.1e", value) }

    /// 10 with a superscript exponent.
    private func powerOfTen(_ exponent: Int) -> String {
        exponent == 0 ? "1" : "10<tspan dy=\"-6\" font-size=\"9\">\(TickLabel.minusSign(exponent))</tspan>"
    }

    /// A coordinate with at most two decimals.
    private func format(_ value: Double) -> String {
        // Pixel coordinates; anything not finite or far off the canvas is pinned, never converted to a trapping Int.
        let rounded = ((Swift.max(-1e9, Swift.min(1e9, value.isNaN ? 0 : value))) * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Text made safe for XML.
    private func escape(_ text: String) -> String {
        XMLText.escape(text)
    }
}
