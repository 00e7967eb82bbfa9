import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `deep-matrix-factorization-incremental`: incremental (sequential) learning in deep matrix factorization from small
/// aligned initialization (docs/theory.md §5.2, Chou, Gieshoff, Maly, Rauhut). With A = U diag(s) Vᵀ, the projection
/// x_i(t) = u_iᵀ W(t) v_i of the end-to-end matrix on mode i reaches s_i/2 at the half-learning time t½,i.
///
/// * `claim = "learning-order"` (gf): the modes are learned in decreasing order of s; margin = min_i (t½,i+1 − t½,i)
///   with the modes sorted by decreasing s.
/// * `claim = "half-times"` (gf): t½,i equals the exact formula (N = 2: ln(s/α² − 1)/(2s); N ≥ 3: the ₂F₁ implicit
///   time); margin = tol − max_i |t½,i − formula|/formula.
/// * `claim = "effective-rank"` (gf or gd): erank(W) = exp(−Σ p_i ln p_i), p_i = σ_i/Σσ_j, is non-decreasing after
///   its minimum over the samples; margin = tol + min over consecutive samples after the minimum of the increase.
/// * Known false: `"reverse-order"` (margin = min_i (t½,i − t½,i+1)), `"asymptotic-half-times"` (t½ equals its
///   leading term α^{2−N}/((N−2)s), off by O(1) for N ≥ 3) and `"effective-rank-from-start"` (non-decreasing from
///   the first sample on: erank falls first).
public struct DeepMatrixFactorizationIncrementalKind: ClaimKind {
    /// The claims of this kind.
    static let claims = ["learning-order", "half-times", "effective-rank", "reverse-order", "asymptotic-half-times",
                         "effective-rank-from-start"]

    public init() {}

