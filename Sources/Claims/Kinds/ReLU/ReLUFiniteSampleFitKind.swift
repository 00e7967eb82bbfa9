import LinearAlgebra
import MultiPrecision
import Models

/// `relu-finite-sample-fit`: Zhang, Bengio, Hardt, Recht, Vinyals (ICLR 2017), Theorem 1, built exactly; docs/theory.md §6.1.
public struct ReLUFiniteSampleFitKind: ClaimKind, DescribedKind {
    static let inputs = Parameter<MatrixSource>("X", .model, type: .matrix, default: .random,
        help: "the n points as the rows of an n × d matrix (inline, .csv/.json), or \"random\" (from `seed`: entries p/q, p in −20…20, q in 1…8, a point equal to an earlier one is redrawn)")
    static let measured = Parameter<MatrixSource>("y", .model, type: .matrix, default: .random,
        help: "the n labels, one row or one column (inline, .csv/.json), or \"random\" (entries p/q as for X)")
    static let samples = OptionalParameter<Int>("samples", .model, 1...200, help: "n for random data (default 8)")
    static let dimension = OptionalParameter<Int>("dimension", .model, 1...50, help: "d for random data (default 3)")
    static let seed = Parameter<Int>("seed", .model, 0...(1 << 53), default: 0,
        help: "the seed of random data and of the random directions tried")
    static let tiedPoints = Parameter<Int>("tied_points", .model, 0...100, default: 0,
        help: "for random data: the last k points are copies of the first k, with their own labels (≠ the original's): the known-false twin")
    static let direction = OptionalParameter<MatrixSource>("direction", .model, type: .matrix,
        help: "the direction a (d entries, one row or column); by default a seeded random integer vector, then the moment curve")
    static let hiddenUnits = OptionalParameter<Int>("hidden_units", .model, 1...200,
        help: "the number k of hidden units (default n: 2n + d weights); k < n is the known-false twin")

    public static let about = KindDescription("relu-finite-sample-fit",
        summary: "two-layer ReLU network with 2n + d weights fits n labels on n points in d dimensions exactly (Zhang et al. 2017)",
        method: """
        In exact rational arithmetic: finds a direction a whose projections z_i = ⟨a, x_i⟩ are pairwise distinct \
        (seeded random integer vectors, then the moment curve (1, t, …, t^{d−1}), which always succeeds; \
        distinctness is checked exactly and reported as the smallest gap between sorted projections), interleaves \
        the biases b_1 = z_(1) − 1, b_j = (z_(j−1) + z_(j))/2, solves the lower-triangular system \
        max(z_(i) − b_j, 0) w = y by forward substitution and evaluates c(x_i) for every point. Margin: \
        tolerance − max_i |c(x_i) − y_i| (0 for the exact fit). Coinciding points with different labels make every \
        function fail by at least half the label gap; that lower bound is the margin then (FAIL at the tied pair). \
        No rounding, no error estimate.
        """)

