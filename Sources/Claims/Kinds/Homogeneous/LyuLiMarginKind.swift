import MultiPrecision
import Models

/// `lyu-li-smoothed-margin`: Lyu & Li (ICLR 2020), Theorem 4.1, the smoothed margin is non-decreasing; docs/theory.md §2.6.
public struct LyuLiMarginKind: TrajectoryKind, ClassifierSetup, DescribedKind {
    public static let about = KindDescription("lyu-li-smoothed-margin",
        summary: "homogeneous model, exponential loss, gradient flow: γ̃ = log(1/𝓛)/‖θ‖^K is non-decreasing once 𝓛 < 1",
        method: """
        Integrates gradient flow of a bias-free classifier (exponential loss, separable data) with the Taylor method \
        at the working precision p (tolerance 2^−(p−10)), samples γ̃ at equally spaced times, and takes the smallest \
        increment γ̃(t_{i+1}) − γ̃(t_i) from the first sample with loss < 1 (or from the first sample). Margin: \
        tolerance + smallest increment. The window's start is decided on rounded losses, so 1 − 𝓛 at its first \
        sample and 𝓛 − 1 at the one before are branch conditions that both precisions must agree on. The run at \
        p + guard bits gives the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [Self.initScale, ClassifierInstance.horizon, Self.sampleTimes, Self.from] }

    public func checked(_ p: InstanceParameters) -> String? {
        "γ̃(t_{i+1}) ≥ γ̃(t_i) − tolerance, γ̃ = log(1/𝓛)/‖θ‖^K, for consecutive sample times "
            + (p[Self.from] == .zero ? "from t = 0" : "from the first sample with 𝓛 < 1")
    }

    public func check(_ p: InstanceParameters, on scenario: ClassifierScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let n = p[Self.sampleTimes], horizon = p[ClassifierInstance.horizon], flow = scenario.instance.flow
        let run = try scenario.run(flow, to: horizon, at: (1...n).map { horizon * Rational($0) / Rational(n) })
        let margins = zip(run.places, run.states).map { place, state in flow.margins(time: BigFloat(place.abscissa), state: state) }
        let firstBelowOne = margins.firstIndex { $0.loss < 1 }
        guard let start = p[Self.from] == .zero ? 0 : firstBelowOne, start + 1 < n else {
            throw EvaluationFailure("the loss never fell below 1 before the last sample time (raise horizon)")
        }
        var outcome = try MonotoneProperty(label: "γ̃", observable: "γ̃ = log(1/𝓛)/‖θ‖^K", direction: .nonDecreasing,
                                           from: run.places[start], tolerance: context.tolerance)
            .evaluate(zip(run.places, margins).map { Observation(place: $0, scalar: $1.smoothedMargin) })
        let end = margins[n - 1]
        var t0 = QuantityValue.exact(-1)
        if let firstBelowOne, case let .time(t) = run.places[firstBelowOne] { t0 = .rounded(BigFloat(t)) }
        outcome.quantities += [Quantity("t_0 (first sample with 𝓛 < 1; −1 if none)", t0),
                               Quantity("γ̃(T)", .rounded(end.smoothedMargin)), Quantity("γ̄(T)", .rounded(end.normalizedMargin)),
                               Quantity("𝓛(T)", .rounded(end.loss)), Quantity("activation switches", .exact(Rational(run.events.count)))]
        // The window's start is decided on rounded losses: a branch on each side, named by its role.
        if p[Self.from] == .lossBelowOne {
            outcome.branches.append(Condition("𝓛 < 1 at the first sample of the window", .rounded(1 - margins[start].loss)))
            if start > 0 { outcome.branches.append(Condition("𝓛 ≥ 1 at the sample before the window", .rounded(margins[start - 1].loss - 1))) }
        }
        return outcome
    }

    static let initScale = Parameter<Rational>.positive("init_scale", .model, default: Rational(numerator: 1, denominator: 2),
        help: "initial layer entries init_scale·k/8, k in −8…8")
    static let sampleTimes = Parameter<Int>("sample_times", .dynamics, 2...2000, default: 50,
        help: "the number of equally spaced sample times in (0, T]")
    static let from = Parameter<Start>("from", .check, default: .lossBelowOne, variable: false,
        help: "where monotonicity is claimed from: the first sample with 𝓛 < 1 (Lyu–Li), or t = 0 (known false)")

    /// Where monotonicity is claimed from.
    enum Start: String, ParameterChoice {
        case lossBelowOne = "loss-below-one", zero
    }

    public static var data: Parameter<ClassifierData> { ClassifierInstance.separableData }
    public static func initialization(_ parameters: InstanceParameters) -> ClassifierInstance.Initialization {
        .scaled(parameters[initScale])
    }
}
