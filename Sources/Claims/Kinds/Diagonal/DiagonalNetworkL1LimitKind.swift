import LinearAlgebra
import LinearProgramming
import Models
import MultiPrecision

/// `diagonal-network-l1-limit`: x_∞(α) → x_ℓ1 as α → 0 (Woodworth et al. COLT 2020; Chou, Maly, Rauhut 2023; docs/theory.md §4.2–4.5).
public struct DiagonalNetworkL1LimitKind: ClaimKind, DescribedKind {
    enum Limit: String, ParameterChoice { case flow, reference }
    enum Target: String, ParameterChoice { case l1, l2 }

    static let alphaStart = Parameter<Rational>.positive("alpha_start", .model, default: 1,
        help: "the first (largest) initialization scale α_0")
    static let alphaRatio = Parameter<Rational>.positive("alpha_ratio", .model, default: Rational(numerator: 1, denominator: 10),
        help: "the ratio q ∈ (0, 1) of the geometric sequence α_k = α_0·q^k")
    static let alphaCount = Parameter<Int>("alpha_count", .model, 3...16, default: 4, help: "the number of scales α_0, …, α_{K−1}")
    static let targetResidual = DiagonalNetworkProblem.target(default: Rational(numerator: 1, denominator: BigInt(10).power(30)))
    static let limit = Parameter<Limit>("limit", .dynamics, default: .flow,
        help: "\"flow\": integrate gradient flow to the event; \"reference\": Newton on A·x(Aᵀλ) = y")
    static let target = Parameter<Target>("target", .check, default: .l1,
        help: "the interpolant the limits approach: \"l1\" (minimum ℓ1, exact LP) or \"l2\" (minimum ℓ2; known false)")
    static let minimumExponent = Parameter<Rational>.positive("minimum_exponent", .check, default: Rational(numerator: 1, denominator: 10),
        help: "the claimed lower bound r_min > 0 on every local exponent log(d_k/d_{k+1})/log(α_k/α_{k+1})")

    public static let about = KindDescription("diagonal-network-l1-limit",
        summary: "diagonal linear network: ‖x_∞(α) − x_ℓ1‖ decreases to 0 as α decreases geometrically (x_ℓ1 exact by LP)",
        method: """
        Computes the minimum-ℓ1 interpolant x_ℓ1 exactly: GLPK's exact simplex solves min 𝟙ᵀ(p + q), A(p − q) = y, \
        p, q ≥ 0, and the optimal basic solution and its dual are recomputed in Rational and checked (primal and dual \
        feasibility, equal objectives). Uniqueness is decided exactly (A_S of full column rank and a dual certificate \
        with |A_jᵀλ| < 1 off the support S, the largest slack found by a second exact LP); a non-unique minimizer is \
        an error. For α_k = alpha_start·alpha_ratio^k it then computes x_∞(α_k), by integrating the reduced s-ODE \
        with the Taylor method up to the event ‖Ax − y‖ = target·‖y‖ (limit = "flow") or by Newton's method on \
        A·x(Aᵀλ) = y (limit = "reference", the same point by the implicit-bias theorem), and d_k = ‖x_∞(α_k) − \
        x_ℓ1‖₂. The margin is min_k e_k − minimum_exponent with the local exponents e_k = log(d_k/d_{k+1}) / \
        log(1/alpha_ratio); the least-squares slope of log d against log α is reported as the rate. Everything \
        rounded is computed again at p + guard bits; the difference is the error estimate.
        """)

    /// Rounded (MPFR); x_ℓ1 itself is exact.
    public var arithmetic: Arithmetic { .rounded }
    public var parameters: [ParameterSpec] {
        typealias P = DiagonalNetworkProblem
        return ParameterSpec.list(P.a, P.y, P.depth, Self.alphaStart, Self.alphaRatio, Self.alphaCount, Self.targetResidual,
                                  P.maxTime, Self.limit, Self.target, Self.minimumExponent)
    }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        _ = try DiagonalNetworkProblem(parameters)
        if parameters[Self.alphaRatio] >= Rational(1) {
            throw ParameterProblem(key: "alpha_ratio", .invalidValue("alpha_ratio must lie in (0, 1) so that α decreases"))
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        "d_k = ‖x_∞(α_k) − x_\(p[Self.target] == .l2 ? "ℓ2" : "ℓ1")‖₂ falls at least like α^r: log(d_k/d_{k+1})/log(α_k/α_{k+1}) ≥ r = "
            + "\(p.written(Self.minimumExponent, absent: "r")) for α_k = \(p.written(Self.alphaStart, absent: "α_0"))·"
            + "\(p.written(Self.alphaRatio, absent: "q"))^k, k < \(p.written(Self.alphaCount, absent: "K"))"
    }

