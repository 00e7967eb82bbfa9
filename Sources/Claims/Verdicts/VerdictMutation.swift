/// A deliberate defect in the verdict rule, for the mutation test of issue 21: with it active, the engine decides
/// every hypothesis and branch `Condition` on the sign of its rounded margin, without its error estimate (the
/// defect that made an instance inside the hypotheses NOT APPLICABLE at 64 bits). The soundness regression tests
/// must then fail; the mutation test shows they do.
///
/// Production code never sets it; it is read once per condition of an attempt, never per arithmetic operation.
/// Tests activate it for a scope, and child tasks (the engine's instances) inherit it:
///
/// ```swift
/// await VerdictMutation.$active.withValue(.hypothesesOnRoundedValues) { await ClaimEngine().check(claims) }
/// ```
public enum VerdictMutation: Sendable, Equatable {
    /// Hypotheses and branches decided on the rounded margin's sign alone.
    case hypothesesOnRoundedValues

    /// The mutation in effect for the current task (`nil` in every production run).
    @TaskLocal public static var active: VerdictMutation?
}
