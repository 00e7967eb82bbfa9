import LinearAlgebra
import Models
import MultiPrecision

/// `deep-matrix-factorization-closed-form`: for the square loss ½‖W_N⋯W_1 − A‖²_F with A = U diag(s) Vᵀ and spectrally
/// aligned initialization, the singular values of W(t) are the decoupled scalar solutions x_i = w_i^N
/// (docs/theory.md §5.1–§5.2, Chou, Gieshoff, Maly, Rauhut):
///
/// * gradient flow: `ẇ = w^{N−1}(s_i − w^N)`, w(0) = α, whose closed forms are the exponential (N = 1), the logistic
///   (N = 2) and, for N ≥ 3, the implicit solution t(w) = (F_N(w) − F_N(α))/s_i with F_N built on
///   ₂F₁(1, 2/N; 1 + 2/N; w^N/s_i) (`ScalarFactorizationFlow`);
/// * gradient descent: the recursion w ← w − η w^{N−1}(w^N − s_i).
///
/// margin = tol − max over output times and i of |σ_i(W(t)) − x_i(t)| / max(1, max s). With `initialization =
/// "identity"` and U ≠ V the factors are not aligned and the claim is known false.
public struct DeepMatrixFactorizationClosedFormKind: ClaimKind {
    public init() {}

    static let dynamics = DeepMatrixFactorizationTarget.Dynamics(
        methodHelp: "\"gf\" (gradient flow, against the closed forms) or \"gd\" (gradient descent, against the scalar recursion)",
        horizonHelp: "gf: the final time T (exact)", samples: 1...1000, defaultSamples: 10,
        samplesHelp: "the number of equally spaced output times (gf) or steps (gd) compared")

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)),
                                          help: "the slack of the claimed equality, relative to max(1, max s)")

    public var name: String { "deep-matrix-factorization-closed-form" }

    public var summary: String {
        "deep matrix factorization, aligned init: the singular values of W(t) follow the closed forms of ẇ = w^{N−1}(s − w^N) (GF) or the scalar recursion (GD)"
    }

    public var method: String {
        """
        Integrates the gradient flow of all N factors with the Taylor method at the working precision p (tolerance \
        2^−(p−10)), or runs gradient descent in MPFR, from the aligned (or identity) initialization, and takes the \
        singular values of W = W_N⋯W_1 (one-sided Jacobi SVD) at `samples` equally spaced output times. Compares them \
        with the closed forms of §5.2 (exponential, logistic, and for N ≥ 3 the ₂F₁ implicit solution inverted by \
        Newton's method) or with the scalar GD recursion. Everything is computed again at p + guard bits; the \
        difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The target's SVD, depth, α, the initialization, the dynamics and the tolerance.
    public var parameters: [ParameterSpec] {
        DeepMatrixFactorizationTarget.specs + Self.dynamics.specs + [Self.tolerance.legacy.spec]
    }

    /// The target is well formed; gf needs a horizon, gd a step size and steps; N ≥ 3 needs α^N < s_i.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let target = try DeepMatrixFactorizationTarget(parameters)
        let depth = parameters[DeepMatrixFactorizationTarget.depth]
        if try !Self.dynamics.validate(parameters) {
            let alpha = parameters[DeepMatrixFactorizationTarget.alpha]
            if depth >= 3, let s = target.singularValues.first(where: { alpha.power(depth) >= $0 }) {
                throw ParameterProblem(key: "alpha", .invalidValue(
                    "the implicit solution for depth \(depth) needs α^N < s_i for every singular value (s = \(s))"))
            }
        }
    }

    /// Runs the factorized dynamics and compares the singular values with the scalar solutions.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let target = try DeepMatrixFactorizationTarget(parameters)
        let depth = parameters[DeepMatrixFactorizationTarget.depth]
        let alpha = parameters[DeepMatrixFactorizationTarget.alpha]
        let initialization = parameters[DeepMatrixFactorizationTarget.initialization]
        let samples = parameters[Self.dynamics.samples]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let initial = target.initialLayers(depth: depth, alpha: alpha, initialization: initialization)
        let a = target.target
        let rank = min(a.rowCount, a.columnCount)
        let s = target.singularValues.map { BigFloat($0) }

        var checkpoints: [(label: String, observed: [BigFloat], predicted: [BigFloat])] = []
        var statistics: [String: String] = ["depth": "\(depth)", "initialization": initialization]
        func record(_ label: String, _ layers: [Matrix<BigFloat>], _ modes: [BigFloat]) throws {
            let observed = try SingularValueDecomposition(layers.endToEnd).singularValues
            let predicted = modes.sorted(by: >) + Array(repeating: BigFloat(0), count: rank - modes.count)
            checkpoints.append((label, observed, predicted))
        }

        if parameters[Self.dynamics.method] == "gd" {
            let (stepSize, steps) = try Self.dynamics.descent(parameters)
            let eta = BigFloat(stepSize)
            var w = s.map { _ in BigFloat(alpha) }
            try target.gradientDescent(from: initial, stepSize: stepSize, steps: steps, samples: samples,
                                       context: context, everyStep: {
                w = zip(w, s).map { wi, si in wi - eta * BigFloat.pow(wi, depth - 1) * (BigFloat.pow(wi, depth) - si) }
            }, sample: { k, layers in
                try record("step \(k)", layers, w.map { BigFloat.pow($0, depth) })
            })
            statistics["steps"] = "\(steps)"
        } else {
            let field = try target.gradientFlow(from: initial)
            let horizon = try Self.dynamics.flowHorizon(parameters)
            let times = FactorFlowSampling.uniformTimes(horizon: horizon, count: samples)
            let run = try FactorFlowSampling(field, from: initial, times: times, context: context)
            let flows = try s.map { si in try ScalarFactorizationFlow(depth: depth, target: si) }
            for (time, layers) in zip(run.times, run.layers) {
                try context.checkpoint()
                let t = BigFloat(time)
                try record("t = \(time)", layers, try flows.map { try $0.endToEnd(at: t, from: BigFloat(alpha)) })
            }
            statistics.merge(run.statistics) { $1 }
        }

        let scale = BigFloat.maximum(BigFloat(1), s.max()!)
        var worst = BigFloat(-1), worstLabel = ""
        for checkpoint in checkpoints {
            let gap = zip(checkpoint.observed, checkpoint.predicted).map { BigFloat.abs($0 - $1) }.max()! / scale
            if gap > worst { worst = gap; worstLabel = checkpoint.label }
        }
        let last = checkpoints[checkpoints.count - 1]
        var quantities = [Quantity("max_t max_i |σ_i(W(t)) − x_i(t)| / max(1, max s)", .rounded(worst))]
        for (i, value) in last.observed.enumerated() {
            quantities.append(Quantity("σ_\(i + 1)(W) at \(last.label)", .rounded(value)))
            quantities.append(Quantity("x_\(i + 1) (scalar solution) at \(last.label)", .rounded(last.predicted[i])))
        }
        return Evaluation(quantities: quantities, margin: .rounded(tolerance - worst), location: worstLabel,
                          statistics: statistics)
    }
}

extension DeepMatrixFactorizationClosedFormKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let recursion = p[Self.dynamics.method] == "gd"
        return (recursion ? "σ_i(W(k)) = w_k^N with w ← w − η w^{N−1}(w^N − s_i), w_0 = α"
                          : "σ_i(W(t)) = the closed-form solution of ẇ = w^{N−1}(s_i − w^N), w(0) = α")
            + ", relative to max(1, max s), at every sampled time, up to the relative tolerance"
    }
}
