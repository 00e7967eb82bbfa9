import LinearAlgebra
import LinearProgramming
import Models
import MultiPrecision

/// `diagonal-network-l1-limit`: as the initialization scale α decreases over a geometric sequence, the
/// gradient-flow limit x_∞(α) of a depth-N diagonal network x = u^{⊙N} − v^{⊙N} approaches the minimum-ℓ1
/// interpolant x_ℓ1 (docs/theory.md §4.2, §4.3, §4.5; Woodworth et al. COLT 2020; Chou, Maly, Rauhut 2023):
///
///     d(α) = ‖x_∞(α) − x_ℓ1‖₂ → 0,   checked as   e_k = log(d(α_k)/d(α_{k+1})) / log(α_k/α_{k+1}) ≥ r_min > 0
///
/// for every consecutive pair (d falls at least like α^{r_min} along the sequence). x_ℓ1 is exact: the ℓ1 linear
/// program is solved by GLPK's exact simplex and certified in rational arithmetic, and its uniqueness is decided
/// exactly by a strict dual certificate; a non-unique minimizer is an ERROR (docs/theory.md §4.5's caution).
/// `target = "l2"` measures the distance to the minimum-ℓ2 interpolant instead (the known-false twin).
public struct DiagonalNetworkL1LimitKind: ClaimKind {
    public init() {}

    static let stopping = DiagonalNetworkParameters.Stopping(defaultTarget: Rational(numerator: 1, denominator: BigInt(10).power(30)))

    public var name: String { "diagonal-network-l1-limit" }

    public var summary: String {
        "diagonal linear network: ‖x_∞(α) − x_ℓ1‖ decreases to 0 as α decreases geometrically (x_ℓ1 exact by LP)"
    }

    public var method: String {
        """
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
        """
    }

    /// Rounded (MPFR); x_ℓ1 itself is exact.
    public var arithmetic: Arithmetic { .rounded }

    /// A, y, N, the α sequence, the stopping target, the limit method, the target interpolant and the exponent.
    public var parameters: [ParameterSpec] {
        DiagonalNetworkParameters.problem + ParameterSpec.list(DiagonalNetworkParameters.depth, Self.alphaStart, Self.alphaRatio, Self.alphaCount) + Self.stopping.specs + ParameterSpec.list(Self.limit, Self.target, Self.minimumExponent)
    }

