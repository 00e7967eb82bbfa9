import LinearAlgebra
import Models
import MultiPrecision

/// The setting of Arora, Cohen, Golowich and Hu (ICLR 2019; docs/theory.md §1.5–1.6), shared by the convergence-rate
/// presets: whitened data (X = I), so the loss is ℓ = ½‖W_N⋯W_1 − Φ‖²_F; the initial layers given (`weights`) or a
/// 0-balanced split of `end_to_end`; the deficiency margin c = σ_min(Φ) − ‖W(0) − Φ‖_F and δ = max_j ‖D_j(0)‖_F.
struct WhitenedTarget {
    static let target = Parameter<MatrixSource>("target", .model, type: .matrix, variable: false,
        help: "Φ = Λ_yx, d_N × d_0 (inline or a file)")
    static let depth = OptionalParameter<Int>("depth", .model, type: .integer(1...16),
        help: "the depth N when the layers come from `end_to_end`")
    static let endToEnd = OptionalParameter<MatrixSource>("end_to_end", .model, type: .matrix, variable: false,
        help: "W(0), d_N × d_0: split into 0-balanced layers by the SVD recipe of docs/theory.md §1.5")
    static let weights = OptionalParameter<MatrixSourceList>("weights", .model, type: .matrixList, variable: false,
        help: "explicit initial layers [W_1, …, W_N] instead of `end_to_end`")
    static let epsilon = OptionalParameter<Rational>("epsilon", .check, type: .rational(minimum: 0, exclusive: true),
        help: "when given, the claim also says that the final loss is at most ε")
    /// Whether the theorem's hypotheses are checked.
    enum Hypotheses: String, ParameterChoice { case checked, ignored }
    static let hypotheses = Parameter<Hypotheses>("hypotheses", .check, default: .checked, variable: false,
        help: "\"checked\": NOT APPLICABLE outside Theorem 1's hypotheses; \"ignored\": the conclusion is claimed for every instance")

    /// The model parameters.
    static let model: [any DeclaredParameter] = [target, depth, endToEnd, weights]

