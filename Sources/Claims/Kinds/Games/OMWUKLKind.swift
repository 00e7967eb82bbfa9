import LinearAlgebra
import MultiPrecision
import Models

/// `omwu-kl`: optimistic multiplicative weights on a zero-sum game with a unique, fully mixed equilibrium
/// (Daskalakis & Panageas, ITCS 2019, Theorems 3.1 and 2.7; docs/theory.md §3). Convention: **x minimizes, y maximizes**
/// (`min_x max_y xᵀAy`; D&P's x is Attest's y, see docs/theory.md §3.1).
///
/// Two properties, by `property`:
/// - `"kl-nonincreasing"`: KL_t = KL(x*‖x_t) + KL(y*‖y_t) satisfies KL_t ≤ KL_{t−1} for every step t ≥ `from_step`
///   (2 by default: with x_{−1} = x_0 the first OMWU step is a plain MWU step and increases KL). The change of
///   each step is measured by the exact identity ΔKL_t = ln Z_x + ln Z_y (docs/theory.md §3.4); the margin is
///   `tolerance − max_{t ≥ from_step} ΔKL_t`. The direct difference of the computed KL values is reported beside it.
/// - `"converges"`: the last iterate converges: KL_T ≤ `kl_below`; the margin is `kl_below − KL_T`.
public struct OMWUKLKind: ClaimKind, DescribedKind {
    public init() {}

    public static let about = KindDescription("omwu-kl",
        summary: "zero-sum game min_x max_y xᵀAy, OMWU or MWU with step η: KL(z*‖z_t) non-increasing from a step on, or KL_T below a bound",
        method: """
        Computes the game's unique fully mixed equilibrium exactly in Rational from the bordered indifference \
        systems (docs/theory.md §3.5; other games are rejected). Runs the map from the uniform start (x_{−1} = x_0) in \
        MPFR at the working precision p, in the log domain, measuring each step's KL change by the exact identity \
        ΔKL = ln Z_x + ln Z_y (exponents shifted by the value v, evaluated as log1p(Σ x_i expm1(u_i))) and by direct \
        subtraction of KL values. Margin: tolerance − max_{t ≥ from_step} ΔKL_t (kl-nonincreasing) or \
        kl_below − KL_T (converges). Everything is computed again at p + guard bits; the difference is the error \
        estimate. Once KL falls below the rounding floor of p, the computed changes are rounding noise and the \
        verdict is INCONCLUSIVE, never FAIL.
        """)

    public var arithmetic: Arithmetic { .rounded }

