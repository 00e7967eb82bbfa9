import LinearAlgebra
import MultiPrecision
import Models

/// `dhl-layer-norm-differences`: along gradient flow of a homogeneous classifier (deep linear, or bias-free ReLU)
/// with the exponential loss, the differences of squared layer norms ρ_k² − ρ_1² stay constant (Du, Hu, Lee,
/// NeurIPS 2018; docs/theory.md §2.2 N3 and §2.5): the trajectory version of the pointwise identity ρ_kρ̇_k = ρ_jρ̇_j.
/// The flow is integrated by the Taylor method at the working precision (tolerance 2^−(p−10)), across activation
/// switches for ReLU, and sampled at `sample_times` equally spaced times in (0, T]. `quantity = "norm-ratios"` (known
/// false) claims instead that the ratios ρ_k/ρ_1 stay constant.
public struct DHLLayerNormKind: ClaimKind {
    public init() {}

    public var name: String { "dhl-layer-norm-differences" }

    public var summary: String {
        "homogeneous net (linear or ReLU), exponential loss, gradient flow: ρ_k² − ρ_1² is constant along the trajectory (N3)"
    }

    public var method: String {
        """
        Integrates gradient flow with the Taylor method at the working precision p (tolerance 2^−(p−10)); a ReLU \
        network runs with its activation pattern fixed per segment and restarts at every located sign change of a \
        pre-activation, the signs being checked at every step and output time. At each sample time it measures \
        max_k |q_k(t) − q_k(0)| / s(t), with q_k = ρ_k² − ρ_1² and s = max_k ρ_k² (or q_k = ρ_k/ρ_1 and s = max_k \
        |q_k(0)| for the known-false ratios). Margin: tolerance − the largest value over the sample times; the run \
        at p + guard bits gives the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, norms, horizon and the conserved quantity.
    public var parameters: [ParameterSpec] {
        ClassifierInstance.modelParameters(data: .randomLabels, layerNorms: ("unequal", ClassifierInstance.layerNormsHelp)) + ParameterSpec.list(Self.horizon, Self.sampleTimes, Self.quantity)
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try ClassifierInstance.validate(parameters)
    }

    /// Integrates and measures the drift of the quantity.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let precision = context.workingPrecision
        let instance = ClassifierInstance(normalizedLayers: parameters, precision: precision)
        let flow = instance.flow
        let ratios = parameters[Self.quantity] == "norm-ratios"
        let horizon = parameters[Self.horizon]
        let count = parameters[Self.sampleTimes]
        let times = (0...count).map { horizon * Rational($0) / Rational(count) }
        func squaredNorms(_ state: [BigFloat]) -> [BigFloat] {
            (0..<flow.depth).map { k in
                let o = flow.offset(k)
                return (o..<(o + flow.widths[k + 1] * flow.widths[k])).reduce(BigFloat(0)) { $0 + state[$1] * state[$1] }
            }
        }
        func quantities(_ squares: [BigFloat]) -> [BigFloat] {
            (1..<squares.count).map { ratios ? BigFloat.sqrt(squares[$0] / squares[0]) : squares[$0] - squares[0] }
        }
        var initial: [BigFloat] = [], worst = BigFloat(0), worstTime = BigFloat(0)
        var samples = 0
        try context.checkpoint()
        let run = try integrateAcrossActivationSwitches(flow, initial: instance.initial, horizon: horizon,
                                                        precision: precision, outputTimes: times) { sample in
            samples += 1
            let squares = squaredNorms(sample.state)
            let q = quantities(squares)
            if initial.isEmpty { initial = q; return }
            let scale = ratios ? initial.map { BigFloat.abs($0) }.max()! : squares.max()!
            let drift = zip(q, initial).map { BigFloat.abs($0 - $1) }.max()! / scale
            if drift > worst { worst = drift; worstTime = sample.time }
        }
        guard run.reachedEnd, samples == count + 1 else {
            throw EvaluationFailure("the integration stopped at t = \(run.time.scientific(significantDigits: 6)): \(run.termination)")
        }
        let name = ratios ? "max_t max_k |ρ_k/ρ_1(t) − ρ_k/ρ_1(0)| / max_k ρ_k/ρ_1(0)"
            : "max_t max_k |(ρ_k² − ρ_1²)(t) − (ρ_k² − ρ_1²)(0)| / max_k ρ_k²(t)"
        var measured = [Quantity(name, .rounded(worst))]
        for (k, square) in squaredNorms(run.state).enumerated() {
            measured.append(Quantity("ρ_\(k + 1)(T)", .rounded(BigFloat.sqrt(square))))
        }
        return Evaluation(
            quantities: measured, margin: .rounded(BigFloat(context.tolerance) - worst),
            location: "t = \(worstTime.scientific(significantDigits: 6))",
            statistics: ["depth": "\(flow.depth)", "network": flow.activation.rawValue, "sample times": "\(count)",
                         "activation switches": "\(run.switches.count)"])
    }
}

extension DHLLayerNormKind {
    public func checked(_ p: InstanceParameters) -> String? {
        p[Self.quantity] == "norm-ratios"
            ? "max_k |ρ_k/ρ_1(t) − ρ_k/ρ_1(0)| / max_k ρ_k/ρ_1(0) ≤ tolerance at every sample time t ≤ T"
            : "max_k |(ρ_k² − ρ_1²)(t) − (ρ_k² − ρ_1²)(0)| / max_k ρ_k²(t) ≤ tolerance at every sample time t ≤ T"
    }
}

extension DHLLayerNormKind {
    static let horizon = Parameter<Rational>("horizon", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the final time T")

    static let sampleTimes = Parameter<Int>("sample_times", .dynamics, type: .integer(1...2000), default: 20,
        help: "the number of equally spaced sample times in (0, T]")

    static let quantity = Parameter<String>("quantity", .check,
        type: .choice(["squared-norm-differences", "norm-ratios"]), default: "squared-norm-differences",
        help: "ρ_k² − ρ_1² (Du–Hu–Lee), or ρ_k/ρ_1 (known false)")
}
