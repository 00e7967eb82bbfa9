import MultiPrecision

/// The distribution of a per-seed quantity over the seeds of a Monte Carlo run, for the report: quantiles, a
/// histogram (as a figure series), and the seeds of the extreme realizations, so that each can be replayed as a
/// pathwise instance.
public struct SampleDistribution: Sendable {
    /// The (seed, value) pairs, in seed order.
    public let samples: [(seed: UInt64, value: Rational)]

    /// A distribution of the given samples (at least one).
    public init(samples: [(seed: UInt64, value: Rational)]) {
        precondition(!samples.isEmpty, "SampleDistribution: no samples")
        self.samples = samples
    }

    /// The sorted values.
    var sorted: [(seed: UInt64, value: Rational)] {
        samples.sorted { $0.value < $1.value || ($0.value == $1.value && $0.seed < $1.seed) }
    }

    /// The q-quantile (0 ≤ q ≤ 1) by the nearest-rank rule: the ⌈q n⌉-th smallest value (the smallest for q = 0),
    /// with its seed.
    public func quantile(_ q: Rational) -> (seed: UInt64, value: Rational) {
        let ordered = sorted
        let product = q * Rational(ordered.count)
        var rank = Int(exactly: product.numerator / product.denominator) ?? 0          // ⌊q n⌋
        if Rational(rank) < product { rank += 1 }                        // ⌈q n⌉
        return ordered[min(max(rank, 1), ordered.count) - 1]
    }

    /// The exact sample mean.
    public var mean: Rational { samples.reduce(Rational(0)) { $0 + $1.value } / Rational(samples.count) }

    /// The seeds of the `count` smallest and `count` largest values.
    public func extremeSeeds(_ count: Int) -> (smallest: [UInt64], largest: [UInt64]) {
        let ordered = sorted
        return (ordered.prefix(count).map(\.seed), ordered.suffix(count).reversed().map(\.seed))
    }

    /// A histogram with `bins` equal bins between the smallest and largest value, as a series: x = bin centres,
    /// y = counts (for figures only; no verdict reads it).
    public func histogram(name: String, label: String, bins: Int = 20) -> Series {
        let values = samples.map { Double($0.value) }
        let low = values.min()!, high = values.max()!
        let width = high > low ? (high - low) / Double(bins) : 1
        var counts = [Double](repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int((v - low) / width))] += 1 }
        return Series(name: name, xLabel: label, yLabel: "seeds", logarithmic: false,
                      x: (0..<bins).map { low + (Double($0) + 0.5) * width }, y: counts)
    }

    /// The reported quantiles: minimum, 10 %, median, 90 %, maximum, with their seeds.
    public var quantileSummary: [(label: String, seed: UInt64, value: Rational)] {
        [("min", Rational(0)), ("q10", Rational(numerator: 1, denominator: 10)), ("median", Rational(numerator: 1, denominator: 2)),
         ("q90", Rational(numerator: 9, denominator: 10)), ("max", Rational(1))].map { label, q in
            let (seed, value) = quantile(q)
            return (label, seed, value)
        }
    }
}
