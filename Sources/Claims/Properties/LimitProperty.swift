import MultiPrecision

/// `limit`: |e(T) − v| ≤ ε at the last sample (entrywise max for matrices), and, with a rate r, |e_k − v| ≤ r_k at
/// every sample.
///
/// Margin: min(ε − max |e(T) − v|, min_k (r_k − max |e_k − v|)), placed at the end or at the sample of the rate's
/// minimum.
public struct LimitProperty: Sendable {
    /// The label of the property in reports.
    public var label: String
    /// The observable's and the value's texts.
    public var observable: String, value: String
    /// ε, exact, ≥ 0.
    public var within: Rational
    /// The rate's text, when a rate is stated.
    public var rate: String? = nil

    /// Checks e against v (`targets`, one per sample) and the rate bounds (`rates`, scalars, one per sample).
    ///
    /// - Throws: `PropertyError` when there are no samples, or shapes or counts differ.
    public func evaluate<Scalar: PropertyScalar>(_ samples: [Observation<Scalar>], targets: [ObservedValue<Scalar>],
                                                 rates: [ObservedValue<Scalar>]? = nil) throws(PropertyError) -> PropertyOutcome {
        let deviation = try LargestDeviation(samples.map(\.value), targets, what: label)
        let last = samples.count - 1
        let distance = deviation.perSample[last]
        var margin = (Scalar(propertyValue: within) - distance).quantityValue
        var place = "at the end, \(samples[last].place)"
        var quantities = [Quantity("\(label): max |e(T) − v|", distance.quantityValue)]
        let series = deviation.series("\(label) distance", yLabel: "max |\(observable) − (\(value))|",
                                      at: samples.map(\.place))
        var checked = "|\(observable) − (\(value))| ≤ \(ExactDecimal.text(within) ?? within.description) at the end, \(samples[last].place)"
        if let rates, let rate {
            guard rates.count == samples.count else { throw PropertyError("\(label): \(rates.count) rate values for \(samples.count) samples") }
            var worst = Scalar(propertyValue: 0), at = 0
            for k in samples.indices {
                let gap = rates[k].scalar - deviation.perSample[k]
                if k == 0 || gap < worst { worst = gap; at = k }
            }
            quantities.append(Quantity("\(label): min_k (r_k − |e_k − v|)", worst.quantityValue))
            if PropertyOutcome.isSmaller(worst.quantityValue, than: margin) {
                margin = worst.quantityValue
                place = "rate at \(samples[at].place)"
            }
            checked += ", and |\(observable) − (\(value))| ≤ \(rate) at \(SampleListDescription.text(samples.map(\.place)))"
        }
        return PropertyOutcome(checked: checked, margin: margin, place: place, quantities: quantities,
                               series: [series])
    }
}
