import MultiPrecision

/// What a statistical claim asserts about a parameter θ (a probability or a mean): θ ≥ threshold or θ ≤ threshold.
public enum ClaimedSide: Sendable, Equatable {
    /// θ ≥ threshold, as in "P(event) ≥ 0.9".
    case atLeast(Rational)
    /// θ ≤ threshold, as in "E[X] ≤ b".
    case atMost(Rational)

    /// The threshold.
    public var threshold: Rational {
        switch self {
        case let .atLeast(t), let .atMost(t): return t
        }
    }

    /// "≥ 9/10" or "≤ 1/2".
    public var text: String {
        switch self {
        case let .atLeast(t): return "≥ \(t)"
        case let .atMost(t): return "≤ \(t)"
        }
    }
}

/// The verdict of a statistical claim from a confidence interval for θ: PASS when the whole interval lies on the
/// claimed side of the threshold, FAIL when it lies wholly on the other side, INCONCLUSIVE otherwise.
///
/// The margin (what the engine receives) is exact: the distance from the interval to the threshold, ≥ 0 for PASS
/// and < 0 for FAIL; for INCONCLUSIVE it is 0 with the interval's half-width as its error, so that the engine's
/// rule (a margin within its error is INCONCLUSIVE) reproduces the decision. Verdicts are wrong with probability
/// at most δ/2 = (1 − confidence)/2 over the draw of the seeds, and never because of rounding: the per-seed
/// numerical error is already inside the interval.
public struct StatisticalVerdict: Sendable, Equatable {
    /// PASS, FAIL or INCONCLUSIVE.
    public var verdict: Verdict
    /// The interval the verdict rests on.
    public var interval: ConfidenceInterval
    /// The claim.
    public var claim: ClaimedSide
    /// The exact margin.
    public var margin: Rational
    /// For INCONCLUSIVE, the half-width of the interval (the margin's "error"); nil otherwise.
    public var marginError: Rational?

    /// Decides `claim` from `interval`.
    public init(interval: ConfidenceInterval, claim: ClaimedSide) {
        self.interval = interval
        self.claim = claim
        switch claim {
        case let .atLeast(t):
            if interval.lower >= t { (verdict, margin) = (.pass, interval.lower - t) }
            else if interval.upper < t { (verdict, margin) = (.fail, interval.upper - t) }
            else { (verdict, margin) = (.inconclusive, 0) }
        case let .atMost(t):
            if interval.upper <= t { (verdict, margin) = (.pass, t - interval.upper) }
            else if interval.lower > t { (verdict, margin) = (.fail, t - interval.lower) }
            else { (verdict, margin) = (.inconclusive, 0) }
        }
        marginError = verdict == .inconclusive ? max((interval.upper - interval.lower) / 2, Rational(numerator: 1, denominator: BigInt(1) << 64)) : nil
    }

    /// The smallest number of seeds n′ ≥ `current` at which `decides(n′)` holds, by doubling and bisection
    /// (assuming, as the estimate does, that the point estimate stays where it is); nil above `cap`.
    public static func seedsNeeded(current: Int, cap: Int = 1 << 22, decides: (Int) -> Bool) -> Int? {
        let start = max(current, 1)
        if decides(start) { return start }
        var low = start, high = start                       // invariant: low does not decide
        while !decides(high) {
            if high >= cap { return nil }
            low = high
            high = min(2 * high, cap)
        }
        while high - low > 1 {
            let middle = (low + high) / 2
            if decides(middle) { high = middle } else { low = middle }
        }
        return high
    }
}
