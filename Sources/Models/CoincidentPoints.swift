import MultiPrecision

/// Labelled points of which some may coincide: the distinct points with the labels of their first occurrences, and
/// the lower bound that coinciding points with different labels put on every fit. For every function c,
///
///     max_i |c(x_i) − y_i| ≥ max over groups of equal points of (max y − min y)/2,
///
/// since c takes one value on a group, and one value misses the group's largest or smallest label by at least half
/// their gap.
public struct CoincidentPoints: Sendable {
    /// The distinct points, in the order of their first occurrences.
    public private(set) var distinct: [[Rational]] = []
    /// The labels of those first occurrences.
    public private(set) var distinctLabels: [Rational] = []
    /// The lower bound on max_i |c(x_i) − y_i| for every function c (0 when no coinciding points differ in label).
    public private(set) var misfitBound = Rational(0)
    /// The coinciding points (i, k), i < k (0-based), whose labels give the bound, when it is positive.
    public private(set) var conflict: (Int, Int)?

    /// Groups `points` with their `labels` (as many labels as points).
    public init(_ points: [[Rational]], labels: [Rational]) {
        var groups: [[Rational]: (min: Rational, max: Rational, minAt: Int, maxAt: Int)] = [:]
        for (i, point) in points.enumerated() {
            guard var g = groups[point] else {
                groups[point] = (labels[i], labels[i], i, i)
                distinct.append(point)
                distinctLabels.append(labels[i])
                continue
            }
            if labels[i] < g.min { g.min = labels[i]; g.minAt = i }
            if labels[i] > g.max { g.max = labels[i]; g.maxAt = i }
            groups[point] = g
            if (g.max - g.min) / 2 > misfitBound {
                misfitBound = (g.max - g.min) / 2
                conflict = (min(g.minAt, g.maxAt), max(g.minAt, g.maxAt))
            }
        }
    }
}
