import LinearAlgebra
import MultiPrecision
import Models

/// `coarse-gradient-correlation`: the expected coarse gradient of the two-linear-layer binary-activation model
/// correlates positively with the true population gradient (Yin, Zhang, Lyu, Osher, Qi, Xin, "Blended coarse
/// gradient descent", Res. Math. Sci. 2019; docs/theory.md §6.4): ⟨E_Z[g], ∇_w f⟩ ≥ 0, and > 0 when vᵀv* ≠ 0 and
/// 0 < θ < π. The model is `CoarseGradientModel`; every quantity comes from its closed forms at the working
/// precision.
///
/// By `claim`:
/// - `"nonnegative"`: margin ⟨E g, ∇_w f⟩ + tolerance.
/// - `"positive"`: the strict claim, decided as ⟨E g, ∇_w f⟩ ≥ tolerance (set a tolerance > 0 far below the values
///   of the true instances); margin ⟨E g, ∇_w f⟩ − tolerance. At vᵀv* = 0 the correlation is exactly 0 (vᵀv* is
///   exact) and the margin is −tolerance: the known-false twin.
/// - `"every-sample"`: the known-false twin "every single-sample coarse gradient correlates positively": ⟨g(Z_s),
///   ∇_w f⟩ for `samples` seeded Gaussian inputs Z_s; margin min_s ⟨g(Z_s), ∇_w f⟩ + tolerance (the first negative
///   sample, found on rounded signs, is only reported).
public struct CoarseGradientCorrelationKind: ClaimKind {
    public init() {}

    public var name: String { "coarse-gradient-correlation" }

    public var summary: String {
        "two-linear-layer binary-activation model, Gaussian input: ⟨E_Z[coarse gradient], ∇_w f⟩ ≥ 0 (Yin et al. 2019)"
    }

