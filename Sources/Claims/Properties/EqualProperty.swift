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
        return deviation.equalityOutcome(
            label: label, checked: "\(lhs) equals \(rhs) at \(SampleListDescription.text(places))",
            yLabel: "max |(\(lhs)) − (\(rhs))|", slack: slack, tolerance: tolerance, places: places, shape: first.value,
            quantities: [Quantity("\(label): max |a − b| over samples and entries", deviation.value.quantityValue),
                         Quantity("\(label): tolerance", slack.quantityValue)])
    }
}
