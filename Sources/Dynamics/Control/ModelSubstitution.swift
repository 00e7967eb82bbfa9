/// A stand-in for the model of a run, for fault injection. While one is active (a task-local value that child
/// tasks inherit), `iterate` runs the map and `integrate` the field that it returns in place of the problem's own.
/// Production code never sets one: the mutation tests wrap a model with a deliberate defect (a sign flipped in one
/// layer's gradient) and check that the claims built on it FAIL, which shows that the checks can fail at all.
/// It is read once per run, never per step.
///
/// ```swift
/// await ModelSubstitution.$active.withValue(NegatedGradient(layer: 1)) {
///     await ClaimEngine().check(claims)          // balancedness claims now FAIL
/// }
/// ```
public protocol ModelSubstitute: Sendable {
    /// The map to iterate instead of `map`, or `nil` to iterate `map` itself.
    func map<Map: DiscreteMap>(for map: Map) -> (any DiscreteMap)?
    /// The field to integrate instead of `field`, or `nil` to integrate `field` itself.
    func field<Field: VectorField>(for field: Field) -> (any VectorField)?
}

/// The substitute in effect for the current task (`nil` in every production run).
public enum ModelSubstitution {
    /// The active substitute.
    @TaskLocal public static var active: (any ModelSubstitute)?
}
