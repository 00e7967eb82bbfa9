import Claims
import Foundation

/// A line chart: one or more curves on shared axes, with a title and axis labels. The SVG, pgfplots and HTML
/// writers draw the same `Chart`.
public struct Chart: Sendable, Equatable {
    /// One curve: its legend label, its points and, optionally, each point's error estimate.
    public struct Curve: Sendable, Equatable {
        /// The legend label.
        public var label: String
        /// The abscissae.
        public var x: [Double]
        /// The values.
        public var y: [Double]
        /// The error estimate of each value, drawn as a dotted companion curve on logarithmic axes.
        public var error: [Double]?

        /// Creates a curve. Arrays of different lengths (a hand-edited report) are cut to the shortest, so that every
        /// point has its abscissa, value and error.
        public init(label: String, x: [Double], y: [Double], error: [Double]? = nil) {
            let count = Swift.min(x.count, y.count, error?.count ?? Int.max)
            self.label = label
            self.x = Array(x.prefix(count))
            self.y = Array(y.prefix(count))
            self.error = error.map { Array($0.prefix(count)) }
        }
    }

    /// The title, above the plot.
    public var title: String
    /// The horizontal axis label.
    public var xLabel: String
    /// The vertical axis label.
    public var yLabel: String
    /// Whether the vertical axis is logarithmic (non-positive values are then left out).
    public var logarithmic: Bool { didSet { errorFloor = Self.errorFloor(curves, logarithmic: logarithmic) } }
    /// The curves, drawn in order.
    public var curves: [Curve] { didSet { errorFloor = Self.errorFloor(curves, logarithmic: logarithmic) } }
    /// The lowest error estimate drawn on a logarithmic axis, or `nil` when there are no values; kept with the
    /// curves, since every point asks for it (finding it again each time made drawing quadratic in the points).
    public private(set) var errorFloor: Double?

    /// Creates a chart.
    public init(title: String, xLabel: String, yLabel: String, logarithmic: Bool, curves: [Curve]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logarithmic = logarithmic
        self.curves = curves
        errorFloor = Self.errorFloor(curves, logarithmic: logarithmic)
    }

    /// A chart of one series, its curve labelled `label`.
    public init(title: String, series: Series, label: String) {
        self.init(title: title, xLabel: series.xLabel, yLabel: series.yLabel, logarithmic: series.logarithmic,
                  curves: [Curve(label: label, x: series.x, y: series.y, error: series.error)])
    }

    /// Whether a point can be drawn on this chart's axes (finite, and positive on a logarithmic axis).
    func isDrawable(_ value: Double) -> Bool {
        value.isFinite && (!logarithmic || value > 0)
    }

    /// How many decades below the smallest value an error estimate may lie and still be drawn: further down it
    /// would squash the curves into a line (the legend then gives the largest error left out).
    static let errorDecades = 12.0

    /// The smallest drawable value of `curves`, `errorDecades` decades down.
    private static func errorFloor(_ curves: [Curve], logarithmic: Bool) -> Double? {
        var smallest: Double?
        for curve in curves {
            for value in curve.y where value.isFinite && (!logarithmic || value > 0) {
                smallest = Swift.min(smallest ?? value, value)
            }
        }
        return smallest.map { $0 * Foundation.pow(10, -errorDecades) }
    }

    /// Whether an error estimate is drawn: drawable, and not far below every value.
    func isDrawableError(_ error: Double) -> Bool {
        isDrawable(error) && error >= (errorFloor ?? 0)
    }

    /// The largest error estimate that is left out for lying far below the values, if any.
    var largestHiddenError: Double? {
        guard logarithmic else { return nil }
        return curves.flatMap { $0.error ?? [] }.filter { isDrawable($0) && !isDrawableError($0) }.max()
    }

    /// The range of the drawable abscissae and values (and, on logarithmic axes, of the error estimates drawn), or
    /// `nil` when nothing can be drawn.
    var dataRange: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xs: [Double] = [], ys: [Double] = []
        for curve in curves {
            for i in curve.x.indices where curve.x[i].isFinite {
                if isDrawable(curve.y[i]) { xs.append(curve.x[i]); ys.append(curve.y[i]) }
                if logarithmic, let error = curve.error, isDrawableError(error[i]) { ys.append(error[i]) }
            }
        }
        guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else { return nil }
        return (xMin...xMax, yMin...yMax)
    }
}
