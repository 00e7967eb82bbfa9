import LinearAlgebra
import MultiPrecision
import Models

/// `relu-finite-sample-fit`: finite-sample expressivity of two-layer ReLU networks (Zhang, Bengio, Hardt, Recht,
/// Vinyals, ICLR 2017, Theorem 1; docs/theory.md §6.1): a network c(x) = Σ_j w_j max(⟨a, x⟩ − b_j, 0) with 2n + d
/// weights represents any labels on n distinct points in d dimensions. The constructive proof is carried out in
/// exact rational arithmetic and c(x_i) = y_i is checked exactly for every i.
///
/// Margin: tolerance − max_i |c(x_i) − y_i| (exactly 0 for the exact fit). When two points coincide with different
/// labels (the known-false twin "any n points"), every function c — network or not — has c(x_i) = c(x_k), so
/// max_i |c(x_i) − y_i| ≥ max over groups of equal points of (max y − min y)/2; the margin is tolerance minus that
/// lower bound, located at the tied pair: a proof of FAIL, not a numerical accident. With `hidden_units` < n the
/// claim is about the construction with fewer units (the issue's twin) and FAILs at the point it misses most.
public struct ReLUFiniteSampleFitKind: ClaimKind {
    public init() {}

    public var name: String { "relu-finite-sample-fit" }

    public var summary: String {
        "two-layer ReLU network with 2n + d weights fits n labels on n points in d dimensions exactly (Zhang et al. 2017)"
    }

    public var method: String {
        """
        In exact rational arithmetic: finds a direction a whose projections z_i = ⟨a, x_i⟩ are pairwise distinct \
        (seeded random integer vectors, then the moment curve (1, t, …, t^{d−1}), which always succeeds; \
        distinctness is checked exactly and reported as the smallest gap between sorted projections), interleaves \
        the biases b_1 = z_(1) − 1, b_j = (z_(j−1) + z_(j))/2, solves the lower-triangular system \
        max(z_(i) − b_j, 0) w = y by forward substitution and evaluates c(x_i) for every point. Margin: \
        tolerance − max_i |c(x_i) − y_i| (0 for the exact fit). Coinciding points with different labels make every \
        function fail by at least half the label gap; that lower bound is the margin then (FAIL at the tied pair). \
        No rounding, no error estimate.
        """
    }

    public var arithmetic: Arithmetic { .exact }

