import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gf-global-minimum`: Bah, Rauhut, Terstiege, Westdickenberg (Information and Inference 2022), statement B2 of
/// docs/theory.md §1.7: gradient flow of a deep linear network with the square loss converges, for almost every
/// initialization, to a global minimum of the loss over matrices of rank ≤ k (k ≤ r = min_j d_j).
///
/// The optimum is computed independently of the flow by whitening and Eckart–Young (docs/theory.md §1.9):
/// min_{rank W ≤ k} ½‖WX − Y‖²_F = ½(‖Y‖²_F − ‖Q‖²_F) + ½ Σ_{i>k} s_i², where s_i are the singular values of
/// Q = Y Xᵀ (X Xᵀ)^{−1/2}. The claim checked is |L(W(T)) − min_{rank ≤ k}| ≤ ε at the horizon T, with k =
/// `optimum_rank` (default r). The dead-hidden-unit initialization of §1.7 is the known-false twin: its flow stays on
/// an invariant set of measure zero and converges to the rank-(r−1) optimum.
public struct DLNGFGlobalMinimumKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gf-global-minimum" }

    public var summary: String {
        "deep linear network, gradient flow: L(W(T)) is within ε of min_{rank W ≤ k} ½‖WX − Y‖²_F (whitened Eckart–Young)"
    }

    public var method: String {
        """
        Integrates the gradient flow over [0, T] with the Taylor series method at the working precision p \
        (tolerance 2^−(p−10)). Independently computes the rank-k optimum by whitening and Eckart–Young \
        (C^{−1/2} by the symmetric eigendecomposition, then the singular values of Q = Y Xᵀ C^{−1/2}). The margin is \
        ε − |L(W(T)) − optimum|. Also reports the numerical rank of W(T) (singular values above 10⁻²⁰) and \
        max_j ‖∂L/∂W_j(T)‖_F. Everything is computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The gradient-flow parameters, `epsilon` and `optimum_rank`.
    public var parameters: [ParameterSpec] {
        DLNFlowParameters.specs + ParameterSpec.list(Self.epsilon, Self.optimumRank)
    }

    /// Sizes and data fit; depth ≥ 1; X needs full row rank (checked when evaluating).
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
    }

    /// min_{rank W ≤ k} ½‖WX − Y‖²_F by whitening and Eckart–Young (docs/theory.md §1.9), with the singular values s_i.
    ///
    /// - Throws: when X X ᵀ is not positive definite (X without full row rank), or the decompositions fail.
    public static func rankConstrainedOptimum(x: Matrix<BigFloat>, y: Matrix<BigFloat>, rank k: Int) throws
        -> (optimum: BigFloat, singularValues: [BigFloat]) {
        let c = x * x.transposed()
        let q = y * x.transposed() * (try c.power(BigFloat(Rational(numerator: -1, denominator: 2))))
        let s = try SingularValueDecomposition(q).singularValues
        var value = (y.frobeniusInnerProduct(y) - q.frobeniusInnerProduct(q)) / 2
        for i in s.indices where i >= k { value += s[i] * s[i] / 2 }
        return (value, s)
    }

    /// Integrates the flow and compares the final loss with the rank-k optimum.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let horizon = parameters[DLNFlowParameters.horizon]
        let field = try DeepLinearNetworkGradientFlow(widths: setup.widths, x: setup.x, y: setup.y)
        let run = try DLNFlowParameters.integrate(field, from: setup.network.layers, horizon: horizon, context: context)
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        let x = rounded(setup.x), y = rounded(setup.y)
        let k = parameters[Self.optimumRank] ?? setup.widths.min()!
        let (optimum, _) = try Self.rankConstrainedOptimum(x: x, y: y, rank: k)
        let network = try DeepLinearNetwork<BigFloat>(layers: run.layers)
        let loss = try network.squareLoss(x: x, y: y)
        let gradientNorm = try network.squareLossGradients(x: x, y: y).map(\.frobeniusNorm).max()!
        let sigma = try SingularValueDecomposition(network.endToEnd).singularValues
        let threshold = BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(20)))
        let numericalRank = sigma.filter { $0 > threshold }.count
        let gap = loss - optimum
        let epsilon = BigFloat(parameters[Self.epsilon])
        return Evaluation(
            quantities: [
                Quantity("L(W(T))", .rounded(loss)),
                Quantity("min_{rank ≤ \(k)} L (whitened Eckart–Young)", .rounded(optimum)),
                Quantity("L(W(T)) − min", .rounded(gap)),
                Quantity("max_j ‖∂L/∂W_j(T)‖_F", .rounded(gradientNorm)),
                Quantity("σ_min(W(T))", .rounded(sigma.last!)),
            ],
            margin: .rounded(epsilon - gap.magnitude),
            location: "t = \(horizon), numerical rank of W(T) = \(numericalRank) (σ > 1e-20)",
            statistics: run.statistics.merging(["depth": "\(setup.widths.count - 1)",
                                                "rank of W(T)": "\(numericalRank)"]) { a, _ in a }
        )
    }
}

extension DLNGFGlobalMinimumKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "|L(W(T)) − min_{rank W ≤ k} ½‖WX − Y‖²_F| ≤ ε = \(p.written(Self.epsilon, absent: "ε")) at T = \(p.written(DLNFlowParameters.horizon, absent: "T")), "
            + "k = \(p.written(Self.optimumRank, absent: "r"))"
    }
}

extension DLNGFGlobalMinimumKind {
    static let epsilon = Parameter<Rational>("epsilon", .check, type: .rational(minimum: 0, exclusive: true),
        help: "ε in |L(W(T)) − min_{rank ≤ k} L| ≤ ε")

    static let optimumRank = OptionalParameter<Int>("optimum_rank", .check, type: .integer(0...64),
        help: "k, the rank bound of the claimed optimum (default r = min_j d_j)")
}
