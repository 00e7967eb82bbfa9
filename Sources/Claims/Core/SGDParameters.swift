import LinearAlgebra
import MultiPrecision
import Models

/// The parameters of stochastic gradient descent shared by the SGD kinds: batch size, sampling rule, the decay
/// exponent of the step-size schedule η_k = η₀/(1 + k)^a (η₀ is the kind's `step_size`), and the realization's
/// seed for pathwise claims.
enum SGDParameters {
    /// The `[dynamics]` parameters.
    static let specs: [ParameterSpec] = ParameterSpec.list(Self.batchSize, Self.sampling, Self.stepDecay, Self.labelNoise, Self.gradientNoise)

    /// Checks that the batch fits the m data points.
    static func validate(_ p: InstanceParameters, samples m: Int?) throws(ParameterProblem) {
        if let m, p[batchSize] > m {
            throw ParameterProblem(key: "batch_size", .outOfRange(value: "\(p[batchSize])", allowed: "1 … m = \(m), the number of data points"))
        }
    }

    /// The sampling rule.
    static func sampling(_ p: InstanceParameters) -> MinibatchSampling { p[sampling] }

    /// The schedule with η₀ = `initial` (the kind's `step_size`).
    static func schedule(_ p: InstanceParameters, initial: Rational) -> StepSizeSchedule {
        StepSizeSchedule(initial: initial, exponent: p[stepDecay])
    }

    /// The label-noise shift σε (rows × batch entries) of step k, or nil when σ = 0.
    static func labelShift(_ p: InstanceParameters, seed: UInt64, step: Int, rows: Int, batch: Int) -> Matrix<Rational>? {
        let sigma = p[labelNoise]
        guard !sigma.isZero else { return nil }
        let signs = StochasticDraws.signs(seed: seed, step: step, count: rows * batch)
        return Matrix(rows: rows, columns: batch) { i, j in sigma * Rational(signs[i * batch + j]) }
    }

    /// The gradient noise σξ of step k, one matrix per layer shape (row-major draws, layer after layer), or nil when
    /// σ = 0.
    static func gradientNoise(_ p: InstanceParameters, seed: UInt64, step: Int,
                              shapes: [(rows: Int, columns: Int)]) -> [Matrix<Rational>]? {
        let sigma = p[gradientNoise]
        guard !sigma.isZero else { return nil }
        let draws = StochasticDraws.gaussians(seed: seed, step: step, count: shapes.reduce(0) { $0 + $1.rows * $1.columns })
        var offset = 0
        return shapes.map { shape in
            defer { offset += shape.rows * shape.columns }
            return Matrix(rows: shape.rows, columns: shape.columns) { i, j in sigma * draws[offset + i * shape.columns + j] }
        }
    }

    /// m as the deep-linear-network kinds determine it (exact X or Y, else `samples`, else 4).
    static func dlnSamples(_ p: InstanceParameters) -> Int {
        [p[DLNParameters.x], p[DLNParameters.y]].lazy.compactMap(\.exactMatrix).first?.columnCount
            ?? p[DLNParameters.samples] ?? 4
    }
}

extension SGDParameters {
    static let batchSize = Parameter<Int>("batch_size", .dynamics, type: .integer(1...10_000), default: 1,
        help: "the minibatch size b (1 ≤ b ≤ m); each step uses the loss (m/2b) Σ_{i∈B} of its batch B")

    static let sampling = Parameter<MinibatchSampling>("sampling", .dynamics, default: .withReplacement,
        help: "how batches are drawn: \"with-replacement\", \"without-replacement\" (a uniform b-subset per step) or \"epochs\" (reshuffled epochs, Fisher–Yates)")

    static let stepDecay = Parameter<Rational>("step_decay", .dynamics, type: .rational(minimum: 0, exclusive: false),
        default: 0,
        help: "the exponent a of the step sizes η_k = step_size/(1 + k)^a (0: constant; 1/2 < a ≤ 1: Robbins–Monro)")

    static let labelNoise = Parameter<Rational>("label_noise", .dynamics, type: .rational(minimum: 0, exclusive: false),
        default: 0,
        help: "σ: each step's batch targets are y_i + σε with Rademacher signs ε ∈ {−1, +1} drawn per step (exact)")

    static let gradientNoise = Parameter<Rational>("gradient_noise", .dynamics,
        type: .rational(minimum: 0, exclusive: false), default: 0,
        help: "σ: every gradient entry gets σξ added, ξ standard normal drawn per step (exact dyadic rationals, the same at every precision)")

    static let sgdSeed = Parameter<Int>("sgd_seed", .dynamics, type: .integer(0...(1 << 53)), default: 1,
        help: "the seed of the realization: its minibatches are drawn from the counter-based generator keyed by (sgd_seed, step, stream)")
}

extension MinibatchSampling: ParameterChoice {}
