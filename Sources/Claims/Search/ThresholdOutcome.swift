import MultiPrecision

/// The result of a threshold bisection: the bracket [pass end, fail end], each end with its own check (verdict,
/// margin and error estimate), every point tried, and, when the bisection stopped early, the point that was neither
/// PASS nor FAIL.
public struct ThresholdOutcome: Sendable {
    /// One checked value of the parameter.
    public struct Point: Sendable {
        /// The parameter's value.
        public var value: Rational
        /// The check at that value.
        public var outcome: InstanceOutcome
    }

    /// The parameter.
    public var parameter: String
    /// The width asked for.
    public var targetWidth: Rational
    /// The last value that PASSed (or the stated pass end, with whatever its check gave).
    public var passEnd: Point
    /// The last value that FAILed (or the stated fail end, with whatever its check gave).
    public var failEnd: Point
    /// Every point checked, in order (the two stated ends first).
    public var points: [Point]
    /// A point that was neither PASS nor FAIL and stopped the bisection; never counted as either side.
    public var undecided: Point?
    /// The replay file of the fail end, when a folder was given.
    public var replayFile: String? = nil

    /// |fail end − pass end|.
    public var width: Rational { (failEnd.value - passEnd.value).magnitude }

    /// Whether both ends are verified (PASS and FAIL, each beyond its error estimate) and the width is reached.
    public var isVerified: Bool {
        passEnd.outcome.verdict.holds && failEnd.outcome.verdict.isViolation && width <= targetWidth
    }
}
