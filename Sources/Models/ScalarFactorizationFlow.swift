import MultiPrecision

/// The scalar gradient flow of one mode of a deep matrix factorization, `ẇ = w^{N−1}(λ − w^N)`, with end-to-end
/// value `x = w^N`, and its closed or implicit solutions (docs/theory.md §5.2, Chou, Gieshoff, Maly, Rauhut):
///
///     N = 1:   x(t) = λ + (x_0 − λ) e^{−t}
///     N = 2:   x(t) = λ / (1 + (λ/x_0 − 1) e^{−2λt})
///     N ≥ 3:   t(w) = (1/λ)[F_N(w) − F_N(w_0)],  F_N(w) = w^{2−N}/(2−N) + (w²/(2λ)) ₂F₁(1, 2/N; 1 + 2/N; w^N/λ)
///
/// For N ≥ 3 the time is inverted by safeguarded Newton iteration. Everything is computed at `Precision.current`.
public struct ScalarFactorizationFlow: Sendable {
    /// The depth N ≥ 1.
    public let depth: Int
    /// The target singular value λ.
    public let target: BigFloat

    /// The flow of depth `depth` towards `target`.
    ///
    /// - Throws: `ScalarFactorizationFlowError` for N < 1, or λ ≤ 0 with N ≥ 2 (the closed forms need λ > 0).
    public init(depth: Int, target: BigFloat) throws(ScalarFactorizationFlowError) {
        guard depth >= 1 else { throw ScalarFactorizationFlowError("the depth must be at least 1, not \(depth)") }
        guard depth == 1 || target > BigFloat(0) else {
            throw ScalarFactorizationFlowError("the closed forms for depth \(depth) need a positive target, not \(target)")
        }
        self.depth = depth
        self.target = target
    }

    /// The end-to-end value x(t) = w(t)^N from w(0) = `initial`.
    ///
    /// - Throws: `ScalarFactorizationFlowError` unless 0 < w_0 (N ≥ 2), and for N ≥ 3 also w_0 < λ^{1/N}.
    public func endToEnd(at time: BigFloat, from initial: BigFloat) throws(ScalarFactorizationFlowError) -> BigFloat {
        let lambda = target
        switch depth {
        case 1:
            return lambda + (initial - lambda) * BigFloat.exp(-time)
        case 2:
            guard initial > BigFloat(0) else { throw ScalarFactorizationFlowError("w(0) must be positive, not \(initial)") }
            let x0 = initial * initial
            return lambda / (BigFloat(1) + (lambda / x0 - BigFloat(1)) * BigFloat.exp(-2 * lambda * time))
        default:
            return BigFloat.pow(try factor(at: time, from: initial), depth)
        }
    }

    /// w(t) for N ≥ 3, by inverting t(w) with Newton steps kept inside the bracket (w_0, λ^{1/N}) (bisection when a
    /// step would leave it).
    ///
    /// - Throws: `ScalarFactorizationFlowError` unless N ≥ 3 and 0 < w_0 < λ^{1/N}.
    public func factor(at time: BigFloat, from initial: BigFloat) throws(ScalarFactorizationFlowError) -> BigFloat {
        guard depth >= 3 else { throw ScalarFactorizationFlowError("the implicit solution is for depth ≥ 3") }
        let limit = BigFloat.root(target, depth)
        guard initial > BigFloat(0), initial < limit else {
            throw ScalarFactorizationFlowError("the implicit solution needs 0 < w(0) < λ^{1/N}, not w(0) = \(initial)")
        }
        if time <= BigFloat(0) { return initial }
        let base = primitive(initial)
        var low = initial, high = limit
        var w = initial
        let tolerance = BigFloat(1).scaled(byPowerOfTwo: -(Precision.current - 4))
        for _ in 0..<(4 * Precision.current) {
            let residual = (primitive(w) - base) / target - time
            if residual > BigFloat(0) { high = w } else { low = w }
            let slope = BigFloat.pow(w, depth - 1) * (target - BigFloat.pow(w, depth))
            var next = w - residual * slope
            if !(next > low && next < high) { next = (low + high) / 2 }
            let change = BigFloat.abs(next - w)
            w = next
            if change <= tolerance * w || high - low <= tolerance * w { break }
        }
        return w
    }

    /// The time t(w) the flow takes from w_0 to w, for N ≥ 3 and 0 < w_0 ≤ w < λ^{1/N}: (F_N(w) − F_N(w_0))/λ.
    ///
    /// - Throws: `ScalarFactorizationFlowError` outside that range.
    public func time(from initial: BigFloat, to value: BigFloat) throws(ScalarFactorizationFlowError) -> BigFloat {
        guard depth >= 3 else { throw ScalarFactorizationFlowError("the implicit time formula is for depth ≥ 3") }
        guard initial > BigFloat(0), initial <= value, value < BigFloat.root(target, depth) else {
            throw ScalarFactorizationFlowError("t(w) needs 0 < w(0) ≤ w < λ^{1/N}")
        }
        return (primitive(value) - primitive(initial)) / target
    }

