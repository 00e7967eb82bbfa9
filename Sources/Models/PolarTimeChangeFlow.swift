import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient flow of a deep linear classifier together with the constrained flow of THEORY.md §2.3–2.4 (E3) driven
/// by it: the state is (W, V^c) and
///
///     Ẇ = −∇L(W),      dV^c_k/dt = ρ_1(W)^{−2} F_k(ρ(W), V^c),   F_k(ρ, V) = ρ Σ_n e^{−ρ y_n f̃_n} y_n (∂f̃_n/∂V_k − f̃_n V_k).
///
/// This is E3's "equivalent implementation": with equal initial layer norms, V^c(t) = V^{GF}(t) = W_k(t)/‖W_k(t)‖
/// for all t (a single time change τ = ∫ρ_1^{−2}); with unequal norms the single factor ρ_1^{−2} is wrong for the
/// other layers (E5) and the two drift apart.
public struct PolarTimeChangeFlow: VectorField {
    /// The gradient flow of W.
    public let base: DeepLinearClassifierFlow

    /// Creates the coupled flow.
    public init(base: DeepLinearClassifierFlow) { self.base = base }

    /// Twice the classifier's dimension.
    public var dimension: Int { 2 * base.dimension }

    /// The coupled field.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let d = base.dimension
        for i in 0..<derivative.count { derivative[i] = T(0) }
        _ = base.accumulate(state, offset: 0, scale: T(1), into: &derivative, at: 0)
        let depth = base.widths.count - 1
        var rho = T(1), rho1Squared = T(0)
        for k in 0..<depth {
            let o = base.offset(k), size = base.widths[k + 1] * base.widths[k]
            var s = T(0)
            for i in 0..<size { s = s + state[o + i] * state[o + i] }
            if k == 0 { rho1Squared = s }
            rho = rho * T.sqrt(s)
        }
        let g = base.accumulate(state, offset: d, scale: rho, into: &derivative, at: d)
        let factor = rho / rho1Squared
        for i in 0..<d { derivative[d + i] = factor * (derivative[d + i] - g * state[d + i]) }
    }

    /// Integrates from layers `initial` (exact; V^c(0) = the normalized layers, rounded once) to `horizon` with the
    /// Taylor method at the task's precision, and returns max_k ‖W_k(T)/‖W_k(T)‖ − V^c_k(T)‖_F and the layer norms.
    public func deviation(initial: [Rational], horizon: Rational, precision: Int) throws -> (deviation: BigFloat, norms: [BigFloat]) {
        let d = base.dimension, depth = base.widths.count - 1
        var normalized: [Rational] = []
        var start: [Rational] = initial
        // V^c(0) = W(0)/‖W_k(0)‖: exact when the norms are rational; otherwise rounded at 4p bits and made exact.
        for k in 0..<depth {
            let o = base.offset(k), size = base.widths[k + 1] * base.widths[k]
            let norm = withPrecision(4 * precision) {
                BigFloat.sqrt(initial[o..<(o + size)].reduce(BigFloat(0)) { $0 + BigFloat($1) * BigFloat($1) })
            }
            for i in 0..<size { normalized.append(withPrecision(4 * precision) { Rational(exactly: BigFloat(initial[o + i]) / norm)! }) }
        }
        start += normalized
        var final: [BigFloat] = []
        let observer = Observer<BigFloat>(.times([horizon])) { final = $0.state }
        let problem = try ODEProblem(field: self, initialState: start, from: 0, to: horizon)
        _ = try integrate(problem, method: Taylor(), scalar: BigFloat.self, options: IntegrationOptions(precision: precision),
                          observers: [observer])
        guard final.count == 2 * d else { return (BigFloat(-1), []) }
        var worst = BigFloat(0), norms: [BigFloat] = []
        for k in 0..<depth {
            let o = base.offset(k), size = base.widths[k + 1] * base.widths[k]
            var s = BigFloat(0)
            for i in 0..<size { s += final[o + i] * final[o + i] }
            let norm = BigFloat.sqrt(s)
            norms.append(norm)
            var dev = BigFloat(0)
            for i in 0..<size { let e = final[o + i] / norm - final[d + o + i]; dev += e * e }
            let r = BigFloat.sqrt(dev)
            if r > worst { worst = r }
        }
        return (worst, norms)
    }
}
