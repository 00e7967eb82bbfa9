import MultiPrecision

/// Hoeffding's inequality (Hoeffding, JASA 1963, Theorem 2) for the mean of n independent samples in a known
/// range [a, b]: P(|X̄ − μ| ≥ t) ≤ 2 exp(−2nt²/(b − a)²), so with probability ≥ 1 − δ
///
///     μ ∈ [X̄ − t, X̄ + t],     t = (b − a) √(ln(2/δ) / (2n)).
///
/// The half-width is evaluated at 160 bits and rounded up to an exact rational (`OutwardRounding`); the sample
/// mean is exact.
public enum HoeffdingBound {
    /// The half-width t for n samples in a range of length `rangeLength` at confidence 1 − δ.
    public static func halfWidth(samples n: Int, rangeLength: Rational, confidence: Rational) -> Rational {
        withPrecision(OutwardRounding.bits) {
            let delta = BigFloat(1 - confidence)
            let t = BigFloat(rangeLength) * BigFloat.sqrt(BigFloat.log(2 / delta) / BigFloat(2 * n))
            return OutwardRounding.above(t)
        }
    }

    /// The interval for exact samples with the stated range.
    ///
    /// - Precondition: at least one sample, every sample within `range`.
    public static func interval(_ samples: [Rational], range: ClosedRange<Rational>,
                                confidence: Rational) -> ConfidenceInterval {
        precondition(!samples.isEmpty && samples.allSatisfy(range.contains), "HoeffdingBound: samples outside the range")
        let mean = samples.reduce(Rational(0), +) / Rational(samples.count)
        let t = halfWidth(samples: samples.count, rangeLength: range.upperBound - range.lowerBound, confidence: confidence)
        return ConfidenceInterval(lower: max(mean - t, range.lowerBound), upper: min(mean + t, range.upperBound),
                                  confidence: confidence, method: "Hoeffding")
    }

    /// The smallest n whose half-width is below `gap` (> 0): n > (b − a)² ln(2/δ)/(2 gap²).
    public static func samplesNeeded(gap: Rational, rangeLength: Rational, confidence: Rational) -> Int? {
        guard gap > 0 else { return nil }
        let estimate = withPrecision(OutwardRounding.bits) {
            BigFloat(rangeLength * rangeLength) * BigFloat.log(2 / BigFloat(1 - confidence)) / BigFloat(2 * gap * gap)
        }
        guard estimate < BigFloat(1 << 40) else { return nil }
        var n = max(1, Int(estimate.doubleValue.rounded(.down)))
        while halfWidth(samples: n, rangeLength: rangeLength, confidence: confidence) >= gap { n += 1 }
        return n
    }
}