    /// Exactly one of `end_to_end` (with `depth`) and `weights`; shapes fit Φ.
    static func validate(_ p: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(phi, _) = p[target] else {
            throw ParameterProblem(key: "target", .invalidValue("the target Φ must be given explicitly"))
        }
        if let weights = p[weights]?.sources {
            guard !p.has(endToEnd), !p.has(depth) else {
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
            guard case let .exact(w, _)? = p[endToEnd] else { throw ParameterProblem(key: "end_to_end", .missingKey) }
            guard p.has(depth) else { throw ParameterProblem(key: "depth", .missingKey) }
            guard w.shape == phi.shape else {
                throw ParameterProblem(key: "end_to_end", .dimensionMismatch("W(0) is \(w.shape), Φ is \(phi.shape)"))
            }
        }
    }

    /// Φ at the working precision.
    let phi: Matrix<BigFloat>
    /// The gradient flow of ℓ (X = I, Y = Φ), whose field also gives the gradient-descent steps.
    let field: DeepLinearNetworkGradientFlow
    /// The initial layers, exactly (the working-precision values of a split).
    let layers: [Matrix<Rational>]
    /// N, ℓ(0), c, δ and the rate exponent 2(N − 1)/N.
    let depth: Int, initialLoss: BigFloat, c: BigFloat, delta: BigFloat, exponent: BigFloat
    /// c^{2(N−1)/N} when c > 0 (the rate bound applies), else `nil`.
    let kappa: BigFloat?
    /// ε, when the claim includes the final-loss bound.
    let epsilon: Rational?
    /// Whether the hypotheses are checked.
    let checksHypotheses: Bool

    init(_ p: InstanceParameters) throws {
        guard case let .exact(phiExact, _) = p[Self.target] else { throw ParameterProblem(key: "target", .missingKey) }
        phi = DLNParameters.rounded(phiExact)
        if let weights = p[Self.weights]?.sources {
            layers = weights.compactMap(\.exactMatrix)
        } else {
            guard case let .exact(w0, _)? = p[Self.endToEnd], let depth = p[Self.depth] else {
                throw ParameterProblem(key: "end_to_end", .missingKey)
            }
            layers = try Self.balancedFactors(of: DLNParameters.rounded(w0), depth: depth).map { w in
                Matrix(rows: w.rowCount, columns: w.columnCount) { i, j in Rational(exactly: w[i, j]) ?? 0 }   // finite
            }
        }
        depth = layers.count
        let identity = Matrix<Rational>.identity(phiExact.columnCount)
        field = try DeepLinearNetworkGradientFlow(widths: [layers[0].columnCount] + layers.map(\.rowCount),
                                                  x: identity, y: phiExact)
        let start = try DeepLinearNetwork<BigFloat>(layers: layers.map(DLNParameters.rounded))
        initialLoss = try start.squareLoss(x: DLNParameters.rounded(identity), y: phi)
        c = try Self.smallestSingularValue(phi) - (start.endToEnd - phi).frobeniusNorm
        delta = start.balancedness.map(\.frobeniusNorm).reduce(BigFloat(0)) { BigFloat.maximum($0, $1) }
        exponent = BigFloat(Rational(numerator: BigInt(2 * (depth - 1)), denominator: BigInt(depth)))
        kappa = c > 0 ? BigFloat.pow(c, exponent) : nil
        epsilon = p[Self.epsilon]
        checksHypotheses = p[Self.hypotheses] == .checked
    }

    /// σ_min of a matrix.
    static func smallestSingularValue(_ m: Matrix<BigFloat>) throws -> BigFloat {
        try SingularValueDecomposition(m).singularValues.reduce(.infinity()) { BigFloat.minimum($0, $1) }
    }

    /// The end of a claim's statement: the ε bound on the loss `final` when given, and the hypotheses `inside`.
    static func statementEnd(_ p: InstanceParameters, final: String, inside: String) -> String {
        (p.has(epsilon) ? ", and \(final) ≤ ε = " + p.written(epsilon, absent: "ε") : "")
            + (p[hypotheses] == .ignored ? " (hypotheses not checked)" : " (inside the hypotheses \(inside); otherwise NOT APPLICABLE)")
    }

    /// The convergence claim on a run: ℓ ≤ `bounds` (entrywise, +∞ where a bound does not apply) at the samples of
    /// `losses` after the start, with ℓ(0), the final loss `final`, c and δ, the loss series, the hypotheses c > 0
    /// and `further` (when checked), and the branches c > 0 (whether the rate bound is checked) and `branches`; the
    /// place of a run stopped as divergent says so.
    func outcome(_ losses: [Observation<BigFloat>], bounds: [ObservedValue<BigFloat>], rhs: String, final: String,
                 further: [Condition], branches: [Condition] = [], diverged: Bool = false) throws -> PropertyOutcome {
        var series = SeriesRecorder(name: "loss", xLabel: losses[0].place.axisLabel, yLabel: "ℓ(\(losses[0].place.axisLabel.suffix(1)))",
                                    logarithmic: true)
        for sample in losses { series.append(x: sample.place.abscissa, y: sample.value.scalar) }
        var outcome = try BoundProperty(label: "ℓ", lhs: "ℓ", relation: .lessOrEqual, rhs: rhs)
            .evaluate(Array(losses.dropFirst()), bounds)
        outcome.quantities = [Quantity("ℓ(0)", .rounded(initialLoss)), Quantity(final, .rounded(losses[losses.count - 1].value.scalar)),
                              Quantity("deficiency margin c", .rounded(c)), Quantity("δ = max_j ‖D_j(0)‖_F", .rounded(delta))]
        outcome.series = [series.series]
        if diverged { outcome.place = outcome.place.map { $0 + " (diverged)" } }
        outcome.hypotheses = checksHypotheses ? [Condition("deficiency margin c > 0", .rounded(c))] + further : []
        outcome.branches = [Condition("c > 0 (the rate bound is checked)", .rounded(c))] + branches
        return outcome
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
        return [s * svd.v.transposed()] + Array(repeating: s, count: depth - 2) + [svd.u * s]
    }
}
