import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `deep-matrix-factorization-spectrum`: Chou, Gieshoff, Maly, Rauhut, the eigenvalues of gradient descent from αI (docs/theory.md §5.1–§5.2).
public struct DeepMatrixFactorizationSpectrumKind: TrajectoryKind, DescribedKind {
    /// The factors and the scalar recursions after K steps of gradient descent from αI.
    public struct Scenario: TrajectoryScenario {
        static let measurements = Parameter<MatrixSource>("A", .model, type: .matrix, variable: false,
                                                          help: "the symmetric n × n target, exact")
        static let steps = Parameter<Int>("steps", .dynamics, 1...100_000, help: "the number K of gradient-descent steps")

        public static var parameters: [any DeclaredParameter] {
            [measurements, FactorizationParameters.depth, FactorizationParameters.alpha, FactorizationParameters.stepSize, steps]
        }

        /// A is exact, square and symmetric.
        public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) { _ = try target(parameters) }

        static func target(_ parameters: InstanceParameters) throws(ParameterProblem) -> Matrix<Rational> {
            guard let a = try parameters[measurements].symmetric("A", name: "A") else {
                throw ParameterProblem(key: "A", .invalidValue("A must be given exactly (inline or a file)"))
            }
            return a
        }

        /// A, its eigenvalues λ_i, W(K) and m_K,i^N.
        let a: Matrix<BigFloat>, eigenvalues: [BigFloat], product: Matrix<BigFloat>, modes: [BigFloat]
        public let statistics: [String: String]

        public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
            let exact = try Self.target(parameters), n = exact.rowCount
            let depth = parameters[FactorizationParameters.depth], alpha = parameters[FactorizationParameters.alpha]
            let eta = parameters[FactorizationParameters.stepSize], steps = parameters[Self.steps]
            a = exact.rounded
            eigenvalues = try SymmetricEigendecomposition(a).eigenvalues
            let (descent, initial) = FactorizationDescent.fromScaledIdentity(order: n, loss: .target(exact), parameters)
            let layers = try descent.sample(from: initial, steps: steps, every: steps, context: context).layers
            product = layers[layers.count - 1].endToEnd
            let recursion = try ScalarFactorizationDescent.endToEnd(targets: eigenvalues, depth: depth, stepSize: eta, from: alpha,
                                                                    steps: steps, every: steps, context: context)
            modes = recursion[recursion.count - 1]
            statistics = ["steps": "\(steps)", "depth": "\(depth)"]
        }
    }

    enum Claim: String, ParameterChoice {
        case decoupling, recoversTarget = "recovers-target"
    }

    static let claim = Parameter<Claim>("claim", .check, default: .decoupling,
        help: "\"decoupling\" (eigenvalues follow the scalar recursion) or \"recovers-target\" (W(K) ≈ A)")

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)), help: "the relative slack of the claimed equality")

    public static let about = KindDescription("deep-matrix-factorization-spectrum",
        summary: "deep matrix factorization, GD from αI: the eigenvalues of W(k) follow the scalar recursions m ← m − η m^{N−1}(m^N − λ)",
        method: """
        Iterates K steps of simultaneous gradient descent on all N factors (n × n, W_j(0) = αI) as a map through the \
        sampler at the working precision p, and the scalar recursion for every eigenvalue λ_i of A (Jacobi \
        eigendecomposition at p). It compares the sorted eigenvalues of the symmetrized W(K) with the sorted m_K,i^N \
        and W(K) with W(K)ᵀ (decoupling), or W(K) with A (recovery; known false when A has negative eigenvalues, \
        which are never learned from αI). Everything is computed again at p + guard bits; the difference is the \
        error estimate.
        """)

    public var declared: [any DeclaredParameter] { [Self.claim, Self.tolerance.legacy] }

    public func checked(_ p: InstanceParameters) -> String? {
        p[Self.claim] == .recoversTarget
            ? "‖W(K) − A‖_F/‖A‖_F ≤ tolerance after K = \(p.written(Scenario.steps, absent: "K")) steps"
            : "sorted eig_i(W(K)) = m_K,i^N with m ← m − η m^{N−1}(m^N − λ_i), relative to max(1, max|λ|), up to the tolerance"
    }

    public func check(_ p: InstanceParameters, on run: Scenario, context: EvaluationContext) throws -> PropertyOutcome {
        let w = run.product
        let observed = try SymmetricEigendecomposition((w + w.transposed()) / BigFloat(2)).eigenvalues.sorted()
        let scale = run.eigenvalues.reduce(BigFloat(1)) { BigFloat.maximum($0, BigFloat.abs($1)) }
        let decoupling = zip(observed, run.modes.sorted()).reduce(BigFloat(0)) { BigFloat.maximum($0, BigFloat.abs($1.0 - $1.1)) } / scale
        let asymmetry = (w - w.transposed()).frobeniusNorm, recovery = (w - run.a).frobeniusNorm / run.a.frobeniusNorm
        let end = SamplePlace.step(p[Scenario.steps]), recovers = p[Self.claim] == .recoversTarget
        let lhs = recovers ? ObservedValue(recovery) : ObservedValue(rows: 1, columns: 2, entries: [decoupling, asymmetry])
        var outcome = try BoundProperty.tolerance(recovers ? "recovery" : "decoupling", recovers ? "‖W(K) − A‖_F/‖A‖_F"
            : "(max_i |eig_i(W(K)) − m_K,i^N| / max(1, max|λ|), ‖W(K) − W(K)ᵀ‖_F)", atEnd: true)
            .evaluate([Observation(place: end, value: lhs)], [ObservedValue(context.tolerance(Self.tolerance, p))])
        outcome.quantities += [
            Quantity("max_i |eig_i(W(K)) − m_K,i^N| / max(1, max|λ|)", .rounded(decoupling)),
            Quantity("‖W(K) − W(K)ᵀ‖_F", .rounded(asymmetry)),
            Quantity("‖W(K) − A‖_F/‖A‖_F", .rounded(recovery)),
        ] + observed.enumerated().map { Quantity("eig_\($0.offset + 1)(W(K))", .rounded($0.element)) }
        return outcome
    }
}
