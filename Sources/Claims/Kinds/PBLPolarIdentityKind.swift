import LinearAlgebra
import MultiPrecision
import Models

/// `pbl-polar-identity`: the pointwise polar identities of gradient flow for a homogeneous network with the
/// exponential loss (Poggio, Banburski, Liao, PNAS 2020; Du, Hu, Lee, NeurIPS 2018; THEORY.md §2.2–2.4), checked
/// on a bias-free deep linear classifier f = W_K ⋯ W_1 x at a sequence of states (the initial state and the states
/// after each of `steps` small gradient-descent steps; the identities are pointwise, so they must hold at every
/// state). With ρ_k = ‖W_k‖_F, V_k = W_k/ρ_k, ρ = Π ρ_k and the constrained field F_k(ρ, V) of §2.3:
///
/// - `"E1"`: V̇_k = ρ_k^{−2} F_k(ρ, V) for every k (V̇_k from the GF field Ẇ_k = −∂L/∂W_k, F_k from the normalized
///   weights alone); residual max_k ‖V̇_k − ρ_k^{−2}F_k‖_F / ‖V̇_k‖_F.
/// - `"N3"`: ρ_k ρ̇_k is the same for every layer (so ρ_k² − ρ_j² is conserved); residual (max − min)/max |ρ_kρ̇_k|.
/// - `"E5-single-factor"` (known false with unequal layer norms): V̇_k = ρ^{−2/K} F_k for every k.
/// - `"equal-rho-dot"` (known false with unequal layer norms): ρ̇_k is the same for every layer.
///
/// Margin: tolerance − max over states of the relative residual.
public struct PBLPolarIdentityKind: ClaimKind {
    /// Creates the kind.
    public init() {}

    /// `pbl-polar-identity`.
    public var name: String { "pbl-polar-identity" }

    /// One line.
    public var summary: String {
        "homogeneous net, exponential loss, gradient flow in polar form: V̇_k = ρ_k^{−2}F_k(ρ,V) (E1), ρ_kρ̇_k equal across layers (N3)"
    }

    /// How the check works.
    public var method: String {
        """
        Evaluates, in MPFR at the working precision p, the gradient-flow field Ẇ_k = Σ_n e^{−y_n f_n} y_n ∂f_n/∂W_k \
        of a deep linear classifier with exponential loss, its polar form ρ̇_k = ⟨V_k, Ẇ_k⟩ and \
        V̇_k = (Ẇ_k − ρ̇_k V_k)/ρ_k, and independently the constrained field F_k(ρ, V) from the normalized layers \
        (THEORY.md §2.3). The relative residual of the claimed identity is taken over the initial state and the \
        states after each gradient-descent step. Margin: tolerance − max residual; the run at p + guard bits gives \
        the error estimate.
        """
    }

    /// Rounded (MPFR).
    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, scales, steps and the identity.
    public var parameters: [ParameterSpec] {
        [
            ParameterSpec("widths", section: .model, type: .integerList(element: 1...16, count: 3...8), required: true,
                          help: "d_0 (input), hidden widths, and d_K = 1 (scalar output)"),
            ParameterSpec("samples", section: .model, type: .integer(1...64), default: .integer(6),
                          help: "the number M of data points (random, entries k/8, labels ±1 from `seed`)"),
            ParameterSpec("seed", section: .model, type: .integer(0...(1 << 53)), default: .integer(0),
                          help: "the seed of the data, the labels and the initial layers"),
            ParameterSpec("layer_norms", section: .model, type: .choice(["equal", "unequal"]), default: .choice("equal"),
                          help: "\"equal\": every ρ_k(0) = 1 (normalized random layers); \"unequal\": ρ_k(0) = 3/2, 1, 4/5, … cycling"),
            ParameterSpec("step_size", section: .dynamics, type: .rational(minimum: 0, exclusive: true),
                          default: .rational(Rational(numerator: 1, denominator: 20)),
                          help: "η of the gradient-descent steps that generate the states"),
            ParameterSpec("steps", section: .dynamics, type: .integer(0...1000), default: .integer(10),
                          help: "the number of gradient-descent steps (states checked: steps + 1)"),
            ParameterSpec("identity", section: .check,
                          type: .choice(["E1", "N3", "E5-single-factor", "equal-rho-dot"]), required: true,
                          help: "E1, N3, or the known-false E5-single-factor / equal-rho-dot"),
        ]
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard let widths = parameters.integerList("widths"), widths.last == 1 else {
            throw ParameterProblem(key: "widths", .invalidValue("the last width must be 1 (a scalar classifier)"))
        }
    }

