import MultiPrecision

/// What an integration produced: where it ended and why, the work done, and what was recorded.
public struct IntegrationResult<Scalar: IntegrationScalar> {
    /// The time at which the run ended (the final time, an event's root, or where it stopped early).
    public var time: Scalar
    /// The state at `time`.
    public var state: [Scalar]
    /// Why the run ended.
    public var termination: TerminationReason<Scalar>
    /// Steps, evaluations, orders, the global error estimate and the wall time.
    public var statistics: IntegrationStatistics
    /// Every located event crossing, in time order (non-terminal ones, and the terminal one if any).
    public var events: [EventOccurrence<Scalar>]
    /// The recorded points (see `IntegrationOptions.recording`).
    public var trajectory: [TrajectoryPoint<Scalar>]
    /// The method and its parameters.
    public var method: String
    /// The working precision in bits.
    public var precision: Int
    /// The relative tolerance used, at the working precision (`nil` when the stepper was made by the caller).
    public var relativeTolerance: Scalar?
    /// The absolute tolerance used (`nil` when the stepper was made by the caller).
    public var absoluteTolerance: Scalar?
}
