import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `riemannian-product-flow`: under balanced initialization the end-to-end matrix W_N⋯W_1(t) of the factor gradient
/// flow of ½‖W_N⋯W_1 − A‖²_F solves Ẇ = −A_W(W − A), A_W(Z) = Σ_j (WWᵀ)^{(N−j)/N} Z (WᵀW)^{(j−1)/N} (S⁰ = I): the
/// Riemannian flow of Bah, Rauhut, Terstiege, Westdickenberg (docs/theory.md §1.5). Balanced start: W_1 = D Vᵀ,
/// W_j = D, W_N = U D; `imbalance` c ≠ 1 scales W_1 by c and W_N by 1/c (same W(0), claim known false).
/// margin = tol − max over output times of ‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F).
public struct RiemannianProductFlowKind: ClaimKind {
    public init() {}
    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(15)),
                                          help: "the slack of the claimed equality, relative to max(1, ‖W(t)‖_F)")
    public var name: String { "riemannian-product-flow" }
    public var summary: String {
        "balanced deep linear network: the product of the factor gradient flow equals the Riemannian flow Ẇ = −A_W(∇L¹(W)) of Bah et al."
    }
    public var method: String {
        "Integrates the gradient flow of the N factors, and the flow of the product Ẇ = −A_W(W − A) lifted to a polynomial system in (W, P, Q) with P = (WWᵀ)^{1/N}, Q = (WᵀW)^{1/N} (Ṗ = −(GWᵀ + WGᵀ), Q̇ = −(GᵀW + WᵀG), G = W − A; P and Q start at U D² Uᵀ and V D² Vᵀ exactly), both with the Taylor method at the working precision p (tolerance 2^−(p−10)). Compares W_N⋯W_1(t) with W(t) at `samples` equally spaced times. Everything is computed again at p + guard bits; the difference estimates the error of both integrations."
    }
    public var arithmetic: Arithmetic { .rounded }

    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.measurements, Self.left, Self.right, Self.rootSingularValues, Self.depth,
                           Self.imbalance, Self.horizon, Self.samples, Self.tolerance.legacy)
    }
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) { _ = try Self.setup(parameters) }
    public func checked(_ p: InstanceParameters) -> String? {
        "‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F) ≤ tolerance at \(p.written(Self.samples, absent: "the")) sample times, "
            + "W(t) the solution of Ẇ = −A_W(W − A)"
    }

    /// The target A, U, V, the roots d_i and the initial factors, checked: U, V exactly orthonormal, d > 0.
    static func setup(_ p: InstanceParameters) throws(ParameterProblem)
        -> (target: Matrix<Rational>, u: Matrix<Rational>, v: Matrix<Rational>, roots: [Rational], layers: [Matrix<Rational>]) {
        func exact(_ parameter: Parameter<MatrixSource>) throws(ParameterProblem) -> Matrix<Rational> {
            guard let m = p[parameter].exactMatrix else {
                throw ParameterProblem(key: parameter.spec.name, .invalidValue("\(parameter.spec.name) must be given exactly"))
            }
            return m
        }
        let a = try exact(Self.measurements), u = try exact(Self.left), v = try exact(Self.right)
        let row = try exact(Self.rootSingularValues), roots = (0..<row.columnCount).map { row[0, $0] }
        guard row.rowCount == 1, roots.allSatisfy({ $0 > Rational(0) }) else {
            throw ParameterProblem(key: Self.rootSingularValues.spec.name, .invalidValue("give one row of positive numbers"))
        }
        for (parameter, m) in [(Self.left, u), (Self.right, v)] where m.columnCount != roots.count
            || m.transposed() * m != Matrix<Rational>.identity(roots.count) {
            throw ParameterProblem(key: parameter.spec.name, .invalidValue(
                "\(parameter.spec.name) (\(m.shape)) must have \(roots.count) exactly orthonormal columns"))
        }
        guard a.rowCount == u.rowCount, a.columnCount == v.rowCount else {
            throw ParameterProblem(key: Self.measurements.spec.name,
                                   .invalidValue("A is \(a.shape) but U and V make W(0) \(u.rowCount) × \(v.rowCount)"))
        }
        let depth = p[Self.depth], c = p[Self.imbalance], d = Matrix.diagonal(roots)
        let layers = depth == 1 ? [u * d * v.transposed()]
            : [c * d * v.transposed()] + Array(repeating: d, count: depth - 2) + [(Rational(1) / c) * (u * d)]
        return (a, u, v, roots, layers)
    }

    /// Integrates both flows and compares them at the output times.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, u, v, roots, initial) = try Self.setup(parameters)
        let times = FactorFlowSampling.uniformTimes(horizon: parameters[Self.horizon], count: parameters[Self.samples])
        let field = try DeepLinearNetworkGradientFlow(widths: [initial[0].columnCount] + initial.map(\.rowCount),
                                                      x: .identity(a.columnCount), y: a)
        let factors = try FactorFlowSampling(field, from: initial, times: times, context: context)
        let lifted = try LiftedRiemannianFlow(depth: initial.count, target: a)
        let run = try TrajectorySampler(context, label: "Riemannian flow").flow(
            lifted, from: LiftedRiemannianFlow.initialState(left: u, right: v, roots: roots, depth: initial.count),
            to: times[times.count - 1], at: times)
        var (worst, worstTime, balancedness) = (BigFloat(-1), times[0], BigFloat(0))
        for (layers, (state, time)) in zip(factors.layers, zip(run.states, times)) {
            let w = lifted.endToEnd(of: state)
            let gap = (layers.endToEnd - w).frobeniusNorm / BigFloat.maximum(BigFloat(1), w.frobeniusNorm)
            if gap > worst { (worst, worstTime) = (gap, time) }
            for (lower, upper) in zip(layers, layers.dropFirst()) {
                balancedness = BigFloat.maximum(balancedness,
                                                (upper.transposed() * upper - lower * lower.transposed()).frobeniusNorm)
            }
        }
        let last = lifted.endToEnd(of: run.final)
        var statistics = Dictionary(uniqueKeysWithValues: factors.statistics.map { ("factors: \($0.key)", $0.value) })
        for key in ["integrator", "steps", "rejected steps"] { statistics["product: \(key)"] = run.statistics[key] }
        return Evaluation(quantities: [
            Quantity("max_t ‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F)", .rounded(worst)),
            Quantity("max_t,j ‖D_j(t)‖_F (balancedness of the factors)", .rounded(balancedness)),
            Quantity("‖W(T) − A‖_F (Riemannian flow)", .rounded((last - a.rounded).frobeniusNorm)),
        ], margin: .rounded(context.tolerance(Self.tolerance, parameters) - worst), location: "t = \(worstTime)",
           statistics: statistics)
    }
}