    public func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        typealias P = DiagonalNetworkProblem
        let problem = try P(p), depth = p[P.depth]
        if p[Self.limit] == .flow { try P.checkReachable(target: p[Self.targetResidual], bits: context.workingPrecision) }
        let (goal, goalName, quantities) = try Self.goal(p[Self.target], problem, depth: depth)
        var measured = quantities, statistics = ["depth": "\(depth)", "limit": p[Self.limit].rawValue]
        let alphas = (0..<p[Self.alphaCount]).map { p[Self.alphaStart] * p[Self.alphaRatio].power($0) }
        var distances: [BigFloat] = [], iterations = 0
        for (k, alpha) in alphas.enumerated() {
            try context.checkpoint()
            let flow = try DiagonalScaleStart(alpha: alpha, depth: depth).flow(problem)
            var x: [BigFloat] = []
            if p[Self.limit] == .flow {
                let run = try P.limit(flow, target: p[Self.targetResidual], maxTime: p[P.maxTime], context: context)
                (x, statistics) = (run.x, statistics.merging(run.statistics) { _, last in last })   // the run at the smallest α
            } else {
                let reference = try DiagonalNetworkImplicitBias(flow: flow).reference()
                (x, iterations) = (reference.x, iterations + reference.iterations)
            }
            distances.append(P.norm(zip(x, goal).map { $0 - BigFloat($1) }))
            measured += [Quantity("α_\(k)", .exact(alpha)), Quantity("‖x_∞ − \(goalName)‖₂ at α_\(k)", .rounded(distances[k])),
                         Quantity("‖x_∞‖₁ at α_\(k)", .rounded(P.l1(x)))]
        }
        if p[Self.limit] == .reference { statistics["newton iterations"] = "\(iterations)" }
        let logAlpha = alphas.map { BigFloat.log(BigFloat($0)) }, logDistance = distances.map { BigFloat.log($0) }
        let exponents = LeastSquares.localSlopes(x: logAlpha, y: logDistance)
        measured += exponents.indices.map { Quantity("local exponent e_\($0) (α_\($0) → α_\($0 + 1))", .rounded(exponents[$0])) }
        measured.append(Quantity("fitted exponent (least squares, log d against log α)", .rounded(LeastSquares.slope(x: logAlpha, y: logDistance))))
        let outcome = try BoundProperty(label: "local exponent", lhs: "log(d_k/d_{k+1})/log(α_k/α_{k+1})", relation: .greaterOrEqual,
                                        rhs: "minimum_exponent").evaluate(
            exponents.indices.map { Observation(place: .parameter(name: "α", value: alphas[$0]), scalar: exponents[$0]) },
            Array(repeating: ObservedValue(BigFloat(p[Self.minimumExponent])), count: exponents.count))
        return Evaluation(quantities: measured + outcome.quantities, margin: outcome.margin,
                          location: outcome.place.map { "smallest local exponent: from \($0)" }, statistics: statistics)
    }

    /// The exact interpolant the limits approach, its name, and its measurements (x_ℓ1 with its uniqueness
    /// certificate, or x_ℓ2 = Aᵀ(AAᵀ)^{−1}y).
    static func goal(_ target: Target, _ problem: DiagonalNetworkProblem, depth: Int) throws -> ([Rational], String, [Quantity]) {
        func entries(_ name: String, _ v: [Rational]) -> [Quantity] { Quantity.entries(name, v, QuantityValue.exact) }
        if target == .l2, case let x = try problem.minimumNormInterpolant { return (x, "x_ℓ2", entries("x_ℓ2,", x)) }
        let l1 = try MinimumL1Interpolant(a: problem.a, y: problem.y)
        guard case let .unique(certificate, slack) = l1.uniqueness else {
            throw DiagonalNetworkClaimError.l1MinimizerNotUnique(l1.uniqueness.description)
        }
        var quantities = entries("x_ℓ1,", l1.x) + [Quantity("‖x_ℓ1‖₁ (exact LP)", .exact(l1.norm))] + entries("certificate λ_", certificate)
        quantities.append(Quantity("certificate slack 1 − max_{j∉S} |A_jᵀλ|", .exact(slack)))
        // Derived in docs/implicit-bias.md: with |S| = m the dual limit is λ* = A_S^{−T}σ and the entries off the
        // support decay like α^{2·slack} (N = 2) or α^N (N ≥ 3).
        if l1.x.filter({ !$0.isZero }).count == problem.a.rowCount {
            quantities.append(Quantity("predicted exponent (derived, |S| = m)", .exact(depth == 2 ? 2 * slack : Rational(depth))))
        }
        return (l1.x, "x_ℓ1", quantities)
    }
}
