import LinearAlgebra
import MultiPrecision
import Models

/// `lyu-li-smoothed-margin`: for gradient flow on a K-homogeneous model with the exponential loss, once the loss
/// is below 1 the smoothed normalized margin γ̃ = log(1/𝓛)/‖θ‖^K is non-decreasing (Lyu & Li, ICLR 2020,
/// Theorem 4.1 [recalled in docs/theory.md §2.6]). Checked on a bias-free deep linear classifier on linearly separable
/// data, integrated by the Taylor method at the working precision (tolerance 2^−(p−10)), sampled at `samples_t`
/// equally spaced times in (0, T]. `from = "loss-below-one"` checks increments from the first sample with 𝓛 < 1;
/// `from = "zero"` (the known-false twin) checks every increment from t = 0.
public struct LyuLiMarginKind: ClaimKind {
    public init() {}

    public var name: String { "lyu-li-smoothed-margin" }

    public var summary: String {
        "homogeneous model, exponential loss, gradient flow: γ̃ = log(1/𝓛)/‖θ‖^K is non-decreasing once 𝓛 < 1"
    }

    public var method: String {
        """
        Integrates gradient flow of a bias-free deep linear classifier (exponential loss, separable data) with the \
        Taylor method at the working precision p (tolerance 2^−(p−10)), samples γ̃ at equally spaced times, and \
        takes the smallest increment γ̃(t_{i+1}) − γ̃(t_i) from the first sample with loss < 1 (or from t = 0). \
        Margin: tolerance + smallest increment. The run at p + guard bits gives the error estimate, which covers the \
        integrator's error because the tolerance follows the precision.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// Sizes, data, horizon and the starting point of the claim.
    public var parameters: [ParameterSpec] {
        ClassifierInstance.modelParameters(maxSamples: 32, data: .separable) + ParameterSpec.list(Self.initScale, Self.horizon, Self.sampleTimes, Self.fromParameter)
    }

    /// The output must be scalar.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try ClassifierInstance.validate(parameters)
    }

    /// Integrates and measures the increments.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let precision = context.workingPrecision
        let instance = ClassifierInstance(
            parameters, data: .separable,
            initialization: .scaled(parameters[Self.initScale]),
            precision: precision)
        let horizon = parameters[Self.horizon]
        let count = parameters[Self.sampleTimes]
        let times = (1...count).map { horizon * Rational($0) / Rational(count) }
        try context.checkpoint()
        let (samples, switches) = try instance.flow.margins(initial: instance.initial, times: times, precision: precision)
        guard samples.count == count else {
            throw EvaluationFailure("the integration stopped after \(samples.count) of \(count) sample times")
        }
        let fromZero = parameters[Self.fromParameter] == "zero"
        let start = fromZero ? 0 : samples.firstIndex { $0.loss < 1 }
        guard let start, start + 1 < samples.count else {
            throw EvaluationFailure("the loss never fell below 1 before the last sample time (raise horizon)")
        }
        var worst = start
        for i in start..<(samples.count - 1) {
            let inc = samples[i + 1].smoothedMargin - samples[i].smoothedMargin
            if inc < samples[worst + 1].smoothedMargin - samples[worst].smoothedMargin { worst = i }
        }
        let smallest = samples[worst + 1].smoothedMargin - samples[worst].smoothedMargin
        let firstBelowOne: Int? = samples.firstIndex { $0.loss < 1 }
        let t0: QuantityValue = firstBelowOne.map { .rounded(samples[$0].time) } ?? .exact(-1)
        let from = samples[worst].time.scientific(significantDigits: 4)
        let to = samples[worst + 1].time.scientific(significantDigits: 4)
        let statistics = ["sample times": "\(count)", "first sample with loss < 1": "\(firstBelowOne.map { $0 + 1 } ?? 0)",
                          "network": instance.flow.activation.rawValue, "activation switches": "\(switches)"]
        return Evaluation(
            quantities: [
                Quantity("smallest increment of γ̃", .rounded(smallest)),
                Quantity("t_0 (first sample with 𝓛 < 1; −1 if none)", t0),
                Quantity("γ̃(T)", .rounded(samples.last!.smoothedMargin)),
                Quantity("γ̄(T)", .rounded(samples.last!.normalizedMargin)),
                Quantity("𝓛(T)", .rounded(samples.last!.loss)),
            ],
            margin: .rounded(BigFloat(context.tolerance) + smallest),
            location: "between t = \(from) and t = \(to)",
            statistics: statistics,
            branches: fromZero ? [] : Self.windowConditions(samples.map(\.loss), start: start)
        )
    }

    /// The window's start (the first sample with 𝓛 < 1) is decided on rounded losses: a branch on each side, named
    /// by the sample, so that both precisions must agree on it beyond their error (1 − 𝓛 > 0 at the first sample of
    /// the window, 𝓛 − 1 ≥ 0 at the one before).
    static func windowConditions(_ losses: [BigFloat], start: Int) -> [Condition] {
        var conditions = [Condition("𝓛 < 1 at sample \(start + 1) (the window starts there)", .rounded(1 - losses[start]))]
        if start > 0 {
            conditions.append(Condition("𝓛 ≥ 1 at sample \(start) (before the window)", .rounded(losses[start - 1] - 1)))
        }
        return conditions
    }
}

extension LyuLiMarginKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let start = p[Self.fromParameter] == "zero" ? "from t = 0" : "from the first sample with 𝓛 < 1"
        return "γ̃(t_{i+1}) ≥ γ̃(t_i) − tolerance, γ̃ = log(1/𝓛)/‖θ‖^K, for consecutive sample times \(start)"
    }
}

extension LyuLiMarginKind {
    static let initScale = Parameter<Rational>("init_scale", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(numerator: 1, denominator: 2), help: "initial layer entries init_scale·k/8, k in −8…8")

    static let horizon = Parameter<Rational>("horizon", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the final time T")

    static let sampleTimes = Parameter<Int>("sample_times", .dynamics, type: .integer(2...2000), default: 50,
        help: "the number of equally spaced sample times in (0, T]")

    static let fromParameter = Parameter<String>("from", .check, type: .choice(["loss-below-one", "zero"]),
        default: "loss-below-one", variable: false,
        help: "where monotonicity is claimed from: the first sample with 𝓛 < 1 (Lyu–Li), or t = 0 (known false)")
}
