import MultiPrecision

/// Which points of the trajectory an integration keeps in its result.
public enum TrajectoryRecording: Sendable, Equatable {
    /// None (the default): observers see the trajectory, nothing is stored.
    case none
    /// t₀, every n-th accepted step (n ≥ 1) and the final point.
    case everyNthStep(Int)
    /// These times (exact; within the horizon), through dense output.
    case times([Rational])
}

/// One recorded point of a trajectory.
public struct TrajectoryPoint<Scalar: IntegrationScalar> {
    /// The time.
    public var time: Scalar
    /// The state at `time`.
    public var state: [Scalar]
}
