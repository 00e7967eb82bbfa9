/// One accepted reduction of a failing instance: what changed, and the margin of the smaller instance (still a
/// FAIL, with a violation beyond its error estimate).
public struct ShrinkStep: Sendable, Equatable {
    /// `steps: 17 → 8`, `widths: [3, 4, 2] → [3, 2]`, `X[1, 2]: 3/4 → 0`.
    public var change: String
    /// The margin of the reduced instance, in decimal.
    public var margin: String
    /// The margin's error estimate.
    public var error: String
}
