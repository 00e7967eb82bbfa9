import LinearAlgebra
import Models
import MultiPrecision

/// `bures-wasserstein-dln`: Bréchet, Papagiannouli, An, Montúfar (ICML 2023), the Bures–Wasserstein loss of a linear generator (docs/theory.md §6.3).
public struct BuresWassersteinKind: ClaimKind, DescribedKind {
    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(30)), help: "the relative slack of the claimed equalities")

    public static let about = KindDescription("bures-wasserstein-dln",
        summary: "Bures–Wasserstein loss of WWᵀ against Σ_0: nuclear-norm form, gradient 2W − 2Σ_0^{1/2}UVᵀ, and min over rank ≤ k = Σ_{i>k} λ_i (reached by gradient descent)",
        method: """
        In MPFR at the working precision p: Σ_0^{1/2} and the eigenpairs of Σ_0 by Jacobi, nuclear norms by one-sided \
        Jacobi SVD. closed-forms: nuclear-norm form against the trace form tr Σ + tr Σ_0 − 2 tr((Σ_0^{1/2}ΣΣ_0^{1/2})^{1/2}) \
        at Σ = WWᵀ, and the gradient formula against central differences with h = 2^(−p/4) (the truncation O(h²) \
        shrinks with p, so the second precision measures it as part of the error estimate). minimum: B² at \
        W = [√λ_1 e_1, …, √λ_k e_k] and after `steps` gradient-descent steps from a seeded W(0) (a map through the \
        sampler), against Σ_{i>k} λ_i. The margin is tol − max(relative gaps). frobenius-minimum (known false): \
        min_{rank ≤ k} ½‖Σ − Σ_0‖²_F = ½Σ_{i>k} λ_i² against Σ_{i>k} λ_i. Everything is computed again at p + guard \
        bits; the difference is the error estimate.
        """)

    public var arithmetic: Arithmetic { .rounded }

    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.target, Self.dimension, Self.rank, Self.seed, Self.stepSize, Self.steps, Self.claim, Self.tolerance.legacy)
    }

    /// Σ_0 is square, symmetric and positive definite (Sylvester's criterion, exactly); k < d; W of full column rank.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let exact = try Self.instance(parameters), target = exact.target, w = exact.generator, d = target.rowCount
        if let size = target.firstNonpositiveLeadingMinor {
            throw ParameterProblem(key: "target", .invalidValue(
                "Σ_0 (\(parameters[Self.target].reportText)) must be positive definite; its leading \(size) × \(size) minor is not positive"))
        }
        if parameters[Self.rank] >= d {
            throw ParameterProblem(key: "rank", .outOfRange(value: "\(parameters[Self.rank])", allowed: "below the dimension d = \(d)"))
        }
        if parameters[Self.claim] == .closedForms, (try? LUDecomposition(w.transposed() * w).determinant) == Rational(0) {
            throw ParameterProblem(key: "seed", .invalidValue("the seeded W is not of full column rank; choose another seed"))
        }
    }

    /// The instance, exact: Σ_0 (given, or BBᵀ + I/4 from the seed) and the seeded W (d × k).
    static func instance(_ parameters: InstanceParameters) throws(ParameterProblem) -> SeededBuresWasserstein {
        SeededBuresWasserstein(target: try parameters[Self.target].symmetric("target", name: "Σ_0"), dimension: parameters[Self.dimension],
                               rank: parameters[Self.rank], seed: UInt64(parameters[Self.seed]))
    }

    /// Evaluates the claimed identities.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let exact = try Self.instance(parameters), d = exact.target.rowCount, k = parameters[Self.rank]
        let loss = try BuresWassersteinLoss(target: exact.target.rounded), minimum = loss.rankConstrainedMinimum(rank: k)
        var quantities = [Quantity("Σ_{i>k} λ_i(Σ_0)", .rounded(minimum))]
        quantities += loss.eigenvalues.enumerated().map { Quantity("λ_\($0.offset + 1)(Σ_0)", .rounded($0.element)) }
        var statistics = ["d": "\(d)", "k": "\(k)"], gaps: [(place: String, gap: BigFloat)] = []
        /// Records a relative gap as a quantity and a place of the margin.
        func gap(_ place: String, _ name: String, _ value: BigFloat) {
            gaps.append((place, value))
            quantities.append(Quantity(name, .rounded(value)))
        }
        let projection = loss.minimizingGenerator(rank: k), w = exact.generator.rounded
        switch parameters[Self.claim] {
        case .minimum:
            let atProjection = try loss.loss(projection)
            let traceFormAtProjection = try loss.traceFormLoss(projection * projection.transposed())
            let descent = BuresWassersteinDescent(loss: loss, rank: k, stepSize: parameters[Self.stepSize])
            let run = try TrajectorySampler(context, label: "gradient-descent").map(
                descent, from: exact.generator.elements, steps: parameters[Self.steps], every: max(1, parameters[Self.steps]))
            let afterDescent = try loss.loss(Matrix(rows: d, columns: k, elements: run.final))
            quantities.append(Quantity("B²(Σ_k, Σ_0), Σ_k top-k eigenprojection (nuclear-norm form)", .rounded(atProjection)))
            gap("top-k eigenprojection", "|B²(Σ_k, Σ_0) − Σ_{i>k} λ_i| / Σ_{i>k} λ_i", BigFloat.abs(atProjection - minimum) / minimum)
            quantities += [
                Quantity("trace form at Σ_k minus nuclear-norm form (rank-deficient Σ: about half the digits lost)",
                         .rounded(traceFormAtProjection - atProjection)),
                Quantity("B²(W(K)W(K)ᵀ, Σ_0) after the GD steps", .rounded(afterDescent)),
            ]
            gap("after the GD steps", "|B²(W(K)) − Σ_{i>k} λ_i| / Σ_{i>k} λ_i", BigFloat.abs(afterDescent - minimum) / minimum)
            statistics["steps"] = "\(parameters[Self.steps])"
        case .frobeniusMinimum:
            let difference = projection * projection.transposed() - loss.target
            let frobenius = difference.frobeniusInnerProduct(difference) / BigFloat(2)
            quantities.append(Quantity("min_{rank ≤ k} ½‖Σ − Σ_0‖²_F (at Σ_k)", .rounded(frobenius)))
            gap("top-k eigenprojection", "|½‖Σ_k − Σ_0‖²_F − Σ_{i>k} λ_i| / Σ_{i>k} λ_i", BigFloat.abs(frobenius - minimum) / minimum)
        case .closedForms:
            let nuclearForm = try loss.loss(w), traceForm = try loss.traceFormLoss(w * w.transposed()), formula = try loss.gradient(w)
            // Central differences with h = 2^(−p/4): the truncation O(h²) shrinks with p, so the engine's second
            // precision (a smaller h) measures it as part of the error estimate.
            let difference = try loss.centralDifferenceGradient(w, step: BigFloat.pow(BigFloat(2), -(Precision.current / 4)))
            quantities += [Quantity("B²(WWᵀ, Σ_0) (nuclear-norm form)", .rounded(nuclearForm)),
                           Quantity("B²(WWᵀ, Σ_0) (trace form)", .rounded(traceForm))]
            gap("loss forms", "|nuclear − trace form| / B²", BigFloat.abs(nuclearForm - traceForm) / BigFloat.abs(nuclearForm))
            gap("gradient", "‖∇B² (formula) − central difference‖_F / ‖∇B²‖_F", (formula - difference).frobeniusNorm / formula.frobeniusNorm)
            statistics["finite-difference step"] = "2^-\(Precision.current / 4)"
        }
        let worst = gaps.indices.reduce(0) { gaps[$1].gap > gaps[$0].gap ? $1 : $0 }
        return Evaluation(quantities: quantities, margin: .rounded(context.tolerance(Self.tolerance, parameters) - gaps[worst].gap),
                          location: gaps[worst].place, statistics: statistics)
    }

    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case .minimum:
            return "B²(W) = Σ_{i>k} λ_i(Σ_0) at the top-k eigenprojection and after gradient descent, up to the relative tolerance"
        case .frobeniusMinimum:
            return "min_{rank ≤ k} ½‖Σ − Σ_0‖²_F = ½Σ_{i>k} λ_i² equals the Bures–Wasserstein minimum Σ_{i>k} λ_i, up to the relative tolerance"
        case .closedForms:
            return "nuclear-norm form ‖W‖²_F + tr Σ_0 − 2‖Σ_0^{1/2}W‖_* = trace form, and ∇_W B² = 2W − 2Σ_0^{1/2}UVᵀ against central differences, up to the relative tolerance"
        }
    }
}

