import MultiPrecision

/// The smallest signed step of a sequence in a direction: min_k (e_k − e_{k+1}) for falling directions,
/// min_k (e_{k+1} − e_k) for rising ones, over all entries, and where it is: the reduction behind `monotone` and
/// `trend`.
struct OrderedSteps<Scalar: PropertyScalar> {
    /// The smallest step (≥ 0 when the order holds).
    var smallest: Scalar
    /// The index k of the pair (k, k + 1) of the smallest step.
    var pair: Int
    /// Its entry (row-major).
    var entry: Int

    /// - Throws: `PropertyError` with fewer than two values or shapes that differ.
    init(_ values: [ObservedValue<Scalar>], direction: MonotoneDirection, what: String) throws(PropertyError) {
        guard values.count >= 2 else {
            throw PropertyError("\(what): an order needs at least two samples, found \(values.count)")
        }
        var best = Scalar(propertyValue: 0), pair = 0, entry = 0
        var step = Scalar(propertyValue: 0)
        for k in 0..<(values.count - 1) {
            let a = values[k], b = values[k + 1]
            guard a.rows == b.rows, a.columns == b.columns else {
                throw PropertyError("\(what): a \(a.shapeDescription) value followed by a \(b.shapeDescription) one")
            }
            for i in a.entries.indices {
                if direction.falls { step.formDifference(a.entries[i], b.entries[i]) }
                else { step.formDifference(b.entries[i], a.entries[i]) }
                if step < best || (k == 0 && i == 0) { best = step; pair = k; entry = i }
            }
        }
        smallest = best
        self.pair = pair
        self.entry = entry
    }

    /// The margin (`OrderMargin`) and its place: between the places of the pair (and the entry, for matrices of
    /// the shape of `shape`), with a strict direction's tie noted.
    func margin(_ places: [SamplePlace], shape: ObservedValue<Scalar>, direction: MonotoneDirection,
                tolerance: Rational) -> (margin: QuantityValue, place: String) {
        let fold = OrderMargin(smallest: smallest, strict: direction.isStrict, tolerance: tolerance)
        let place = "between \(places[pair]) and \(places[pair + 1])"
            + (shape.entryDescription(entry).map { ", \($0)" } ?? "")
        return (fold.margin, place + (fold.tie ? " (equal values: not strictly \(direction.rawValue))" : ""))
    }
}