    /// The game, the dynamics and the property.
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.payoff, Self.size, Self.seed, Self.methodParameter, Self.stepSize, Self.steps,
            Self.property, Self.fromStep, Self.klBelow)
    }

    /// The payoff matrix is square with a proven unique fully mixed equilibrium; `kl_below` goes with "converges".
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        if case let .exact(m, origin) = parameters[Self.payoff] {
            do { _ = try ZeroSumGame(payoff: m) } catch {
                throw ParameterProblem(key: "payoff", .invalidValue("\(origin) (\(m.shape)): \(error.description)"))
            }
            if let size = parameters[Self.size], size != m.rowCount {
                throw ParameterProblem(key: "size", .dimensionMismatch("size = \(size), but the payoff matrix is \(m.shape)"))
            }
        }
        let converges = parameters[Self.property] == .converges
        if converges, !parameters.has(Self.klBelow) {
            throw ParameterProblem(key: "kl_below", .missingKey)
        }
        if !converges, parameters.has(Self.klBelow) {
            throw ParameterProblem(key: "kl_below", .invalidValue("kl_below goes with property = \"converges\""))
        }
        if parameters[Self.fromStep] > parameters[Self.steps] {
            throw ParameterProblem(key: "from_step", .outOfRange(value: "\(parameters[Self.fromStep])", allowed: "at most `steps`"))
        }
    }

    /// The instance's game: the given matrix, or a seeded random game with a planted fully mixed equilibrium (the
    /// construction of docs/benchmark-problems.md P2 with random integer B in −6…6, random positive weights p, q in 1…6
    /// normalized, and a random integer shift s in −3…3 of every entry, so that v = s). The planted point is not
    /// trusted: `ZeroSumGame` recomputes the equilibrium from the bordered systems and proves it unique.
    static func game(_ parameters: InstanceParameters) throws -> ZeroSumGame {
        if case let .exact(m, _) = parameters[Self.payoff] { return try ZeroSumGame(payoff: m) }
        let n = if let size = parameters[Self.size] { size } else { Self.defaultSize }
        var rng = SeededGenerator(seed: UInt64(parameters[Self.seed]))
        let b = (0..<n).map { _ in (0..<n).map { _ in Rational(rng.uniform(in: -6...6)) } }
        func weights() -> [Rational] {
            let w = (0..<n).map { _ in Rational(rng.uniform(in: 1...6)) }
            let total = w.reduce(Rational(0), +)
            return w.map { $0 / total }
        }
        let p = weights(), q = weights()
        let shift = Rational(rng.uniform(in: -3...3))
        let r = (0..<n).map { i in (0..<n).reduce(Rational(0)) { $0 + b[i][$1] * q[$1] } }
        let a1 = (0..<n).map { i in (0..<n).map { j in b[i][j] - r[i] } }
        let c = (0..<n).map { j in (0..<n).reduce(Rational(0)) { $0 + a1[$1][j] * p[$1] } }
        return try ZeroSumGame(payoff: Matrix(rows: n, columns: n) { i, j in a1[i][j] - c[j] + shift })
    }

    /// Runs the map at the task's precision and measures the KL sequence.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let game = try Self.game(parameters), steps = parameters[Self.steps], from = parameters[Self.fromStep]
        let method = parameters[Self.methodParameter]
        // KL_t and the iterates at about Series.defaultPointLimit evenly spaced steps, for the figures.
        let sampled = Set((0...Series.defaultPointLimit).map { Int((Double($0 * steps) / Double(Series.defaultPointLimit)).rounded()) })
            .filter { $0 >= 1 }
        let run = try MultiplicativeWeights(game: game, method: method, stepSize: parameters[Self.stepSize]).run(
            steps: steps, from: from, checkpoints: sampled.union([1, from - 1]), recordChanges: false,
            timeLimit: context.deadline.map { max(.zero, $0 - .now) }) { context.report(step: $0, of: steps) }
        if !run.completed { try context.checkpoint() }
        func kl(_ t: Int) -> BigFloat { if let value = run.checkpoints[t] { value } else { run.initialKL } }
        var klSeries = SeriesRecorder(name: "KL", xLabel: "step t", yLabel: "KL(z* ‖ z_t)", logarithmic: true)
        var gapSeries = SeriesRecorder(name: "duality gap", xLabel: "step t",
                                       yLabel: "max_j (Aᵀx_t)_j − min_i (Ay_t)_i", logarithmic: true)
        var xSeries = (1...game.size).map { SeriesRecorder(name: "x_\($0)", xLabel: "step t", yLabel: "x_t,\($0)", logarithmic: false) }
        var ySeries = (1...game.size).map { SeriesRecorder(name: "y_\($0)", xLabel: "step t", yLabel: "y_t,\($0)", logarithmic: false) }
        for t in [0] + sampled.sorted() { klSeries.append(x: Double(t), y: kl(t)) }
        for (t, (x, y)) in run.iterates.sorted(by: { $0.key < $1.key }) {
            gapSeries.append(x: Double(t), y: game.dualityGap(x: x, y: y))
            for i in 0..<game.size { xSeries[i].append(x: Double(t), y: x[i]); ySeries[i].append(x: Double(t), y: y[i]) }
        }
        let tolerance = BigFloat(context.tolerance), largest = run.largestChange
        let bound = parameters[Self.property] == .converges ? parameters[Self.klBelow] : nil
        let margin = if let bound { BigFloat(bound) + tolerance - run.finalKL } else { tolerance - largest.value }
        let first = [0, largest.step].contains(run.firstIncrease) ? "" : " (first increase at step \(run.firstIncrease))"
        return Evaluation(
            quantities: [
                Quantity("KL_0", .rounded(run.initialKL)), Quantity("KL_1", .rounded(kl(1))),
                Quantity("KL_1 − KL_0 (identity)", .rounded(run.firstChange)),
                Quantity("KL at the start of the monotone phase (t = from_step − 1)", .rounded(kl(from - 1))),
                Quantity("first step t ≥ from_step with KL_t > KL_{t−1} (identity; 0: none)", .exact(Rational(run.firstIncrease))),
                Quantity("steps t ≥ from_step with KL_t > KL_{t−1} (identity)", .exact(Rational(run.increases.identityFrom))),
                Quantity("steps t ≥ from_step with KL_t > KL_{t−1} (direct difference)", .exact(Rational(run.increases.directFrom))),
                Quantity("largest increase max(0, max_{t ≥ from_step} (KL_t − KL_{t−1})) (identity)",
                         .rounded(largest.value > 0 ? largest.value : BigFloat(0))),
                Quantity("step t ≥ from_step of the largest KL_t − KL_{t−1} (identity)", .exact(Rational(largest.step))),
                Quantity("max_{t ≥ from_step} (KL_t − KL_{t−1}) (identity ln Z_x + ln Z_y)", .rounded(largest.value)),
                Quantity("max_{t ≥ from_step} (KL_t − KL_{t−1}) (direct difference)", .rounded(run.largestDirectChange)),
                Quantity("KL_T", .rounded(run.finalKL)), Quantity("‖x_T − x*‖₁ + ‖y_T − y*‖₁", .rounded(run.finalDistance)),
                Quantity("max_t |identity − direct|", .rounded(run.largestDiscrepancy)),
                Quantity("v (game value, exact)", .exact(game.value)),
            ] + game.equilibriumX.enumerated().map { Quantity("x*_\($0.offset + 1) (exact)", .exact($0.element)) }
              + game.equilibriumY.enumerated().map { Quantity("y*_\($0.offset + 1) (exact)", .exact($0.element)) },
            margin: .rounded(margin),
            location: bound == nil ? "step \(largest.step)" + first : "step \(steps) (KL_T)",
            statistics: [
                "steps": "\(steps)", "n": "\(game.size)", "method": method.rawValue,
                "equilibrium": "x* = (\(game.equilibriumX.map(\.description).joined(separator: ", "))), "
                    + "y* = (\(game.equilibriumY.map(\.description).joined(separator: ", "))), v = \(game.value)",
                "first increase at t ≥ from_step (identity)": run.firstIncrease == 0 ? "none" : "\(run.firstIncrease)",
                "increases (identity)": "\(run.increases.identity)", "increases (direct)": "\(run.increases.direct)",
            ],
            series: [klSeries.series, gapSeries.series] + xSeries.map(\.series) + ySeries.map(\.series))
    }
}

