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
    /// Creates the kind.
    public init() {}

    /// `riemannian-product-flow`.
    public var name: String { "riemannian-product-flow" }

    /// One line.
    public var summary: String {
        "balanced deep linear network: the product of the factor gradient flow equals the Riemannian flow Ẇ = −A_W(∇L¹(W)) of Bah et al."
    }

    /// How the check works.
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

    /// Rounded (MPFR).
    public var arithmetic: Arithmetic { .rounded }

    /// The target, the balanced initialization, the imbalance, the horizon and the tolerance.
    public var parameters: [ParameterSpec] {
        [
            ParameterSpec("A", section: .model, type: .matrix, required: true,
                          help: "the target A (d_N × d_0), exact: L¹(W) = ½‖W − A‖²_F"),
            ParameterSpec("left", section: .model, type: .matrix, required: true,
                          help: "U (d_N × r) with exactly orthonormal columns: W(0) = U D^N Vᵀ"),
            ParameterSpec("right", section: .model, type: .matrix, required: true,
                          help: "V (d_0 × r) with exactly orthonormal columns"),
            ParameterSpec("root_singular_values", section: .model, type: .matrix, required: true,
                          help: "the diagonal of D (1 × r, exact, positive): the singular values of W(0) are d_i^N"),
            ParameterSpec("depth", section: .model, type: .integer(1...8), default: .integer(2),
                          help: "the number N of factors"),
            ParameterSpec("imbalance", section: .model, type: .rational(minimum: 0, exclusive: true),
                          default: .rational(Rational(1)),
                          help: "c: W_1 = c·D Vᵀ and W_N = U D / c (1 is balanced; other values are the known-false twin)"),
            ParameterSpec("horizon", section: .dynamics, type: .rational(minimum: 0, exclusive: true), required: true,
                          help: "the final time T (exact)"),
            ParameterSpec("samples", section: .dynamics, type: .integer(1...1000), default: .integer(5),
                          help: "the number of equally spaced output times compared"),
            ParameterSpec("relative_tolerance", section: .check, type: .rational(minimum: 0, exclusive: false),
                          default: .rational(Rational(numerator: 1, denominator: BigInt(10).power(15))),
                          help: "the slack of the claimed equality, relative to max(1, ‖W(t)‖_F)"),
        ]
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
        let depth = parameters.integer("depth") ?? 2
        let c = parameters.rational("imbalance") ?? Rational(1)
        let d = Matrix.diagonal((0..<r).map { roots[0, $0] })
        if depth == 1 { return (a, [u * d * v.transposed()]) }
        return (a, [c * d * v.transposed()] + Array(repeating: d, count: depth - 2) + [(Rational(1) / c) * (u * d)])
    }

    /// Integrates both flows and compares them at the output times.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let (a, initial) = try Self.setup(parameters)
        let depth = initial.count
        let samples = parameters.integer("samples") ?? 5
        let tolerance = BigFloat(parameters.rational("relative_tolerance")!)
        let bits = context.precision ?? Precision.current
        let times = FactorFlowSampling.uniformTimes(horizon: parameters.rational("horizon")!, count: samples)

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
        var options = IntegrationOptions()
        options.maximumSteps = 1_000_000
        if let deadline = context.deadline { options.timeLimit = max(.zero, deadline - .now) }
        var reduced: [Matrix<BigFloat>] = []
        let observer = Observer<BigFloat>(.times(times)) { sample in
            reduced.append(Matrix(rows: a.rowCount, columns: a.columnCount) { sample.state[$0 * a.columnCount + $1] })
            context.report(time: sample.time.doubleValue, of: Double(times[times.count - 1]))
        }
        try context.checkpoint()
        let result = try Dynamics.integrate(&stepper, to: BigFloat(times[times.count - 1]), options: options,
                                            observers: [observer])
        guard result.termination.isSuccess, reduced.count == times.count else {
            if case .timeBudgetExhausted = result.termination { try context.checkpoint() }
            throw DLNFlowError.integrationStopped("Riemannian flow: \(result.termination)")
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
        statistics["product: integrator"] = result.method
        statistics["product: steps"] = "\(result.statistics.steps)"
        statistics["product: rejected steps"] = "\(result.statistics.rejectedSteps)"
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
