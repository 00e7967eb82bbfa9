import Claims
import Foundation
import Reports
import Testing

/// Charts of extreme and long series (issue 21): no trap at the ends of the double range, and time linear in the
/// number of points.
@Suite("Figures: extreme and long series")
struct FigureRobustnessTests {
    static func chart(x: [Double], y: [Double], error: [Double]? = nil, logarithmic: Bool = false) -> Chart {
        Chart(title: "t", series: Series(name: "s", xLabel: "x", yLabel: "y", logarithmic: logarithmic, x: x, y: y,
                                         error: error), label: "s")
    }

    /// The numbers in the `points` attributes of an SVG text.
    static func coordinates(_ svg: String) -> [Double] {
        svg.components(separatedBy: "points=\"").dropFirst().flatMap { part in
            part.prefix { $0 != "\"" }.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }
    }

    @Test("A series spanning ±1.7e308 (and ±max) draws inside the canvas, with finite ticks and no trap")
    func extremeRange() throws {
        for (x, y) in [([0.0, 1], [-1.7e308, 1.7e308]), ([-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude], [1.0, 2])] {
            let chart = Self.chart(x: x, y: y)
            let svg = SVGChartWriter().render(chart)
            let points = Self.coordinates(svg)
            #expect(points.count == 4)
            #expect(points.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 640 })
            // The two points are at opposite ends of the plot area: the first left (or low), the second right (high).
            #expect(points[0] < points[2])
            let tex = PGFPlotsWriter().renderData(chart)
            #expect(tex.contains("e+308") || tex.contains("e308"))
        }
    }

    @Test("The linear axis of ±1.7e308 has nice finite ticks within the doubles that cover the data")
    func extremeAxisTicks() throws {
        let svg = SVGChartWriter().render(Self.chart(x: [0, 1], y: [-1.7e308, 1.7e308]))
        // Tick labels such as 1×10^308 (typographic minus signs for the negative ones).
        #expect(svg.contains("×10^308"))
        #expect(!svg.contains("inf") && !svg.contains("nan"))
    }

    /// Speed is a benchmark's business, never a timed test's (the machine is shared); this test checks that a long
    /// series is drawn whole: every point reaches the pgfplots data, and no coordinate of the SVG leaves the doubles.
    @Test("A series of 200 000 points is drawn whole: 200 000 data rows, finite SVG coordinates")
    func longSeries() {
        let count = 200_000
        let x = (0..<count).map(Double.init)
        let chart = Self.chart(x: x, y: x.map { 1 + $0 }, error: x.map { 1e-30 * (1 + $0) }, logarithmic: true)
        let svg = SVGChartWriter().render(chart)
        let data = PGFPlotsWriter().renderData(chart)
        let rows = data.split(separator: "\n").filter { $0.first.map { $0.isNumber || $0 == "-" } == true }
        #expect(rows.count >= count)
        #expect(!svg.contains("inf") && !svg.contains("nan"))
    }
}
