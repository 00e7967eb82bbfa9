/// One point of a trajectory handed to an observer.
public struct Sample<Scalar: IntegrationScalar> {
    /// Why the observer is called at this point.
    public enum Kind: Equatable, Sendable {
        /// The initial point t₀.
        case initial
        /// The end of an accepted step.
        case step
        /// A requested output time, reached through dense output.
        case outputTime
        /// The last point of a run that ended normally: the final time, or a terminal event's time.
        case final
    }

    /// The time.
    public var time: Scalar
    /// The state at `time`.
    public var state: [Scalar]
    /// Accepted steps taken so far (map iterators: the iteration index k of x_k).
    public var step: Int
    /// Why this point is observed.
    public var kind: Kind

    /// A sample.
    public init(time: Scalar, state: [Scalar], step: Int, kind: Kind) {
        self.time = time
        self.state = state
        self.step = step
        self.kind = kind
    }
}
