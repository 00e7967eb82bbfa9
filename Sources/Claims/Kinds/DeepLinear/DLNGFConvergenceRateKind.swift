import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gf-convergence-rate`: the gradient-flow version of Arora et al.'s Theorem 1 (docs/theory.md §1.6, derived from
/// §1.5): from a 0-balanced start with deficiency margin c > 0, ℓ(t) = ½‖W_N ⋯ W_1(t) − Φ‖²_F satisfies
///
///     ℓ(t) ≤ ℓ(0)·exp(−2 c^{2(N−1)/N} t),
///
/// checked at `samples` equally spaced times in (0, T]; and, when `epsilon` is given, ℓ(T) ≤ ε. Outside the
/// hypotheses (c ≤ 0, or δ = max_j ‖D_j(0)‖_F above 10⁻³⁰) the verdict is NOT APPLICABLE unless
/// `hypotheses = "ignored"`. Both hypotheses are margins decided against their error estimates (`Condition`): an
/// instance within rounding of their boundary is INCONCLUSIVE and escalates, never NOT APPLICABLE by rounding.
public struct DLNGFConvergenceRateKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gf-convergence-rate" }

    public var summary: String {
        "deep linear network, whitened square loss, gradient flow from a balanced start: ℓ(t) ≤ ℓ(0)·exp(−2c^{2(N−1)/N} t)"
    }

    public var method: String {
        """
        Builds the layers as for dln-gd-convergence-rate (0-balanced SVD split of `end_to_end`, or `weights`), then \
        integrates the gradient flow of ½‖W − Φ‖²_F with the Taylor series method at the working precision p from \
        one sample time to the next (the state is carried over exactly). The margin is the smallest slack of \
        ℓ(0)exp(−2c^{2(N−1)/N}t_i) − ℓ(t_i) (when c > 0) and of ε − ℓ(T) (when ε is given). Everything is computed \
        again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The parameters of dln-gd-convergence-rate with `horizon` and `samples` instead of `step_size` and `steps`.
    public var parameters: [ParameterSpec] {
        DLNGDConvergenceRateKind().parameters.filter { !["step_size", "steps"].contains($0.name) } + ParameterSpec.list(Self.horizon, Self.samples)
    }

    /// As dln-gd-convergence-rate.
    public func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        try DLNGDConvergenceRateKind().validate(p)
    }

    /// Integrates the flow sample by sample and checks the bound.
    public func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        guard case let .exact(phiExact, _) = p[DLNGDConvergenceRateKind.target] else { throw ParameterProblem(key: "target", .missingKey) }
        func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
            Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
        }
        let phi = rounded(phiExact)
        var layers: [Matrix<Rational>]
        if let weights = p[DLNGDConvergenceRateKind.weights]?.sources {
            layers = weights.compactMap { if case let .exact(w, _) = $0 { return w } else { return nil } }
        } else {
            guard case let .exact(w0, _)? = p[DLNGDConvergenceRateKind.endToEnd] else { throw ParameterProblem(key: "end_to_end", .missingKey) }
            guard let depth = p[DLNGDConvergenceRateKind.depth] else { throw ParameterProblem(key: "depth", .missingKey) }
            layers = try DLNGDConvergenceRateKind.balancedFactors(of: rounded(w0), depth: depth).map { w in
                Matrix(rows: w.rowCount, columns: w.columnCount) { i, j in Rational(exactly: w[i, j]) ?? 0 }
            }
        }
        let depth = layers.count
        let widths = [layers[0].columnCount] + layers.map(\.rowCount)
        let identity = Matrix<Rational>.identity(phiExact.columnCount)
        let field = try DeepLinearNetworkGradientFlow(widths: widths, x: identity, y: phiExact)
        let start = try DeepLinearNetwork<BigFloat>(layers: layers.map(rounded))
        let bigIdentity = rounded(identity)
        let initialLoss = try start.squareLoss(x: bigIdentity, y: phi)
        let c = try SingularValueDecomposition(phi).singularValues.last! - (start.endToEnd - phi).frobeniusNorm
        let delta = start.balancedness.map(\.frobeniusNorm).max() ?? 0
        let exponent = BigFloat(Rational(numerator: BigInt(2 * (depth - 1)), denominator: BigInt(depth)))
        let kappa: BigFloat? = c > 0 ? BigFloat.pow(c, exponent) : nil
        // The hypotheses as margins (> 0 inside), decided by the engine against their error estimates.
        let balanceThreshold = BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(30)))
        let hypotheses = p[DLNGDConvergenceRateKind.hypotheses] == "ignored" ? [] : [
            Condition("deficiency margin c > 0", .rounded(c)),
            Condition("δ < 10⁻³⁰ (0-balanced start)", .rounded(balanceThreshold - delta)),
        ]

        let horizon = p[Self.horizon]
        let samples = p[Self.samples]
        var margin: BigFloat?
        var location = "t = 0"
        func record(_ slack: BigFloat, _ place: String) {
            if margin.map({ slack < $0 }) ?? true { margin = slack; location = place }
        }
        var loss = initialLoss
        var steps = 0
        var lossSeries = SeriesRecorder(name: "loss", xLabel: "t", yLabel: "ℓ(t)", logarithmic: true)
        lossSeries.append(x: 0, y: initialLoss)
        for i in 1...samples {
            let from = horizon * Rational(numerator: BigInt(i - 1), denominator: BigInt(samples))
            let to = horizon * Rational(numerator: BigInt(i), denominator: BigInt(samples))
            let run = try DLNFlowParameters.integrate(field, from: layers, start: from, horizon: to, context: context)
            steps += Int(run.statistics["steps"] ?? "0") ?? 0
            layers = run.layers.map { w in Matrix(rows: w.rowCount, columns: w.columnCount) { r, s in Rational(exactly: w[r, s]) ?? 0 } }
            loss = try DeepLinearNetwork<BigFloat>(layers: run.layers).squareLoss(x: bigIdentity, y: phi)
            lossSeries.append(x: Double(to), y: loss)
            if let kappa { record(initialLoss * BigFloat.exp(-2 * kappa * BigFloat(to)) - loss, "t = \(to) (rate)") }
        }
        if let epsilon = p[DLNGDConvergenceRateKind.epsilon] { record(BigFloat(epsilon) - loss, "t = \(horizon) (ℓ(T) ≤ ε)") }
        return Evaluation(
            quantities: [
                Quantity("ℓ(0)", .rounded(initialLoss)),
                Quantity("ℓ(T)", .rounded(loss)),
                Quantity("deficiency margin c", .rounded(c)),
                Quantity("δ = max_j ‖D_j(0)‖_F", .rounded(delta)),
            ],
            margin: .rounded(margin ?? 0),
            location: location,
            statistics: ["integrator steps": "\(steps)", "depth": "\(depth)"],
            hypotheses: hypotheses,
            branches: [Condition("c > 0 (the rate bound is checked)", .rounded(c))],
            series: [lossSeries.series]
        )
    }
}

extension DLNGFConvergenceRateKind {
    public func checked(_ p: InstanceParameters) -> String? {
        var text = "ℓ(t) ≤ ℓ(0) exp(−2 c^{2(N−1)/N} t) at \(p.written(Self.samples, absent: "the")) sample times in (0, T]"
        if p.has(DLNGDConvergenceRateKind.epsilon) { text += ", and ℓ(T) ≤ ε = " + p.written(DLNGDConvergenceRateKind.epsilon, absent: "ε") }
        return text + (p[DLNGDConvergenceRateKind.hypotheses] == "ignored" ? " (hypotheses not checked)"
                       : " (inside the hypotheses c > 0, balanced start; otherwise NOT APPLICABLE)")
    }
}

extension DLNGFConvergenceRateKind {
    static let horizon = Parameter<Rational>("horizon", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the final time T of the flow (exact)")

    static let samples = Parameter<Int>("samples", .dynamics, type: .integer(1...1000), default: 10,
        help: "the number of equally spaced times in (0, T] at which the bound is checked")
}
