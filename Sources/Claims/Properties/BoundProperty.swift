import MultiPrecision

/// `bound` and `at`: lhs ≤ rhs (or <, ≥, >) at every sample, at the last sample, or at one stated place (entrywise
/// for matrices).
///
/// Margin: min over the samples checked and the entries of the signed gap (rhs − lhs for ≤ and <, lhs − rhs for ≥
/// and >), plus the tolerance for the non-strict relations (default 0). A strict relation in exact arithmetic with
/// a zero gap is violated: margin −1 by convention, with the place of the tie.
public struct BoundProperty: Sendable {
    /// Which samples are checked.
    public enum Scope: Sendable, Equatable {
        /// Every sample.
        case along
        /// The last sample.
        case atEnd
        /// The sample at this place (`at`).
        case at(SamplePlace)
    }

    /// The label of the property in reports.
    public var label: String
    /// The left side's text.
    public var lhs: String
    /// The relation.
    public var relation: Relation
    /// The right side's text.
    public var rhs: String
    /// Which samples.
    public var scope: Scope = .along
    /// The slack of the non-strict relations.
    public var tolerance: Rational = 0

    /// Checks lhs_k against rhs_k at the samples of `scope`.
    ///
    /// - Throws: `PropertyError` when no sample is in scope, or shapes or counts differ.
    public func evaluate<Scalar: PropertyScalar>(_ left: [Observation<Scalar>],
                                                 _ right: [ObservedValue<Scalar>]) throws(PropertyError) -> PropertyOutcome {
        guard left.count == right.count, !left.isEmpty else {
            throw PropertyError("\(label): \(left.count) samples of the left side against \(right.count) of the right")
        }
        let indices: [Int]
        switch scope {
        case .along: indices = Array(left.indices)
        case .atEnd: indices = [left.count - 1]
        case let .at(place):
            guard let k = left.firstIndex(where: { $0.place == place }) else {
                throw PropertyError("\(label): the run has no sample at \(place)")
            }
            indices = [k]
        }
        var best = Scalar(propertyValue: 0), at = indices[0], entry = 0, first = true
        var gap = Scalar(propertyValue: 0)
        var series = SeriesRecorder(name: "\(label) gap", xLabel: left[0].place.axisLabel,
                                    yLabel: relation == .lessOrEqual || relation == .less ? "(\(rhs)) − (\(lhs))" : "(\(lhs)) − (\(rhs))",
                                    logarithmic: false)
        for k in indices {
            let a = left[k].value, b = right[k]
            if b.isScalar != a.isScalar || (!b.isScalar && (a.rows != b.rows || a.columns != b.columns)) {
                guard b.isScalar || a.isScalar else {
                    throw PropertyError("\(label): a \(a.shapeDescription) side compared with a \(b.shapeDescription) one")
                }
            }
            let count = max(a.entries.count, b.entries.count)
            var smallest: Scalar?
            for i in 0..<count {
                let x = a.entries[a.isScalar ? 0 : i], y = b.entries[b.isScalar ? 0 : i]
                if relation == .lessOrEqual || relation == .less { gap.formDifference(y, x) } else { gap.formDifference(x, y) }
                if smallest == nil || gap < smallest! { smallest = gap }
                if first || gap < best { best = gap; at = k; entry = i; first = false }
            }
            series.append(x: left[k].place.abscissa, y: smallest!.seriesValue)
        }
        let fold = OrderMargin(smallest: best, strict: relation.isStrict, tolerance: tolerance)
        let shape = left[at].value.isScalar ? right[at] : left[at].value
        let place = [left[at].place.description, shape.entryDescription(entry)].compactMap { $0 }.joined(separator: ", ")
            + (fold.tie ? " (equality: the strict relation fails)" : "")
        let which: String
        switch scope {
        case .along: which = "at \(SampleListDescription.text(left.map(\.place)))"
        case .atEnd: which = "at the end, \(left[left.count - 1].place)"
        case let .at(p): which = "at \(p)"
        }
        return PropertyOutcome(
            checked: "\(lhs) \(relation.symbol) \(rhs) \(which)"
                + (OrderMargin.toleranceText(tolerance, strict: relation.isStrict).map { " (tolerance \($0))" } ?? ""),
            margin: fold.margin, place: place,
            quantities: [Quantity("\(label): smallest signed gap", best.quantityValue)],
            series: scope == .along ? [series.series] : [])
    }
}
