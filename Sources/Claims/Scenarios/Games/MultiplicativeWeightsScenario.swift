import LinearAlgebra
import Models
import MultiPrecision

extension MultiplicativeWeights.Method: ParameterChoice {}

/// A zero-sum game (given, or seeded random with a planted fully mixed equilibrium) and OMWU or MWU on it from the
/// uniform start for `steps` steps (`MultiplicativeWeights`): KL_t at about `Series.defaultPointLimit` evenly spaced
/// steps, the iterates there, and the KL changes reduced from `from_step` on. The game and the dynamics parameters
/// also serve the rigorous evaluation of `omwu-kl`.
public struct MultiplicativeWeightsScenario: TrajectoryScenario {
    static let payoff = Parameter<MatrixSource>("payoff", .model, type: .matrix, default: .random,
        help: "the payoff matrix A (n × n, x pays xᵀAy): inline rows, a .csv/.json file, or \"random\" (from `seed`: a random game with a planted fully mixed equilibrium, proven unique by the bordered systems)")
    static let size = OptionalParameter<Int>("size", .model, type: .integer(2...10),
        help: "n for a random payoff matrix (default 3)")
    static let seed = Parameter<Int>("seed", .model, type: .integer(0...(1 << 53)), default: 0,
        help: "the seed of a random payoff matrix")
    static let method = Parameter<MultiplicativeWeights.Method>("method", .dynamics, default: .omwu,
        help: "\"omwu\" (optimistic multiplicative weights) or \"mwu\" (plain, simultaneous)")
    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the step size η (exact)")
    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...1_000_000), default: 300,
        help: "the number T of steps")
    /// The first step of the run's reductions (declared in the `[check]` section by the kind).
    static let fromStep = Parameter<Int>("from_step", .check, type: .integer(1...1_000_000), default: 2,
        help: "the first step t whose change KL_t − KL_{t−1} is claimed ≤ 0 (2 per D&P; 1 is the known-false twin)")

    public static var parameters: [any DeclaredParameter] { [payoff, size, seed, method, stepSize, steps] }

    /// The payoff matrix is square with a proven unique fully mixed equilibrium, and `size` agrees with it.
    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(m, origin) = parameters[payoff] else { return }
        do { _ = try ZeroSumGame(payoff: m) } catch {
            throw ParameterProblem(key: "payoff", .invalidValue("\(origin) (\(m.shape)): \(error.description)"))
        }
        if let size = parameters[size], size != m.rowCount {
            throw ParameterProblem(key: "size", .dimensionMismatch("size = \(size), but the payoff matrix is \(m.shape)"))
        }
    }

    /// The instance's game: the given matrix, or `ZeroSumGame(plantedSize:seed:)` (n = `size`, 3 by default).
    static func game(_ parameters: InstanceParameters) throws -> ZeroSumGame {
        if case let .exact(m, _) = parameters[payoff] { return try ZeroSumGame(payoff: m) }
        let n = if let size = parameters[size] { size } else { 3 }
        return try ZeroSumGame(plantedSize: n, seed: UInt64(parameters[seed]))
    }

    let game: ZeroSumGame, steps: Int
    /// What the run measured.
    let run: MultiplicativeWeights.Trajectory
    /// The steps t ≥ 1 at which KL_t and the iterates were kept, increasing.
    let sampled: [Int]
    public let statistics: [String: String]

    /// Runs the map at the task's precision.
    public init(_ p: InstanceParameters, context: EvaluationContext) throws {
        let game = try Self.game(p), steps = p[Self.steps], method = p[Self.method], from = p[Self.fromStep]
        let limit = Series.defaultPointLimit
        sampled = Set((0...limit).map { Int((Double($0 * steps) / Double(limit)).rounded()) }).filter { $0 >= 1 }.sorted()
        run = try MultiplicativeWeights(game: game, method: method, stepSize: p[Self.stepSize]).run(
            steps: steps, from: from, checkpoints: Set(sampled).union([1, from - 1]), recordChanges: false,
            timeLimit: context.deadline.map { max(.zero, $0 - .now) }) { context.report(step: $0, of: steps) }
        if !run.completed { try context.checkpoint() }
        (self.game, self.steps) = (game, steps)
        statistics = [
            "steps": "\(steps)", "n": "\(game.size)", "method": method.rawValue,
            "equilibrium": "x* = (\(game.equilibriumX.map(\.description).joined(separator: ", "))), "
                + "y* = (\(game.equilibriumY.map(\.description).joined(separator: ", "))), v = \(game.value)",
            "first increase at t ≥ from_step (identity)": run.firstIncrease == 0 ? "none" : "\(run.firstIncrease)",
            "increases (identity)": "\(run.increases.identity)", "increases (direct)": "\(run.increases.direct)",
        ]
    }

    /// KL_t at a kept step (KL_0 at step 0).
    func kl(_ t: Int) -> BigFloat { if let value = run.checkpoints[t] { value } else { run.initialKL } }

    /// KL_t, the duality gap and the strategies x_t, y_t at the kept steps.
    var series: [Series] {
        var kl = SeriesRecorder(name: "KL", xLabel: "step t", yLabel: "KL(z* ‖ z_t)", logarithmic: true)
        var gap = SeriesRecorder(name: "duality gap", xLabel: "step t", yLabel: "max_j (Aᵀx_t)_j − min_i (Ay_t)_i", logarithmic: true)
        var xs = (1...game.size).map { SeriesRecorder(name: "x_\($0)", xLabel: "step t", yLabel: "x_t,\($0)", logarithmic: false) }
        var ys = (1...game.size).map { SeriesRecorder(name: "y_\($0)", xLabel: "step t", yLabel: "y_t,\($0)", logarithmic: false) }
        for t in [0] + sampled { kl.append(x: Double(t), y: self.kl(t)) }
        for (t, (x, y)) in run.iterates.sorted(by: { $0.key < $1.key }) {
            gap.append(x: Double(t), y: game.dualityGap(x: x, y: y))
            for i in 0..<game.size { xs[i].append(x: Double(t), y: x[i]); ys[i].append(x: Double(t), y: y[i]) }
        }
        return [kl.series, gap.series] + xs.map(\.series) + ys.map(\.series)
    }
}
