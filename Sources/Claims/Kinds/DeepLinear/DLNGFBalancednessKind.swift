import Dynamics
import LinearAlgebra
import MultiPrecision
import Models

/// `dln-gf-balancedness`: under gradient flow the balancedness matrices D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ evolve as
/// D_j(t) = e^{−2ρt} D_j(0), where ρ is the claimed decay rate (docs/theory.md §1.3; ρ = 0 is conservation, ρ = λ is the
/// law under weight decay λ), checked for every j at many output times (dense output), not only at T.
/// The loss is a function of the product: square, quartic or logistic (`DeepLinearNetworkLoss`).
///
/// The flow may carry weight decay λ on every layer (`weight_decay`) and a penalty μ/2·‖W_1‖²_F on the first layer
/// only (`first_layer_penalty`, a loss that is not a function of the product alone). Known-false twins claim ρ = 0
/// with λ > 0, or ρ = 0 with μ > 0.
public struct DLNGFBalancednessKind: ClaimKind {
    public init() {}

    public var name: String { "dln-gf-balancedness" }

    public var summary: String {
        "deep linear network, gradient flow (square, quartic or logistic loss, optionally weight decay λ or a first-layer penalty μ): D_j(t) = e^{−2ρt}·D_j(0) at every output time"
    }

    public var method: String {
        """
        Integrates the gradient flow Ẇ_j = −∂L/∂W_j − λW_j − [j = 1]μW_1 over [0, T] with the Taylor series method \
        at the working precision p (tolerance 2^−(p−10)). At `output_times` equally spaced times t in (0, T], \
        reached through the integrator's dense output (the step's Taylor polynomial), it measures the relative \
        deviation r_j(t) = ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / (‖D_j(0)‖_F + ‖W_{j+1}(t)‖²_F + ‖W_j(t)‖²_F) for every j; \
        the denominator is the size of the terms of D_j, so r is the deviation in units of the quantities that \
        cancel. The margin is tolerance − max_{t,j} r_j(t), and the place is the (t, j) of the maximum. \
        Everything is computed again at p + guard bits; the difference is the error estimate (it covers both \
        rounding and truncation, since the integrator's tolerance follows the precision). Beside it, the symbolic \
        obligation d/dt D_j = −2ρD_j for this depth and these λ, μ (proofs/symbolic/balancedness-flow-N*) is proved \
        or refuted for all sizes and reported as an exact measurement.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The gradient-flow parameters, `loss`, `weight_decay`, `first_layer_penalty`, `output_times` and `decay_rate`.
    public var parameters: [ParameterSpec] {
        DLNFlowParameters.specs.filter { $0.name != "loss" }
            + ParameterSpec.list(DeepLinearFlowScenario.loss, DeepLinearFlowScenario.weightDecay,
                                 DeepLinearFlowScenario.firstLayerPenalty, Self.outputTimes, Self.decayRate)
            + DLNFlowIntegrator.specs
    }

    /// Sizes and data fit; depth ≥ 2.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try DLNParameters.validate(parameters, minimumDepth: 2)
        try DLNFlowIntegrator.validate(parameters)
    }

    /// Integrates the flow and compares D_j(t) with e^{−2ρt}D_j(0) at every output time.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let setup = try DLNParameters.setup(parameters)
        let horizon = parameters[DLNFlowParameters.horizon]
        let loss = parameters[DeepLinearFlowScenario.loss]
        let field = try DeepLinearNetworkGradientFlow(
            widths: setup.widths, x: setup.x, y: setup.y, loss: loss,
            weightDecay: parameters[DeepLinearFlowScenario.weightDecay],
            firstLayerPenalty: parameters[DeepLinearFlowScenario.firstLayerPenalty])
        let rate = parameters[Self.decayRate]
        let count = parameters[Self.outputTimes]
        let times = (1...count).map { horizon * Rational(numerator: BigInt($0), denominator: BigInt(count)) }
        let initial = try DeepLinearNetwork<BigFloat>(layers: setup.network.layers.map(Self.rounded)).balancedness
        let initialNorms = initial.map(\.frobeniusNorm)

        let integrator = DLNFlowIntegrator(parameters)
        /// One integration: the largest deviation over the output times, the run, and the drift at each time.
        func measure(fixedSteps: Int?) throws -> (worst: Deviation, run: DLNFlowParameters.Run, drift: Series) {
            var worst = Deviation(relative: BigFloat(-1), absolute: 0, time: 0, layer: 0)
            var drift = SeriesRecorder(name: "drift", xLabel: "t",
                                       yLabel: "max_j ‖D_j(t) − e^{−2ρt}D_j(0)‖ (relative)", logarithmic: true)
            var failure: Error?
            var nextTime = 0
            let monitor = Observer<BigFloat>(.times(times)) { sample in
                guard failure == nil else { return }
                do {
                    let time = times[nextTime]       // output times arrive in order
                    nextTime += 1
                    context.report(time: Double(time), of: Double(times[times.count - 1]))
                    let layers = field.layers(of: sample.state)
                    let balancedness = try DeepLinearNetwork<BigFloat>(layers: layers).balancedness
                    let factor = BigFloat.exp(BigFloat(-2 * rate * time))
                    var largest = BigFloat(0)
                    for j in balancedness.indices {
                        let absolute = (balancedness[j] - factor * initial[j]).frobeniusNorm
                        let scale = initialNorms[j] + layers[j + 1].frobeniusInnerProduct(layers[j + 1])
                            + layers[j].frobeniusInnerProduct(layers[j])
                        let relative = absolute / scale
                        largest = BigFloat.maximum(largest, relative)
                        if relative > worst.relative {
                            worst = Deviation(relative: relative, absolute: absolute, time: time, layer: j + 1)
                        }
                    }
                    drift.append(x: Double(time), y: largest)
                } catch { failure = error }
            }
            let run = try DLNFlowParameters.integrate(field, from: setup.network.layers, horizon: horizon,
                                                      context: context, observers: [monitor],
                                                      integrator: integrator, fixedSteps: fixedSteps)
            if let failure { throw failure }
            return (worst, run, drift.series)
        }
        // Fixed steps: the second precision repeats the same truncation error, so run twice as many steps too and
        // take |r(n) − r(2n)| (which exceeds the error of r(2n) for any method of order ≥ 1) as the method error.
        let (worst, run, drift) = try measure(fixedSteps: integrator.fixedSteps.map { 2 * $0 })
        var methodError: BigFloat?
        var statistics = run.statistics
        if let steps = integrator.fixedSteps {
            let coarse = try measure(fixedSteps: steps)
            methodError = BigFloat.abs(coarse.worst.relative - worst.relative)
            statistics["fixed steps"] = "\(2 * steps) (and \(steps) for the truncation estimate)"
        }
        let final = try DeepLinearNetwork<BigFloat>(layers: run.layers)
        let finalLoss = try final.loss(loss, x: Self.rounded(setup.x), y: Self.rounded(setup.y))
        return try Evaluation(
            quantities: [
                Quantity("max_{t,j} ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / (‖D_j(0)‖_F + ‖W_{j+1}(t)‖²_F + ‖W_j(t)‖²_F)",
                         .rounded(worst.relative), methodError: methodError),
                Quantity("‖D_j(t) − e^{−2ρt}D_j(0)‖_F at that (t, j)", .rounded(worst.absolute)),
                Quantity("t of the maximum", .exact(worst.time)),
                Quantity("max_j ‖D_j(0)‖_F", .rounded(initialNorms.max()!)),
                Quantity("L(W(T))", .rounded(finalLoss)),
            ] + DLNSymbolicEvidence.quantities(depth: setup.widths.count - 1, law: .flow(
                    weightDecay: parameters[DeepLinearFlowScenario.weightDecay],
                    firstLayerPenalty: parameters[DeepLinearFlowScenario.firstLayerPenalty], rate: rate)),
            margin: .rounded(BigFloat(context.tolerance) - worst.relative),
            location: "t = \(worst.time), j = \(worst.layer) (maximum over \(count) output times)",
            statistics: statistics.merging(["depth": "\(setup.widths.count - 1)", "output times": "\(count)",
                                            "loss": loss.rawValue]) { a, _ in a },
            series: [drift],
            marginMethodError: methodError
        )
    }

    /// The largest relative deviation seen so far and where it occurred.
    private struct Deviation {
        var relative: BigFloat
        var absolute: BigFloat
        var time: Rational
        var layer: Int
    }

    /// A matrix of rationals rounded at the current precision.
    private static func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
        Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
    }
}

extension DLNGFBalancednessKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let rate = p.written(Self.decayRate, absent: "ρ")
        let law = rate == "0" ? "D_j(t) = D_j(0)" : "D_j(t) = e^{−2ρt} D_j(0) with ρ = \(rate)"
        return "\(law): ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / (‖D_j(0)‖_F + ‖W_{j+1}‖²_F + ‖W_j‖²_F) ≤ tolerance for every j at "
            + "\(p.written(Self.outputTimes, absent: "the")) output times in (0, T]"
    }
}

extension DLNGFBalancednessKind {
    static let outputTimes = Parameter<Int>("output_times", .check, type: .integer(1...10_000), default: 64,
        help: "the number n of equally spaced times T/n, 2T/n, …, T at which D_j(t) is compared (dense output)")

    static let decayRate = Parameter<Rational>("decay_rate", .check, type: .rational(minimum: 0, exclusive: false),
        default: 0, help: "the claimed rate ρ in D_j(t) = e^{−2ρt}·D_j(0) (0: conservation)")
}
