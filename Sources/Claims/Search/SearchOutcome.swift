/// What a counterexample search did: how many draws, from which seed, the first FAIL (as drawn), the reductions
/// that shrank it, the minimal failing instance, where its replay file is, and how far along the run the two
/// precisions agree.
public struct SearchOutcome: Sendable {
    /// The search's seed.
    public var seed: Int
    /// The draws counted: up to and including the first FAIL, or all of them.
    public var draws: Int
    /// The stated number of draws, when the budget is a count.
    public var drawBudget: Int?
    /// The stated time budget in seconds, when given.
    public var secondsBudget: Double?
    /// Attempts the kind rejected (parameters that do not fit together) before the last counted draw.
    public var rejected: Int
    /// The first failing draw (the smallest index), as drawn; `nil` when none failed.
    public var failingDraw: InstanceOutcome? = nil
    /// The accepted reductions, in order.
    public var shrinkSteps: [ShrinkStep] = []
    /// How many reduced instances shrinking evaluated.
    public var shrinkEvaluations: Int = 0
    /// The minimal failing instance found (the failing draw itself when nothing shrank).
    public var minimal: InstanceOutcome? = nil
    /// The replay file written for the minimal instance, when a folder was given.
    public var replayFile: String? = nil
    /// The replay file's text.
    public var replayText: String? = nil
    /// How far along the minimal instance's run the two precisions agree (kinds that record series).
    public var agreement: String? = nil
    /// The step of the first violation beyond its error estimate in the minimal instance (kinds with `steps`).
    public var firstViolation: String? = nil
}
