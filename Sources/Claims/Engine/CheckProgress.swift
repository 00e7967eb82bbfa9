/// Progress events of a run, for a live display. They arrive in order from one task.
public enum CheckProgress: Sendable {
    /// An instance started.
    case instanceStarted(claimID: String, index: Int, of: Int, parameters: String)
    /// An instance finished.
    case instanceFinished(claimID: String, outcome: InstanceOutcome)
    /// Every instance of a claim finished; `done` claims of `total` are finished.
    case claimFinished(ClaimOutcome, done: Int, total: Int)
}
