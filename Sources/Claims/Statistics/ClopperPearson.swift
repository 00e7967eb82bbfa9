import MultiPrecision

/// The Clopper–Pearson ("exact") confidence interval for a binomial proportion (Clopper, Pearson, Biometrika
/// 1934): for k successes in n trials at confidence 1 − δ,
///
///     lower = the p with P_p(X ≥ k) = δ/2   (0 when k = 0),      P_p(X ≥ k) = I_p(k, n − k + 1),
///     upper = the p with P_p(X ≤ k) = δ/2   (1 when k = n).
///
/// Both are found by bisection over dyadic p = a/2^40, each tail evaluated exactly as an integer binomial sum
/// (`BinomialTail`), and rounded outwards (lower down, upper up, by at most 2⁻⁴⁰), so the interval contains the
/// exact Clopper–Pearson interval. No floating-point number decides anything.
public enum ClopperPearson {
    /// The resolution of the endpoints: 2⁻⁴⁰.
    public static let resolutionBits = 40

    /// The interval for `successes` out of `trials` at `confidence` = 1 − δ.
    ///
    /// - Precondition: 0 ≤ successes ≤ trials, trials ≥ 1, 0 < confidence < 1.
    public static func interval(successes k: Int, trials n: Int, confidence: Rational) -> ConfidenceInterval {
        precondition(n >= 1 && k >= 0 && k <= n, "ClopperPearson: \(k) successes of \(n)")
        precondition(confidence > 0 && confidence < 1, "ClopperPearson: confidence \(confidence)")
        let tail = BinomialTail(n: n)
        let half = (1 - confidence) / 2
        let bits = resolutionBits, one = BigInt(1) << bits
        var lower = Rational(0), upper = Rational(1)
        if k > 0 {
            // The largest a with P_{a/2^B}(X ≥ k) ≤ δ/2 (the tail increases with p).
            var low = BigInt(0), high = one          // invariant: tail(low) ≤ δ/2 < tail(high)
            while high - low > BigInt(1) {
                let middle = (low + high) >> 1
                if tail.upperTail(atLeast: k, a: middle, bits: bits, isAtMost: half) { low = middle } else { high = middle }
            }
            lower = Rational(numerator: low, denominator: one)
        }
        if k < n {
            // The smallest a with P_{a/2^B}(X ≤ k) ≤ δ/2 (the tail decreases with p).
            var low = BigInt(0), high = one          // invariant: tail(low) > δ/2 ≥ tail(high)
            while high - low > BigInt(1) {
                let middle = (low + high) >> 1
                if tail.lowerTail(atMost: k, a: middle, bits: bits, isAtMost: half) { high = middle } else { low = middle }
            }
            upper = Rational(numerator: high, denominator: one)
        }
        return ConfidenceInterval(lower: lower, upper: upper, confidence: confidence, method: "Clopper–Pearson")
    }

    /// The exact probability that the interval for X ~ Binomial(n, p) contains p (its coverage at p), for
    /// `interval(k)` any interval rule: Σ_k C(n,k) p^k (1−p)^{n−k} [p ∈ interval(k)], exact for rational p.
    public static func coverage(trials n: Int, probability p: Rational,
                                interval: (Int) -> ConfidenceInterval) -> Rational {
        var total = Rational(0)
        let tail = BinomialTail(n: n)
        var pPower = Rational(1)
        var qPowers = [Rational](repeating: 1, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) { qPowers[i] = qPowers[i + 1] * (1 - p) }
        for k in 0...n {
            if interval(k).contains(p) { total += Rational(tail.coefficients[k]) * pPower * qPowers[k] }
            pPower *= p
        }
        return total
    }
}
