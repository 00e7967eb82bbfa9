import LinearAlgebra
import Models
import MultiPrecision

/// `matrix-factorization-nuclear-norm`: the Gunasekar et al. (NeurIPS 2017) conjecture that gradient descent with
/// small step and near-zero initialization on a matrix factorization W = W_N⋯W_1 finds the minimum-nuclear-norm
/// solution of a matrix sensing problem, and the Razin–Cohen (NeurIPS 2020) counterexample (docs/theory.md §5.3).
///
/// Loss (as in the offconvex blog quoted in §5.3, no ½): ℓ(W) = Σ_i (⟨A_i, W⟩ − y_i)², W_j(0) = αI (n × n). Matrix
/// completion is the case A_i = e_r e_cᵀ.
///
/// * `claim = "nuclear-norm-minimal"`: at the first sampled step with ℓ ≤ `loss_threshold`,
///   margin = tol − (‖W‖_* − m)/m, with m = `nuclear_minimum` the minimum nuclear norm over the solutions. True for
///   commuting (diagonal) measurements; false on the Razin–Cohen completion instance, where ‖W‖_* grows without
///   bound as ℓ → 0.
/// * `claim = "entry-grows"`: along the samples, ℓ decreases and |W_rc| increases; margin = min over consecutive
///   samples of min(ℓ_k − ℓ_{k+1}, |W_rc|_{k+1} − |W_rc|_k).
public struct MatrixFactorizationNuclearNormKind: ClaimKind {
    public init() {}

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: 100),
                                          help: "nuclear-norm-minimal: the allowed relative excess (‖W‖_* − m)/m")

    public var name: String { "matrix-factorization-nuclear-norm" }

    public var summary: String {
        "matrix sensing by GD on W = W_N⋯W_1 from αI: the Gunasekar nuclear-norm conjecture (false on Razin–Cohen completion) and the growth of an unobserved entry"
    }

    public var method: String {
        """
        Runs gradient descent in MPFR at the working precision p on all N factors (n × n, W_j(0) = αI) for the loss \
        Σ_i (⟨A_i, W⟩ − y_i)², sampling the loss, the nuclear norm (one-sided Jacobi SVD) and the watched entry at \
        `samples` equally spaced steps. The conjecture is evaluated at the first sample with loss ≤ loss_threshold \
        (an ERROR if none). Everything is computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The measurements, depth, α, the GD run and the claim.
    public var parameters: [ParameterSpec] {
        [
            Self.measurements.spec,
            Self.measured.spec,
            FactorizationParameters.depth.spec,
            FactorizationParameters.alpha.spec,
            FactorizationParameters.stepSize.spec,
            Self.steps.spec,
            Self.samples.spec,
            Self.claim.spec,
            Self.lossThreshold.spec,
            Self.nuclearMinimum.spec,
            ParameterSpec("entry", section: .check, type: .integerList(element: 1...64, count: 2...2),
                          default: .integerList([1, 1]), help: "entry-grows: the entry [r, c] watched (1-based)"),
            Self.tolerance.legacy.spec,
        ]
    }

    /// Square measurements of one size, one y per measurement; the conjecture needs its threshold and minimum.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let (measurements, y) = try Self.problem(parameters)
        let n = measurements[0].rowCount
        if parameters[Self.claim] == "nuclear-norm-minimal" {
            for key in ["loss_threshold", "nuclear_minimum"] where !parameters.has(key) {
                throw ParameterProblem(key: key, .invalidValue("claim = \"nuclear-norm-minimal\" needs \(key)"))
            }
        } else if let entry = parameters.integerList("entry"), entry.contains(where: { $0 > n }) {
            throw ParameterProblem(key: "entry", .invalidValue("entry \(entry) lies outside the \(n) × \(n) matrix"))
        }
        _ = y
    }

    /// Reads the measurement matrices and y.
    static func problem(_ parameters: InstanceParameters) throws(ParameterProblem) -> ([Matrix<Rational>], [Rational]) {
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
        let (exactMeasurements, exactY) = try Self.problem(parameters)
        let measurements = exactMeasurements.map(\.rounded), y = exactY.map { BigFloat($0) }
        let n = measurements[0].rowCount
        let depth = parameters[FactorizationParameters.depth]
        let alpha = BigFloat(parameters[FactorizationParameters.alpha])
        let eta = BigFloat(parameters[FactorizationParameters.stepSize])
        let steps = parameters[Self.steps]
        let stride = max(1, steps / (parameters[Self.samples]))
        let claimed = parameters[Self.claim]
        let entry = (parameters.integerList("entry") ?? [1, 1]).map { $0 - 1 }
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let threshold = parameters[Self.lossThreshold].map { BigFloat($0) }

        func residuals(_ w: Matrix<BigFloat>) -> [BigFloat] {
            zip(measurements, y).map { a, yi in a.frobeniusInnerProduct(w) - yi }
        }
        struct Sample { var step: Int; var loss: BigFloat; var nuclearNorm: BigFloat; var entry: BigFloat }
        func sample(_ step: Int, _ w: Matrix<BigFloat>) throws -> Sample {
            let loss = residuals(w).reduce(BigFloat(0)) { $0 + $1 * $1 }
            let nuclear = try SingularValueDecomposition(w).singularValues.reduce(BigFloat(0), +)
            return Sample(step: step, loss: loss, nuclearNorm: nuclear, entry: BigFloat.abs(w[entry[0], entry[1]]))
        }

        var network = try DeepLinearNetwork(layers: Array(repeating: alpha * Matrix<BigFloat>.identity(n), count: depth))
        var samples = [try sample(0, network.endToEnd)]
        for k in 1...steps {
            try context.checkpoint()
            let w = network.endToEnd
            var gradient = Matrix<BigFloat>.zeros(rows: n, columns: n)
            for (a, r) in zip(measurements, residuals(w)) { gradient = gradient + (2 * r) * a }
            network = network.gradientDescentStep(stepSize: eta, gradients: network.layerGradients(endToEndGradient: gradient))
            if k % stride == 0 || k == steps {
                samples.append(try sample(k, network.endToEnd))
                if claimed == "nuclear-norm-minimal", let threshold, samples[samples.count - 1].loss <= threshold { break }
            }
        }
        let last = samples[samples.count - 1]
        var quantities = [
            Quantity("loss at step \(last.step)", .rounded(last.loss)),
            Quantity("‖W‖_* at step \(last.step)", .rounded(last.nuclearNorm)),
            Quantity("|W_\(entry[0] + 1)\(entry[1] + 1)| at step \(last.step)", .rounded(last.entry)),
        ]
        let statistics = ["steps": "\(last.step)", "depth": "\(depth)", "samples": "\(samples.count)"]
        if claimed == "nuclear-norm-minimal" {
            guard let threshold, last.loss <= threshold else {
                throw NuclearNormClaimError.thresholdNotReached(steps: steps, loss: last.loss.doubleValue)
            }
            let minimum = BigFloat(parameters[Self.nuclearMinimum]!)
            let excess = (last.nuclearNorm - minimum) / minimum
            quantities.append(Quantity("(‖W‖_* − min ‖·‖_*)/min ‖·‖_*", .rounded(excess)))
            // The stop (the first sample with loss ≤ threshold) is decided on rounded losses: branches on both sides
            // of it, named by the step, so that both precisions must agree on it beyond their error.
            var branches = [Condition("loss ≤ threshold at step \(last.step) (the stop)", .rounded(threshold - last.loss))]
            if samples.count > 1 {
                let before = samples[samples.count - 2]
                branches.append(Condition("loss > threshold at step \(before.step) (before the stop)", .rounded(before.loss - threshold)))
            }
            return Evaluation(quantities: quantities, margin: .rounded(tolerance - excess),
                              location: "step \(last.step) (first sample with loss ≤ threshold)", statistics: statistics,
                              branches: branches)
        }
        var worst: BigFloat? = nil, worstLabel = ""
        for k in 1..<samples.count {
            let change = BigFloat.minimum(samples[k - 1].loss - samples[k].loss, samples[k].entry - samples[k - 1].entry)
            if worst == nil || change < worst! { worst = change; worstLabel = "steps \(samples[k - 1].step) → \(samples[k].step)" }
        }
        quantities.append(Quantity("min over samples of min(Δ(−loss), Δ|W_rc|)", .rounded(worst!)))
        return Evaluation(quantities: quantities, margin: .rounded(worst!), location: worstLabel, statistics: statistics)
    }
}

/// Why a nuclear-norm check could not be completed.
enum NuclearNormClaimError: Error, CustomStringConvertible {
    /// The loss stayed above the threshold.
    case thresholdNotReached(steps: Int, loss: Double)

    /// A one-line message.
    var description: String {
        switch self {
        case let .thresholdNotReached(steps, loss):
            return "the loss is still \(loss) after \(steps) steps, above loss_threshold; increase steps"
        }
    }
}

extension MatrixFactorizationNuclearNormKind {
    public func checked(_ p: InstanceParameters) -> String? {
        p[Self.claim] == "entry-grows"
            ? "ℓ decreases and |W_rc| increases between consecutive samples"
            : "(‖W‖_* − m)/m ≤ tolerance with m = \(p.written(Self.nuclearMinimum, absent: "the minimum nuclear norm")), "
                + "at the first sample with ℓ ≤ \(p.written(Self.lossThreshold, absent: "the loss threshold"))"
    }
}

extension MatrixFactorizationNuclearNormKind {
    static let measurements = Parameter<MatrixSourceList>("measurements", .model, type: .matrixList,
        help: "the measurement matrices A_1 … A_m (n × n, exact); completion: A_i = e_r e_cᵀ")

    static let measured = Parameter<MatrixSource>("y", .model, type: .matrix,
        help: "the measurements y_1 … y_m as one row, exact")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...2_000_000),
        help: "the number K of gradient-descent steps (the most that are run)")

    static let samples = Parameter<Int>("samples", .dynamics, type: .integer(2...10_000), default: 100,
        help: "the number of equally spaced steps at which loss, nuclear norm and entry are sampled")

    static let claim = Parameter<String>("claim", .check, type: .choice(["nuclear-norm-minimal", "entry-grows"]),
        default: "nuclear-norm-minimal",
        help: "\"nuclear-norm-minimal\" (the conjecture) or \"entry-grows\" (ℓ decreases and |W_rc| increases)")

    static let lossThreshold = OptionalParameter<Rational>("loss_threshold", .check,
        type: .rational(minimum: 0, exclusive: true),
        help: "nuclear-norm-minimal: evaluate at the first sample with loss ≤ this")

    static let nuclearMinimum = OptionalParameter<Rational>("nuclear_minimum", .check,
        type: .rational(minimum: 0, exclusive: true), help: "nuclear-norm-minimal: min ‖W‖_* over the solutions, exact")
}
