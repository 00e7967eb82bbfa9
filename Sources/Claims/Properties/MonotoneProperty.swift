import MultiPrecision

/// `monotone`: e non-increasing, non-decreasing, decreasing or increasing along the run, from a step or time on
/// (entrywise for matrices).
///
/// - Samples: margin_s = min_k (e_k − e_{k+1}) (falling) or min_k (e_{k+1} − e_k) (rising), plus the tolerance
///   for the non-strict directions (default 0), at the pair (k, k + 1) of the minimum.
/// - Flows also give d/dt e = Σ_X ⟨∂e/∂X, Ẋ⟩ at every sample: margin_d = min_k (−ė_k) (falling) or min_k ė_k
///   (rising); both are reported and the margin is the worse of the two.
/// - A strict direction in exact arithmetic with two equal neighbours is violated: the margin is −1 by convention
///   (as for a refuted identity), with the place of the tie.
public struct MonotoneProperty: Sendable {
    /// The label of the property in reports.
    public var label: String
    /// The observable's text.
    public var observable: String
    /// The direction.
    public var direction: MonotoneDirection
    /// The first place checked (`from_step`, `from_time`), or `nil` for the whole run.
    public var from: SamplePlace? = nil
    /// The slack of the non-strict directions (exact, ≥ 0).
    public var tolerance: Rational = 0

    /// Checks the samples (those at or after `from`) and, for flows, the sign of `derivatives` (d/dt e at the same
    /// samples).
    ///
    /// - Throws: `PropertyError` with fewer than two samples from `from` on, or shapes that differ.
    public func evaluate<Scalar: PropertyScalar>(_ samples: [Observation<Scalar>],
                                                 derivatives: [Observation<Scalar>]? = nil) throws(PropertyError) -> PropertyOutcome {
        let from = self.from
        let kept = from.map { start in samples.filter { $0.place.isAtOrAfter(start) } } ?? samples
        let steps = try OrderedSteps(kept.map(\.value), direction: direction, what: label)
        var (margin, place) = steps.margin(kept.map(\.place), shape: kept[0].value, direction: direction,
                                           tolerance: tolerance)
        let name = direction.falls ? "min_k (e_k − e_{k+1})" : "min_k (e_{k+1} − e_k)"
        var quantities = [Quantity("\(label): \(name)", steps.smallest.quantityValue)]
        var series: [Series] = []
        if kept[0].value.isScalar {
            var recorder = SeriesRecorder(name: "\(label) value", xLabel: kept[0].place.axisLabel, yLabel: observable,
                                          logarithmic: false)
            for sample in samples { recorder.append(x: sample.place.abscissa, y: sample.value.scalar.seriesValue) }
            series.append(recorder.series)
            quantities.append(Quantity("\(label): e at the first sample checked", kept[0].value.scalar.quantityValue))
            quantities.append(Quantity("\(label): e at the last sample", kept[kept.count - 1].value.scalar.quantityValue))
        }
        var checked = "\(observable) at \(SampleListDescription.text(kept.map(\.place))) is \(direction.rawValue)"
            + " (\(direction.neighbourRelation)"
            + (OrderMargin.toleranceText(tolerance, strict: direction.isStrict).map { " up to \($0)" } ?? "") + ")"
        if let derivatives {
            let keptRates = from.map { start in derivatives.filter { $0.place.isAtOrAfter(start) } } ?? derivatives
            guard !keptRates.isEmpty else { throw PropertyError("\(label): no samples of d/dt") }
            var worst = Scalar(propertyValue: 0), at = 0, entry = 0
            for (k, rate) in keptRates.enumerated() {
                for (i, r) in rate.value.entries.enumerated() {
                    let signed = direction.falls ? -r : r
                    if signed < worst || (k == 0 && i == 0) { worst = signed; at = k; entry = i }
                }
            }
            quantities.append(Quantity(direction.falls ? "\(label): min over samples of −d/dt e"
                                                       : "\(label): min over samples of d/dt e", worst.quantityValue))
            let rateMargin = OrderMargin(smallest: worst, strict: direction.isStrict).margin
            if PropertyOutcome.isSmaller(rateMargin, than: margin) {
                margin = rateMargin
                place = "d/dt at \(keptRates[at].place)"
                    + (keptRates[at].value.entryDescription(entry).map { ", \($0)" } ?? "")
            }
            checked += ", and the sign of d/dt \(observable) = Σ_X ⟨∂e/∂X, Ẋ⟩ at the same times"
        }
        return PropertyOutcome(checked: checked, margin: margin, place: place, quantities: quantities, series: series)
    }
}