    /// Shapes fit and the ratio lies in (0, 1).
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        _ = try DiagonalNetworkParameters.data(parameters)
        if parameters[Self.alphaRatio] >= Rational(1) {
            throw ParameterProblem(key: "alpha_ratio", .invalidValue("alpha_ratio must lie in (0, 1) so that α decreases"))
        }
    }

    /// Solves the ℓ1 program, computes the limits along the sequence and the local exponents.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, y) = try DiagonalNetworkParameters.data(parameters)
        let depth = parameters[DiagonalNetworkParameters.depth]
        let start = parameters[Self.alphaStart], ratio = parameters[Self.alphaRatio]
        let count = parameters[Self.alphaCount]
        let target = parameters[Self.stopping.targetResidual]
        let useFlow = parameters[Self.limit] != "reference"
        let bits = context.workingPrecision
        if useFlow { try DiagonalNetworkClaimError.checkReachable(target: target, bits: bits) }

        var quantities: [Quantity] = []
        let goal: [Rational]
        let goalName: String
        if parameters[Self.target] == "l2" {
            goal = try Self.minimumNormInterpolant(a: a, y: y)
            goalName = "x_ℓ2"
            for (j, v) in goal.enumerated() { quantities.append(Quantity("x_ℓ2,\(j + 1)", .exact(v))) }
        } else {
            let l1 = try MinimumL1Interpolant(a: a, y: y)
            guard case let .unique(certificate, slack) = l1.uniqueness else {
                throw DiagonalNetworkClaimError.l1MinimizerNotUnique(l1.uniqueness.description)
            }
            goal = l1.x
            goalName = "x_ℓ1"
            for (j, v) in goal.enumerated() { quantities.append(Quantity("x_ℓ1,\(j + 1)", .exact(v))) }
            quantities.append(Quantity("‖x_ℓ1‖₁ (exact LP)", .exact(l1.norm)))
            for (i, v) in certificate.enumerated() { quantities.append(Quantity("certificate λ_\(i + 1)", .exact(v))) }
            quantities.append(Quantity("certificate slack 1 − max_{j∉S} |A_jᵀλ|", .exact(slack)))
            // Derived in docs/implicit-bias.md: with |S| = m the dual limit is λ* = A_S^{−T}σ and the entries off the
            // support decay like α^{2·slack} (N = 2) or α^N (N ≥ 3).
            if l1.x.filter({ !$0.isZero }).count == a.rowCount {
                quantities.append(Quantity("predicted exponent (derived, |S| = m)",
                                           .exact(depth == 2 ? 2 * slack : Rational(depth))))
            }
        }

        func norm(_ v: [BigFloat]) -> BigFloat { BigFloat.sqrt(v.reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        var alphas: [Rational] = []
        var distances: [BigFloat] = []
        var steps = 0, newtonIterations = 0
        for k in 0..<count {
            try context.checkpoint()
            let alpha = start * ratio.power(k)
            let flow = try DiagonalNetworkFlow(a: a, y: y, alpha: alpha, depth: depth)
            let x: [BigFloat]
            if useFlow {
                let run = try flow.limit(targetResidual: target, maxTime: parameters[Self.stopping.maxTime],
                                         precision: bits)
                guard run.reachedTarget else {
                    throw DiagonalNetworkClaimError.noConvergence("α = \(alpha): \(run.termination)")
                }
                x = run.x
                steps += run.steps
            } else {
                let reference = try DiagonalNetworkImplicitBias(flow: flow).reference()
                x = reference.x
                newtonIterations += reference.iterations
            }
            let distance = norm(zip(x, goal).map { $0 - BigFloat($1) })
            alphas.append(alpha)
            distances.append(distance)
            quantities.append(Quantity("‖x_∞ − \(goalName)‖₂ at α = \(alpha)", .rounded(distance)))
            quantities.append(Quantity("‖x_∞‖₁ at α = \(alpha)", .rounded(x.reduce(BigFloat(0)) { $0 + BigFloat.abs($1) })))
        }

        let logRatio = BigFloat.log(BigFloat(ratio))
        var worst: (exponent: BigFloat, index: Int)?
        for k in 0..<(count - 1) {
            let exponent = BigFloat.log(distances[k + 1] / distances[k]) / logRatio
            quantities.append(Quantity("local exponent α = \(alphas[k]) → \(alphas[k + 1])", .rounded(exponent)))
            if worst == nil || exponent < worst!.exponent { worst = (exponent, k) }
        }
        quantities.append(Quantity("fitted exponent (least squares, log d against log α)",
                                   .rounded(Self.slope(x: alphas.map { BigFloat.log(BigFloat($0)) },
                                                       y: distances.map { BigFloat.log($0) }))))
        let minimum = BigFloat(parameters[Self.minimumExponent])
        var statistics = ["depth": "\(depth)", "limit": useFlow ? "flow" : "reference"]
        if useFlow { statistics["steps"] = "\(steps)" } else { statistics["newton iterations"] = "\(newtonIterations)" }
        return Evaluation(
            quantities: quantities, margin: .rounded(worst!.exponent - minimum),
            location: "smallest local exponent: α = \(alphas[worst!.index]) → \(alphas[worst!.index + 1])",
            statistics: statistics)
    }

    /// The least-squares slope of y against x.
    static func slope(x: [BigFloat], y: [BigFloat]) -> BigFloat {
        let n = BigFloat(x.count)
        let meanX = x.reduce(BigFloat(0), +) / n, meanY = y.reduce(BigFloat(0), +) / n
        var covariance = BigFloat(0), variance = BigFloat(0)
        for (u, v) in zip(x, y) {
            covariance += (u - meanX) * (v - meanY)
            variance += (u - meanX) * (u - meanX)
        }
        return covariance / variance
    }

    /// Aᵀ(AAᵀ)^{−1}y, exactly.
    static func minimumNormInterpolant(a: Matrix<Rational>, y: [Rational]) throws -> [Rational] {
        let mu: [Rational]
        do { mu = try LUDecomposition(a * a.transposed()).solve(y) } catch { throw DiagonalNetworkError.rankDeficient }
        return (0..<a.columnCount).map { j in (0..<a.rowCount).reduce(Rational(0)) { $0 + a[$1, j] * mu[$1] } }
    }
}

extension DiagonalNetworkL1LimitKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let target = p[Self.target] == "l2" ? "x_ℓ2" : "x_ℓ1"
        return "d_k = ‖x_∞(α_k) − \(target)‖₂ falls at least like α^r: log(d_k/d_{k+1})/log(α_k/α_{k+1}) ≥ r = "
            + "\(p.written(Self.minimumExponent, absent: "r")) for α_k = \(p.written(Self.alphaStart, absent: "α_0"))·"
            + "\(p.written(Self.alphaRatio, absent: "q"))^k, k < \(p.written(Self.alphaCount, absent: "K"))"
    }
}

extension DiagonalNetworkL1LimitKind {
    static let alphaStart = Parameter<Rational>("alpha_start", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(1), help: "the first (largest) initialization scale α_0")

    static let alphaRatio = Parameter<Rational>("alpha_ratio", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(numerator: 1, denominator: 10),
        help: "the ratio q ∈ (0, 1) of the geometric sequence α_k = α_0·q^k")

    static let alphaCount = Parameter<Int>("alpha_count", .model, type: .integer(3...16), default: 4,
        help: "the number of scales α_0, …, α_{K−1}")

    static let limit = Parameter<String>("limit", .dynamics, type: .choice(["flow", "reference"]), default: "flow",
        help: "\"flow\": integrate gradient flow to the event; \"reference\": Newton on A·x(Aᵀλ) = y")

    static let target = Parameter<String>("target", .check, type: .choice(["l1", "l2"]), default: "l1",
        help: "the interpolant the limits approach: \"l1\" (minimum ℓ1, exact LP) or \"l2\" (minimum ℓ2; known false)")

    static let minimumExponent = Parameter<Rational>("minimum_exponent", .check,
        type: .rational(minimum: 0, exclusive: true), default: Rational(numerator: 1, denominator: 10),
        help: "the claimed lower bound r_min > 0 on every local exponent log(d_k/d_{k+1})/log(α_k/α_{k+1})")
}
