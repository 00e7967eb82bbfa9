import MultiPrecision

/// The `[threshold]` table of a claim file: bracket the critical value of one exact scalar parameter by bisection.
///
/// ```toml
/// [threshold]
/// parameter = "step_size"
/// pass = "1/100"        # a value where the claim holds
/// fail = "1"            # a value where it fails
/// width = "2^-20"       # stop when |fail − pass| ≤ width (default 2⁻²⁰)
/// ```
///
/// Each bisection point is a full check (both precisions, escalation); it moves the `pass` end on PASS and the
/// `fail` end on FAIL. A point that is neither (INCONCLUSIVE, ERROR, NOT APPLICABLE) stops the bisection there and
/// is reported as it is, never counted as either side.
public struct ThresholdSpec: Sendable {
    /// The parameter (an exact number).
    public var parameter: String
    /// A value where the claim is expected to hold.
    public var pass: Rational
    /// A value where it is expected to fail.
    public var fail: Rational
    /// The bracket width to reach.
    public var width: Rational

    /// 2⁻²⁰.
    public static let defaultWidth = Rational(numerator: 1, denominator: BigInt(1 << 20))
    /// The most bisection steps a threshold may take.
    public static let maximumSteps = 200

    /// Creates a threshold search.
    public init(parameter: String, pass: Rational, fail: Rational, width: Rational = defaultWidth) {
        self.parameter = parameter
        self.pass = pass
        self.fail = fail
        self.width = width
    }
}
