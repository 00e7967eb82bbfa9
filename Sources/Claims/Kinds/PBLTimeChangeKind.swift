import LinearAlgebra
import MultiPrecision
import Models

/// `pbl-time-change`: E3 of THEORY.md §2.4 (Poggio, Banburski, Liao, PNAS 2020, in its precise sense). With equal
/// initial layer norms, the normalized gradient-flow weights V^{GF}(t) coincide with the constrained flow V^c run
/// on the time scale τ(t) = ∫ρ_1^{−2} (integrated as dV^c/dt = ρ_1(t)^{−2} F(ρ(t), V^c) beside the gradient flow,
/// Taylor method, tolerance 2^−(p−10)). With unequal norms (E5, known false) the single time change does not map one
/// onto the other. Margin: tolerance − max_k ‖V_k^{GF}(T) − V^c_k(T)‖_F.
public struct PBLTimeChangeKind: ClaimKind {
    /// Creates the kind.
    public init() {}

    /// `pbl-time-change`.
    public var name: String { "pbl-time-change" }

    /// One line.
    public var summary: String {
        "deep linear classifier, exponential loss: normalized GF weights = constrained flow under τ = ∫ρ_1^{−2} (E3; E5 twin with unequal norms)"
    }

    /// How the check works.
    public var method: String {
        """
        Integrates gradient flow of W together with dV^c/dt = ρ_1(W)^{−2} F(ρ(W), V^c), V^c(0) = W(0)/‖W_k(0)‖, by \
        the Taylor method at the working precision p (tolerance 2^−(p−10)), and measures \
        max_k ‖W_k(T)/‖W_k(T)‖ − V^c_k(T)‖_F. Initial layers are random, normalized to 4p bits, then scaled by 1 \
        (equal norms) or by 3/2, 1, 4/5, … (unequal norms). Margin: tolerance − deviation; the run at p + guard bits \
        gives the error estimate.
        """
    }

    /// Rounded (MPFR).
    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, norms and horizon.
    public var parameters: [ParameterSpec] {
        [
            ParameterSpec("widths", section: .model, type: .integerList(element: 1...8, count: 3...5), required: true,
                          help: "d_0, hidden widths, d_K = 1"),
            ParameterSpec("samples", section: .model, type: .integer(1...16), default: .integer(6),
                          help: "M data points (entries k/8, labels ±1 from `seed`)"),
            ParameterSpec("seed", section: .model, type: .integer(0...(1 << 53)), default: .integer(0),
                          help: "the seed of data, labels and initial layers"),
            ParameterSpec("layer_norms", section: .model, type: .choice(["equal", "unequal"]), default: .choice("equal"),
                          help: "\"equal\": every ρ_k(0) = 1 (to 4p bits); \"unequal\": 3/2, 1, 4/5, … (E5, known false)"),
            ParameterSpec("horizon", section: .dynamics, type: .rational(minimum: 0, exclusive: true), required: true,
                          help: "the final time T"),
        ]
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard let widths = parameters.integerList("widths"), widths.last == 1 else {
            throw ParameterProblem(key: "widths", .invalidValue("the last width must be 1 (a scalar classifier)"))
        }
    }

    /// Integrates the coupled flow and measures the deviation.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let widths = parameters.integerList("widths")!
        let m = parameters.integer("samples") ?? 6
        let precision = context.precision ?? 128
        var rng = SeededGenerator(seed: UInt64(parameters.integer("seed") ?? 0))
        func draw() -> Rational { Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8) }
        let inputs = Matrix<Rational>(rows: widths[0], columns: m) { _, _ in draw() }
        let labels = (0..<m).map { _ in rng.uniform(in: 0...1) == 0 ? -1 : 1 }
        let flow = DeepLinearClassifierFlow(widths: widths, inputs: inputs, labels: labels)
        let scales = [Rational(numerator: 3, denominator: 2), Rational(1), Rational(numerator: 4, denominator: 5)]
        let unequal = parameters.choice("layer_norms") == "unequal"
        var initial: [Rational] = []
        for k in 0..<(widths.count - 1) {
            var layer = (0..<(widths[k + 1] * widths[k])).map { _ in draw() }
            if layer.allSatisfy({ $0 == 0 }) { layer[0] = 1 }
            let target = unequal ? scales[k % scales.count] : Rational(1)
            let norm = withPrecision(4 * precision) { BigFloat.sqrt(layer.reduce(BigFloat(0)) { $0 + BigFloat($1) * BigFloat($1) }) }
            initial += layer.map { v in withPrecision(4 * precision) { Rational(exactly: BigFloat(v) * BigFloat(target) / norm)! } }
        }
        try context.checkpoint()
        let result = try PolarTimeChangeFlow(base: flow).deviation(initial: initial, horizon: parameters.rational("horizon")!,
                                                                   precision: precision)
        guard result.norms.count == widths.count - 1 else {
            throw EvaluationFailure("the integration stopped before the horizon")
        }
        var quantities = [Quantity("max_k ‖V_k^GF(T) − V^c_k(T)‖_F", .rounded(result.deviation))]
        for (k, norm) in result.norms.enumerated() { quantities.append(Quantity("ρ_\(k + 1)(T)", .rounded(norm))) }
        return Evaluation(quantities: quantities, margin: .rounded(BigFloat(context.tolerance) - result.deviation),
                          location: "t = T", statistics: ["depth": "\(widths.count - 1)"])
    }
}
