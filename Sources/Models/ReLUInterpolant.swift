import MultiPrecision

/// The two-layer ReLU network of Zhang, Bengio, Hardt, Recht and Vinyals (ICLR 2017, Theorem 1; docs/theory.md §6.1)
/// that fits n labels on n points in d dimensions with 2n + d weights, built in exact rational arithmetic:
///
///     c(x) = Σ_{j=1}^k w_j · max(⟨a, x⟩ − b_j, 0),        parameters a ∈ Qᵈ, b ∈ Qᵏ, w ∈ Qᵏ  (k = n: 2n + d weights)
///
/// Construction: with the projections z_i = ⟨a, x_i⟩ pairwise distinct and sorted, z_(1) < … < z_(n), the biases
/// interleave them, b_1 = z_(1) − 1 < z_(1) < b_2 = (z_(1) + z_(2))/2 < z_(2) < …, so that M_ij = max(z_(i) − b_j, 0)
/// is lower triangular with a positive diagonal, and M w = y is solved by forward substitution. With k < n hidden
/// units the same construction fits the k points of smallest projection only (the known-false twin of issue 11).
public struct ReLUInterpolant: Sendable, Equatable {
    /// The first-layer direction a (d entries).
    public let direction: [Rational]
    /// The biases b_1 < … < b_k.
    public let biases: [Rational]
    /// The output weights w_1 … w_k.
    public let outputWeights: [Rational]

    /// The number of weights, 2k + d (a, b and w).
    public var weightCount: Int { 2 * biases.count + direction.count }

    /// Builds the network for `points` (n points, d coordinates each) and `labels` (n values) along `direction`,
    /// with `hiddenUnits` units (n by default).
    ///
    /// - Throws: `ReLUInterpolantError` when the sizes do not fit or two projections ⟨a, x_i⟩ coincide.
    public init(fitting points: [[Rational]], labels: [Rational], direction: [Rational],
                hiddenUnits: Int? = nil) throws(ReLUInterpolantError) {
        let n = points.count
        guard n > 0, labels.count == n else { throw .sizeMismatch(points: n, labels: labels.count) }
        guard points.allSatisfy({ $0.count == direction.count }) else { throw .dimensionMismatch(direction: direction.count) }
        let k = min(hiddenUnits ?? n, n)
        guard k >= 1 else { throw .noHiddenUnits }
        let z = points.map { Self.projection($0, direction) }
        let order = z.indices.sorted { z[$0] < z[$1] }
        for (i, j) in zip(order, order.dropFirst()) where z[i] == z[j] { throw .tiedProjections(min(i, j), max(i, j)) }
        let sorted = order.map { z[$0] }
        var b = [sorted[0] - 1]
        for j in 1..<k { b.append((sorted[j - 1] + sorted[j]) / 2) }
        var w = [Rational]()
        for i in 0..<k {
            var rest = labels[order[i]]
            for j in 0..<i { rest -= (sorted[i] - b[j]) * w[j] }
            w.append(rest / (sorted[i] - b[i]))
        }
        self.direction = direction
        biases = b
        outputWeights = w
    }

    /// The network's output c(x), exactly.
    public func callAsFunction(_ x: [Rational]) -> Rational {
        let z = Self.projection(x, direction)
        var sum = Rational(0)
        for (b, w) in zip(biases, outputWeights) where z > b { sum += w * (z - b) }
        return sum
    }

    /// max_i |c(x_i) − y_i| over `points` and their `labels`, and the first i (0-based) where it is reached (`nil`
    /// when every label is fitted exactly).
    public func largestResidual(_ points: [[Rational]], labels: [Rational]) -> (value: Rational, at: Int?) {
        var worst = (value: Rational(0), at: Int?.none)
        for (i, point) in points.enumerated() {
            let residual = (self(point) - labels[i]).magnitude
            if residual > worst.value { worst = (residual, i) }
        }
        return worst
    }

    /// ⟨a, x⟩, exactly.
    public static func projection(_ x: [Rational], _ a: [Rational]) -> Rational {
        zip(x, a).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
    }

    /// The smallest gap z_(i+1) − z_(i) between the sorted projections z_i = ⟨a, x_i⟩ (0 for fewer than two points);
    /// positive exactly when `separates(points, along: direction)`.
    public static func smallestGap(_ points: [[Rational]], along direction: [Rational]) -> Rational {
        let z = points.map { projection($0, direction) }.sorted()
        guard z.count > 1 else { return 0 }
        return zip(z, z.dropFirst()).reduce(z[1] - z[0]) { min($0, $1.1 - $1.0) }
    }

    /// Whether the projections of `points` on `direction` are pairwise distinct (checked exactly).
    public static func separates(_ points: [[Rational]], along direction: [Rational]) -> Bool {
        Set(points.map { projection($0, direction) }).count == points.count
    }

    /// A direction with pairwise distinct projections of the (pairwise distinct) `points`: first up to 16 random
    /// integer vectors with entries in −9…9 from `generator` (the paper's "random a"), then the moment curve
    /// a(t) = (1, t, …, t^{d−1}) for t = 1, 2, …, which always succeeds within C(n, 2)(d − 1) + 1 values of t:
    /// ⟨a(t), x_i − x_k⟩ is a nonzero polynomial of degree ≤ d − 1 in t for x_i ≠ x_k, with at most d − 1 roots.
    ///
    /// - Returns: the direction and the number of directions tried; `nil` only if two points coincide.
    public static func separatingDirection(for points: [[Rational]], dimension d: Int,
                                           generator: inout SeededGenerator) -> (direction: [Rational], tries: Int)? {
        for attempt in 1...16 {
            let a = (0..<d).map { _ in Rational(generator.uniform(in: -9...9)) }
            if separates(points, along: a) { return (a, attempt) }
        }
        let n = points.count
        let bound = n * (n - 1) / 2 * max(d - 1, 0) + 1
        for t in 1...max(bound, 1) {
            var power = Rational(1)
            let a = (0..<d).map { _ -> Rational in defer { power *= Rational(t) }; return power }
            if separates(points, along: a) { return (a, 16 + t) }
        }
        return nil
    }
}

/// Why the network of `ReLUInterpolant` cannot be built.
public enum ReLUInterpolantError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The numbers of points and labels differ (or there are no points).
    case sizeMismatch(points: Int, labels: Int)
    /// A point does not have as many coordinates as the direction.
    case dimensionMismatch(direction: Int)
    /// No hidden units were asked for.
    case noHiddenUnits
    /// Points i and k (0-based) have the same projection ⟨a, x⟩.
    case tiedProjections(Int, Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .sizeMismatch(points, labels): return "\(points) points but \(labels) labels"
        case let .dimensionMismatch(d): return "every point needs \(d) coordinates (the length of the direction a)"
        case .noHiddenUnits: return "the network needs at least one hidden unit"
        case let .tiedProjections(i, k):
            return "points \(i + 1) and \(k + 1) have the same projection ⟨a, x⟩: choose another direction a"
        }
    }
}
