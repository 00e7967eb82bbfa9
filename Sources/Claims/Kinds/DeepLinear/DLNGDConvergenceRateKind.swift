import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gd-convergence-rate`: Arora, Cohen, Golowich, Hu (ICLR 2019), Theorem 1 and Lemma 1 (docs/theory.md §1.6), for
/// gradient descent on ℓ = ½‖W_N ⋯ W_1 − Φ‖²_F (whitened data), checked at every step t < k:
///
///     Lemma 1:  ℓ(t+1) ≤ (1 − η·σ_min(W(t))^{2(N−1)/N})·ℓ(t)
///     rate:     ℓ(t) ≤ ℓ(0)·exp(−η·c^{2(N−1)/N}·t)          (when the deficiency margin c is positive)
///     and, when `epsilon` is given, ℓ(k) ≤ ε.
///
/// Hypotheses (checked unless `hypotheses = "ignored"`): deficiency margin c = σ_min(Φ) − ‖W(0) − Φ‖_F > 0,
/// δ-balancedness with δ = c²/(256 N³ ‖Φ‖_F^{2(N−1)/N}) and η ≤ c^{(4N−2)/N}/(6144 N³ ‖Φ‖_F^{(6N−4)/N}). Each is
/// reported as a margin (`Condition`) and decided by the engine against its error estimate: when one decidedly
/// fails the verdict is NOT APPLICABLE (the margin still records whether the conclusion held); when one lies within
/// its error the instance is INCONCLUSIVE and the precision escalates. With `"ignored"` the claim
/// is the conclusion alone, for every instance: the known-false twins (no margin, grossly unbalanced) must FAIL.
public struct DLNGDConvergenceRateKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gd-convergence-rate" }

    public var summary: String {
        "deep linear network, whitened square loss, gradient descent: Arora et al. Lemma 1 per step and ℓ(t) ≤ ℓ(0)·exp(−η c^{2(N−1)/N} t)"
    }

    public var method: String {
        """
        Builds the initial layers (explicit `weights`, or a balanced factorization W_j = O_j S^{1/N} O_{j−1}ᵀ of \
        `end_to_end` by its SVD) at the working precision p, runs k gradient-descent steps on ℓ = ½‖W − Φ‖²_F and \
        checks Lemma 1 and the exponential rate at every step, and ℓ(k) ≤ ε when ε is given. The margin is the \
        smallest slack of all these inequalities (bound − value). The run is repeated at p + guard bits; the \
        difference is the error estimate. A run whose loss exceeds 10⁴⁰ is stopped as divergent (the slack at that \
        step is the margin).
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The target, the initialization, the step size and the check options.
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.target, Self.depth, Self.endToEnd, Self.weights, Self.stepSize, Self.steps,
            Self.epsilon, Self.hypotheses)
    }

    /// Exactly one of `end_to_end` (with `depth`) and `weights`; shapes fit Φ.
    public func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(phi, _) = p[Self.target] else {
            throw ParameterProblem(key: "target", .invalidValue("the target Φ must be given explicitly"))
        }
        if let weights = p[Self.weights]?.sources {
            guard !p.has(Self.endToEnd), !p.has(Self.depth) else {
                throw ParameterProblem(key: "weights", .invalidValue("give either 'weights' or 'end_to_end' with 'depth', not both"))
            }
            var columns = phi.columnCount
            for (j, source) in weights.enumerated() {
                guard case let .exact(w, _) = source, w.columnCount == columns else {
                    throw ParameterProblem(key: "weights", .dimensionMismatch("W_\(j + 1) does not chain (it needs \(columns) columns)"))
                }
                columns = w.rowCount
            }
            guard columns == phi.rowCount else {
                throw ParameterProblem(key: "weights", .dimensionMismatch("the product has \(columns) rows, Φ has \(phi.rowCount)"))
            }
        } else {
            guard case let .exact(w, _)? = p[Self.endToEnd] else {
                throw ParameterProblem(key: "end_to_end", .missingKey)
            }
            guard p.has(Self.depth) else { throw ParameterProblem(key: "depth", .missingKey) }
            guard w.shape == phi.shape else {
                throw ParameterProblem(key: "end_to_end", .dimensionMismatch("W(0) is \(w.shape), Φ is \(phi.shape)"))
            }
        }
    }

    /// Runs gradient descent and checks Lemma 1, the rate and ε.
    public func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        guard case let .exact(phiExact, _) = p[Self.target] else { throw ParameterProblem(key: "target", .missingKey) }
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        let phi = rounded(phiExact)
        let layers: [Matrix<BigFloat>]
        if let weights = p[Self.weights]?.sources {
            layers = weights.compactMap { if case let .exact(w, _) = $0 { return rounded(w) } else { return nil } }
        } else {
            guard case let .exact(w0, _)? = p[Self.endToEnd] else { throw ParameterProblem(key: "end_to_end", .missingKey) }
            guard let depth = p[Self.depth] else { throw ParameterProblem(key: "depth", .missingKey) }
            layers = try Self.balancedFactors(of: rounded(w0), depth: depth)
        }
        let depth = layers.count
        let eta = BigFloat(p[Self.stepSize])
        let steps = p[Self.steps]
        let exponent = BigFloat(Rational(numerator: BigInt(2 * (depth - 1)), denominator: BigInt(depth)))
        let identity = Matrix<BigFloat>.identity(phi.columnCount)
        var network = try DeepLinearNetwork<BigFloat>(layers: layers)
        func sigmaMin(_ m: Matrix<BigFloat>) throws -> BigFloat { try SingularValueDecomposition(m).singularValues.last! }

        // Theorem 1's quantities and hypotheses.
        let w0 = network.endToEnd
        let phiNorm = phi.frobeniusNorm
        let c = try sigmaMin(phi) - (w0 - phi).frobeniusNorm
        let delta = network.balancedness.map(\.frobeniusNorm).max() ?? 0
        let n3 = BigFloat(depth * depth * depth)
        // The hypotheses as margins (> 0 inside), decided by the engine against their error estimates. δ_max and
        // η_max use |c|, so that they are defined at every instance; they matter only where c > 0 is decided.
        let magnitude = BigFloat.abs(c)
        let deltaMax = magnitude * magnitude / (256 * n3 * BigFloat.pow(phiNorm, exponent))
        let etaMax = BigFloat.pow(magnitude, BigFloat(Rational(numerator: BigInt(4 * depth - 2), denominator: BigInt(depth))))
            / (6144 * n3 * BigFloat.pow(phiNorm, BigFloat(Rational(numerator: BigInt(6 * depth - 4), denominator: BigInt(depth)))))
        let ignored = p[Self.hypotheses] == "ignored"
        let hypotheses = ignored ? [] : [
            Condition("deficiency margin c > 0", .rounded(c)),
            Condition("δ ≤ c²/(256 N³ ‖Φ‖_F^{2(N−1)/N})", .rounded(deltaMax - delta)),
            Condition("η ≤ c^{(4N−2)/N}/(6144 N³ ‖Φ‖_F^{(6N−4)/N})", .rounded(etaMax - eta)),
        ]
        // Whether the rate bound applies (c > 0) and whether the run stopped as divergent are branches: each must be
        // decided beyond its error, or the instance is INCONCLUSIVE.
        let kappa: BigFloat? = c > 0 ? BigFloat.pow(c, exponent) : nil
        let limit = BigFloat(Rational(numerator: BigInt(10).power(40), denominator: 1))
        var largestLoss = BigFloat(0)

        var loss = try network.squareLoss(x: identity, y: phi)
        let initialLoss = loss
        var margin: BigFloat?
        var location = "t = 0"
        func record(_ slack: BigFloat, _ place: String) {
            if margin.map({ slack < $0 }) ?? true { margin = slack; location = place }
        }
        var lastStep = 0
        var diverged = false
        var lossSeries = SeriesRecorder(name: "loss", xLabel: "step k", yLabel: "ℓ(k)", logarithmic: true)
        lossSeries.append(x: 0, y: initialLoss)
        for t in 0..<steps {
            try context.checkpoint()
            context.report(step: t + 1, of: steps)
            let sigma = try sigmaMin(network.endToEnd)
            let gradients = try network.squareLossGradients(x: identity, y: phi)
            network = network.gradientDescentStep(stepSize: eta, gradients: gradients)
            let next = try network.squareLoss(x: identity, y: phi)
            lastStep = t + 1
            lossSeries.append(x: Double(t + 1), y: next)
            if next.isFinite { largestLoss = BigFloat.maximum(largestLoss, next) }
            if !next.isFinite || next > limit {
                diverged = true
                if let kappa { record(initialLoss * BigFloat.exp(-eta * kappa * BigFloat(t + 1)) - next, "step \(t + 1) (diverged)") }
                else { record((1 - eta * BigFloat.pow(sigma, exponent)) * loss - next, "step \(t) → \(t + 1) (diverged, Lemma 1)") }
                loss = next
                break
            }
            record((1 - eta * BigFloat.pow(sigma, exponent)) * loss - next, "step \(t) → \(t + 1) (Lemma 1)")
            if let kappa { record(initialLoss * BigFloat.exp(-eta * kappa * BigFloat(t + 1)) - next, "step \(t + 1) (rate)") }
            loss = next
        }
        if let epsilon = p[Self.epsilon], !diverged { record(BigFloat(epsilon) - loss, "step \(steps) (ℓ(k) ≤ ε)") }
        if let epsilon = p[Self.epsilon], diverged { record(BigFloat(epsilon) - loss, "step \(lastStep) (diverged, ℓ ≤ ε)") }
        return Evaluation(
            quantities: [
                Quantity("ℓ(0)", .rounded(initialLoss)),
                Quantity("ℓ(k)", .rounded(loss)),
                Quantity("deficiency margin c", .rounded(c)),
                Quantity("δ = max_j ‖D_j(0)‖_F", .rounded(delta)),
            ],
            margin: .rounded(margin ?? 0),
            location: location,
            statistics: ["steps": "\(lastStep)", "depth": "\(depth)", "diverged": diverged ? "yes" : "no"],
            hypotheses: hypotheses,
            branches: [
                Condition("c > 0 (the rate bound is checked)", .rounded(c)),
                Condition("10⁴⁰ − max_t ℓ(t) > 0 (no divergence stop)", .rounded(loss.isFinite ? limit - largestLoss : -limit)),
            ],
            series: [lossSeries.series]
        )
    }

    /// The 0-balanced layers W_1 = S^{1/N}Vᵀ, W_j = S^{1/N} (1 < j < N), W_N = U S^{1/N} of W = U S Vᵀ (thin SVD,
    /// r = min(d_N, d_0)), so that W_N ⋯ W_1 = W and every D_j vanishes up to rounding (docs/theory.md §1.5).
    static func balancedFactors(of w: Matrix<BigFloat>, depth: Int) throws -> [Matrix<BigFloat>] {
        let svd = try SingularValueDecomposition(w)
        let r = svd.singularValues.count
        let root = BigFloat(Rational(numerator: 1, denominator: BigInt(depth)))
        let s = Matrix<BigFloat>(rows: r, columns: r) { i, j in
            i == j && svd.singularValues[i] > 0 ? BigFloat.pow(svd.singularValues[i], root) : 0
        }
        if depth == 1 { return [w] }
        let first = s * svd.v.transposed()
        let last = svd.u * s
        return [first] + Array(repeating: s, count: depth - 2) + [last]
    }
}

extension DLNGDConvergenceRateKind {
    public func checked(_ p: InstanceParameters) -> String? {
        var text = "ℓ(t+1) ≤ (1 − η σ_min(W(t))^{2(N−1)/N}) ℓ(t) and ℓ(t) ≤ ℓ(0) exp(−η c^{2(N−1)/N} t) at every step t < "
            + p.written(Self.steps, absent: "k")
        if p.has(Self.epsilon) { text += ", and ℓ(k) ≤ ε = " + p.written(Self.epsilon, absent: "ε") }
        return text + (p[Self.hypotheses] == "ignored" ? " (hypotheses not checked)"
                       : " (inside the hypotheses c > 0, δ-balanced, η small; otherwise NOT APPLICABLE)")
    }
}

extension DLNGDConvergenceRateKind {
    static let target = Parameter<MatrixSource>("target", .model, type: .matrix, variable: false,
        help: "Φ = Λ_yx, d_N × d_0 (inline or a file)")

    static let depth = OptionalParameter<Int>("depth", .model, type: .integer(1...16),
        help: "the depth N when the layers come from `end_to_end`")

    static let endToEnd = OptionalParameter<MatrixSource>("end_to_end", .model, type: .matrix, variable: false,
        help: "W(0), d_N × d_0: split into 0-balanced layers by the SVD recipe of docs/theory.md §1.5")

    static let weights = OptionalParameter<MatrixSourceList>("weights", .model, type: .matrixList, variable: false,
        help: "explicit initial layers [W_1, …, W_N] instead of `end_to_end`")

    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the step size η (exact)")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...100_000), default: 100,
        help: "the number k of gradient-descent steps")

    static let epsilon = OptionalParameter<Rational>("epsilon", .check, type: .rational(minimum: 0, exclusive: true),
        help: "when given, the claim also says ℓ(k) ≤ ε")

    static let hypotheses = Parameter<String>("hypotheses", .check, type: .choice(["checked", "ignored"]),
        default: "checked", variable: false,
        help: "\"checked\": NOT APPLICABLE outside Theorem 1's hypotheses; \"ignored\": the conclusion is claimed for every instance")
}
