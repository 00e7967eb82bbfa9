import MultiPrecision

/// A condition g(t, x) = 0 watched during an integration, for example "the loss falls below ε"
/// (g = loss − ε, falling).
///
/// After each accepted step the driver compares the sign of g at both ends. On a crossing in the requested
/// direction it locates the root on the dense output, by the Illinois variant of regula falsi with bisection
/// safeguards, to a bracket of a few units of roundoff in t (working precision). A terminal event ends the run
/// at the root with the state there. A pair of roots inside one step, where the sign at the ends is unchanged,
/// is not seen.
public struct Event<Scalar: IntegrationScalar> {
    /// Which crossings count.
    public enum Direction: Sendable, Equatable {
        /// g goes from negative to non-negative.
        case rising
        /// g goes from positive to non-positive.
        case falling
        /// Either.
        case either
    }

    /// A name for reports.
    public var name: String
    /// Which crossings count.
    public var direction: Direction
    /// Whether the run stops at the first crossing.
    public var isTerminal: Bool
    /// g(t, x).
    public var function: (_ time: Scalar, _ state: [Scalar]) -> Scalar

    /// An event.
    public init(
        _ name: String, direction: Direction = .either, isTerminal: Bool = true,
        _ function: @escaping (_ time: Scalar, _ state: [Scalar]) -> Scalar
    ) {
        self.name = name
        self.direction = direction
        self.isTerminal = isTerminal
        self.function = function
    }
}

/// One located crossing of an event.
public struct EventOccurrence<Scalar: IntegrationScalar> {
    /// The event's index in the `events` array.
    public var index: Int
    /// The event's name.
    public var name: String
    /// The root, to working precision: the first representable time in the final bracket at which g has crossed.
    public var time: Scalar
    /// The state at `time` (dense output).
    public var state: [Scalar]
    /// Whether g was rising (`true`) or falling through zero.
    public var isRising: Bool
    /// The width of the final bracket around the root (an upper bound on the error in `time`).
    public var bracketWidth: Scalar
}
