import LinearAlgebra
import MultiPrecision
import Models

/// `coarse-gradient-correlation`: Yin, Zhang, Lyu, Osher, Qi, Xin (Res. Math. Sci. 2019), from the closed forms; docs/theory.md §6.4.
public struct CoarseGradientCorrelationKind: ClaimKind, DescribedKind {
    /// The statement checked.
    enum Claim: String, ParameterChoice {
        case nonnegative, positive, everySample = "every-sample"
    }

    static let vectors = [("v", "the second-layer weights v (m entries)"), ("v_star", "the teacher's second layer v* (m entries)"),
                          ("w", "the first-layer weights w (n entries)"), ("w_star", "the teacher's first layer w* (n entries; not parallel to w)")]
        .map { key, help in Parameter<MatrixSource>(key, .model, type: .matrix, default: .random,
            help: help + ", one row or column, exact; \"random\": entries k/10, k in −20…20, from `seed`") }
    static let m = OptionalParameter<Int>("m", .model, 1...64, help: "m (rows of Z, entries of v) for random v, v* (default 4)")
    static let n = OptionalParameter<Int>("n", .model, 2...64, help: "n (columns of Z, entries of w) for random w, w* (default 3)")
    static let seed = Parameter<Int>("seed", .model, 0...(1 << 53), default: 0, help: "the seed of random v, v*, w, w*")
    static let claim = Parameter<Claim>("claim", .check, default: .nonnegative, variable: false,
        help: "\"nonnegative\": ⟨E g, ∇f⟩ ≥ 0; \"positive\": ⟨E g, ∇f⟩ ≥ tolerance > 0 (strict); \"every-sample\": ⟨g(Z), ∇f⟩ ≥ 0 for every sample Z (known false)")
    static let samples = OptionalParameter<Int>("samples", .check, 1...100_000,
        help: "for \"every-sample\": the number of seeded Gaussian inputs Z (default 100)")
    static let sampleSeed = OptionalParameter<Int>("sample_seed", .check, 0...(1 << 53),
        help: "for \"every-sample\": the seed of the inputs Z (default 1)")

    public static let about = KindDescription("coarse-gradient-correlation",
        summary: "two-linear-layer binary-activation model, Gaussian input: ⟨E_Z[coarse gradient], ∇_w f⟩ ≥ 0 (Yin et al. 2019)",
        method: """
        Evaluates the closed forms of docs/theory.md §6.4 in MPFR at the working precision p: θ = atan2(√D, w·w*) with \
        the Gram determinant D exact, the population loss f, ∇_w f, E_Z[g] for the coarse gradient g with the ReLU \
        straight-through estimator, their inner product ⟨E g, ∇_w f⟩, and beside it the simplified closed form \
        (vᵀv*)² sin θ/(4π√(2π)‖w‖). Every rational ingredient (vᵀv*, ‖v‖², 𝟙ᵀv, w·w*) is exact, so the correlation \
        is exactly 0 when vᵀv* = 0. Margin: ⟨E g, ∇f⟩ + tolerance ("nonnegative"), ⟨E g, ∇f⟩ − tolerance \
        ("positive", the strict claim), or, for "every-sample", min_s ⟨g(Z_s), ∇f⟩ + tolerance over the seeded \
        Gaussian samples Z_s (the first sample with a negative inner product is reported beside it). Everything is \
        computed again at p + guard bits; the difference is the error estimate.
        """)

    public var arithmetic: Arithmetic { .rounded }

    public var parameters: [ParameterSpec] {
        Self.vectors.map(\.spec) + ParameterSpec.list(Self.m, Self.n, Self.seed, Self.claim, Self.samples, Self.sampleSeed)
    }