    /// The half-learning time: the time at which x = w^N reaches λ/2 from w(0) = α (docs/theory.md §5.2), exactly
    /// (N = 1: ln(2(λ − α)/λ); N = 2: ln(λ/α² − 1)/(2λ); N ≥ 3: t((λ/2)^{1/N})).
    ///
    /// - Throws: `ScalarFactorizationFlowError` unless 0 < α^N < λ/2.
    public func halfLearningTime(from alpha: BigFloat) throws(ScalarFactorizationFlowError) -> BigFloat {
        guard alpha > BigFloat(0), BigFloat.pow(alpha, depth) < target / 2 else {
            throw ScalarFactorizationFlowError("the half-learning time needs 0 < α^N < λ/2")
        }
        switch depth {
        case 1: return BigFloat.log(2 * (target - alpha) / target)
        case 2: return BigFloat.log(target / (alpha * alpha) - BigFloat(1)) / (2 * target)
        default: return try time(from: alpha, to: BigFloat.root(target / 2, depth))
        }
    }

    /// The leading term α^{2−N}/((N − 2)λ) of the half-learning time as α → 0, for N ≥ 3 (docs/theory.md §5.2).
    public func asymptoticHalfLearningTime(from alpha: BigFloat) -> BigFloat {
        BigFloat.pow(alpha, 2 - depth) / (BigFloat(depth - 2) * target)
    }

    /// F_N(w) = w^{2−N}/(2−N) + (w²/(2λ)) ₂F₁(1, 2/N; 1 + 2/N; w^N/λ), for N ≥ 3.
    func primitive(_ w: BigFloat) -> BigFloat {
        let n = depth
        let z = BigFloat.pow(w, n) / target
        return BigFloat.pow(w, 2 - n) / BigFloat(2 - n)
            + w * w / (2 * target) * Self.hypergeometric(numerator: 2, denominator: n, z)
    }

    /// ₂F₁(1, b; 1 + b; z) for b = p/q ∈ (0, 1) rational and 0 ≤ z < 1, at `Precision.current`.
    ///
    /// For z ≤ 1/2 the series b Σ_k z^k/(k + b); above, the logarithmic continuation to 1 − z (Abramowitz–Stegun
    /// 15.3.10 with c = a + b, a = 1):
    ///
    ///     b Σ_n (b)_n/n! [ψ(n + 1) − ψ(n + b) − ln(1 − z)] (1 − z)^n,
    ///
    /// where ψ(1) − ψ(b) comes from Gauss's digamma theorem (Euler's constant cancels) and the recursion
    /// ψ(n + 2) − ψ(n + 1 + b) = ψ(n + 1) − ψ(n + b) + 1/(n + 1) − 1/(n + b).
    public static func hypergeometric(numerator p: Int, denominator q: Int, _ z: BigFloat) -> BigFloat {
        precondition(p > 0 && p < q, "hypergeometric: b = p/q must lie in (0, 1)")
        precondition(z >= BigFloat(0) && z < BigFloat(1), "hypergeometric: z must lie in [0, 1)")
        let b = BigFloat(p) / BigFloat(q)
        let negligible = BigFloat(1).scaled(byPowerOfTwo: -(Precision.current + 8))
        var sum = BigFloat(0)
        if z <= BigFloat(1) / 2 {
            var power = BigFloat(1)
            var k = 0
            while true {
                let term = power / (BigFloat(k) + b)
                sum += term
                if term <= negligible * sum { break }
                power *= z
                k += 1
            }
            return b * sum
        }
        let oneMinusZ = BigFloat(1) - z
        let logOneMinusZ = BigFloat.log(oneMinusZ)
        var digammaDifference = digammaOneMinusDigamma(p, q)
        var coefficient = BigFloat(1)          // (b)_n / n! · (1 − z)^n
        var n = 0
        while true {
            let term = coefficient * (digammaDifference - logOneMinusZ)
            sum += term
            if n > 2, BigFloat.abs(term) <= negligible * BigFloat.abs(sum) { break }
            digammaDifference += BigFloat(1) / BigFloat(n + 1) - BigFloat(1) / (BigFloat(n) + b)
            coefficient = coefficient * (BigFloat(n) + b) / BigFloat(n + 1) * oneMinusZ
            n += 1
        }
        return b * sum
    }

    /// ψ(1) − ψ(p/q) for 0 < p < q by Gauss's digamma theorem:
    /// ln(2q) + (π/2) cot(πp/q) − 2 Σ_{n=1}^{⌊(q−1)/2⌋} cos(2πnp/q) ln sin(πn/q).
    static func digammaOneMinusDigamma(_ p: Int, _ q: Int) -> BigFloat {
        let pi = BigFloat.pi
        let angle = pi * BigFloat(p) / BigFloat(q)
        var value = BigFloat.log(BigFloat(2 * q)) + pi / 2 * BigFloat.cos(angle) / BigFloat.sin(angle)
        if q >= 3 {
            for n in 1...((q - 1) / 2) {
                value -= 2 * BigFloat.cos(2 * pi * BigFloat(n * p) / BigFloat(q))
                    * BigFloat.log(BigFloat.sin(pi * BigFloat(n) / BigFloat(q)))
            }
        }
        return value
    }
}