extension BuresWassersteinKind {
    static let target = Parameter<MatrixSource>("target", .model, type: .matrix, default: .random, variable: false,
        help: "Σ_0 (d × d, symmetric positive definite, exact), or \"random\": BBᵀ + I/4 with B ∈ {−3/2, −1, …, 3/2}^{d×d} from `seed`")
    static let dimension = Parameter<Int>("dimension", .model, type: .integer(2...8), default: 4, help: "d for a random Σ_0")
    static let rank = Parameter<Int>("rank", .model, type: .integer(1...7), default: 2, help: "k: W is d × k (k < d)")
    static let seed = Parameter<Int>("seed", .model, type: .integer(0...(1 << 53)), default: 0,
        help: "the seed of a random Σ_0 and of W (entries in {−1, −3/4, …, 1})")
    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        default: Rational(numerator: 1, denominator: 10), help: "the gradient-descent step size η (claim = \"minimum\")")
    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(0...100_000), default: 300,
        help: "gradient-descent steps from the seeded W(0) (claim = \"minimum\"; 0: only the eigenprojection)")

    enum Claim: String, ParameterChoice {
        case closedForms = "closed-forms", minimum, frobeniusMinimum = "frobenius-minimum"
    }

    static let claim = Parameter<Claim>("claim", .check, default: .closedForms, variable: false,
        help: "\"closed-forms\", \"minimum\", or the known-false \"frobenius-minimum\" (½‖Σ − Σ_0‖²_F in place of B²)")
}
