import MultiPrecision

/// The empirical Bernstein bound of Maurer and Pontil ("Empirical Bernstein bounds and sample variance
/// penalization", COLT 2009, Theorem 4): for n ≥ 2 independent samples in [a, b] and δ ∈ (0, 1), with probability
/// ≥ 1 − δ,
///
///     μ − X̄ ≤ √(2 V_n ln(2/δ) / n) + 7 (b − a) ln(2/δ) / (3(n − 1)),
///
/// where V_n = Σ (X_i − X̄)²/(n − 1) is the sample variance (the theorem is stated on [0, 1]; it scales with the
/// range). Applied to both tails at δ/2 each, it gives a two-sided interval at confidence 1 − δ. It is much
/// narrower than Hoeffding's when the variance is small. The variance is exact; the square root and logarithm are
/// evaluated at 160 bits and rounded outwards.
public enum EmpiricalBernsteinBound {
    /// The half-width for n samples with sample variance `variance` in a range of length `rangeLength`.
    ///
    /// `standardDeviationSlack` is added to √V_n first: when the samples are known only to within e each, the
    /// true samples' √V_n is at most √V_n + e·√(n/(n − 1)) (the triangle inequality for ‖x − x̄‖), which the caller
    /// passes here.
    public static func halfWidth(samples n: Int, variance: Rational, rangeLength: Rational, confidence: Rational,
                                 standardDeviationSlack: Rational = 0) -> Rational {
        precondition(n >= 2, "EmpiricalBernsteinBound: n = \(n) < 2")
        return withPrecision(OutwardRounding.bits) {
            let logTerm = BigFloat.log(4 / BigFloat(1 - confidence))           // ln(2/(δ/2))
            let deviation = BigFloat.sqrt(BigFloat(variance)) + BigFloat(standardDeviationSlack)
            let first = deviation * BigFloat.sqrt(2 * logTerm / BigFloat(n))
            let second = 7 * BigFloat(rangeLength) * logTerm / BigFloat(3 * (n - 1))
            return OutwardRounding.above(first + second)
        }
    }

    /// The sample variance Σ (x_i − x̄)²/(n − 1), exact.
    public static func sampleVariance(_ samples: [Rational]) -> Rational {
        let n = Rational(samples.count)
        let mean = samples.reduce(Rational(0), +) / n
        return samples.reduce(Rational(0)) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    }

    /// The interval for exact samples with the stated range (at least two samples, all within `range`).
    public static func interval(_ samples: [Rational], range: ClosedRange<Rational>, confidence: Rational,
                                sampleError: Rational = 0) -> ConfidenceInterval {
        precondition(samples.count >= 2 && samples.allSatisfy(range.contains),
                     "EmpiricalBernsteinBound: fewer than two samples, or samples outside the range")
        let n = samples.count
        let mean = samples.reduce(Rational(0), +) / Rational(n)
        let slack = sampleError.isZero ? Rational(0) : sampleError * Rational(2)   // √(n/(n−1)) ≤ √2 ≤ 2
        let t = halfWidth(samples: n, variance: sampleVariance(samples), rangeLength: range.upperBound - range.lowerBound,
                          confidence: confidence, standardDeviationSlack: slack)
        return ConfidenceInterval(lower: max(mean - t, range.lowerBound), upper: min(mean + t, range.upperBound),
                                  confidence: confidence, method: "empirical Bernstein (Maurer–Pontil 2009)")
    }
}
