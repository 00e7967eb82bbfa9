import Dynamics
import Models

/// A deliberate defect in the model that a claim runs, for the mutation tests (issue 9): as the active
/// `ModelSubstitution`, it wraps the gradient-descent map or the gradient-flow field of a deep linear network
/// (state blocks W1 … WN) so that it follows a wrong gradient, or makes the maximizer of multiplicative weights move
/// against its payoff. The claims built on the correct model must then FAIL.
enum ModelMutation: ModelSubstitute, Equatable {
    /// A sign flipped in ∂L/∂W_layer (1-based; `nil`: every layer, i.e. gradient ascent).
    case negatedGradient(layer: Int?)
    /// A factor 2 too many in ∂L/∂W_layer: the ½ of the square loss forgotten in that layer only.
    case doubledGradient(layer: Int)
    /// Multiplicative weights: the maximizer y moves against its payoff, so both players descend.
    case negatedMaximizerPayoff

    /// The factor c in G_j ↦ c·G_j for layer j (1 where the mutation leaves it alone).
    func factor(layer j: Int) -> Int {
        switch self {
        case let .negatedGradient(target) where target == nil || target == j: return -1
        case let .doubledGradient(target) where target == j: return 2
        default: return 1
        }
    }

    /// The state ranges of the layers W1 … WN with their factors, when `layout` is that of a deep linear network.
    func mutatedLayers(_ layout: StateLayout) -> [(range: Range<Int>, factor: Int)]? {
        guard self != .negatedMaximizerPayoff, !layout.blocks.isEmpty,
              layout.blocks.map(\.name) == (1...layout.blocks.count).map({ "W\($0)" }) else { return nil }
        return layout.blocks.indices.map { b in
            (layout.offsets[b]..<(layout.offsets[b] + layout.blocks[b].count), factor(layer: b + 1))
        }
    }

    func map<Map: DiscreteMap>(for map: Map) -> (any DiscreteMap)? {
        if self == .negatedMaximizerPayoff, let game = map as? MultiplicativeWeightsMap {
            return MultiplicativeWeightsMap(game.dynamics, maximizerSign: -1)
        }
        return mutatedLayers(map.layout).map { MutatedDescent(inner: map, layers: $0) }
    }

    func field<Field: VectorField>(for field: Field) -> (any VectorField)? {
        mutatedLayers(field.layout).map { MutatedFlow(inner: field, layers: $0) }
    }
}

/// Gradient descent W ↦ W − ηG with G_j replaced by c_j·G_j: from the correct step W' = W − ηG_j, the mutated one
/// is W − c_j(W − W') = (1 − c_j)W + c_j W'.
struct MutatedDescent<Inner: DiscreteMap>: DiscreteMap {
    let inner: Inner
    let layers: [(range: Range<Int>, factor: Int)]
    var dimension: Int { inner.dimension }
    var layout: StateLayout { inner.layout }
    var historyLength: Int { inner.historyLength }

    func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        inner.apply(step: k, history: history, into: &next)
        let x = history[0]
        for (range, c) in layers where c != 1 {
            for i in range { next[i] = T(1 - c) * x[i] + T(c) * next[i] }
        }
    }
}

/// Gradient flow Ẇ_j = −G_j with G_j replaced by c_j·G_j.
struct MutatedFlow<Inner: VectorField>: VectorField {
    let inner: Inner
    let layers: [(range: Range<Int>, factor: Int)]
    var dimension: Int { inner.dimension }
    var layout: StateLayout { inner.layout }
    var isAutonomous: Bool { inner.isAutonomous }

    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        inner.evaluate(time: time, state: state, into: &derivative)
        for (range, c) in layers where c != 1 {
            for i in range { derivative[i] = T(c) * derivative[i] }
        }
    }
}