    static let dynamics = DeepMatrixFactorizationTarget.Dynamics(
        methodHelp: "\"gf\" (gradient flow; needed for half-learning times) or \"gd\" (gradient descent; effective-rank claims)",
        horizonHelp: "gf: the final time T (exact); every mode must reach s_i/2 before it for the order and half-time claims",
        samples: 2...10_000, defaultSamples: 100,
        samplesHelp: "the number of equally spaced times (gf) or steps (gd) at which the effective rank is sampled")

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)),
                                          help: "half-times: the relative slack; effective rank: the allowed decrease")

    public var name: String { "deep-matrix-factorization-incremental" }

    public var summary: String {
        "deep matrix factorization from small aligned init: modes learned in decreasing order of s at the §5.2 half-learning times; effective rank non-decreasing after its minimum"
    }

    public var method: String {
        """
        Integrates the gradient flow of all N factors with the Taylor method at the working precision p (tolerance \
        2^−(p−10)) and locates, as events, the times at which u_iᵀ W(t) v_i crosses s_i/2 (the half-learning times), \
        or runs gradient descent in MPFR. The effective rank of W comes from its singular values (one-sided Jacobi \
        SVD) at `samples` equally spaced times or steps. Half-learning times are compared with the exact formulas of \
        §5.2 (logistic for N = 2, the ₂F₁ implicit time for N ≥ 3). Everything is computed again at p + guard bits; \
        the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The target's SVD, depth, α, the dynamics and the claim.
    public var parameters: [ParameterSpec] {
        DeepMatrixFactorizationTarget.specs + Self.dynamics.specs + [Self.claim.spec, Self.tolerance.legacy.spec]
    }

    /// The target is well formed; half-time claims need gf and distinct singular values; gf needs a horizon, gd a
    /// step size and steps; the modes start below s_i/2.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let target = try DeepMatrixFactorizationTarget(parameters)
        let claimed = parameters[Self.claim]
        let depth = parameters[DeepMatrixFactorizationTarget.depth]
        let alpha = parameters[DeepMatrixFactorizationTarget.alpha]
        if try Self.dynamics.validate(parameters), !claimed.hasPrefix("effective-rank") {
            throw ParameterProblem(key: "claim", .invalidValue("\"\(claimed)\" needs method = \"gf\" (half-learning times are gradient-flow times)"))
        }
        if !claimed.hasPrefix("effective-rank") {
            guard Set(target.singularValues).count == target.singularValues.count else {
                throw ParameterProblem(key: "singular_values", .invalidValue("the learning order needs distinct singular values"))
            }
            if let s = target.singularValues.first(where: { 2 * alpha.power(depth) >= $0 }) {
                throw ParameterProblem(key: "alpha", .invalidValue("every mode must start below half its target: α^N < s_i/2 (s = \(s))"))
            }
            if claimed == "asymptotic-half-times", depth < 3 {
                throw ParameterProblem(key: "depth", .invalidValue("the leading term α^{2−N}/((N−2)s) needs depth ≥ 3"))
            }
        }
    }

    /// Runs the dynamics, measures half-learning times or the effective rank, and compares.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let target = try DeepMatrixFactorizationTarget(parameters)
        let depth = parameters[DeepMatrixFactorizationTarget.depth]
        let alpha = parameters[DeepMatrixFactorizationTarget.alpha]
        let initialization = parameters[DeepMatrixFactorizationTarget.initialization]
        let samples = parameters[Self.dynamics.samples]
        let claimed = parameters[Self.claim]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let initial = target.initialLayers(depth: depth, alpha: alpha, initialization: initialization)
        var statistics: [String: String] = ["depth": "\(depth)", "initialization": initialization]

        if parameters[Self.dynamics.method] == "gd" {
            let (stepSize, steps) = try Self.dynamics.descent(parameters)
            var ranks: [(label: String, value: BigFloat)] = [("step 0", try Self.effectiveRank(initial.map(\.rounded).endToEnd))]
            try target.gradientDescent(from: initial, stepSize: stepSize, steps: steps, samples: samples,
                                       context: context) { k, layers in
                ranks.append(("step \(k)", try Self.effectiveRank(layers.endToEnd)))
            }
            statistics["steps"] = "\(steps)"
            return Self.effectiveRankEvaluation(ranks, fromStart: claimed == "effective-rank-from-start",
                                                tolerance: tolerance, statistics: statistics)
        }

        let field = try target.gradientFlow(from: initial)
        let left = target.left.rounded, right = target.right.rounded
        let modes = target.singularValues.indices.sorted { target.singularValues[$0] > target.singularValues[$1] }
        let events = modes.map { i in
            let half = BigFloat(target.singularValues[i]) / 2
            return Event<BigFloat>("u_\(i + 1)ᵀWv_\(i + 1) = s_\(i + 1)/2", direction: .rising, isTerminal: false) { _, state in
                let w = field.layers(of: state).endToEnd
                var projection = BigFloat(0)
                for r in 0..<w.rowCount { for c in 0..<w.columnCount { projection += left[r, i] * w[r, c] * right[c, i] } }
                return projection - half
            }
        }
        let times = FactorFlowSampling.uniformTimes(horizon: try Self.dynamics.flowHorizon(parameters), count: samples)
        let run = try FactorFlowSampling(field, from: initial, times: times, events: events, context: context)
        statistics.merge(run.statistics) { $1 }
        if claimed.hasPrefix("effective-rank") {
            var ranks: [(label: String, value: BigFloat)] = [("t = 0", try Self.effectiveRank(initial.map(\.rounded).endToEnd))]
            for (time, layers) in zip(run.times, run.layers) { ranks.append(("t = \(time)", try Self.effectiveRank(layers.endToEnd))) }
            return Self.effectiveRankEvaluation(ranks, fromStart: claimed == "effective-rank-from-start",
                                                tolerance: tolerance, statistics: statistics)
        }

        // Half-learning times, in decreasing order of s (the first crossing of each mode).
        var halfTimes: [BigFloat] = []
        for (position, _) in modes.enumerated() {
            guard let hit = run.events.first(where: { $0.name == events[position].name }) else {
                throw IncrementalLearningError.modeNotLearned(mode: modes[position] + 1, horizon: "\(times[times.count - 1])")
            }
            halfTimes.append(hit.time)
        }
        var quantities: [Quantity] = []
        var formulaGap = BigFloat(0), asymptoticGap = BigFloat(0)
        for (position, i) in modes.enumerated() {
            let flow = try ScalarFactorizationFlow(depth: depth, target: BigFloat(target.singularValues[i]))
            let exact = try flow.halfLearningTime(from: BigFloat(alpha))
            quantities.append(Quantity("t½ of mode s = \(target.singularValues[i]) (measured)", .rounded(halfTimes[position])))
            quantities.append(Quantity("t½ of mode s = \(target.singularValues[i]) (§5.2 formula)", .rounded(exact)))
            formulaGap = BigFloat.maximum(formulaGap, BigFloat.abs(halfTimes[position] - exact) / exact)
            if depth >= 3 {
                let leading = flow.asymptoticHalfLearningTime(from: BigFloat(alpha))
                quantities.append(Quantity("α^{2−N}/((N−2)s) for s = \(target.singularValues[i])", .rounded(leading)))
                asymptoticGap = BigFloat.maximum(asymptoticGap, BigFloat.abs(halfTimes[position] - leading) / leading)
            }
        }
        let gaps = (1..<max(1, halfTimes.count)).map { halfTimes[$0] - halfTimes[$0 - 1] }
        quantities.append(Quantity("min_i (t½,i+1 − t½,i), s decreasing", .rounded(gaps.min() ?? BigFloat(0))))
        quantities.append(Quantity("max_i |t½,i − formula|/formula", .rounded(formulaGap)))
        let margin: BigFloat
        switch claimed {
        case "learning-order": margin = gaps.min() ?? BigFloat(0)
        case "reverse-order": margin = gaps.map { -$0 }.min() ?? BigFloat(0)
        case "half-times": margin = tolerance - formulaGap
        default:
            quantities.append(Quantity("max_i |t½,i − α^{2−N}/((N−2)s)| / α^{2−N}/((N−2)s)", .rounded(asymptoticGap)))
            margin = tolerance - asymptoticGap
        }
        return Evaluation(quantities: quantities, margin: .rounded(margin), location: "modes in decreasing order of s",
                          statistics: statistics)
    }

    /// erank(W) = exp(−Σ p_i ln p_i), p_i = σ_i/Σ_j σ_j (Roy–Vetterli), zero singular values contributing 0.
    static func effectiveRank(_ w: Matrix<BigFloat>) throws -> BigFloat {
        let sigma = try SingularValueDecomposition(w).singularValues
        let total = sigma.reduce(BigFloat(0), +)
        var entropy = BigFloat(0)
        for value in sigma where value > BigFloat(0) {
            let p = value / total
            entropy -= p * BigFloat.log(p)
        }
        return BigFloat.exp(entropy)
    }

    /// margin = tol + min over consecutive samples (after the minimum, or from the start) of erank_{k+1} − erank_k.
    static func effectiveRankEvaluation(_ ranks: [(label: String, value: BigFloat)], fromStart: Bool,
                                        tolerance: BigFloat, statistics: [String: String]) -> Evaluation {
        let minimumIndex = ranks.indices.min { ranks[$0].value < ranks[$1].value }!
        let start = fromStart ? 0 : minimumIndex
        var worst: BigFloat? = nil, worstLabel = "no later sample"
        for k in start..<(ranks.count - 1) {
            let increase = ranks[k + 1].value - ranks[k].value
            if worst == nil || increase < worst! { worst = increase; worstLabel = ranks[k + 1].label }
        }
        let quantities = [
            Quantity("erank(W) at the start", .rounded(ranks[0].value)),
            Quantity("min erank(W), at \(ranks[minimumIndex].label)", .rounded(ranks[minimumIndex].value)),
            Quantity("erank(W) at the end", .rounded(ranks[ranks.count - 1].value)),
            Quantity("min increase of erank between samples" + (fromStart ? "" : " after the minimum"),
                     .rounded(worst ?? BigFloat(0))),
        ]
        var statistics = statistics
        statistics["samples"] = "\(ranks.count)"
        return Evaluation(quantities: quantities, margin: .rounded(tolerance + (worst ?? BigFloat(0))),
                          location: worstLabel, statistics: statistics)
    }
}

/// Why an incremental-learning check could not be completed.
enum IncrementalLearningError: Error, CustomStringConvertible {
    /// A mode did not reach half its target before the horizon.
    case modeNotLearned(mode: Int, horizon: String)

    /// A one-line message.
    var description: String {
        switch self {
        case let .modeNotLearned(mode, horizon):
            return "mode \(mode) did not reach s/2 before the horizon \(horizon); increase horizon"
        }
    }
}

extension DeepMatrixFactorizationIncrementalKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case "half-times": return "t½,i (u_iᵀW v_i reaches s_i/2) equals the §5.2 formula for every mode, up to the relative tolerance"
        case "effective-rank": return "erank(W) is non-decreasing between consecutive samples after its minimum"
        case "reverse-order": return "t½,i < t½,i+1 for the modes sorted by increasing s (learned in increasing order of s)"
        case "asymptotic-half-times": return "t½,i equals α^{2−N}/((N−2)s_i) for every mode, up to the relative tolerance"
        case "effective-rank-from-start": return "erank(W) is non-decreasing between consecutive samples from the first one"
        default: return "t½,i < t½,i+1 for the modes sorted by decreasing s (learned in decreasing order of s)"
        }
    }
}

extension DeepMatrixFactorizationIncrementalKind {
    static let claim = Parameter<String>("claim", .check, type: .choice(Self.claims), default: "learning-order",
        help: Self.claims.map { "\"\($0)\"" }.joined(separator: ", ") + " (the last three are known false)")
}