extension MultiplicativeWeights.Method: ParameterChoice {}

extension OMWUKLKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let method = p[Self.methodParameter].rawValue.uppercased()
        if p[Self.property] == .converges {
            return "\(method): KL(z*‖z_T) ≤ \(p.written(Self.klBelow, absent: "the bound")) after T = \(p.written(Self.steps, absent: "T")) steps"
        }
        return "\(method): KL_t − KL_{t−1} = ln Z_x + ln Z_y ≤ tolerance at every step t ≥ \(p.written(Self.fromStep, absent: "2")) "
            + "up to \(p.written(Self.steps, absent: "T"))"
    }
}

extension OMWUKLKind {
    static let payoff = Parameter<MatrixSource>("payoff", .model, type: .matrix, default: .random,
        help: "the payoff matrix A (n × n, x pays xᵀAy): inline rows, a .csv/.json file, or \"random\" (from `seed`: a random game with a planted fully mixed equilibrium, proven unique by the bordered systems)")

    static let size = OptionalParameter<Int>("size", .model, type: .integer(2...10),
        help: "n for a random payoff matrix (default 3)")

    static let seed = Parameter<Int>("seed", .model, type: .integer(0...(1 << 53)), default: 0,
        help: "the seed of a random payoff matrix")

    static let methodParameter = Parameter<MultiplicativeWeights.Method>("method", .dynamics, default: .omwu,
        help: "\"omwu\" (optimistic multiplicative weights) or \"mwu\" (plain, simultaneous)")

    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the step size η (exact)")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...1_000_000), default: 300,
        help: "the number T of steps")

    /// What is claimed.
    enum Property: String, ParameterChoice { case klNonincreasing = "kl-nonincreasing", converges }

    static let defaultSize = 3

    static let property = Parameter<Property>("property", .check, default: .klNonincreasing, variable: false,
        help: "what is claimed: KL_t ≤ KL_{t−1} for t ≥ from_step, or KL_T ≤ kl_below")

    static let fromStep = Parameter<Int>("from_step", .check, type: .integer(1...1_000_000), default: 2,
        help: "the first step t whose change KL_t − KL_{t−1} is claimed ≤ 0 (2 per D&P; 1 is the known-false twin)")

    static let klBelow = OptionalParameter<Rational>("kl_below", .check, type: .rational(minimum: 0, exclusive: true),
        help: "for property = \"converges\": the claimed bound on KL_T")
}
