import LinearAlgebra
import Models
import MultiPrecision

/// `dln-gf-balancedness`: D_j(t) = e^{−2ρt} D_j(0) under gradient flow (docs/theory.md §1.3).
public struct DLNGFBalancednessKind: TrajectoryKind, DescribedKind {
    static let decayRate = Parameter<Rational>("decay_rate", .check, minimum: 0, default: 0,
                                               help: "the claimed rate ρ in D_j(t) = e^{−2ρt}·D_j(0) (0: conservation)")

    public static let about = KindDescription("dln-gf-balancedness",
        summary: "deep linear network, gradient flow (square, quartic or logistic loss, optionally weight decay λ or a first-layer penalty μ): D_j(t) = e^{−2ρt}·D_j(0) at every output time",
        method: """
        Integrates the gradient flow Ẇ_j = −∂L/∂W_j − λW_j − [j = 1]μW_1 over [0, T] with the Taylor series method \
        at the working precision p (tolerance 2^−(p−10)). At the n output times T/n, …, T, reached through the \
        integrator's dense output, it measures the relative deviation r_j(t) = ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / \
        (‖D_j(0)‖_F + ‖W_{j+1}(t)‖²_F + ‖W_j(t)‖²_F) for every j: the deviation in units of the terms that cancel. \
        The margin is tolerance − max_{t,j} r_j(t). Everything is computed again at p + guard bits; the difference \
        is the error estimate (rounding and truncation, since the tolerance follows the precision). With \
        `fixed_steps` the truncation error is not estimated: no verdict, except for Gauss–Legendre on the \
        conservation law at step points (it conserves quadratic invariants exactly). Beside it, the symbolic \
        obligation d/dt D_j = −2ρD_j for this depth and these λ, μ (proofs/symbolic/balancedness-flow-N*) is \
        proved or refuted for all sizes and reported as an exact measurement.
        """)

    public var declared: [any DeclaredParameter] { [Self.decayRate] }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(parameters)
        try DLNParameters.validate(parameters, minimumDepth: 2)
    }

    public func checked(_ p: InstanceParameters) -> String? {
        let rate = p.written(Self.decayRate, absent: "ρ")
        let law = rate == "0" ? "D_j(t) = D_j(0)" : "D_j(t) = e^{−2ρt} D_j(0) with ρ = \(rate)"
        return "\(law): ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / (‖D_j(0)‖_F + ‖W_{j+1}‖²_F + ‖W_j‖²_F) ≤ tolerance for every j at "
            + "\(p.written(Scenario.outputTimes, absent: "the")) output times in (0, T]"
    }

    public func check(_ p: InstanceParameters, on flow: DeepLinearFlowScenario, context: EvaluationContext) throws -> PropertyOutcome {
        let rate = p[Self.decayRate], field = flow.field
        let initial = try DeepLinearNetwork(layers: flow.setup.network.layers.map(DLNParameters.rounded)).balancedness, initialNorms = initial.map(\.frobeniusNorm)
        var worst = (relative: BigFloat(-1), absolute: BigFloat(0), time: Rational(0), layer: 0)
        var drift = SeriesRecorder(name: "drift", xLabel: "t", yLabel: "max_j ‖D_j(t) − e^{−2ρt}D_j(0)‖ (relative)", logarithmic: true)
        var deviations: [Observation<BigFloat>] = []
        for (place, state) in zip(flow.run.places, flow.run.states).dropFirst() {
            guard case let .time(t) = place else { continue }
            let w = field.layers(of: state), factor = BigFloat.exp(BigFloat(-2 * rate * t))
            var largest = BigFloat(0)
            for (j, d) in try DeepLinearNetwork(layers: w).balancedness.enumerated() {
                let absolute = (d - factor * initial[j]).frobeniusNorm
                let relative = absolute / (initialNorms[j] + w[j + 1].frobeniusInnerProduct(w[j + 1]) + w[j].frobeniusInnerProduct(w[j]))
                largest = BigFloat.maximum(largest, relative)
                if relative > worst.relative { worst = (relative, absolute, t, j + 1) }
            }
            drift.append(x: Double(t), y: largest)
            deviations.append(Observation(place: place, scalar: largest))
        }
        var outcome = try BoundProperty(label: "r", lhs: "max_j r_j(t)", relation: .lessOrEqual, rhs: "0", tolerance: context.tolerance)
            .evaluate(deviations, deviations.map { _ in ObservedValue(BigFloat(0)) })
        outcome.quantities = [
            Quantity("max_{t,j} ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / (‖D_j(0)‖_F + ‖W_{j+1}(t)‖²_F + ‖W_j(t)‖²_F)",
                     .rounded(worst.relative)),
            Quantity("‖D_j(t) − e^{−2ρt}D_j(0)‖_F at that (t, j)", .rounded(worst.absolute)),
            Quantity("t of the maximum", .exact(worst.time)),
            Quantity("max_j ‖D_j(0)‖_F", .rounded(initialNorms.reduce(BigFloat(0)) { BigFloat.maximum($0, $1) })),
            Quantity("L(W(T))", .rounded(try flow.loss(flow.finalLayers))),
        ] + (try DLNSymbolicEvidence.quantities(depth: field.depth, law: .flow(
            weightDecay: field.weightDecay, firstLayerPenalty: field.firstLayerPenalty, rate: rate)))
        outcome.series = [drift.series]
        outcome.place = "t = \(worst.time), j = \(worst.layer) (maximum over \(deviations.count) output times)"
        // Gauss–Legendre keeps D_j = D_j(0) exactly at its step points: no truncation error to estimate there.
        if flow.samplesConserveQuadraticInvariants, rate.isZero, field.weightDecay.isZero, field.firstLayerPenalty.isZero { outcome.methodError = 0 }
        return outcome
    }
}
