/// A deliberate defect in the model code, for the mutation tests of issue 9: with a mutation active, the models
/// compute a wrong gradient or a wrong update, and the claims built on them must FAIL. This shows that the checks
/// can fail at all.
///
/// Production code never sets it; it is read once per gradient or vector-field evaluation (or once per run), never
/// per arithmetic operation. Tests activate one for a scope; child tasks (the claims engine's instances) inherit it:
///
/// ```swift
/// await ModelMutation.$active.withValue(.negatedGradient(layer: 1)) {
///     await ClaimEngine().check(claims)          // balancedness claims now FAIL
/// }
/// ```
public enum ModelMutation: Sendable, Equatable {
    /// A sign flipped in ∂L/∂W_layer (1-based; `nil`: every layer, i.e. gradient ascent), in gradient descent
    /// (`DeepLinearNetwork.squareLossGradients`) and gradient flow (`DeepLinearNetworkGradientFlow`).
    case negatedGradient(layer: Int?)
    /// A factor 2 too many in ∂L/∂W_layer (1-based): the ½ of the square loss forgotten in that layer only.
    case doubledGradient(layer: Int)
    /// Multiplicative weights: the maximizer y moves against its payoff (a sign flipped in its exponent), so both
    /// players descend.
    case negatedMaximizerPayoff

    /// The mutation in effect for the current task (`nil` in every production run).
    @TaskLocal public static var active: ModelMutation?

    /// `gradients` (G_1 … G_N) with this mutation applied; `negate` and `double` act on one gradient.
    func mutatedGradients<G>(_ gradients: [G], negate: (G) -> G, double: (G) -> G) -> [G] {
        gradients.enumerated().map { index, gradient in mutatedGradient(gradient, layer: index + 1, negate: negate, double: double) }
    }

    /// G_layer (1-based) with this mutation applied.
    func mutatedGradient<G>(_ gradient: G, layer: Int, negate: (G) -> G, double: (G) -> G) -> G {
        switch self {
        case let .negatedGradient(target) where target == nil || target == layer: return negate(gradient)
        case let .doubledGradient(target) where target == layer: return double(gradient)
        default: return gradient
        }
    }
}
