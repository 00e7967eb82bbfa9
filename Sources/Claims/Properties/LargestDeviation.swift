import MultiPrecision

/// The largest entrywise deviation |a_k − b_k| over samples k, and where it is: the reduction behind `invariant`,
/// a `law`, `equal` and `limit`.
struct LargestDeviation<Scalar: PropertyScalar> {
    /// max_k max_entries |a_k − b_k|.
    var value: Scalar
    /// The sample of the maximum.
    var sample: Int
    /// The entry of the maximum (row-major).
    var entry: Int
    /// max_entries |a_k − b_k| for every k, for the series.
    var perSample: [Scalar]

    /// Compares `values` with `references`, sample by sample.
    ///
    /// - Throws: `PropertyError` when there are no samples or shapes differ.
    init(_ values: [ObservedValue<Scalar>], _ references: [ObservedValue<Scalar>], what: String) throws(PropertyError) {
        guard !values.isEmpty, values.count == references.count else {
            throw PropertyError("\(what): \(values.count) samples against \(references.count) references")
        }
        var best = Scalar(propertyValue: 0), sample = 0, entry = 0
        var perSample: [Scalar] = []
        perSample.reserveCapacity(values.count)
        var difference = Scalar(propertyValue: 0)
        for k in values.indices {
            let a = values[k], b = references[k]
            guard a.rows == b.rows, a.columns == b.columns else {
                throw PropertyError("\(what): a \(a.shapeDescription) value compared with a \(b.shapeDescription) one")
            }
            var largest = Scalar(propertyValue: 0)
            for i in a.entries.indices {
                difference.formDifference(a.entries[i], b.entries[i])
                let size = difference.magnitude
                if size > largest { largest = size }
                if size > best || (k == 0 && i == 0) { best = size; sample = k; entry = i }
            }
            perSample.append(largest)
        }
        value = best
        self.sample = sample
        self.entry = entry
        self.perSample = perSample
    }

    /// `t = 5/32, entry (2, 1)`.
    func place(_ observations: [SamplePlace], shape: ObservedValue<Scalar>) -> String {
        [observations[sample].description, shape.entryDescription(entry)].compactMap { $0 }.joined(separator: ", ")
    }

    /// The deviation at every sample, as a logarithmic series named `name` against the places' abscissae.
    func series(_ name: String, yLabel: String, at places: [SamplePlace]) -> Series {
        var recorder = SeriesRecorder(name: name, xLabel: places[0].axisLabel, yLabel: yLabel, logarithmic: true)
        for (place, value) in zip(places, perSample) { recorder.append(x: place.abscissa, y: value.seriesValue) }
        return recorder.series
    }

    /// The outcome of an equality up to `slack` (`invariant`, `equal`): margin slack − max |a − b|, at the sample
    /// and entry of the maximum, with the deviation series `<label> deviation`; `checked` gets ` (exactly)` or the
    /// tolerance.
    func equalityOutcome(label: String, checked: String, yLabel: String, slack: Scalar, tolerance: PropertyTolerance,
                         places: [SamplePlace], shape: ObservedValue<Scalar>, quantities: [Quantity]) -> PropertyOutcome {
        let exactly = Scalar.isExact && slack == Scalar(propertyValue: 0)
        return PropertyOutcome(
            checked: checked + (exactly ? " (exactly)" : " (tolerance \(tolerance.description))"),
            margin: (slack - value).quantityValue, place: place(places, shape: shape), quantities: quantities,
            series: [series("\(label) deviation", yLabel: yLabel, at: places)])
    }
}
