import MultiPrecision

/// `equal`: a = b at every sample (entrywise for matrices), up to the tolerance.
///
/// Margin: tolerance − max_{k, entries} |a_k − b_k|, at the sample and entry of the maximum; the default tolerance
/// follows the relative rule of `PropertyTolerance` with the scale max(|a(0)|, |b(0)|).
public struct EqualProperty: Sendable {
    /// The label of the property in reports.
    public var label: String
    /// The two expressions' texts.
    public var lhs: String, rhs: String
    /// The tolerance.
    public var tolerance: PropertyTolerance

    /// An equality.
    public init(label: String, lhs: String, rhs: String, tolerance: PropertyTolerance) {
        self.label = label
        self.lhs = lhs
        self.rhs = rhs
        self.tolerance = tolerance
    }

    /// Checks a_k = b_k.
    ///
    /// - Throws: `PropertyError` when there are no samples, or shapes or counts differ.
    public func evaluate<Scalar: PropertyScalar>(_ left: [Observation<Scalar>],
                                                 _ right: [ObservedValue<Scalar>]) throws(PropertyError) -> PropertyOutcome {
        guard let first = left.first, let firstRight = right.first else { throw PropertyError("\(label): no samples") }
        let deviation = try LargestDeviation(left.map(\.value), right, what: label)
        let a = first.value.maxMagnitude, b = firstRight.maxMagnitude
        let slack = tolerance.resolved(scale: a > b ? a : b)
        let places = left.map(\.place)
        var series = SeriesRecorder(name: "\(label) deviation", xLabel: first.place.axisLabel,
                                    yLabel: "max |(\(lhs)) − (\(rhs))|", logarithmic: true)
        for (place, value) in zip(places, deviation.perSample) { series.append(x: place.abscissa, y: value.seriesValue) }
        return PropertyOutcome(
            checked: "\(lhs) equals \(rhs) at \(SampleListDescription.text(places)) (tolerance \(tolerance.description))",
            margin: (slack - deviation.value).quantityValue,
            place: deviation.place(places, shape: first.value),
            quantities: [Quantity("\(label): max |a − b| over samples and entries", deviation.value.quantityValue),
                         Quantity("\(label): tolerance", slack.quantityValue)],
            series: [series.series])
    }
}
