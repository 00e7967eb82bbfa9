import MultiPrecision

/// What a claim kind computes for one instance at one precision: the named quantities, the margin by which the
/// claim holds, and where that margin is smallest.
///
/// The **margin** is positive when the claim holds and negative when it is violated, in the units of the claim:
/// for "x ≤ bound" it is `bound − x`; for an exact identity "residual = 0" it is `−|residual|` (zero when the
/// identity holds). The engine compares it with its error estimate to reach a verdict.
public struct Evaluation: Sendable {
    /// The measured quantities, in the order reports show them (`drift`, `bound`, `residual`, …).
    public var quantities: [Quantity]
    /// The margin: ≥ 0 when the claim holds.
    public var margin: QuantityValue
    /// Where the margin is smallest, in words: `step 2, j = 1` (reported with a FAIL as the counterexample's place).
    public var location: String?
    /// Statistics of an integrator or iteration (steps, rejected steps, function evaluations …), by name.
    public var statistics: [String: String]
    /// The theorem's hypotheses on this instance, each with a margin (> 0 inside the hypotheses). The engine
    /// decides them like the claim's margin: one decidedly violated makes the instance NOT APPLICABLE (the margin
    /// still records whether the conclusion held); one within its error makes it INCONCLUSIVE, so the precision
    /// escalates. Empty when the kind has no hypotheses (or they are `"ignored"`).
    public var hypotheses: [Condition]
    /// The signs the computation branched on (a window start, an early stop, whether a bound applies): each must be
    /// decided beyond its error, or the instance is INCONCLUSIVE. The two precisions' lists are matched by name.
    public var branches: [Condition]
    /// Monitored quantities along the run, for figures (empty when the kind records none).
    public var series: [Series]
    /// A bound on the margin's discretization error that a second precision cannot reveal (a fixed-step
    /// integrator's truncation error, 2^1000 where it is unknown); the engine adds it to the margin's error
    /// estimate, so that a margin within it is INCONCLUSIVE rather than a verdict the method cannot support.
    public var marginMethodError: BigFloat?
    /// The evidence behind a FAIL that one line cannot hold, printed under the verdict (a refuted identity's
    /// counterexample matrices, for instance); `nil` when there is none.
    public var evidence: String?

    /// Creates an evaluation.
    public init(quantities: [Quantity], margin: QuantityValue, location: String? = nil,
                statistics: [String: String] = [:], hypotheses: [Condition] = [], branches: [Condition] = [],
                series: [Series] = [],
                marginMethodError: BigFloat? = nil) {
        self.series = series
        self.marginMethodError = marginMethodError
        self.quantities = quantities
        self.margin = margin
        self.location = location
        self.statistics = statistics
        self.hypotheses = hypotheses
        self.branches = branches
    }
}

/// A named measured quantity.
public struct Quantity: Sendable, Equatable {
    /// The name, as reports show it: `max_j ‖D_j(k) − D_j(0)‖_F`.
    public var name: String
    /// The value.
    public var value: QuantityValue
    /// A bound on its discretization error that a second precision cannot reveal (see
    /// `Evaluation.marginMethodError`); added to its error estimate.
    public var methodError: BigFloat?

    /// Creates a quantity.
    public init(_ name: String, _ value: QuantityValue, methodError: BigFloat? = nil) {
        self.name = name
        self.value = value
        self.methodError = methodError
    }
}