    /// Generates the states and measures the residual.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let widths = parameters.integerList("widths")!
        let m = parameters.integer("samples") ?? 6
        let k = widths.count - 1
        var rng = SeededGenerator(seed: UInt64(parameters.integer("seed") ?? 0))
        func draw() -> BigFloat { BigFloat(Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8)) }
        let x = Matrix<BigFloat>(rows: widths[0], columns: m) { _, _ in draw() }
        let y = (0..<m).map { _ in BigFloat(rng.uniform(in: 0...1) == 0 ? -1 : 1) }
        let scales = [Rational(numerator: 3, denominator: 2), Rational(1), Rational(numerator: 4, denominator: 5)]
        let unequal = parameters.choice("layer_norms") == "unequal"
        var layers = (0..<k).map { j -> Matrix<BigFloat> in
            var w = Matrix<BigFloat>(rows: widths[j + 1], columns: widths[j]) { _, _ in draw() }
            if w.frobeniusNorm.isZero { w = Matrix(rows: w.rowCount, columns: w.columnCount) { r, c in r == c ? BigFloat(1) : BigFloat(0) } }
            let target = unequal ? BigFloat(scales[j % scales.count]) : BigFloat(1)
            return (target / w.frobeniusNorm) * w
        }
        let model = try DeepLinearClassifier(layers: layers, inputs: x, labels: y)
        let eta = BigFloat(parameters.rational("step_size") ?? Rational(numerator: 1, denominator: 20))
        let steps = parameters.integer("steps") ?? 10
        let identity = parameters.choice("identity") ?? "E1"

        var worst = BigFloat(0), worstState = 0
        var maxN3Spread = BigFloat(0)
        for state in 0...steps {
            try context.checkpoint()
            // Gradient-flow field at W.
            let (f, df) = model.outputsAndGradients(layers)
            var wDot = layers.map { Matrix<BigFloat>(rows: $0.rowCount, columns: $0.columnCount) { _, _ in BigFloat(0) } }
            for n in 0..<m {
                let weight = BigFloat.exp(-(y[n] * f[n])) * y[n]
                for j in 0..<k { wDot[j] += weight * df[n][j] }
            }
            let rho = layers.map(\.frobeniusNorm)
            let v = (0..<k).map { (BigFloat(1) / rho[$0]) * layers[$0] }
            let rhoProduct = rho.reduce(BigFloat(1), *)
            let rhoDot = (0..<k).map { v[$0].frobeniusInnerProduct(wDot[$0]) }
            let vDot = (0..<k).map { j in (BigFloat(1) / rho[j]) * (wDot[j] - rhoDot[j] * v[j]) }
            // Constrained field from the normalized layers only.
            let (ft, dft) = model.outputsAndGradients(v)
            var field = v.map { Matrix<BigFloat>(rows: $0.rowCount, columns: $0.columnCount) { _, _ in BigFloat(0) } }
            for n in 0..<m {
                let weight = rhoProduct * BigFloat.exp(-(rhoProduct * y[n] * ft[n])) * y[n]
                for j in 0..<k { field[j] += weight * (dft[n][j] - ft[n] * v[j]) }
            }
            let residual: BigFloat
            switch identity {
            case "E1", "E5-single-factor":
                var r = BigFloat(0)
                let single = BigFloat.exp(BigFloat.log(rhoProduct) * BigFloat(Rational(numerator: -2, denominator: BigInt(k))))
                for j in 0..<k {
                    let factor = identity == "E1" ? BigFloat(1) / (rho[j] * rho[j]) : single
                    let ratio = (vDot[j] - factor * field[j]).frobeniusNorm / vDot[j].frobeniusNorm
                    if ratio > r { r = ratio }
                }
                residual = r
            default:
                let values = identity == "N3" ? (0..<k).map { rho[$0] * rhoDot[$0] } : rhoDot
                let spread = values.max()! - values.min()!
                let scale = values.map { BigFloat.abs($0) }.max()!
                residual = spread / scale
            }
            let n3 = (0..<k).map { rho[$0] * rhoDot[$0] }
            let n3Spread = (n3.max()! - n3.min()!) / n3.map { BigFloat.abs($0) }.max()!
            if n3Spread > maxN3Spread { maxN3Spread = n3Spread }
            if residual > worst || state == 0 { worst = residual; worstState = state }
            if state < steps { for j in 0..<k { layers[j] += eta * wDot[j] } }
        }
        let tolerance = BigFloat(context.tolerance)
        return Evaluation(
            quantities: [
                Quantity("max relative residual of \(identity)", .rounded(worst)),
                Quantity("max (max_k − min_k)(ρ_kρ̇_k) / max_k |ρ_kρ̇_k| (N3)", .rounded(maxN3Spread)),
            ],
            margin: .rounded(tolerance - worst),
            location: "state after \(worstState) gradient-descent steps",
            statistics: ["states": "\(steps + 1)", "depth": "\(k)"]
        )
    }
}
