import MultiPrecision

/// A map iteration problem with exact initial data: the map, x₀, and (for maps with a longer history) the older
/// iterates x₋₁, x₋₂, …
public struct MapProblem<Map: DiscreteMap>: Sendable {
    /// The map F.
    public var map: Map
    /// x₀.
    public var initialState: [Rational]
    /// x₋₁, x₋₂, … (`historyLength − 1` vectors, newest first). Defaults to copies of x₀, the usual convention
    /// for optimistic methods (x₋₁ = x₀).
    public var initialHistory: [[Rational]]
    /// The number of iterations to run (x₀ → x_steps), unless an event or a budget stops earlier.
    public var steps: Int

    /// A problem.
    ///
    /// - Throws: `IntegrationError.dimensionMismatch`, `.invalidHistory` (wrong number or size of older iterates,
    ///   or a history length below 1), or `.invalidParameter` for a negative number of steps.
    public init(map: Map, initialState: [Rational], initialHistory: [[Rational]]? = nil, steps: Int)
        throws(IntegrationError)
    {
        guard initialState.count == map.dimension else {
            throw .dimensionMismatch(expected: map.dimension, actual: initialState.count, what: "initial state")
        }
        guard map.historyLength >= 1 else {
            throw .invalidHistory("historyLength is \(map.historyLength); it must be at least 1")
        }
        let history = initialHistory ?? Array(repeating: initialState, count: map.historyLength - 1)
        guard history.count == map.historyLength - 1 else {
            throw .invalidHistory("\(history.count) older iterates given; the map reads \(map.historyLength - 1)")
        }
        for (i, v) in history.enumerated() where v.count != map.dimension {
            throw .dimensionMismatch(expected: map.dimension, actual: v.count, what: "older iterate \(i + 1)")
        }
        guard steps >= 0 else {
            throw .invalidParameter(name: "steps", value: "\(steps)", requirement: "non-negative")
        }
        self.map = map
        self.initialState = initialState
        self.initialHistory = history
        self.steps = steps
    }
}
