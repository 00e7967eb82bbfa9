import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `riemannian-product-flow`: under balanced initialization the end-to-end matrix W_{N:1}(t) = W_N⋯W_1 of the
/// gradient flow of the factors of L(W_1, …, W_N) = ½‖W_N⋯W_1 − A‖²_F solves the flow of the product alone,
///
///     Ẇ = −A_W(∇L¹(W)),   A_W(Z) = Σ_j (WWᵀ)^{(N−j)/N} Z (WᵀW)^{(j−1)/N}   (S⁰ = I),
///
/// the Riemannian gradient flow of Bah, Rauhut, Terstiege, Westdickenberg (docs/theory.md §1.5). Balanced start (the §1.5
/// recipe with hidden widths r): W_1 = D Vᵀ, W_j = D, W_N = U D, so W(0) = U D^N Vᵀ. `imbalance = c ≠ 1` scales W_1 by
/// c and W_N by 1/c: the same W(0), unbalanced factors, and the claim is known false.
///
/// margin = tol − max over output times of ‖W_{N:1}(t) − W(t)‖_F / max(1, ‖W(t)‖_F).
public struct RiemannianProductFlowKind: ClaimKind {
    public init() {}

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(15)),
                                          help: "the slack of the claimed equality, relative to max(1, ‖W(t)‖_F)")

    public var name: String { "riemannian-product-flow" }

    public var summary: String {
        "balanced deep linear network: the product of the factor gradient flow equals the Riemannian flow Ẇ = −A_W(∇L¹(W)) of Bah et al."
    }

    public var method: String {
        """
        Integrates the gradient flow of the N factors with the Taylor method at the working precision p (tolerance \
        2^−(p−10)), and the flow of the product Ẇ = −A_W(W − A) — whose fractional powers of WWᵀ and WᵀW come from a \
        one-sided Jacobi SVD at every evaluation, so it cannot run in the Taylor tracer — with Runge–Kutta–Fehlberg \
        8(7) at tolerance 2^−⌈p/2⌉. Compares W_N⋯W_1(t) with W(t) at `samples` equally spaced times. Everything is \
        computed again at p + guard bits, where both tolerances are smaller, so the difference estimates the error \
        of both integrations.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// The target, the balanced initialization, the imbalance, the horizon and the tolerance.
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.measurements, Self.left, Self.right, Self.rootSingularValues, Self.depth,
            Self.imbalance, Self.horizon, Self.samples, Self.tolerance.legacy)
    }

    /// The initialization: orthonormal U and V with r columns, r positive root singular values, A of size d_N × d_0.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        _ = try Self.setup(parameters)
    }

    /// The target and the initial factors.
    static func setup(_ parameters: InstanceParameters) throws(ParameterProblem) -> (target: Matrix<Rational>, layers: [Matrix<Rational>]) {
        func exact(_ key: String) throws(ParameterProblem) -> Matrix<Rational> {
            guard case let .exact(m, _)? = parameters.matrix(key) else {
                throw ParameterProblem(key: key, .invalidValue("\(key) must be given exactly"))
            }
            return m
        }
        let a = try exact("A"), u = try exact("left"), v = try exact("right"), roots = try exact("root_singular_values")
        guard roots.rowCount == 1, (0..<roots.columnCount).allSatisfy({ roots[0, $0] > Rational(0) }) else {
            throw ParameterProblem(key: "root_singular_values", .invalidValue("give one row of positive numbers"))
        }
        let r = roots.columnCount
        for (key, m) in [("left", u), ("right", v)] {
            guard m.columnCount == r, m.transposed() * m == Matrix<Rational>.identity(r) else {
                throw ParameterProblem(key: key, .invalidValue("\(key) (\(m.shape)) must have \(r) exactly orthonormal columns"))
            }
        }
        guard a.rowCount == u.rowCount, a.columnCount == v.rowCount else {
            throw ParameterProblem(key: "A", .invalidValue("A is \(a.shape) but U and V make W(0) \(u.rowCount) × \(v.rowCount)"))
        }
        let depth = parameters[Self.depth]
        let c = parameters[Self.imbalance]
        let d = Matrix.diagonal((0..<r).map { roots[0, $0] })
        if depth == 1 { return (a, [u * d * v.transposed()]) }
        return (a, [c * d * v.transposed()] + Array(repeating: d, count: depth - 2) + [(Rational(1) / c) * (u * d)])
    }

    /// Integrates both flows and compares them at the output times.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, initial) = try Self.setup(parameters)
        let depth = initial.count
        let samples = parameters[Self.samples]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let bits = context.workingPrecision
        let times = FactorFlowSampling.uniformTimes(horizon: parameters[Self.horizon], count: samples)

        let field = try DeepLinearNetworkGradientFlow(widths: [initial[0].columnCount] + initial.map(\.rowCount),
                                                      x: .identity(a.columnCount), y: a)
        let factors = try FactorFlowSampling(field, from: initial, times: times, context: context)

        let product = initial.map(\.rounded).endToEnd
        let rkTolerance = BigFloat(1).scaled(byPowerOfTwo: -((bits + 1) / 2))
        let configuration = StepperConfiguration<BigFloat>(
            precision: bits, relativeTolerance: rkTolerance, absoluteTolerance: rkTolerance,
            horizonEnd: BigFloat(times[times.count - 1]))
        var stepper = try ExplicitRungeKuttaStepper(
            tableau: .fehlberg78, rightHandSide: EndToEndRiemannianFlow(depth: depth, target: a), time: BigFloat(0),
            state: (0..<product.rowCount).flatMap { i in (0..<product.columnCount).map { j in product[i, j] } },
            configuration: configuration)
        let run = try TrajectorySampler(context, label: "Riemannian flow").flow(&stepper, to: times[times.count - 1], at: times)
        let reduced = run.states.map { state in
            Matrix(rows: a.rowCount, columns: a.columnCount) { state[$0 * a.columnCount + $1] }
        }

        var worst = BigFloat(-1), worstTime = times[0]
        var balancedness = BigFloat(0)
        for (index, layers) in factors.layers.enumerated() {
            let w = reduced[index]
            let gap = (layers.endToEnd - w).frobeniusNorm / BigFloat.maximum(BigFloat(1), w.frobeniusNorm)
            if gap > worst { worst = gap; worstTime = times[index] }
            for j in 0..<(depth - 1) {
                let d = layers[j + 1].transposed() * layers[j + 1] - layers[j] * layers[j].transposed()
                balancedness = BigFloat.maximum(balancedness, d.frobeniusNorm)
            }
        }
        let last = reduced[reduced.count - 1]
        let quantities = [
            Quantity("max_t ‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F)", .rounded(worst)),
            Quantity("max_t,j ‖D_j(t)‖_F (balancedness of the factors)", .rounded(balancedness)),
            Quantity("‖W(T) − A‖_F (Riemannian flow)", .rounded((last - a.rounded).frobeniusNorm)),
        ]
        var statistics = factors.statistics.mapKeys { "factors: \($0)" }
        for key in ["integrator", "steps", "rejected steps"] { statistics["product: \(key)"] = run.statistics[key] }
        return Evaluation(quantities: quantities, margin: .rounded(tolerance - worst), location: "t = \(worstTime)",
                          statistics: statistics)
    }
}

extension Dictionary {
    /// The dictionary with every key transformed (later duplicates win).
    fileprivate func mapKeys(_ transform: (Key) -> String) -> [String: Value] {
        Dictionary<String, Value>(map { (transform($0.key), $0.value) }, uniquingKeysWith: { $1 })
    }
}

extension RiemannianProductFlowKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F) ≤ tolerance at \(p.written(Self.samples, absent: "the")) sample times, "
            + "W(t) the solution of Ẇ = −A_W(W − A)"
    }
}

extension RiemannianProductFlowKind {
    static let measurements = Parameter<MatrixSource>("A", .model, type: .matrix,
        help: "the target A (d_N × d_0), exact: L¹(W) = ½‖W − A‖²_F")

    static let left = Parameter<MatrixSource>("left", .model, type: .matrix,
        help: "U (d_N × r) with exactly orthonormal columns: W(0) = U D^N Vᵀ")

    static let right = Parameter<MatrixSource>("right", .model, type: .matrix,
        help: "V (d_0 × r) with exactly orthonormal columns")

    static let rootSingularValues = Parameter<MatrixSource>("root_singular_values", .model, type: .matrix,
        help: "the diagonal of D (1 × r, exact, positive): the singular values of W(0) are d_i^N")

    static let depth = Parameter<Int>("depth", .model, type: .integer(1...8), default: 2,
        help: "the number N of factors")

    static let imbalance = Parameter<Rational>("imbalance", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(1),
        help: "c: W_1 = c·D Vᵀ and W_N = U D / c (1 is balanced; other values are the known-false twin)")

    static let horizon = Parameter<Rational>("horizon", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the final time T (exact)")

    static let samples = Parameter<Int>("samples", .dynamics, type: .integer(1...1000), default: 5,
        help: "the number of equally spaced output times compared")
}
