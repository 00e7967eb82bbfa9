import Claims
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing

/// A report whose claims recorded series: a loss decaying as 10^−k and a linear drift.
enum FigureFixtures {
    static func decay(count: Int) -> Series {
        let x = (0..<count).map(Double.init)
        return Series(name: "loss", xLabel: "step k", yLabel: "ℓ(k)", logarithmic: true, x: x,
                      y: x.map { Foundation.pow(10, -$0) }, error: x.map { Foundation.pow(10, -$0 - 8) })
    }

    static var report: Report {
        var report = ReportFixtures.report
        report.claims[0].instances[0].series = [decay(count: 41)]
        report.claims[0].instances[1].series = [decay(count: 21),
                                                Series(name: "drift", xLabel: "t", yLabel: "d", logarithmic: false,
                                                       x: [0, 1, 2], y: [0, 0.5, 1])]
        return report
    }
}

@Suite("Figures: SVG, pgfplots and HTML")
struct FigureWriterTests {
    @Test("SVG axis labels set sub- and superscripts as shifted text, not literal _ and ^")
    func svgLabelFormulas() {
        let chart = Chart(title: "all_pass: KL", xLabel: "step t", yLabel: "KL(z* ‖ z_t) e^{−2ρt}", logarithmic: true,
                          curves: [.init(label: "run_1", x: [0, 1], y: [0.5, 0.25])])
        let svg = SVGChartWriter().render(chart)
        #expect(svg.contains("KL(z* ‖ z<tspan baseline-shift=\"sub\" font-size=\"75%\">t</tspan>) "
                             + "e<tspan baseline-shift=\"super\" font-size=\"75%\">−2ρt</tspan></text>"))
        #expect(!svg.contains("z_t") && !svg.contains("e^{"))
        // Titles and legend entries hold claim ids, whose underscores stay as written.
        #expect(svg.contains(">all_pass: KL</text>") && svg.contains(">run_1</text>"))
    }

    @Test("A chart that shows fewer curves than the claim has instances says how many it shows")
    func instancesShown() {
        var report = FigureFixtures.report
        #expect(ClaimCharts.charts(of: report.claims[0]).first { $0.name == "loss" }?.chart.title == "all_pass: loss")
        // Eight instances with the series: the first seven are drawn.
        report.claims[0].instances = (0..<8).map { index in
            var instance = report.claims[0].instances[0]
            instance.index = index
            return instance
        }
        let eight = ClaimCharts.charts(of: report.claims[0]).first { $0.name == "loss" }?.chart
        #expect(eight?.curves.count == 7 && eight?.title == "all_pass: loss (7 of 8 instances shown)")
        // Two drawn, a third that recorded no series (an ERROR), a fourth that never ran.
        report = FigureFixtures.report
        report.claims[0].instances.append(ReportFixtures.instance(2, .error, margin: nil, message: "timed out"))
        report.claims[0].totalInstances = 4
        #expect(ClaimCharts.charts(of: report.claims[0]).first { $0.name == "loss" }?.chart.title
                == "all_pass: loss (2 of 4 instances shown)")
    }

    @Test("A logarithmic axis spans whole decades with evenly spaced powers of ten; a linear one nice steps")
    func axes() {
        let chart = Chart(title: "t", series: FigureFixtures.decay(count: 41), label: "loss")
        let svg = SVGChartWriter().render(chart)
        // Values 1 … 1e-40 and errors down to 1e-48: ticks every 10 decades from 10^-50 to 10^0 (the stride is the
        // first of 1, 2, 5, 10, 20, … giving at most about eight labels).
        for exponent in stride(from: -50, through: -10, by: 10) {
            #expect(svg.contains(">10<tspan dy=\"-6\" font-size=\"9\">−\(-exponent)</tspan>"), "10^\(exponent)")
        }
        #expect(!svg.contains("−60<") && !svg.contains("−45<"))
        // Errors 70 decades below every value would squash the curve: they are left out, and the legend says so.
        var far = FigureFixtures.decay(count: 41)
        far.error = far.y.map { $0 * 1e-70 }
        let hidden = SVGChartWriter().render(Chart(title: "t", series: far, label: "loss"))
        #expect(!hidden.contains("stroke-dasharray=\"2 3\" points") && hidden.contains("≤ 1.0e-70 not drawn"))
        #expect(!hidden.contains("−100<") && hidden.contains(">10<tspan dy=\"-6\" font-size=\"9\">−40</tspan>"))
        let linear = Chart(title: "d", xLabel: "t", yLabel: "d", logarithmic: false,
                           curves: [.init(label: "d", x: [0, 1, 2], y: [0, 0.5, 1])])
        let text = SVGChartWriter().render(linear)
        for label in ["0", "0.2", "0.4", "0.6", "0.8", "1.0"] { #expect(text.contains(">\(label)</text>"), "\(label)") }
    }

    @Test("The SVG is well-formed XML with one line per curve and one dotted error line per curve")
    func svgStructure() throws {
        let charts = ClaimCharts.charts(of: FigureFixtures.report.claims[0])
        #expect(charts.map(\.name) == ["loss", "drift"])
        let svg = SVGChartWriter().render(charts[0].chart)
        _ = try XMLDocument(data: Data(svg.utf8))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.components(separatedBy: "stroke-dasharray=\"2 3\" points").count - 1 == 2)
        #expect(svg.contains("#0 PASS, 128 bits") && svg.contains("#1 PASS, exact"))
        let empty = Chart(title: "none", xLabel: "x", yLabel: "y", logarithmic: true,
                          curves: [.init(label: "zero", x: [0, 1], y: [0, -1])])
        #expect(SVGChartWriter().render(empty).contains("no drawable points"))
    }

    @Test("pgfplots: the table holds every value in full precision, nan for padding and for non-positive values on log axes")
    func pgfplots() throws {
        let chart = Chart(title: "KL of OMWU & MWU", xLabel: "step k", yLabel: "KL(z* ‖ z_k)", logarithmic: true,
                          curves: [.init(label: "OMWU", x: [0, 1, 2], y: [0.5, 1e-300, 0], error: [1e-77, 0x1p-1030, 0]),
                                   .init(label: "MWU", x: [0, 1], y: [0.25, 0.3])])
        let writer = PGFPlotsWriter()
        let data = writer.renderData(chart).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(data[0] == ["x1", "y1", "e1", "x2", "y2", "e2"])
        #expect(data[1] == ["0", "0.5", "9.9999999999999993e-78", "0", "0.25", "nan"])
        #expect(Double(data[2][1]) == 1e-300 && Double(data[2][2]) == 0x1p-1030)  // subnormal, written in full
        #expect(data[3] == ["2", "nan", "nan", "nan", "nan", "nan"])
        let tex = writer.renderTeX(chart, dataFile: "kl.dat")
        #expect(tex.contains("ymode=log") && tex.contains("table[x=x2, y=y2] {\\attestfiguretable}"))
        // The table is inline: \input{figs/kl.tex} works from any folder.
        #expect(tex.contains("\\pgfplotstableread{\nx1 y1 e1 x2 y2 e2\n") && !tex.contains("{kl.dat}"))
        #expect(tex.contains("title={KL of OMWU \\& MWU}") && tex.contains("ylabel={$\\mathrm{KL}(z^{*}\\ \\|\\ z_k)$}"))
        #expect(!tex.unicodeScalars.contains { !$0.isASCII })
    }

    /// An all-nan error column draws nothing and takes no legend entry; every legend entry is an explicit image,
    /// so none can shift onto another curve; repeated labels appear once; the width is the user's.
    @Test("pgfplots: legends stay on their curves")
    func pgfplotsLegends() {
        let chart = Chart(title: "KL", xLabel: "step t", yLabel: "e^{−2ρt}", logarithmic: true,
                          curves: [.init(label: "OMWU", x: [0, 1], y: [0.5, 0.25], error: [1e-3, 1e-4]),
                                   .init(label: "MWU", x: [0, 1], y: [0.5, 0.6], error: [.nan, .nan]),
                                   .init(label: "MWU", x: [0, 1], y: [0.4, 0.7]),
                                   .init(label: "nothing drawable", x: [0, 1], y: [0, -1])])
        let tex = PGFPlotsWriter(width: "8cm").renderTeX(chart, dataFile: "kl.dat")
        let lines = tex.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("\\addlegendentry") } == ["\\addlegendentry{OMWU}", "\\addlegendentry{MWU}",
                                                                       "\\addlegendentry{error estimate (dotted)}"])
        #expect(lines.filter { $0.hasPrefix("\\addlegendimage") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("\\addplot") }.allSatisfy { $0.contains("forget plot") })
        #expect(lines.filter { $0.contains("y=e2") }.isEmpty && lines.filter { $0.contains("y=e1") }.count == 1)
        #expect(lines.filter { $0.contains("y=y4") }.isEmpty)
        #expect(tex.contains("width=8cm-72pt,") && tex.contains("ylabel={$e^{-2\\rho t}$}"))
        #expect(PGFPlotsWriter().renderTeX(chart, dataFile: "x.dat").contains("width=\\linewidth-72pt,"))
    }

    @Test("pgfplots and the LaTeX escapes compile as written",
          .enabled(if: TeXInstallation.has(TeXInstallation.figures), "pdflatex with pgfplots and standalone is not installed"))
    func pgfplotsCompiles() throws {
        let chart = Chart(title: "loss ℓ(k) ≤ ℓ(0)·e^{−ηκk}", series: FigureFixtures.decay(count: 41), label: "#0 α = 1/2")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-pgf-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = PGFPlotsWriter(standalone: true)
        try writer.renderData(chart).write(to: folder.appendingPathComponent("f.dat"), atomically: true, encoding: .utf8)
        try compileWithPDFLaTeX(writer.renderTeX(chart, dataFile: "f.dat"), in: folder)
    }

    @Test("HTML: self-contained, escaped, every claim with its charts inline")
    func html() {
        let html = HTMLReportWriter().render(FigureFixtures.report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("src=\"") && !html.contains("<link"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("A &amp; B &lt; C") && html.contains("data/x, &quot;quoted&quot;.csv"))
        #expect(html.contains("<td class=\"notmet\">no</td>") && html.contains("id=\"claim-known-false\""))
        #expect(html.components(separatedBy: "<h2 ").count - 1 == FigureFixtures.report.claims.count)
        var interrupted = FigureFixtures.report
        interrupted.complete = false
        #expect(HTMLReportWriter().render(interrupted).contains("<strong>Incomplete:</strong>"))
        #expect(ReportFormat(fileName: "r.html") == .html && ReportFormat(fileName: "r.HTM") == .html)
    }

    @Test("Figure files: three per chart; an overlay names what the report lacks")
    func figureFiles() throws {
        let report = FigureFixtures.report
        let files = FigureFiles.perClaim(report)
        #expect(files.map(\.name) == ["all_pass-loss.svg", "all_pass-loss.tex", "all_pass-loss.dat",
                                      "all_pass-drift.svg", "all_pass-drift.tex", "all_pass-drift.dat"])
        let chart = try FigureFiles.overlay(report, claimIDs: ["all_pass"], seriesName: "loss", instanceIndex: 1,
                                            title: nil)
        #expect(chart.curves.count == 1 && chart.curves[0].x.count == 21 && chart.curves[0].label == "all_pass")
        #expect(throws: FigureSelectionError.unknownClaim("nope", known: report.claims.map(\.id))) {
            try FigureFiles.overlay(report, claimIDs: ["nope"], seriesName: "loss", instanceIndex: 0, title: nil)
        }
        #expect(throws: FigureSelectionError.unknownSeries(claim: "all_pass", name: "KL", known: ["loss"])) {
            try FigureFiles.overlay(report, claimIDs: ["all_pass"], seriesName: "KL", instanceIndex: 0, title: nil)
        }
        #expect(FigureFiles.stem("omwu: KL ‖ z") == "omwu__KL___z")
    }

    @Test("Series survive the JSON report unchanged")
    func jsonRoundTrip() throws {
        let report = FigureFixtures.report
        let decoded = try JSONReportWriter.decode(Data(JSONReportWriter().render(report).utf8))
        #expect(decoded.claims[0].instances[1].series == report.claims[0].instances[1].series)
        #expect(decoded.claims[1].instances[0].series == nil)
    }
}
