import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `deep-matrix-factorization-incremental`: Chou, Gieshoff, Maly, Rauhut, incremental learning from small aligned initialization (docs/theory.md §5.2).
public struct DeepMatrixFactorizationIncrementalKind: TrajectoryKind, DeepMatrixFactorizationPreset, DescribedKind {
    /// The claims of this kind.
    enum Claim: String, ParameterChoice {
        case learningOrder = "learning-order", halfTimes = "half-times", effectiveRank = "effective-rank"
        case reverseOrder = "reverse-order", asymptoticHalfTimes = "asymptotic-half-times"
        case effectiveRankFromStart = "effective-rank-from-start"

        var isEffectiveRank: Bool { self == .effectiveRank || self == .effectiveRankFromStart }
    }

    static let claim = Parameter<Claim>("claim", .check, default: .learningOrder,
        help: Claim.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + " (the last three are known false)")

    public static let dynamics = DeepMatrixFactorizationDynamics(
        methodHelp: "\"gf\" (gradient flow; needed for half-learning times) or \"gd\" (gradient descent; effective-rank claims)",
        horizonHelp: "gf: the final time T (exact); every mode must reach s_i/2 before it for the order and half-time claims",
        samples: 2...10_000, defaultSamples: 100,
        samplesHelp: "the number of equally spaced times (gf) or steps (gd) at which the effective rank is sampled")

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)), help: "half-times: the relative slack; effective rank: the allowed decrease")

    public static func locatesHalfTimes(_ parameters: InstanceParameters) -> Bool { !parameters[claim].isEffectiveRank }

    public static let about = KindDescription("deep-matrix-factorization-incremental",
        summary: "deep matrix factorization from small aligned init: modes learned in decreasing order of s at the §5.2 half-learning times; effective rank non-decreasing after its minimum",
        method: """
        Integrates the gradient flow of all N factors with the Taylor method at the working precision p (tolerance \
        2^−(p−10)) and locates, as events, the times at which u_iᵀ W(t) v_i crosses s_i/2 (the half-learning times), \
        or iterates gradient descent (a map through the sampler). The effective rank of W comes from its singular \
        values (one-sided Jacobi SVD) at `samples` equally spaced times or steps. Half-learning times are compared \
        with the exact formulas of §5.2 (logistic for N = 2, the ₂F₁ implicit time for N ≥ 3); erank(W) = \
        exp(−Σ p_i ln p_i), p_i = σ_i/Σσ_j. Known false: reverse-order, asymptotic-half-times (the leading term \
        α^{2−N}/((N−2)s) is off by O(1) for N ≥ 3) and effective-rank-from-start (erank falls first). Everything is \
        computed again at p + guard bits; the difference is the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [Self.claim, Self.tolerance.legacy] }

    /// The scenario's checks; half-time claims need gf, distinct singular values and modes that start below s_i/2.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(parameters)
        let claimed = parameters[Self.claim], target = try DeepMatrixFactorizationTarget(parameters)
        let depth = parameters[DeepMatrixFactorizationTarget.depth]
        if claimed.isEffectiveRank { return }
        if case .descent = try Self.dynamics.run(parameters) {
            throw ParameterProblem(key: "claim", .invalidValue("\"\(claimed.rawValue)\" needs method = \"gf\" (half-learning times are gradient-flow times)"))
        }
        guard target.singularValues.count >= 2, Set(target.singularValues).count == target.singularValues.count else {
            throw ParameterProblem(key: "singular_values", .invalidValue("the learning order needs two or more distinct singular values"))
        }
        try target.requireStart(below: 2, parameters, "every mode must start below half its target: α^N < s_i/2")
        if claimed == .asymptoticHalfTimes, depth < 3 {
            throw ParameterProblem(key: "depth", .invalidValue("the leading term α^{2−N}/((N−2)s) needs depth ≥ 3"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case .halfTimes: return "t½,i (u_iᵀW v_i reaches s_i/2) equals the §5.2 formula for every mode, up to the relative tolerance"
        case .effectiveRank: return "erank(W) is non-decreasing between consecutive samples after its minimum"
        case .reverseOrder: return "t½,i < t½,i+1 for the modes sorted by increasing s (learned in increasing order of s)"
        case .asymptoticHalfTimes: return "t½,i equals α^{2−N}/((N−2)s_i) for every mode, up to the relative tolerance"
        case .effectiveRankFromStart: return "erank(W) is non-decreasing between consecutive samples from the first one"
        case .learningOrder: return "t½,i < t½,i+1 for the modes sorted by decreasing s (learned in decreasing order of s)"
        }
    }

    public func check(_ p: InstanceParameters, on run: DeepMatrixFactorizationScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let claimed = p[Self.claim], tolerance = Self.tolerance.value(p, context: context)
        if claimed.isEffectiveRank {
            let ranks = try zip(run.places, run.layers).map { Observation(place: $0, scalar: try SingularValueDecomposition($1.endToEnd).effectiveRank) }
            let lowest = ranks.indices.reduce(0) { ranks[$1].value.scalar < ranks[$0].value.scalar ? $1 : $0 }
            let fromStart = claimed == .effectiveRankFromStart
            var outcome = try MonotoneProperty(label: "erank", observable: "erank(W)", direction: .nonDecreasing,
                                               from: fromStart ? nil : ranks[lowest].place, tolerance: tolerance).evaluate(ranks)
            outcome.quantities += [
                Quantity("erank(W) at the start", ranks[0].value.scalar.quantityValue),
                Quantity("min erank(W)", ranks[lowest].value.scalar.quantityValue),
                Quantity("erank(W) at the end", ranks[ranks.count - 1].value.scalar.quantityValue),
            ]
            return outcome
        }
        // Half-learning times t½,i, the modes in decreasing order of s (the first crossing of each).
        let s = run.target.singularValues, alpha = BigFloat(run.alpha)
        let modes = s.indices.sorted { s[$0] > s[$1] }
        var measured: [Observation<BigFloat>] = [], formulaGaps: [Observation<BigFloat>] = [], asymptoticGaps: [Observation<BigFloat>] = []
        var quantities: [Quantity] = []
        for (position, i) in modes.enumerated() {
            let mode = SamplePlace.parameter(name: "mode", value: Rational(position + 1))
            guard let hit = run.events.first(where: { $0.name == DeepMatrixFactorizationTarget.halfLearningEvent(i) }) else {
                throw EvaluationFailure("mode \(i + 1) did not reach s/2 before the horizon; increase horizon")
            }
            let flow = try ScalarFactorizationFlow(depth: run.depth, target: BigFloat(s[i]))
            let exact = try flow.halfLearningTime(from: alpha)
            measured.append(Observation(place: mode, scalar: hit.time))
            formulaGaps.append(Observation(place: mode, scalar: BigFloat.abs(hit.time - exact) / exact))
            quantities += [Quantity("t½,\(position + 1) (measured)", .rounded(hit.time)),
                           Quantity("t½,\(position + 1) (§5.2 formula)", .rounded(exact))]
            if run.depth >= 3 {
                let leading = flow.asymptoticHalfLearningTime(from: alpha)
                asymptoticGaps.append(Observation(place: mode, scalar: BigFloat.abs(hit.time - leading) / leading))
                quantities.append(Quantity("α^{2−N}/((N−2)s_\(position + 1))", .rounded(leading)))
            }
        }
        let gaps = (1..<measured.count).map { measured[$0].value.scalar - measured[$0 - 1].value.scalar }
        quantities += [
            Quantity("min_i (t½,i+1 − t½,i), s decreasing", .rounded(gaps.reduce(gaps[0]) { BigFloat.minimum($0, $1) })),
            Quantity("max_i |t½,i − formula|/formula", .rounded(formulaGaps.largest)),
        ]
        var outcome: PropertyOutcome
        switch claimed {
        case .learningOrder, .reverseOrder:
            outcome = try MonotoneProperty(label: "t½", observable: "t½,i (s decreasing)",
                                           direction: claimed == .learningOrder ? .increasing : .decreasing,
                                           tolerance: 0).evaluate(measured)
        default:
            let asymptotic = claimed == .asymptoticHalfTimes, relative = asymptotic ? asymptoticGaps : formulaGaps
            if asymptotic {
                quantities.append(Quantity("max_i |t½,i − α^{2−N}/((N−2)s)| / α^{2−N}/((N−2)s)", .rounded(relative.largest)))
            }
            outcome = try BoundProperty.tolerance("t½", asymptotic ? "|t½,i − α^{2−N}/((N−2)s_i)| / α^{2−N}/((N−2)s_i)"
                                                                   : "|t½,i − formula| / formula")
                .evaluate(relative, within: BigFloat(tolerance))
        }
        outcome.quantities += quantities
        return outcome
    }

}
