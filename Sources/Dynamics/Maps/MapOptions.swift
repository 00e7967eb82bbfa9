import MultiPrecision

/// Precision, budgets and limits for iterating a map.
public struct MapOptions: Sendable {
    /// The working precision in bits (`nil`: the scalar's own; `Double` accepts only 53).
    public var precision: Int?
    /// The most wall time before the run ends with `.timeBudgetExhausted` (`nil`: none).
    public var timeLimit: Duration?
    /// The run ends with `.diverged` when the max norm of an iterate exceeds this (default 2^40).
    public var normLimit: Rational = Rational(numerator: BigInt(1) << 40, denominator: 1)
    /// Keep x₀, every n-th iterate and the last one in the result (`nil`: keep none).
    public var recordEvery: Int?

    /// Options at `precision` bits (or the scalar's own).
    public init(precision: Int? = nil) { self.precision = precision }
}
