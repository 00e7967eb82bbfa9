import MultiPrecision

/// Collects the points of a monitored quantity during an evaluation and hands them over as a `Series`, thinned to
/// `Series.defaultPointLimit` points.
///
/// ```swift
/// var loss = SeriesRecorder(name: "loss", xLabel: "step k", yLabel: "ℓ(k)", logarithmic: true)
/// loss.append(x: 0, y: initialLoss)
/// return Evaluation(…, series: [loss.series])
/// ```
public struct SeriesRecorder: Sendable {
    /// The series collected so far (not yet thinned).
    private var collected: Series

    /// Starts an empty series.
    public init(name: String, xLabel: String, yLabel: String, logarithmic: Bool) {
        collected = Series(name: name, xLabel: xLabel, yLabel: yLabel, logarithmic: logarithmic, x: [], y: [])
    }

    /// Adds a point.
    public mutating func append(x: Double, y: Double) {
        collected.x.append(x)
        collected.y.append(y)
    }

    /// Adds a point whose value is an MPFR number (rounded to the nearest `Double`).
    public mutating func append(x: Double, y: BigFloat) {
        append(x: x, y: y.doubleValue)
    }

    /// The series, at most `Series.defaultPointLimit` points, non-finite points left out.
    public var series: Series {
        Series(name: collected.name, xLabel: collected.xLabel, yLabel: collected.yLabel,
               logarithmic: collected.logarithmic, x: collected.x, y: collected.y)
            .decimated(to: Series.defaultPointLimit)
    }
}