    public var method: String {
        """
        Evaluates the closed forms of docs/theory.md §6.4 in MPFR at the working precision p: θ = atan2(√D, w·w*) with \
        the Gram determinant D exact, the population loss f, ∇_w f, E_Z[g] for the coarse gradient g with the ReLU \
        straight-through estimator, their inner product ⟨E g, ∇_w f⟩, and beside it the simplified closed form \
        (vᵀv*)² sin θ/(4π√(2π)‖w‖). Every rational ingredient (vᵀv*, ‖v‖², 𝟙ᵀv, w·w*) is exact, so the correlation \
        is exactly 0 when vᵀv* = 0. Margin: ⟨E g, ∇f⟩ + tolerance ("nonnegative"), ⟨E g, ∇f⟩ − tolerance \
        ("positive", the strict claim), or, for "every-sample", min_s ⟨g(Z_s), ∇f⟩ + tolerance over the seeded \
        Gaussian samples Z_s (the first sample with a negative inner product is reported beside it). Everything is \
        computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The parameters and the claim.
    public var parameters: [ParameterSpec] {
        let vectors: [(String, String)] = [("v", "the second-layer weights v (m entries)"),
                                           ("v_star", "the teacher's second layer v* (m entries)"),
                                           ("w", "the first-layer weights w (n entries)"),
                                           ("w_star", "the teacher's first layer w* (n entries; not parallel to w)")]
        return vectors.map { key, help in
            ParameterSpec(key, section: .model, type: .matrix, default: .matrix(.random),
                          help: help + ", one row or column, exact; \"random\": entries k/10, k in −20…20, from `seed`")
        } + ParameterSpec.list(Self.m, Self.n, Self.seed, Self.claim, Self.samples, Self.sampleSeed)
    }

    /// The vectors are exact rows or columns of matching lengths, w not parallel to w*.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        for key in ["v", "v_star", "w", "w_star"] {
            if case let .exact(x, origin)? = parameters.matrix(key), !(x.rowCount == 1 || x.columnCount == 1) {
                throw ParameterProblem(key: key, .dimensionMismatch("\(key) (\(origin)) is \(x.shape); it must be one row or one column"))
            }
        }
        for (vectorKey, sizeKey) in [("v", "m"), ("v_star", "m"), ("w", "n"), ("w_star", "n")] {
            if case let .exact(x, _)? = parameters.matrix(vectorKey), let size = parameters.integer(sizeKey), size != x.elements.count {
                throw ParameterProblem(key: sizeKey, .dimensionMismatch("\(sizeKey) = \(size), but \(vectorKey) has \(x.elements.count) entries"))
            }
        }
        if parameters[Self.claim] != "every-sample" {
            for key in ["samples", "sample_seed"] where parameters.has(key) {
                throw ParameterProblem(key: key, .invalidValue("\(key) goes with claim = \"every-sample\""))
            }
        }
        do { _ = try Self.model(parameters) } catch {
            let key = if case .sizeMismatch = error { "v_star" } else { "w" }
            throw ParameterProblem(key: key, .invalidValue(error.description))
        }
    }

    /// The instance's model: the given exact vectors, or seeded random ones.
    static func model(_ parameters: InstanceParameters) throws(CoarseGradientModelError) -> CoarseGradientModel {
        var rng = SeededGenerator(seed: UInt64(parameters[Self.seed]))
        func vector(_ key: String, count: Int) -> [Rational] {
            if case let .exact(x, _)? = parameters.matrix(key) { return x.elements }
            return (0..<count).map { _ in Rational(numerator: BigInt(rng.uniform(in: -20...20)), denominator: 10) }
        }
        let m = parameters[Self.m] ?? 4, n = parameters[Self.n] ?? 3
        return try CoarseGradientModel(v: vector("v", count: m), vStar: vector("v_star", count: m),
                                       w: vector("w", count: n), wStar: vector("w_star", count: n))
    }

    /// Evaluates the closed forms (and the samples) at the task's precision.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let model = try Self.model(parameters)
        let gradient = model.populationGradient, expected = model.expectedCoarseGradient
        let inner = zip(expected, gradient).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 }
        let closedForm = model.correlation
        let tolerance = BigFloat(context.tolerance)
        var quantities = [
            Quantity("vᵀv*", .exact(model.vDotVStar)),
            Quantity("θ = ∠(w, w*)", .rounded(model.theta)),
            Quantity("f(v, w)", .rounded(model.populationLoss)),
        ]
        quantities += expected.indices.map { Quantity("E_Z[g]_\($0 + 1)", .rounded(expected[$0])) }
        quantities += gradient.indices.map { Quantity("(∇_w f)_\($0 + 1)", .rounded(gradient[$0])) }
        quantities += [
            Quantity("⟨E_Z[g], ∇_w f⟩", .rounded(inner)),
            Quantity("(vᵀv*)² sin θ / (4π√(2π)‖w‖)", .rounded(closedForm)),
            Quantity("|⟨E_Z[g], ∇_w f⟩ − closed form|", .rounded(BigFloat.abs(inner - closedForm))),
        ]
        var statistics = ["m": "\(model.m)", "n": "\(model.n)"]
        let margin: BigFloat, location: String?
        switch parameters[Self.claim] {
        case "positive":
            margin = inner - tolerance
            location = nil
        case "every-sample":
            let count = parameters[Self.samples] ?? 100
            var sampler = GaussianSampler(seed: UInt64(parameters[Self.sampleSeed] ?? 1))
            var firstNegative: Int?, firstNegativeValue: BigFloat?, smallest: BigFloat?, smallestAt = 0, negatives = 0, zeros = 0
            for s in 0..<count {
                try context.checkpoint()
                let z = Matrix<BigFloat>(rows: model.m, columns: model.n) { _, _ in sampler.next() }
                let g = model.coarseGradient(z)
                var value = BigFloat(0)
                for k in g.indices { value.addProduct(g[k], gradient[k]) }
                if value.isZero { zeros += 1 }
                if value < 0 {
                    negatives += 1
                    if firstNegative == nil { firstNegative = s + 1; firstNegativeValue = value }
                }
                if smallest == nil || value < smallest! { smallest = value; smallestAt = s + 1 }
            }
            // The margin is the minimum over all samples (a continuous function of the values); which sample is the
            // first negative one is decided on rounded signs and only reported.
            let decisive = smallest!
            margin = decisive + tolerance
            location = "sample \(smallestAt) of \(count) (sample_seed = \(parameters[Self.sampleSeed] ?? 1))"
            quantities += [
                Quantity("first sample s with ⟨g(Z_s), ∇_w f⟩ < 0 (0: none)", .exact(Rational(firstNegative ?? 0))),
                Quantity("⟨g(Z_s), ∇_w f⟩ at that sample", .rounded(firstNegativeValue ?? decisive)),
                Quantity("min_s ⟨g(Z_s), ∇_w f⟩", .rounded(decisive)),
                Quantity("samples with ⟨g(Z_s), ∇_w f⟩ < 0", .exact(Rational(negatives))),
                Quantity("samples with g(Z_s) = 0 exactly (outputs agree)", .exact(Rational(zeros))),
            ]
            statistics["samples"] = "\(count)"
        default:
            margin = inner + tolerance
            location = nil
        }
        return Evaluation(quantities: quantities, margin: .rounded(margin), location: location, statistics: statistics)
    }
}

extension CoarseGradientCorrelationKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case "positive": return "⟨E_Z[g], ∇_w f⟩ > 0 (decided as ≥ tolerance), from the closed forms"
        case "every-sample":
            return "⟨g(Z_s), ∇_w f⟩ ≥ 0 for each of \(p.written(Self.samples, absent: "the")) seeded Gaussian samples Z_s"
        default: return "⟨E_Z[g], ∇_w f⟩ ≥ 0 (up to the tolerance), from the closed forms"
        }
    }
}

extension CoarseGradientCorrelationKind {
    static let m = OptionalParameter<Int>("m", .model, type: .integer(1...64),
        help: "m (rows of Z, entries of v) for random v, v* (default 4)")

    static let n = OptionalParameter<Int>("n", .model, type: .integer(2...64),
        help: "n (columns of Z, entries of w) for random w, w* (default 3)")

    static let seed = Parameter<Int>("seed", .model, type: .integer(0...(1 << 53)), default: 0,
        help: "the seed of random v, v*, w, w*")

    static let claim = Parameter<String>("claim", .check, type: .choice(["nonnegative", "positive", "every-sample"]),
        default: "nonnegative", variable: false,
        help: "\"nonnegative\": ⟨E g, ∇f⟩ ≥ 0; \"positive\": ⟨E g, ∇f⟩ ≥ tolerance > 0 (strict); \"every-sample\": ⟨g(Z), ∇f⟩ ≥ 0 for every sample Z (known false)")

    static let samples = OptionalParameter<Int>("samples", .check, type: .integer(1...100_000),
        help: "for \"every-sample\": the number of seeded Gaussian inputs Z (default 100)")

    static let sampleSeed = OptionalParameter<Int>("sample_seed", .check, type: .integer(0...(1 << 53)),
        help: "for \"every-sample\": the seed of the inputs Z (default 1)")
}
