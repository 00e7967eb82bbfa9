import MultiPrecision

/// `trend`: a quantity measured at the end of one run per value of a parameter (in the listed order) is monotone
/// in that order: the ℓ1 norm of a limit falling with the initialization scale, for instance.
///
/// Margin: as for `MonotoneProperty` over the runs: min_i (e_i − e_{i+1}) for falling directions, min_i
/// (e_{i+1} − e_i) for rising ones, plus the tolerance for the non-strict ones; a strict direction in exact
/// arithmetic with a tie has margin −1.
public struct TrendProperty: Sendable {
    /// The label of the property in reports.
    public var label: String
    /// The observable's text.
    public var observable: String
    /// The swept parameter's name.
    public var parameter: String
    /// The direction along the listed values.
    public var direction: MonotoneDirection
    /// The slack of the non-strict directions.
    public var tolerance: Rational = 0

    /// Checks the end values, one per parameter value, in the listed order.
    ///
    /// - Throws: `PropertyError` with fewer than two runs or shapes that differ.
    public func evaluate<Scalar: PropertyScalar>(_ runs: [(value: Rational, result: ObservedValue<Scalar>)]) throws(PropertyError) -> PropertyOutcome {
        let steps = try OrderedSteps(runs.map(\.result), direction: direction, what: label)
        let places = runs.map { SamplePlace.parameter(name: parameter, value: $0.value) }
        let (margin, place) = steps.margin(places, shape: runs[0].result, direction: direction, tolerance: tolerance)
        var quantities = [Quantity("\(label): smallest step in the stated direction", steps.smallest.quantityValue)]
        var series: [Series] = []
        if runs[0].result.isScalar {
            for (i, run) in runs.enumerated() {
                quantities.append(Quantity("\(label): e at the end of run \(i + 1)", run.result.scalar.quantityValue))
            }
            var recorder = SeriesRecorder(name: "\(label) trend", xLabel: parameter, yLabel: observable, logarithmic: false)
            for (place, run) in zip(places, runs) { recorder.append(x: place.abscissa, y: run.result.scalar.seriesValue) }
            series.append(recorder.series)
        }
        return PropertyOutcome(
            checked: "\(observable) at the end of the run is \(direction.rawValue) over \(parameter) = "
                + runs.map { ExactDecimal.text($0.value) ?? $0.value.description }.joined(separator: ", ")
                + " (in this order)",
            margin: margin, place: place, quantities: quantities, series: series)
    }
}
