import LinearAlgebra
import MultiPrecision
import Models

/// `pbl-time-change`: E3 of docs/theory.md §2.4 (Poggio, Banburski, Liao, PNAS 2020, in its precise sense), for a deep
/// linear classifier or a bias-free ReLU network (integrated segment by segment across activation switches). With equal
/// initial layer norms, the normalized gradient-flow weights V^{GF}(t) coincide with the constrained flow V^c run
/// on the time scale τ(t) = ∫ρ_1^{−2} (integrated as dV^c/dt = ρ_1(t)^{−2} F(ρ(t), V^c) beside the gradient flow,
/// Taylor method, tolerance 2^−(p−10)). With unequal norms (E5, known false) the single time change does not map one
/// onto the other. Margin: tolerance − max_k ‖V_k^{GF}(T) − V^c_k(T)‖_F.
public struct PBLTimeChangeKind: ClaimKind {
    public init() {}

    public var name: String { "pbl-time-change" }

    public var summary: String {
        "deep linear or ReLU classifier, exponential loss: normalized GF weights = constrained flow under τ = ∫ρ_1^{−2} (E3; E5 twin with unequal norms)"
    }

    public var method: String {
        """
        Integrates gradient flow of W (deep linear, or bias-free ReLU with its activation pattern fixed per segment, \
        restarted at every located sign change of a pre-activation) together with dV^c/dt = ρ_1(W)^{−2} F(ρ(W), V^c), V^c(0) = W(0)/‖W_k(0)‖, by \
        the Taylor method at the working precision p (tolerance 2^−(p−10)), and measures \
        max_k ‖W_k(t)/‖W_k(t)‖ − V^c_k(t)‖_F at 40 equally spaced times t = T/40 … T (dense output). Initial layers \
        are random, normalized to 4p bits, then scaled by 1 (equal norms) or by 3/2, 1, 4/5, … (unequal norms). \
        Margin: tolerance − the largest deviation over those times; the run at p + guard bits gives the error \
        estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, norms and horizon.
    public var parameters: [ParameterSpec] {
        ClassifierInstance.modelParameters(data: .randomLabels, layerNorms: ("equal", ClassifierInstance.layerNormsHelp)) + ParameterSpec.list(Self.horizon)
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try ClassifierInstance.validate(parameters)
    }

    /// Integrates the coupled flow and measures the deviation.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let precision = context.workingPrecision
        let instance = ClassifierInstance(normalizedLayers: parameters, precision: precision)
        try context.checkpoint()
        let horizon = parameters[Self.horizon]
        guard let result = try PolarTimeChangeFlow(base: instance.flow)
            .deviation(initial: instance.initial, horizon: horizon, precision: precision, samples: 40)
        else { throw EvaluationFailure("the integration stopped before the horizon") }
        let largest = result.trajectory.max { $0.deviation < $1.deviation } ?? (horizon, result.deviation)
        var quantities = [Quantity("max_k ‖V_k^GF(T) − V^c_k(T)‖_F", .rounded(result.deviation)),
                          Quantity("max_t max_k ‖V_k^GF(t) − V^c_k(t)‖_F (40 times)", .rounded(largest.deviation)),
                          Quantity("t of that maximum", .exact(largest.time))]
        for (k, norm) in result.norms.enumerated() { quantities.append(Quantity("ρ_\(k + 1)(T)", .rounded(norm))) }
        var equivalence = SeriesRecorder(name: "equivalence", xLabel: "t",
                                         yLabel: "max_k ‖V_k^GF(t) − V^c_k(τ(t))‖_F", logarithmic: true)
        for point in result.trajectory { equivalence.append(x: Double(point.time), y: point.deviation) }
        return Evaluation(quantities: quantities, margin: .rounded(BigFloat(context.tolerance) - largest.deviation),
                          location: "t = \(largest.time) (largest deviation of 40 times)",
                          statistics: ["depth": "\(instance.flow.depth)", "network": instance.flow.activation.rawValue,
                                       "activation switches": "\(result.switches)"],
                          series: [equivalence.series])
    }
}

extension PBLTimeChangeKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "max_k ‖W_k(t)/‖W_k(t)‖ − V^c_k(t)‖_F ≤ tolerance at 40 equally spaced times up to T = \(p.written(Self.horizon, absent: "T")), "
            + "V^c the constrained flow under τ = ∫ρ_1^{−2}"
    }
}

extension PBLTimeChangeKind {
    static let horizon = Parameter<Rational>("horizon", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the final time T")
}
