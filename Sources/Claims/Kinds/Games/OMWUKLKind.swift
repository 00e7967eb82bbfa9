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
public struct OMWUKLKind: ClaimKind {
    public init() {}

    public var name: String { "omwu-kl" }

    public var summary: String {
        "zero-sum game min_x max_y xᵀAy, OMWU or MWU with step η: KL(z*‖z_t) non-increasing from a step on, or KL_T below a bound"
    }

    public var method: String {
        """
        Computes the game's unique fully mixed equilibrium exactly in Rational from the bordered indifference \
        systems (docs/theory.md §3.5; other games are rejected). Runs the map from the uniform start (x_{−1} = x_0) in \
        MPFR at the working precision p, in the log domain, measuring each step's KL change by the exact identity \
        ΔKL = ln Z_x + ln Z_y (exponents shifted by the value v, evaluated as log1p(Σ x_i expm1(u_i))) and by direct \
        subtraction of KL values. Margin: tolerance − max_{t ≥ from_step} ΔKL_t (kl-nonincreasing) or \
        kl_below − KL_T (converges). Everything is computed again at p + guard bits; the difference is the error \
        estimate. Once KL falls below the rounding floor of p, the computed changes are rounding noise and the \
        verdict is INCONCLUSIVE, never FAIL.
        """
    }

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
            if parameters.has(Self.size), parameters[Self.size] ?? 3 != m.rowCount {
                throw ParameterProblem(key: "size", .dimensionMismatch("size = \(parameters[Self.size] ?? 3), but the payoff matrix is \(m.shape)"))
            }
        }
        let converges = parameters[Self.property] == "converges"
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
        let n = parameters[Self.size] ?? 3
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
        let game = try Self.game(parameters)
        let method = MultiplicativeWeights.Method(rawValue: parameters[Self.methodParameter]) ?? .omwu
        let steps = parameters[Self.steps]
        let from = parameters[Self.fromStep]
        let dynamics = MultiplicativeWeights(game: game, method: method, stepSize: parameters[Self.stepSize])
        let phaseStart = from - 1
        // KL_t at about Series.defaultPointLimit evenly spaced steps, for the KL series (figures).
        let limit = Series.defaultPointLimit
        let sampled = Set((0...limit).map { Int((Double($0) * Double(steps) / Double(limit)).rounded()) })
            .filter { $0 >= 1 }
        var stepsDone = 0
        let run = try dynamics.run(steps: steps, checkpoints: sampled.union([1, phaseStart])) {
            stepsDone += 1
            context.report(step: stepsDone, of: steps)
            try context.checkpoint()
        }
        var klSeries = SeriesRecorder(name: "KL", xLabel: "step t", yLabel: "KL(z* ‖ z_t)", logarithmic: true)
        klSeries.append(x: 0, y: run.initialKL)
        for t in sampled.sorted() { klSeries.append(x: Double(t), y: run.checkpoints[t]!) }
        let tolerance = BigFloat(context.tolerance)
        // The iterates and the duality gap max_j (Aᵀx_t)_j − min_i (A y_t)_i ≥ 0 (zero exactly at the equilibrium)
        // at the same sampled steps, as series.
        let n = game.size
        let payoff = (0..<n).map { i in (0..<n).map { j in BigFloat(game.payoff[i, j]) } }
        var gapSeries = SeriesRecorder(name: "duality gap", xLabel: "step t",
                                       yLabel: "max_j (Aᵀx_t)_j − min_i (Ay_t)_i", logarithmic: true)
        var xSeries = (0..<n).map { SeriesRecorder(name: "x_\($0 + 1)", xLabel: "step t", yLabel: "x_t,\($0 + 1)", logarithmic: false) }
        var ySeries = (0..<n).map { SeriesRecorder(name: "y_\($0 + 1)", xLabel: "step t", yLabel: "y_t,\($0 + 1)", logarithmic: false) }
        for t in run.iterates.keys.sorted() {
            let (x, y) = run.iterates[t]!
            var best = BigFloat(0), worstRow = BigFloat(0)
            for j in 0..<n {
                var column = BigFloat(0), row = BigFloat(0)
                for i in 0..<n { column.addProduct(payoff[i][j], x[i]); row.addProduct(payoff[j][i], y[i]) }
                if j == 0 || column > best { best = column }
                if j == 0 || row < worstRow { worstRow = row }
            }
            gapSeries.append(x: Double(t), y: best - worstRow)
            for i in 0..<n { xSeries[i].append(x: Double(t), y: x[i]); ySeries[i].append(x: Double(t), y: y[i]) }
        }

        var worst = from, firstIncrease: Int?, identityIncreases = 0, directIncreases = 0
        var phaseIncreases = 0, phaseDirectIncreases = 0
        var maxDiscrepancy = BigFloat(0)
        for t in 1...steps {
            let identity = run.identityChanges[t - 1], direct = run.directChanges[t - 1]
            if identity > 0 {
                identityIncreases += 1
                if t >= from { phaseIncreases += 1; if firstIncrease == nil { firstIncrease = t } }
            }
            if direct > 0 { directIncreases += 1; if t >= from { phaseDirectIncreases += 1 } }
            if t >= from, identity > run.identityChanges[worst - 1] { worst = t }
            let gap = BigFloat.abs(identity - direct)
            if gap > maxDiscrepancy { maxDiscrepancy = gap }
        }
        var maxDirect = run.directChanges[from - 1]
        for t in from...steps where run.directChanges[t - 1] > maxDirect { maxDirect = run.directChanges[t - 1] }
        let maxIdentity = run.identityChanges[worst - 1]
        let largestIncrease = maxIdentity > 0 ? maxIdentity : BigFloat(0)
        let klAtPhaseStart = phaseStart == 0 ? run.initialKL : run.checkpoints[phaseStart]!

        let margin: BigFloat, location: String
        if parameters[Self.property] == "converges" {
            let bound = BigFloat(parameters[Self.klBelow]!)
            margin = bound + tolerance - run.finalKL
            location = "step \(steps) (KL_T)"
        } else {
            margin = tolerance - maxIdentity
            location = "step \(worst)" + (firstIncrease.map { $0 == worst ? "" : " (first increase at step \($0))" } ?? "")
        }
        return Evaluation(
            quantities: [
                Quantity("KL_0", .rounded(run.initialKL)),
                Quantity("KL_1", .rounded(run.checkpoints[1]!)),
                Quantity("KL_1 − KL_0 (identity)", .rounded(run.identityChanges[0])),
                Quantity("KL_{\(phaseStart)} (start of the monotone phase t ≥ \(from))", .rounded(klAtPhaseStart)),
                Quantity("first step t ≥ \(from) with KL_t > KL_{t−1} (identity; 0: none)", .exact(Rational(firstIncrease ?? 0))),
                Quantity("steps t ≥ \(from) with KL_t > KL_{t−1} (identity)", .exact(Rational(phaseIncreases))),
                Quantity("steps t ≥ \(from) with KL_t > KL_{t−1} (direct difference)", .exact(Rational(phaseDirectIncreases))),
                Quantity("largest increase max(0, max_{t≥\(from)} (KL_t − KL_{t−1})) (identity)", .rounded(largestIncrease)),
                Quantity("step t ≥ \(from) of the largest KL_t − KL_{t−1} (identity)", .exact(Rational(worst))),
                Quantity("max_{t≥\(from)} (KL_t − KL_{t−1}) (identity ln Z_x + ln Z_y)", .rounded(maxIdentity)),
                Quantity("max_{t≥\(from)} (KL_t − KL_{t−1}) (direct difference)", .rounded(maxDirect)),
                Quantity("KL_T", .rounded(run.finalKL)),
                Quantity("‖x_T − x*‖₁ + ‖y_T − y*‖₁", .rounded(run.finalDistance)),
                Quantity("max_t |identity − direct|", .rounded(maxDiscrepancy)),
                Quantity("v (game value, exact)", .exact(game.value)),
            ] + game.equilibriumX.enumerated().map { Quantity("x*_\($0.offset + 1) (exact)", .exact($0.element)) }
              + game.equilibriumY.enumerated().map { Quantity("y*_\($0.offset + 1) (exact)", .exact($0.element)) },
            margin: .rounded(margin),
            location: location,
            statistics: [
                "steps": "\(steps)", "n": "\(game.size)", "method": method.rawValue,
                "equilibrium": "x* = (\(game.equilibriumX.map(\.description).joined(separator: ", "))), "
                    + "y* = (\(game.equilibriumY.map(\.description).joined(separator: ", "))), v = \(game.value)",
                "first increase at t ≥ \(from) (identity)": firstIncrease.map(String.init) ?? "none",
                "increases (identity)": "\(identityIncreases)",
                "increases (direct)": "\(directIncreases)",
            ],
            series: [klSeries.series, gapSeries.series] + xSeries.map(\.series) + ySeries.map(\.series)
        )
    }
}

extension OMWUKLKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let method = (p[Self.methodParameter]).uppercased()
        if p[Self.property] == "converges" {
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

    static let methodParameter = Parameter<String>("method", .dynamics, type: .choice(["omwu", "mwu"]), default: "omwu",
        help: "\"omwu\" (optimistic multiplicative weights) or \"mwu\" (plain, simultaneous)")

    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the step size η (exact)")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...1_000_000), default: 300,
        help: "the number T of steps")

    static let property = Parameter<String>("property", .check, type: .choice(["kl-nonincreasing", "converges"]),
        default: "kl-nonincreasing", variable: false,
        help: "what is claimed: KL_t ≤ KL_{t−1} for t ≥ from_step, or KL_T ≤ kl_below")

    static let fromStep = Parameter<Int>("from_step", .check, type: .integer(1...1_000_000), default: 2,
        help: "the first step t whose change KL_t − KL_{t−1} is claimed ≤ 0 (2 per D&P; 1 is the known-false twin)")

    static let klBelow = OptionalParameter<Rational>("kl_below", .check, type: .rational(minimum: 0, exclusive: true),
        help: "for property = \"converges\": the claimed bound on KL_T")
}
