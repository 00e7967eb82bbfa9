import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient flow of a homogeneous classifier (deep linear or bias-free ReLU) together with the constrained flow of
/// docs/theory.md §2.3–2.4 (E3) driven by it: the state is (W, V^c) and
///
///     Ẇ = −∇L(W),      dV^c_k/dt = ρ_1(W)^{−2} F_k(ρ(W), V^c),   F_k(ρ, V) = ρ Σ_n e^{−ρ y_n f̃_n} y_n (∂f̃_n/∂V_k − f̃_n V_k).
///
/// This is E3's "equivalent implementation": with equal initial layer norms, V^c(t) = V^{GF}(t) = W_k(t)/‖W_k(t)‖
/// for all t (a single time change τ = ∫ρ_1^{−2}); with unequal norms the single factor ρ_1^{−2} is wrong for the
/// other layers (E5) and the two drift apart. For a ReLU network each half has its own activation pattern (the
/// pattern flags of W, then those of V^c), each read from its own pre-activations.
public struct PolarTimeChangeFlow: VectorField, ActivationPatternField {
    /// The gradient flow of W (its pattern is W's).
    public let base: HomogeneousClassifierFlow
    /// The activation pattern of V^c (empty for a linear network).
    public let constrainedPattern: [Bool]

    /// Creates the coupled flow (V^c starts with the base's pattern).
    public init(base: HomogeneousClassifierFlow) {
        self.base = base
        constrainedPattern = base.pattern
    }

    init(base: HomogeneousClassifierFlow, constrainedPattern: [Bool]) {
        self.base = base
        self.constrainedPattern = constrainedPattern
    }

    /// Twice the classifier's dimension.
    public var dimension: Int { 2 * base.dimension }

    /// The flags of W, then those of V^c.
    public var patternSize: Int { 2 * base.patternSize }

    /// The flags of W, then those of V^c.
    public var pattern: [Bool] { base.pattern + constrainedPattern }

    /// The pre-activations of W, then those of V^c.
    public func preactivations(of state: [BigFloat]) -> [BigFloat] {
        base.preactivations(of: state, offset: 0) + base.preactivations(of: state, offset: base.dimension)
    }

    /// The same coupled flow with other patterns.
    public func with(pattern: [Bool]) -> PolarTimeChangeFlow {
        let half = base.patternSize
        return PolarTimeChangeFlow(base: base.with(pattern: Array(pattern[..<half])),
                                   constrainedPattern: Array(pattern[half...]))
    }

    /// The coupled field.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let d = base.dimension
        for i in 0..<derivative.count { derivative[i] = T(0) }
        _ = base.accumulateFactored(state, offset: 0, scale: T(1), pattern: base.pattern[...], into: &derivative, at: 0)
        var rho = T(1), rho1Squared = T(0)
        for k in 0..<base.depth {
            let o = base.offset(k), size = base.widths[k + 1] * base.widths[k]
            var s = T(0)
            for i in 0..<size { s = s + state[o + i] * state[o + i] }
            if k == 0 { rho1Squared = s }
            rho = rho * T.sqrt(s)
        }
        let g = base.accumulateFactored(state, offset: d, scale: rho, pattern: constrainedPattern[...], into: &derivative, at: d)
        let factor = rho / rho1Squared
        for i in 0..<d { derivative[d + i] = factor * (derivative[d + i] - g * state[d + i]) }
    }

    /// The coupled initial state (W(0), V^c(0)) for layers `initial` (exact): V^c(0) the normalized layers, rounded
    /// at 4p bits and made exact.
    public func start(from initial: [Rational], precision: Int) -> [Rational] {
        var start = initial
        for k in 0..<base.depth {
            let o = base.offset(k), size = base.widths[k + 1] * base.widths[k]
            start += withPrecision(4 * precision) {
                let norm = BigFloat.sqrt(initial[o..<(o + size)].reduce(BigFloat(0)) { $0 + BigFloat($1) * BigFloat($1) })
                return (0..<size).compactMap { Rational(exactly: BigFloat(initial[o + $0]) / norm) }
            }
        }
        return start
    }

    /// max_k ‖W_k/‖W_k‖ − V^c_k‖_F and the norms ‖W_k‖_F of a coupled state, at the current precision.
    public func measure(_ state: [BigFloat]) -> (deviation: BigFloat, norms: [BigFloat]) {
        let d = base.dimension
        var worst = BigFloat(0), norms: [BigFloat] = []
        for k in 0..<base.depth {
            let o = base.offset(k), size = base.widths[k + 1] * base.widths[k]
            var s = BigFloat(0)
            for i in 0..<size { s += state[o + i] * state[o + i] }
            let norm = BigFloat.sqrt(s)
            norms.append(norm)
            var dev = BigFloat(0)
            for i in 0..<size { let e = state[o + i] / norm - state[d + o + i]; dev += e * e }
            let r = BigFloat.sqrt(dev)
            if r > worst { worst = r }
        }
        return (worst, norms)
    }
}
