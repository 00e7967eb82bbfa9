import MultiPrecision

/// A callback that monitors a trajectory (a loss, an invariant, a norm) without storing it.
///
/// Observers run in the order given, on the thread of the integration. Keep the result in a variable the closure
/// captures:
///
/// ```swift
/// var maxDrift = BigFloat(0)
/// let drift = Observer<BigFloat>(.everyStep) { sample in
///     maxDrift = max(maxDrift, BigFloat.abs(energy(sample.state) - energy0))
/// }
/// ```
public struct Observer<Scalar: IntegrationScalar> {
    /// When the observer runs.
    public enum Schedule: Sendable, Equatable {
        /// At t₀ (`.initial`), after every accepted step (`.step`), and at the end of a run that ends normally
        /// (`.final`, which replaces the last `.step`).
        case everyStep
        /// As `.everyStep`, but only after every n-th accepted step (n ≥ 1); t₀ and the final point always.
        case everyNthStep(Int)
        /// At these times (exact; within the horizon), through dense output, as `.outputTime`. Times after a
        /// terminal event or an early stop are skipped.
        case times([Rational])
    }

    /// When the observer runs.
    public var schedule: Schedule
    /// The callback.
    public var body: (Sample<Scalar>) -> Void

    /// An observer.
    public init(_ schedule: Schedule = .everyStep, _ body: @escaping (Sample<Scalar>) -> Void) {
        self.schedule = schedule
        self.body = body
    }
}
