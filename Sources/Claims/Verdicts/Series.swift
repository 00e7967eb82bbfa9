/// A monitored quantity along a run, such as the loss against time or the KL divergence against the step, kept for
/// figures (`attest check --figures`, `attest plot`, the HTML report).
///
/// Values are `Double`s: a series is for drawing, and the decimal digits that verdicts rest on stay in the
/// measurements. Each point still carries its error estimate (|value at p − value at p + guard bits|, at least one
/// unit roundoff), filled in by the engine from the two precisions, so a figure can show where a curve sinks below
/// its own rounding floor.
public struct Series: Codable, Sendable, Equatable {
    /// A short name, also the file stem of its figure: `KL`, `loss`, `drift`.
    public var name: String
    /// The horizontal axis label: `t`, `step k`.
    public var xLabel: String
    /// The vertical axis label: `KL(z* ‖ z_t)`.
    public var yLabel: String
    /// Whether the vertical axis should be logarithmic (quantities that decay over many orders of magnitude).
    public var logarithmic: Bool
    /// The abscissae, increasing.
    public var x: [Double]
    /// The values, one per abscissa.
    public var y: [Double]
    /// The error estimate of each value (same length as `y`), or `nil` before the engine has compared precisions.
    public var error: [Double]?

    /// Creates a series. Points whose abscissa or value is not finite (a run that overflowed) are left out, so
    /// that every report stays valid JSON; the verdict records the overflow.
    ///
    /// - Precondition: `x` and `y` (and `error`, when given) have the same length.
    public init(name: String, xLabel: String, yLabel: String, logarithmic: Bool, x: [Double], y: [Double],
                error: [Double]? = nil) {
        precondition(x.count == y.count && (error?.count ?? y.count) == y.count,
                     "Series: \(x.count) abscissae for \(y.count) values")
        let kept = x.indices.filter { x[$0].isFinite && y[$0].isFinite && (error?[$0].isFinite ?? true) }
        self.name = name
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logarithmic = logarithmic
        self.x = kept.map { x[$0] }
        self.y = kept.map { y[$0] }
        self.error = error.map { errors in kept.map { errors[$0] } }
    }

    /// At most `limit` points, evenly spaced in index, always keeping the first and the last; the error estimates
    /// are thinned the same way.
    public func decimated(to limit: Int) -> Series {
        guard limit >= 2, x.count > limit else { return self }
        let last = x.count - 1
        let indices = (0..<limit).map { Int((Double($0) * Double(last) / Double(limit - 1)).rounded()) }
        var thinned = self
        thinned.x = indices.map { x[$0] }
        thinned.y = indices.map { y[$0] }
        thinned.error = error.map { errors in indices.map { errors[$0] } }
        return thinned
    }

    /// The largest number of points a kind should keep in one series (reports stay small).
    public static let defaultPointLimit = 400
}