    public var arithmetic: Arithmetic { .exact }

    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.inputs, Self.measured, Self.samples, Self.dimension, Self.seed, Self.tiedPoints,
            Self.direction, Self.hiddenUnits)
    }

    /// Shapes of X, y and the direction fit; random sizes go with random data; enough points to tie.
    public func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        if case .exact = p[Self.inputs] {
            for size in [Self.samples, Self.dimension] where p.has(size) {
                throw ParameterProblem(key: size.spec.name, .invalidValue("\(size.spec.name) goes with X = \"random\""))
            }
            if p[Self.tiedPoints] != 0 {
                throw ParameterProblem(key: Self.tiedPoints.spec.name, .invalidValue("tied_points goes with X = \"random\" (write the repeated rows into X)"))
            }
        }
        let (n, d) = Self.sizes(p)
        if let y = try p.vector(Self.measured), y.count != n {
            throw ParameterProblem(key: Self.measured.spec.name, .dimensionMismatch("y has \(y.count) entries but there are \(n) points"))
        }
        if case .random? = p[Self.direction] {
            throw ParameterProblem(key: Self.direction.spec.name, .invalidValue("leave direction out for a seeded random direction"))
        }
        if let a = try p.vector(Self.direction), a.count != d {
            throw ParameterProblem(key: Self.direction.spec.name, .dimensionMismatch("direction has \(a.count) entries; the points have \(d) coordinates"))
        }
        if 2 * p[Self.tiedPoints] > n {
            throw ParameterProblem(key: Self.tiedPoints.spec.name, .outOfRange(value: "\(p[Self.tiedPoints])", allowed: "at most n/2 = \(n / 2)"))
        }
    }

    /// The number n of points and their dimension d: X's shape, or `samples` (8) and `dimension` (3) for random X.
    static func sizes(_ p: InstanceParameters) -> (n: Int, d: Int) {
        if case let .exact(x, _) = p[inputs] { return (x.rowCount, x.columnCount) }
        let n = if let n = p[samples] { n } else { 8 }, d = if let d = p[dimension] { d } else { 3 }
        return (n, d)
    }

    /// The instance's points and labels.
    static func data(_ p: InstanceParameters) -> (points: [[Rational]], labels: [Rational]) {
        var rng = SeededGenerator(seed: UInt64(p[seed]))
        func draw() -> Rational { Rational(numerator: BigInt(rng.uniform(in: -20...20)), denominator: BigInt(rng.uniform(in: 1...8))) }
        let (n, d) = sizes(p), tied = p[tiedPoints]
        var points: [[Rational]] = []
        if case let .exact(x, _) = p[inputs] {
            points = (0..<x.rowCount).map { x.row($0) }
        } else {
            while points.count < n - tied {
                let point = (0..<d).map { _ in draw() }
                if !points.contains(point) { points.append(point) }
            }
            points += points.prefix(tied)
        }
        if case let .exact(y, _) = p[measured] { return (points, y.elements) }
        var labels = points.map { _ in draw() }
        for i in (points.count - tied)..<points.count where labels[i] == labels[i - (points.count - tied)] { labels[i] += 1 }
        return (points, labels)
    }

    /// Builds the network exactly and measures the fit.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (points, labels) = Self.data(parameters)
        let groups = CoincidentPoints(points, labels: labels), n = points.count, d = points[0].count
        try context.checkpoint()
        var rng = SeededGenerator(seed: UInt64(parameters[Self.seed]) &+ 0x5EED)
        let found: (direction: [Rational], tries: Int)? = if let a = parameters[Self.direction]?.exactMatrix { (a.elements, 1) }
            else { ReLUInterpolant.separatingDirection(for: groups.distinct, dimension: d, generator: &rng) }
        guard let (direction, tries) = found else { throw ReLUInterpolantError.tiedProjections(0, 0) }
        let network = try ReLUInterpolant(fitting: groups.distinct, labels: groups.distinctLabels, direction: direction,
                                          hiddenUnits: parameters[Self.hiddenUnits])
        let worst = network.largestResidual(points, labels: labels)
        var margin = context.tolerance - worst.value
        var location = worst.at.map { "point \($0 + 1): c(x_\($0 + 1)) = \(network(points[$0])), y_\($0 + 1) = \(labels[$0])" }
        if let (i, k) = groups.conflict {
            margin = context.tolerance - groups.misfitBound
            location = "points \(i + 1) and \(k + 1): x_\(i + 1) = x_\(k + 1) but y_\(i + 1) = \(labels[i]), y_\(k + 1) = \(labels[k])"
        }
        let quantities: [(String, Rational)] = [
            ("n (points)", Rational(n)), ("d (dimension)", Rational(d)), ("distinct points", Rational(groups.distinct.count)),
            ("weights 2k + d of the network built", Rational(network.weightCount)),
            ("min gap between sorted projections ⟨a, x_i⟩ (distinct points)", ReLUInterpolant.smallestGap(groups.distinct, along: direction)),
            ("max_i |c(x_i) − y_i|", worst.value), ("lower bound on max_i |c(x_i) − y_i| for every c (ties)", groups.misfitBound),
            ("max |weight|", (network.outputWeights + network.biases + direction).reduce(Rational(0)) { max($0, $1.magnitude) }),
        ]
        return Evaluation(quantities: quantities.map { Quantity($0, .exact($1)) }, margin: .exact(margin),
                          location: margin.isNegative ? location : nil,
                          statistics: ["direction a": "(" + direction.map(\.description).joined(separator: ", ") + ")",
                                       "directions tried": "\(tries)", "hidden units": "\(network.biases.count)"])
    }

    public func checked(_ p: InstanceParameters) -> String? {
        "max_i |c(x_i) − y_i| ≤ tolerance for the exact construction c(x) = Σ_j w_j max(⟨a, x⟩ − b_j, 0)"
            + (p.has(Self.hiddenUnits) ? " with \(p.written(Self.hiddenUnits, absent: "k")) hidden units" : "")
    }
}
