import MultiPrecision

/// A discrete dynamical system x_{k+1} = F(k, x_k, x_{k−1}, …) with a bounded history, written once, generically
/// over the scalar: gradient descent, heavy-ball and optimistic methods (which read the previous iterate),
/// multiplicative weights.
///
/// ```swift
/// /// Gradient descent on ½ Σ λᵢ xᵢ² with step η: x_{k+1} = (1 − ηλ) ⊙ x_k.
/// struct GradientDescent: DiscreteMap {
///     var curvatures: [Rational], stepSize: Rational
///     var dimension: Int { curvatures.count }
///     func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
///         let x = history[0], eta = T(stepSize)
///         for i in 0..<dimension { next[i] = x[i] - eta * T(curvatures[i]) * x[i] }
///     }
/// }
/// ```
public protocol DiscreteMap: Sendable {
    /// The number of state components.
    var dimension: Int { get }
    /// How the flat state splits into named blocks (one vector block by default).
    var layout: StateLayout { get }
    /// How many iterates F reads: 1 for x_{k+1} = F(k, x_k) (the default), 2 when it also reads x_{k−1}, and so on.
    var historyLength: Int { get }
    /// Writes x_{k+1} = F(k, x_k, …) into `next` (which has `dimension` components on entry and is not one of the
    /// history's vectors). `history[0]` is x_k, `history[1]` is x_{k−1}, up to `historyLength − 1`.
    func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T])
}

extension DiscreteMap {
    /// One vector block named "x".
    public var layout: StateLayout { StateLayout(vector: "x", length: dimension) }
    /// 1: the map reads only the current iterate.
    public var historyLength: Int { 1 }
}

/// The last few iterates of a map, newest first: `history[0]` is x_k, `history[1]` is x_{k−1}, …
///
/// Backed by a ring of preallocated vectors; subscripting shares the stored vector (no copy).
public struct MapHistory<Scalar: IntegrationScalar> {
    var ring: [[Scalar]]
    var newest: Int

    /// The number of iterates held.
    public var count: Int { ring.count }

    /// The iterate `lag` steps back (0: the current iterate).
    ///
    /// - Precondition: 0 ≤ lag < count.
    public subscript(lag: Int) -> [Scalar] {
        precondition(lag >= 0 && lag < ring.count, "MapHistory: lag \(lag) outside 0..<\(ring.count)")
        return ring[(newest - lag + ring.count) % ring.count]
    }
}