    /// The vectors are exact rows or columns of matching lengths, w not parallel to w*.
    public func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        for (vector, size) in zip(Self.vectors, [Self.m, Self.m, Self.n, Self.n]) {
            if let x = try p.vector(vector), let count = p[size], count != x.count {
                throw ParameterProblem(key: size.spec.name, .dimensionMismatch("\(size.spec.name) = \(count), but \(vector.spec.name) has \(x.count) entries"))
            }
        }
        for extra in [Self.samples, Self.sampleSeed] where p[Self.claim] != .everySample && p.has(extra) {
            throw ParameterProblem(key: extra.spec.name, .invalidValue("\(extra.spec.name) goes with claim = \"every-sample\""))
        }
        do { _ = try Self.model(p) } catch {
            let key = if case .sizeMismatch = error { "v_star" } else { "w" }
            throw ParameterProblem(key: key, .invalidValue(error.description))
        }
    }

    /// The instance's model: the given exact vectors, or seeded random ones.
    static func model(_ p: InstanceParameters) throws(CoarseGradientModelError) -> CoarseGradientModel {
        var rng = SeededGenerator(seed: UInt64(p[Self.seed]))
        let m = if let m = p[Self.m] { m } else { 4 }, n = if let n = p[Self.n] { n } else { 3 }
        let x = zip(Self.vectors, [m, m, n, n]).map { vector, count in
            if case let .exact(x, _) = p[vector] { return x.elements }
            return (0..<count).map { _ in Rational(numerator: BigInt(rng.uniform(in: -20...20)), denominator: 10) }
        }
        return try CoarseGradientModel(v: x[0], vStar: x[1], w: x[2], wStar: x[3])
    }

    /// Evaluates the closed forms (and the samples) at the task's precision.
    public func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let model = try Self.model(p)
        let gradient = model.populationGradient, expected = model.expectedCoarseGradient
        let inner = zip(expected, gradient).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 }
        let tolerance = BigFloat(context.tolerance)
        var quantities = [Quantity("vᵀv*", .exact(model.vDotVStar)), Quantity("θ = ∠(w, w*)", .rounded(model.theta)),
                          Quantity("f(v, w)", .rounded(model.populationLoss))]
            + expected.indices.map { Quantity("E_Z[g]_\($0 + 1)", .rounded(expected[$0])) }
            + gradient.indices.map { Quantity("(∇_w f)_\($0 + 1)", .rounded(gradient[$0])) }
            + [Quantity("⟨E_Z[g], ∇_w f⟩", .rounded(inner)),
               Quantity("(vᵀv*)² sin θ / (4π√(2π)‖w‖)", .rounded(model.correlation)),
               Quantity("|⟨E_Z[g], ∇_w f⟩ − closed form|", .rounded(BigFloat.abs(inner - model.correlation)))]
        let statistics = ["m": "\(model.m)", "n": "\(model.n)"]
        guard p[Self.claim] == .everySample else {
            return Evaluation(quantities: quantities, margin: .rounded(p[Self.claim] == .positive ? inner - tolerance : inner + tolerance),
                              statistics: statistics)
        }
        let count = if let count = p[Self.samples] { count } else { 100 }, seed = if let seed = p[Self.sampleSeed] { seed } else { 1 }
        let values = try model.sampledCorrelations(count: count, seed: UInt64(seed), checkpoint: context.checkpoint)
        // The margin is the minimum over all samples (a continuous function of the values); which sample is the
        // first negative one is decided on rounded signs and only reported.
        let smallest = values.indices.dropFirst().reduce(0) { values[$1] < values[$0] ? $1 : $0 }
        var firstNegative = (sample: 0, value: values[smallest])
        if let s = values.firstIndex(where: { $0 < 0 }) { firstNegative = (s + 1, values[s]) }
        quantities += [
            Quantity("first sample s with ⟨g(Z_s), ∇_w f⟩ < 0 (0: none)", .exact(Rational(firstNegative.sample))),
            Quantity("⟨g(Z_s), ∇_w f⟩ at that sample", .rounded(firstNegative.value)),
            Quantity("min_s ⟨g(Z_s), ∇_w f⟩", .rounded(values[smallest])),
            Quantity("samples with ⟨g(Z_s), ∇_w f⟩ < 0", .exact(Rational(values.filter { $0 < 0 }.count))),
            Quantity("samples with g(Z_s) = 0 exactly (outputs agree)", .exact(Rational(values.filter(\.isZero).count))),
        ]
        return Evaluation(quantities: quantities, margin: .rounded(values[smallest] + tolerance),
                          location: "sample \(smallest + 1) of \(values.count) (sample_seed = \(seed))",
                          statistics: statistics.merging(["samples": "\(values.count)"]) { $1 })
    }

    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case .positive: "⟨E_Z[g], ∇_w f⟩ > 0 (decided as ≥ tolerance), from the closed forms"
        case .everySample: "⟨g(Z_s), ∇_w f⟩ ≥ 0 for each of \(p.written(Self.samples, absent: "the")) seeded Gaussian samples Z_s"
        case .nonnegative: "⟨E_Z[g], ∇_w f⟩ ≥ 0 (up to the tolerance), from the closed forms"
        }
    }
}
