import Dynamics
import MultiPrecision

/// The constrained flow of docs/theory.md §2.3 at a fixed norm ρ: dV_k/dτ = F_k(ρ, V) = ρ Σ_n e^{−ρ y_n f̃_n} y_n
/// (∂f̃_n/∂V_k − f̃_n V_k), the projected gradient flow of L(ρ, V) = Σ_n exp(−ρ y_n f(V; x_n)) on the product of
/// unit spheres ‖V_k‖_F = 1. It runs to the KKT points of the constrained problem (F = 0), where E2 of §2.4 compares
/// the V-part of gradient flow. A ReLU network carries the pattern of V, as `HomogeneousClassifierFlow` does.
public struct ConstrainedNormalizedFlow: VectorField, ActivationPatternField {
    /// The classifier (its pattern is V's).
    public let base: HomogeneousClassifierFlow
    /// The fixed ρ.
    public let norm: Rational

    /// Creates the flow at the fixed norm ρ = `norm`.
    public init(base: HomogeneousClassifierFlow, norm: Rational) {
        self.base = base
        self.norm = norm
    }

    /// The classifier's dimension.
    public var dimension: Int { base.dimension }
    /// The classifier's pattern size.
    public var patternSize: Int { base.patternSize }
    /// The classifier's pattern.
    public var pattern: [Bool] { base.pattern }
    /// The pre-activations of V.
    public func preactivations(of state: [BigFloat]) -> [BigFloat] { base.preactivations(of: state) }
    /// The same flow with another pattern.
    public func with(pattern: [Bool]) -> ConstrainedNormalizedFlow {
        ConstrainedNormalizedFlow(base: base.with(pattern: pattern), norm: norm)
    }

    /// F(ρ, V).
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        for i in 0..<derivative.count { derivative[i] = T(0) }
        let rho = T(norm)
        let g = base.accumulateFactored(state, offset: 0, scale: rho, pattern: base.pattern[...], into: &derivative, at: 0)
        for i in 0..<derivative.count { derivative[i] = rho * (derivative[i] - g * state[i]) }
    }
}