    /// The data, the direction and the number of hidden units.
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.inputs, Self.measured, Self.samples, Self.dimension, Self.seed, Self.tiedPoints,
            Self.direction, Self.hiddenUnits)
    }

    /// Shapes of X, y and the direction fit; random sizes go with random data; enough points to tie.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let explicitX: Matrix<Rational>?
        if case let .exact(x, _) = parameters[Self.inputs] {
            explicitX = x
            for key in ["samples", "dimension"] where parameters.has(key) {
                throw ParameterProblem(key: key, .invalidValue("\(key) goes with X = \"random\""))
            }
            if parameters[Self.tiedPoints] != 0 {
                throw ParameterProblem(key: "tied_points", .invalidValue("tied_points goes with X = \"random\" (write the repeated rows into X)"))
            }
        } else {
            explicitX = nil
        }
        let n = explicitX?.rowCount ?? parameters[Self.samples] ?? 8
        let d = explicitX?.columnCount ?? parameters[Self.dimension] ?? 3
        if case let .exact(y, origin) = parameters[Self.measured] {
            guard y.rowCount == 1 || y.columnCount == 1 else {
                throw ParameterProblem(key: "y", .dimensionMismatch("y (\(origin)) is \(y.shape); it must be one row or one column"))
            }
            guard y.elements.count == n else {
                throw ParameterProblem(key: "y", .dimensionMismatch("y has \(y.elements.count) entries but there are \(n) points"))
            }
        }
        if case let .exact(a, origin)? = parameters[Self.direction] {
            guard (a.rowCount == 1 || a.columnCount == 1), a.elements.count == d else {
                throw ParameterProblem(key: "direction", .dimensionMismatch("direction (\(origin)) is \(a.shape); it must be \(d) entries in one row or column"))
            }
        }
        if case .random? = parameters[Self.direction] {
            throw ParameterProblem(key: "direction", .invalidValue("leave direction out for a seeded random direction"))
        }
        if 2 * parameters[Self.tiedPoints] > n {
            throw ParameterProblem(key: "tied_points", .outOfRange(value: "\(parameters[Self.tiedPoints])", allowed: "at most n/2 = \(n / 2)"))
        }
    }

    /// The instance's points and labels.
    static func data(_ parameters: InstanceParameters) -> (points: [[Rational]], labels: [Rational]) {
        var rng = SeededGenerator(seed: UInt64(parameters[Self.seed]))
        func draw() -> Rational { Rational(numerator: BigInt(rng.uniform(in: -20...20)), denominator: BigInt(rng.uniform(in: 1...8))) }
        var points: [[Rational]]
        if case let .exact(x, _) = parameters[Self.inputs] {
            points = (0..<x.rowCount).map { x.row($0) }
        } else {
            let n = parameters[Self.samples] ?? 8, d = parameters[Self.dimension] ?? 3
            let tied = parameters[Self.tiedPoints]
            points = []
            while points.count < n - tied {
                let point = (0..<d).map { _ in draw() }
                if !points.contains(point) { points.append(point) }
            }
            points += points.prefix(tied)
        }
        var labels: [Rational]
        if case let .exact(y, _) = parameters[Self.measured] {
            labels = y.elements
        } else {
            labels = points.map { _ in draw() }
            let tied = parameters[Self.tiedPoints]
            for i in (points.count - tied)..<points.count where labels[i] == labels[i - (points.count - tied)] {
                labels[i] += 1
            }
        }
        return (points, labels)
    }

    /// Builds the network exactly and measures the fit.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (points, labels) = Self.data(parameters)
        let n = points.count, d = points[0].count
        // Groups of coinciding points: the first occurrence stands for the group.
        var unique: [[Rational]] = [], uniqueLabels: [Rational] = [], firstIndex: [[Rational]: Int] = [:]
        var tieBound = Rational(0), tiedPair: (Int, Int)?
        var groupLabels: [Int: (min: Rational, max: Rational, minAt: Int, maxAt: Int)] = [:]
        for (i, point) in points.enumerated() {
            if let first = firstIndex[point] {
                var g = groupLabels[first]!
                if labels[i] < g.min { g.min = labels[i]; g.minAt = i }
                if labels[i] > g.max { g.max = labels[i]; g.maxAt = i }
                groupLabels[first] = g
                let gap = (g.max - g.min) / 2
                if gap > tieBound { tieBound = gap; tiedPair = (min(g.minAt, g.maxAt), max(g.minAt, g.maxAt)) }
            } else {
                firstIndex[point] = i
                groupLabels[i] = (labels[i], labels[i], i, i)
                unique.append(point)
                uniqueLabels.append(labels[i])
            }
        }
        try context.checkpoint()
        let direction: [Rational], tries: Int
        if case let .exact(a, _)? = parameters[Self.direction] {
            direction = a.elements
            tries = 1
        } else {
            var rng = SeededGenerator(seed: UInt64(parameters[Self.seed]) &+ 0x5EED)
            guard let found = ReLUInterpolant.separatingDirection(for: unique, dimension: d, generator: &rng) else {
                throw ReLUInterpolantError.tiedProjections(0, 0)
            }
            (direction, tries) = found
        }
        let network = try ReLUInterpolant(fitting: unique, labels: uniqueLabels, direction: direction,
                                          hiddenUnits: parameters[Self.hiddenUnits])
        let sortedProjections = unique.map { ReLUInterpolant.projection($0, direction) }.sorted()
        let minimumGap = zip(sortedProjections, sortedProjections.dropFirst()).map { $1 - $0 }.min()
        var worst = Rational(0), worstAt: Int?
        for (i, point) in points.enumerated() {
            let residual = (network(point) - labels[i]).magnitude
            if residual > worst { worst = residual; worstAt = i }
        }
        let margin: Rational, location: String?
        if let (i, k) = tiedPair {
            margin = context.tolerance - tieBound
            location = "points \(i + 1) and \(k + 1): x_\(i + 1) = x_\(k + 1) but y_\(i + 1) = \(labels[i]), y_\(k + 1) = \(labels[k])"
        } else {
            margin = context.tolerance - worst
            location = worstAt.map { "point \($0 + 1): c(x_\($0 + 1)) = \(network(points[$0])), y_\($0 + 1) = \(labels[$0])" }
        }
        let largestWeight = (network.outputWeights + network.biases + direction).map(\.magnitude).max() ?? 0
        return Evaluation(
            quantities: [
                Quantity("n (points)", .exact(Rational(n))),
                Quantity("d (dimension)", .exact(Rational(d))),
                Quantity("distinct points", .exact(Rational(unique.count))),
                Quantity("weights 2k + d of the network built", .exact(Rational(network.weightCount))),
                Quantity("min gap between sorted projections ⟨a, x_i⟩ (distinct points)", .exact(minimumGap ?? 0)),
                Quantity("max_i |c(x_i) − y_i|", .exact(worst)),
                Quantity("lower bound on max_i |c(x_i) − y_i| for every c (ties)", .exact(tieBound)),
                Quantity("max |weight|", .exact(largestWeight)),
            ],
            margin: .exact(margin),
            location: margin.isNegative ? location : nil,
            statistics: [
                "direction a": "(" + direction.map(\.description).joined(separator: ", ") + ")",
                "directions tried": "\(tries)",
                "hidden units": "\(network.biases.count)",
            ]
        )
    }
}

extension ReLUFiniteSampleFitKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "max_i |c(x_i) − y_i| ≤ tolerance for the exact construction c(x) = Σ_j w_j max(⟨a, x⟩ − b_j, 0)"
            + (p.has(Self.hiddenUnits) ? " with \(p.written(Self.hiddenUnits, absent: "k")) hidden units" : "")
    }
}

extension ReLUFiniteSampleFitKind {
    static let inputs = Parameter<MatrixSource>("X", .model, type: .matrix, default: .random,
        help: "the n points as the rows of an n × d matrix (inline, .csv/.json), or \"random\" (from `seed`: entries p/q, p in −20…20, q in 1…8, a point equal to an earlier one is redrawn)")

    static let measured = Parameter<MatrixSource>("y", .model, type: .matrix, default: .random,
        help: "the n labels, one row or one column (inline, .csv/.json), or \"random\" (entries p/q as for X)")

    static let samples = OptionalParameter<Int>("samples", .model, type: .integer(1...200),
        help: "n for random data (default 8)")

    static let dimension = OptionalParameter<Int>("dimension", .model, type: .integer(1...50),
        help: "d for random data (default 3)")

    static let seed = Parameter<Int>("seed", .model, type: .integer(0...(1 << 53)), default: 0,
        help: "the seed of random data and of the random directions tried")

    static let tiedPoints = Parameter<Int>("tied_points", .model, type: .integer(0...100), default: 0,
        help: "for random data: the last k points are copies of the first k, with their own labels (≠ the original's): the known-false twin")

    static let direction = OptionalParameter<MatrixSource>("direction", .model, type: .matrix,
        help: "the direction a (d entries, one row or column); by default a seeded random integer vector, then the moment curve")

    static let hiddenUnits = OptionalParameter<Int>("hidden_units", .model, type: .integer(1...200),
        help: "the number k of hidden units (default n: 2n + d weights); k < n is the known-false twin")
}
