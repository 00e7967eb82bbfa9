import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gd-global-minimum`: Nguegnang, Rauhut, Terstiege (docs/theory.md §1.8): gradient descent with a suitable constant
/// step size converges, for almost every initialization, to a global minimum (N = 2) or to a global minimum on the
/// manifold of some rank k (N ≥ 3). Their step-size condition was not found in any stored source, so no bound is
/// checked: the claim is made for the given η, and the verdict records whether the conclusion held on the instance,
/// |L(W(k)) − min_{rank ≤ k'} L| ≤ ε with the optimum from whitened Eckart–Young (as `dln-gf-global-minimum`).
public struct DLNGDGlobalMinimumKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gd-global-minimum" }

    public var summary: String {
        "deep linear network, gradient descent at a given η: L(W(k)) is within ε of min_{rank W ≤ r} ½‖WX − Y‖²_F"
    }

    public var method: String {
        """
        Runs k gradient-descent steps in MPFR at the working precision p and computes the rank-r optimum by \
        whitened Eckart–Young. The margin is ε − |L(W(k)) − optimum|; a run whose loss exceeds 10⁴⁰ stops as \
        divergent. No step-size hypothesis is checked (Nguegnang et al.'s bound is not available). Everything is \
        computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The gradient-descent parameters, `epsilon` and `optimum_rank`.
    public var parameters: [ParameterSpec] {
        DLNParameters.specs + DLNGFGlobalMinimumKind().parameters.filter { ["epsilon", "optimum_rank"].contains($0.name) }
    }

    /// Sizes and data fit; depth ≥ 1.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 1)
    }

    /// Runs gradient descent and compares the final loss with the rank-r optimum.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        let x = rounded(setup.x), y = rounded(setup.y)
        let eta = BigFloat(setup.stepSize)
        var network = try DeepLinearNetwork<BigFloat>(layers: setup.network.layers.map(rounded))
        let limit = BigFloat(Rational(numerator: BigInt(10).power(40), denominator: 1))
        var loss = try network.squareLoss(x: x, y: y)
        var taken = 0, largestLoss = loss
        for _ in 0..<setup.steps {
            try context.checkpoint()
            network = network.gradientDescentStep(stepSize: eta, gradients: try network.squareLossGradients(x: x, y: y))
            loss = try network.squareLoss(x: x, y: y)
            taken += 1
            if loss.isFinite { largestLoss = BigFloat.maximum(largestLoss, loss) }
            if !loss.isFinite || loss > limit { break }
        }
        let k = parameters[DLNGFGlobalMinimumKind.optimumRank] ?? setup.widths.min()!
        let (optimum, _) = try DLNGFGlobalMinimumKind.rankConstrainedOptimum(x: x, y: y, rank: k)
        let gap = loss - optimum
        let gradientNorm = try network.squareLossGradients(x: x, y: y).map(\.frobeniusNorm).max()!
        return Evaluation(
            quantities: [
                Quantity("L(W(k))", .rounded(loss)),
                Quantity("min_{rank ≤ \(k)} L (whitened Eckart–Young)", .rounded(optimum)),
                Quantity("L(W(k)) − min", .rounded(gap)),
                Quantity("max_j ‖∂L/∂W_j(k)‖_F", .rounded(gradientNorm)),
            ],
            margin: .rounded(BigFloat(parameters[DLNGFGlobalMinimumKind.epsilon]) - gap.magnitude),
            location: taken < setup.steps ? "step \(taken) (diverged)" : "step \(taken)",
            statistics: ["steps": "\(taken)", "depth": "\(setup.widths.count - 1)"],
            // The early stop is decided on a rounded loss: a branch that must be decided beyond its error.
            branches: [Condition("10⁴⁰ − max_t L(W(t)) > 0 (no divergence stop)", .rounded(loss.isFinite ? limit - largestLoss : -limit))]
        )
    }
}

extension DLNGDGlobalMinimumKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "|L(W(k)) − min_{rank W ≤ r} ½‖WX − Y‖²_F| ≤ ε = \(p.written(DLNGFGlobalMinimumKind.epsilon, absent: "ε")) after k = \(p.written("steps", or: "k")) "
            + "gradient-descent steps (no step-size hypothesis checked)"
    }
}
