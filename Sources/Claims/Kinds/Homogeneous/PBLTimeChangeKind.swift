import MultiPrecision
import Models

/// `pbl-time-change`: E3 of Poggio, Banburski, Liao (PNAS 2020), the time change τ = ∫ρ_1^{−2}; docs/theory.md §2.4.
public struct PBLTimeChangeKind: TrajectoryKind, ClassifierSetup, DescribedKind {
    public static let about = KindDescription("pbl-time-change",
        summary: "deep linear or ReLU classifier, exponential loss: normalized GF weights = constrained flow under τ = ∫ρ_1^{−2} (E3; E5 twin with unequal norms)",
        method: """
        Integrates gradient flow of W (deep linear, or bias-free ReLU with its activation pattern fixed per segment, \
        restarted at every located sign change of a pre-activation) together with dV^c/dt = ρ_1(W)^{−2} F(ρ(W), V^c), V^c(0) = W(0)/‖W_k(0)‖, by \
        the Taylor method at the working precision p (tolerance 2^−(p−10)), and measures \
        max_k ‖W_k(t)/‖W_k(t)‖ − V^c_k(t)‖_F at 40 equally spaced times t = T/40 … T (dense output). Initial layers \
        are random, normalized to 4p bits, then scaled by 1 (equal norms) or by 3/2, 1, 4/5, … (unequal norms). \
        Margin: tolerance − the largest deviation over those times; the run at p + guard bits gives the error \
        estimate.
        """)

    public var declared: [any DeclaredParameter] { [ClassifierInstance.horizon] }

    public func checked(_ p: InstanceParameters) -> String? {
        "max_k ‖W_k(t)/‖W_k(t)‖ − V^c_k(t)‖_F ≤ tolerance at 40 equally spaced times up to T = \(p.written(ClassifierInstance.horizon, absent: "T")), "
            + "V^c the constrained flow under τ = ∫ρ_1^{−2}"
    }

    public func check(_ p: InstanceParameters, on scenario: ClassifierScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let horizon = p[ClassifierInstance.horizon], coupled = PolarTimeChangeFlow(base: scenario.instance.flow)
        let run = try scenario.sampler.flow(
            acrossSwitches: coupled, from: coupled.start(from: scenario.instance.initial, precision: context.workingPrecision),
            to: horizon, at: (1...40).map { horizon * Rational($0) / 40 })
        let deviations = run.states.map { coupled.measure($0).deviation }, end = coupled.measure(run.states[run.states.count - 1])
        var outcome = try run.atMost(context.tolerance, label: "equivalence", "max_k ‖V_k^GF(t) − V^c_k(t)‖_F", deviations)
        var equivalence = SeriesRecorder(name: "equivalence", xLabel: "t", yLabel: "max_k ‖V_k^GF(t) − V^c_k(τ(t))‖_F",
                                         logarithmic: true)
        for (place, d) in zip(run.places, deviations) { equivalence.append(x: place.abscissa, y: d) }
        outcome.series.insert(equivalence.series, at: 0)
        let worst = deviations.indices.dropFirst().reduce(0) { deviations[$1] > deviations[$0] ? $1 : $0 }
        outcome.quantities = [Quantity("max_k ‖V_k^GF(T) − V^c_k(T)‖_F", .rounded(end.deviation)),
                               Quantity("max_t max_k ‖V_k^GF(t) − V^c_k(t)‖_F (40 times)", .rounded(deviations[worst])),
                               Quantity("t of that maximum", .exact(horizon * Rational(worst + 1) / 40))]
            + end.norms.enumerated().map { Quantity("ρ_\($0.offset + 1)(T)", .rounded($0.element)) }
            + outcome.quantities + [Quantity("activation switches", .exact(Rational(run.events.count)))]
        return outcome
    }

    public static var layerNorms: Parameter<LayerNorms>? { ClassifierInstance.equalNorms }
}
