import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `matrix-factorization-nuclear-norm`: the Gunasekar et al. (NeurIPS 2017) conjecture and the Razin–Cohen (NeurIPS 2020) counterexample (docs/theory.md §5.3).
public struct MatrixFactorizationNuclearNormKind: ClaimKind, DescribedKind {
    enum Claim: String, ParameterChoice {
        case nuclearNormMinimal = "nuclear-norm-minimal", entryGrows = "entry-grows"
    }

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: 100), help: "nuclear-norm-minimal: the allowed relative excess (‖W‖_* − m)/m")

    public static let about = KindDescription("matrix-factorization-nuclear-norm",
        summary: "matrix sensing by GD on W = W_N⋯W_1 from αI: the Gunasekar nuclear-norm conjecture (false on Razin–Cohen completion) and the growth of an unobserved entry",
        method: """
        Iterates gradient descent on all N factors (n × n, W_j(0) = αI) for the loss Σ_i (⟨A_i, W⟩ − y_i)² (no ½, as \
        in the offconvex blog quoted in §5.3; completion is A_i = e_r e_cᵀ) as a map \
        through the sampler at the working precision p, sampling the loss, the nuclear norm (one-sided Jacobi SVD) \
        and the watched entry at `samples` equally spaced steps. The conjecture is evaluated at the first sample with \
        loss ≤ loss_threshold (a terminal event; an ERROR if none): (‖W‖_* − m)/m ≤ tolerance, m = nuclear_minimum \
        (true for commuting measurements; false on the Razin–Cohen completion instance, where ‖W‖_* grows without \
        bound as the loss → 0). Everything is computed again at p + guard bits; the difference is the error estimate.
        """)

    public var arithmetic: Arithmetic { .rounded }

    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.measurements, Self.measured, FactorizationParameters.depth, FactorizationParameters.alpha,
                           FactorizationParameters.stepSize, Self.steps, Self.samples, Self.claim, Self.lossThreshold,
                           Self.nuclearMinimum, Self.entry, Self.tolerance.legacy)
    }

    /// Square measurements of one size, one y per measurement; the conjecture needs its threshold and minimum.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let n = try Self.problem(parameters).measurements[0].rowCount
        if parameters[Self.claim] == .nuclearNormMinimal {
            for key: any DeclaredParameter in [Self.lossThreshold, Self.nuclearMinimum] where !parameters.has(key) {
                throw ParameterProblem(key: key.spec.name, .invalidValue("claim = \"nuclear-norm-minimal\" needs \(key.spec.name)"))
            }
        } else if parameters[Self.entry].contains(where: { $0 > n }) {
            throw ParameterProblem(key: "entry", .invalidValue("entry \(parameters[Self.entry]) lies outside the \(n) × \(n) matrix"))
        }
    }

    /// The measurement matrices and y, exact.
    static func problem(_ parameters: InstanceParameters) throws(ParameterProblem) -> (measurements: [Matrix<Rational>], y: [Rational]) {
        var measurements: [Matrix<Rational>] = []
        for source in parameters[Self.measurements].sources {
            guard case let .exact(m, origin) = source else {
                throw ParameterProblem(key: "measurements", .invalidValue("measurement matrices must be given exactly"))
            }
            guard m.isSquare, measurements.isEmpty || m.shape == measurements[0].shape else {
                throw ParameterProblem(key: "measurements", .invalidValue("measurement \(origin) (\(m.shape)) must be square and of the size of the first"))
            }
            measurements.append(m)
        }
        guard !measurements.isEmpty else {
            throw ParameterProblem(key: "measurements", .invalidValue("give at least one measurement matrix"))
        }
        guard case let .exact(row, _) = parameters[Self.measured], row.rowCount == 1, row.columnCount == measurements.count else {
            throw ParameterProblem(key: "y", .invalidValue("y must be one row with one value per measurement (\(measurements.count))"))
        }
        return (measurements, (0..<row.columnCount).map { row[0, $0] })
    }

    /// Runs gradient descent and evaluates the claim on the samples.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (measurements, y) = try Self.problem(parameters), n = measurements[0].rowCount
        let depth = parameters[FactorizationParameters.depth], steps = parameters[Self.steps]
        let stride = max(1, steps / parameters[Self.samples]), claimed = parameters[Self.claim]
        let (r, c) = (parameters[Self.entry][0] - 1, parameters[Self.entry][1] - 1)
        let (descent, initial) = FactorizationDescent.fromScaledIdentity(order: n, loss: .sensing(measurements, y), parameters)
        let threshold = parameters[Self.lossThreshold].map { BigFloat($0) }
        var stop: [Event<BigFloat>] = []
        if claimed == .nuclearNormMinimal, let threshold {
            stop.append(Event<BigFloat>("loss ≤ threshold at a sample", direction: .falling, isTerminal: true) { k, state in
                let step = Int(k.doubleValue)
                return step % stride == 0 || step == steps ? descent.loss.value(at: descent.layers(of: state).endToEnd) - threshold : BigFloat(1)
            })
        }
        let run = try descent.sample(from: initial, steps: steps, every: stride, events: stop, context: context)
        let samples = try zip(run.places, run.layers).map { place, layers in
            let w = layers.endToEnd
            return (place: place, loss: descent.loss.value(at: w), nuclearNorm: try SingularValueDecomposition(w).singularValues.reduce(BigFloat(0), +),
                    entry: BigFloat.abs(w[r, c]))
        }
        let last = samples[samples.count - 1]
        var quantities = [Quantity("loss at the last sample", .rounded(last.loss)),
                          Quantity("‖W‖_* at the last sample", .rounded(last.nuclearNorm)),
                          Quantity("|W_rc| at the last sample", .rounded(last.entry))]
        let statistics = ["last sample": "\(last.place)", "depth": "\(depth)", "samples": "\(samples.count)"]
        guard claimed == .nuclearNormMinimal, let threshold, let minimum = parameters[Self.nuclearMinimum] else {
            let outcome = try MonotoneProperty(label: "entry-grows", observable: "(−ℓ, |W_rc|)", direction: .nonDecreasing, tolerance: 0)
                .evaluate(samples.map { Observation(place: $0.place, value: ObservedValue(rows: 1, columns: 2, entries: [-$0.loss, $0.entry])) })
            return Evaluation(quantities: outcome.quantities + quantities, margin: outcome.margin, location: outcome.place,
                              statistics: statistics, series: outcome.series)
        }
        guard last.loss <= threshold else {
            throw EvaluationFailure("the loss is still \(last.loss.doubleValue) after \(steps) steps, above loss_threshold; increase steps")
        }
        let excess = (last.nuclearNorm - BigFloat(minimum)) / BigFloat(minimum)
        quantities.append(Quantity("(‖W‖_* − min ‖·‖_*)/min ‖·‖_*", .rounded(excess)))
        let outcome = try BoundProperty.tolerance("nuclear norm", "(‖W‖_* − m)/m", atEnd: true)
            .evaluate([Observation(place: last.place, scalar: excess)], within: context.tolerance(Self.tolerance, parameters))
        // The stop (the first sample with loss ≤ threshold) is decided on rounded losses: branches on both sides of
        // it, named by the step, so that both precisions must agree on it beyond their error.
        var branches = [Condition("loss ≤ threshold at \(last.place) (the stop)", .rounded(threshold - last.loss))]
        if samples.count > 1 {
            let before = samples[samples.count - 2]
            branches.append(Condition("loss > threshold at \(before.place) (before the stop)", .rounded(before.loss - threshold)))
        }
        return Evaluation(quantities: outcome.quantities + quantities, margin: outcome.margin,
                          location: "\(last.place) (first sample with loss ≤ threshold)", statistics: statistics, branches: branches)
    }

    public func checked(_ p: InstanceParameters) -> String? {
        p[Self.claim] == .entryGrows
            ? "ℓ decreases and |W_rc| increases between consecutive samples"
            : "(‖W‖_* − m)/m ≤ tolerance with m = \(p.written(Self.nuclearMinimum, absent: "the minimum nuclear norm")), "
                + "at the first sample with ℓ ≤ \(p.written(Self.lossThreshold, absent: "the loss threshold"))"
    }
}

