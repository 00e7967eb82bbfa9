import MultiPrecision

/// `invariant`: e(t) = e(0) at every sample, or, with a law, e(t) = law(t) (such as e^{−2λt}·e(0)); for matrices
/// entrywise.
///
/// Margin: tolerance − max_{k, entries} |e_k − reference_k|, placed at the sample and entry of the maximum. The
/// tolerance defaults to the relative rule of `PropertyTolerance`, with the scale max |e(0)|.
public struct InvariantProperty: Sendable {
    /// The label of the property in reports (its `name`, or `property 1`).
    public var label: String
    /// The observable's text, for the verdict.
    public var observable: String
    /// The law's text, when the reference is a law rather than e(0).
    public var law: String? = nil
    /// The tolerance.
    public var tolerance: PropertyTolerance

    /// Checks the samples; `laws` holds law(t) at the same samples when a law is stated.
    ///
    /// - Throws: `PropertyError` when there are no samples, or shapes or counts differ.
    public func evaluate<Scalar: PropertyScalar>(_ samples: [Observation<Scalar>],
                                                 laws: [ObservedValue<Scalar>]? = nil) throws(PropertyError) -> PropertyOutcome {
        guard let first = samples.first else { throw PropertyError("\(label): no samples") }
        let values = samples.map(\.value)
        let references = laws ?? Array(repeating: first.value, count: samples.count)
        let deviation = try LargestDeviation(values, references, what: label)
        let scale = first.value.maxMagnitude
        let slack = tolerance.resolved(scale: scale)
        let places = samples.map(\.place)
        let referenceText = law.map { "the law \($0)" } ?? "its value at \(first.place)"
        let reference = law == nil ? "e(0)" : "law"
        var quantities = [
            Quantity("\(label): max |e − \(reference)| over samples and entries", deviation.value.quantityValue),
            Quantity("\(label): max |e(0)| (scale)", scale.quantityValue),
            Quantity("\(label): tolerance", slack.quantityValue),
        ]
        if first.value.isScalar {
            quantities.append(Quantity("\(label): e at the first sample", first.value.scalar.quantityValue))
            quantities.append(Quantity("\(label): e at the last sample", samples[samples.count - 1].value.scalar.quantityValue))
        }
        return deviation.equalityOutcome(
            label: label, checked: "\(observable) at \(SampleListDescription.text(places)) equals \(referenceText)",
            yLabel: "max |\(observable) − \(law ?? "e(0)")|", slack: slack, tolerance: tolerance, places: places,
            shape: first.value, quantities: quantities)
    }
}