extension RiemannianProductFlowKind {
    static let measurements = Parameter<MatrixSource>("A", .model, type: .matrix,
        help: "the target A (d_N × d_0), exact: L¹(W) = ½‖W − A‖²_F")
    static let left = Parameter<MatrixSource>("left", .model, type: .matrix,
        help: "U (d_N × r) with exactly orthonormal columns: W(0) = U D^N Vᵀ")
    static let right = Parameter<MatrixSource>("right", .model, type: .matrix, help: "V (d_0 × r) with exactly orthonormal columns")
    static let rootSingularValues = Parameter<MatrixSource>("root_singular_values", .model, type: .matrix,
        help: "the diagonal of D (1 × r, exact, positive): the singular values of W(0) are d_i^N")
    static let depth = Parameter<Int>("depth", .model, 1...8, default: 2, help: "the number N of factors")
    static let imbalance = Parameter<Rational>("imbalance", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(1), help: "c: W_1 = c·D Vᵀ and W_N = U D / c (1 is balanced; other values are the known-false twin)")
    static let horizon = Parameter<Rational>("horizon", .dynamics, minimum: 0, exclusive: true, help: "the final time T (exact)")
    static let samples = Parameter<Int>("samples", .dynamics, 1...1000, default: 5, help: "the number of output times compared")
}