extension MatrixFactorizationNuclearNormKind {
    static let measurements = Parameter<MatrixSourceList>("measurements", .model, type: .matrixList,
        help: "the measurement matrices A_1 … A_m (n × n, exact); completion: A_i = e_r e_cᵀ")
    static let measured = Parameter<MatrixSource>("y", .model, type: .matrix, help: "the measurements y_1 … y_m as one row, exact")
    static let steps = Parameter<Int>("steps", .dynamics, 1...2_000_000, help: "the number K of gradient-descent steps (the most that are run)")
    static let samples = Parameter<Int>("samples", .dynamics, 2...10_000, default: 100,
        help: "the number of equally spaced steps at which loss, nuclear norm and entry are sampled")
    static let claim = Parameter<Claim>("claim", .check, default: .nuclearNormMinimal,
        help: "\"nuclear-norm-minimal\" (the conjecture) or \"entry-grows\" (ℓ decreases and |W_rc| increases)")
    static let lossThreshold = OptionalParameter<Rational>("loss_threshold", .check, minimum: 0, exclusive: true,
        help: "nuclear-norm-minimal: evaluate at the first sample with loss ≤ this")
    static let nuclearMinimum = OptionalParameter<Rational>("nuclear_minimum", .check, minimum: 0, exclusive: true,
        help: "nuclear-norm-minimal: min ‖W‖_* over the solutions, exact")
    static let entry = Parameter<[Int]>("entry", .check, type: .integerList(element: 1...64, count: 2...2), default: [1, 1],
        help: "entry-grows: the entry [r, c] watched (1-based)")
}
