import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `riemannian-product-flow`: Bah, Rauhut, Terstiege, Westdickenberg (arXiv:1910.05505), docs/theory.md §1.5.
public struct RiemannianProductFlowKind: ClaimKind, DescribedKind {
    public static let about = KindDescription("riemannian-product-flow",
        summary: "balanced deep linear network: the product of the factor gradient flow equals the Riemannian flow Ẇ = −A_W(∇L¹(W)) of Bah et al.",
        method: "From the balanced start W_1 = c·D Vᵀ, W_j = D, W_N = U D/c (c = `imbalance`; c ≠ 1 is the known-false twin), integrates the gradient flow of the N factors of ½‖W_N⋯W_1 − A‖²_F, and the flow of the product Ẇ = −A_W(W − A), A_W(Z) = Σ_j (WWᵀ)^{(N−j)/N} Z (WᵀW)^{(j−1)/N}, lifted to a polynomial system in (W, P, Q) with P = (WWᵀ)^{1/N}, Q = (WᵀW)^{1/N} (Ṗ = −(GWᵀ + WGᵀ), Q̇ = −(GᵀW + WᵀG), G = W − A; P and Q start at U D² Uᵀ and V D² Vᵀ exactly), both with the Taylor method at the working precision p (tolerance 2^−(p−10)). The margin is the tolerance minus max_t ‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F) over `samples` equally spaced times. Everything is computed again at p + guard bits; the difference estimates the error of both integrations.")
    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(15)),
                                          help: "the slack of the claimed equality, relative to max(1, ‖W(t)‖_F)")
    public var arithmetic: Arithmetic { .rounded }
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.target, Self.left, Self.right, Self.rootSingularValues, Self.depth, Self.imbalance,
                           Self.horizon, Self.samples, Self.tolerance.legacy)
    }
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) { _ = try Self.setup(parameters) }
    public func checked(_ p: InstanceParameters) -> String? {
        "‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F) ≤ tolerance at \(p.written(Self.samples, absent: "the")) sample times, "
            + "W(t) the solution of Ẇ = −A_W(W − A)"
    }

    /// The target A and the start, checked: every matrix exact, U and V exactly orthonormal, d > 0, A of U Vᵀ's shape.
    static func setup(_ p: InstanceParameters) throws(ParameterProblem) -> (target: Matrix<Rational>, start: BalancedStart) {
        let (a, u, v, roots) = (try exact(p, Self.target), try exact(p, Self.left), try exact(p, Self.right),
                                try exact(p, Self.rootSingularValues))
        let start: BalancedStart
        do { start = try BalancedStart(left: u, right: v, roots: roots, depth: p[Self.depth], imbalance: p[Self.imbalance]) }
        catch .notOrthonormal(let isLeft) {
            let (key, m) = isLeft ? (Self.left.spec.name, u) : (Self.right.spec.name, v)
            throw ParameterProblem(key: key, .invalidValue("\(key) (\(m.shape)) must have \(roots.columnCount) exactly orthonormal columns"))
        } catch { throw ParameterProblem(key: Self.rootSingularValues.spec.name, .invalidValue("give one row of positive numbers")) }
        guard a.rowCount == u.rowCount, a.columnCount == v.rowCount else {
            throw ParameterProblem(key: Self.target.spec.name, .invalidValue("A is \(a.shape) but U and V make W(0) \(u.rowCount) × \(v.rowCount)"))
        }
        return (a, start)
    }

    static func exact(_ p: InstanceParameters, _ parameter: Parameter<MatrixSource>) throws(ParameterProblem) -> Matrix<Rational> {
        guard let m = p[parameter].exactMatrix else {
            throw ParameterProblem(key: parameter.spec.name, .invalidValue("\(parameter.spec.name) must be given exactly"))
        }
        return m
    }

    /// Integrates both flows and compares them at the output times.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, start) = try Self.setup(parameters), initial = start.layers
        let times = FactorFlowSampling.uniformTimes(horizon: parameters[Self.horizon], count: parameters[Self.samples])
        let factors = try FactorFlowSampling(try DeepLinearNetworkGradientFlow(widths: try DeepLinearNetwork(layers: initial).widths,
                                                                               x: .identity(a.columnCount), y: a),
                                             from: initial, times: times, context: context)
        let lifted = try LiftedRiemannianFlow(depth: initial.count, target: a)
        let run = try TrajectorySampler(context, label: "Riemannian flow").flow(lifted, from: start.liftedState,
                                                                                to: times[times.count - 1], at: times)
        var (worst, worstTime, balancedness) = (BigFloat(-1), times[0], BigFloat(0))
        for (layers, (state, time)) in zip(factors.layers, zip(run.states, times)) {
            let w = lifted.endToEnd(of: state)
            let gap = (layers.endToEnd - w).frobeniusNorm / BigFloat.maximum(BigFloat(1), w.frobeniusNorm)
            if gap > worst { (worst, worstTime) = (gap, time) }
            balancedness = try DeepLinearNetwork(layers: layers).balancedness.reduce(balancedness) { BigFloat.maximum($0, $1.frobeniusNorm) }
        }
        var statistics = Dictionary(uniqueKeysWithValues: factors.statistics.map { ("factors: \($0.key)", $0.value) })
        for key in ["integrator", "steps", "rejected steps"] { statistics["product: \(key)"] = run.statistics[key] }
        return Evaluation(quantities: [
            Quantity("max_t ‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F)", .rounded(worst)),
            Quantity("max_t,j ‖D_j(t)‖_F (balancedness of the factors)", .rounded(balancedness)),
            Quantity("‖W(T) − A‖_F (Riemannian flow)", .rounded((lifted.endToEnd(of: run.final) - a.rounded).frobeniusNorm)),
        ], margin: .rounded(context.tolerance(Self.tolerance, parameters) - worst), location: "t = \(worstTime)",
           statistics: statistics)
    }
}

extension RiemannianProductFlowKind {
    static let target = Parameter<MatrixSource>("A", .model, type: .matrix, help: "the target A (d_N × d_0), exact: L¹(W) = ½‖W − A‖²_F")
    static let left = Parameter<MatrixSource>("left", .model, type: .matrix, help: "U (d_N × r) with exactly orthonormal columns: W(0) = U D^N Vᵀ")
    static let right = Parameter<MatrixSource>("right", .model, type: .matrix, help: "V (d_0 × r) with exactly orthonormal columns")
    static let rootSingularValues = Parameter<MatrixSource>("root_singular_values", .model, type: .matrix,
        help: "the diagonal of D (1 × r, exact, positive): the singular values of W(0) are d_i^N")
    static let depth = Parameter<Int>("depth", .model, 1...8, default: 2, help: "the number N of factors")
    static let imbalance = Parameter<Rational>("imbalance", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(1), help: "c: W_1 = c·D Vᵀ and W_N = U D / c (1 is balanced; other values are the known-false twin)")
    static let horizon = Parameter<Rational>("horizon", .dynamics, minimum: 0, exclusive: true, help: "the final time T (exact)")
    static let samples = Parameter<Int>("samples", .dynamics, 1...1000, default: 5, help: "the number of output times compared")
}
