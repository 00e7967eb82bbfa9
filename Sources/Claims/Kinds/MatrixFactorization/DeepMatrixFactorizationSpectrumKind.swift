import LinearAlgebra
import Models
import MultiPrecision

/// `deep-matrix-factorization-spectrum`: gradient descent on ½‖W_N⋯W_1 − A‖²_F from W_j(0) = αI, A symmetric,
/// keeps every factor equal to one symmetric matrix that commutes with A, so the eigenvalues of W(k) follow the
/// decoupled scalar recursions (docs/theory.md §5.1, Chou, Gieshoff, Maly, Rauhut):
///
///     m_{k+1} = m_k − η m_k^{N−1}(m_k^N − λ_i),   m_0 = α,   eig_i(W(k)) = m_k^N.
///
/// `claim = "decoupling"` (true): margin = tol − max_i |eig_i(W(K)) − m_K,i^N| / max(1, max|λ|), eigenvalues sorted.
/// `claim = "recovers-target"`: margin = tol − ‖W(K) − A‖_F/‖A‖_F; known false when A has negative eigenvalues
/// (they are never learned from αI, §5.2).
public struct DeepMatrixFactorizationSpectrumKind: ClaimKind {
    public init() {}

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)),
                                          help: "the relative slack of the claimed equality")

    public var name: String { "deep-matrix-factorization-spectrum" }

    public var summary: String {
        "deep matrix factorization, GD from αI: the eigenvalues of W(k) follow the scalar recursions m ← m − η m^{N−1}(m^N − λ)"
    }

    public var method: String {
        """
        Runs K steps of simultaneous gradient descent on all N factors (n × n, W_j(0) = αI) in MPFR at the working \
        precision p, and the scalar recursion for every eigenvalue λ_i of A (Jacobi eigendecomposition at p). It \
        compares the sorted eigenvalues of the symmetrized W(K) with the sorted m_K,i^N (decoupling), or W(K) with \
        A (recovery). Everything is computed again at p + guard bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// A, N, α, η, K, the claim and the tolerance.
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.measurements, FactorizationParameters.depth, FactorizationParameters.alpha,
                           FactorizationParameters.stepSize, Self.steps, Self.claim, Self.tolerance.legacy)
    }

    /// A is square and symmetric.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(a, origin) = parameters[Self.measurements] else {
            throw ParameterProblem(key: "A", .invalidValue("A must be given exactly (inline or a file)"))
        }
        guard a.isSquare, a == a.transposed() else {
            throw ParameterProblem(key: "A", .invalidValue("A (\(origin), \(a.shape)) must be square and symmetric"))
        }
    }

    /// Runs the matrix and scalar recursions and compares them.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        guard case let .exact(exactA, _) = parameters[Self.measurements] else { preconditionFailure("validated") }
        let n = exactA.rowCount
        let depth = parameters[FactorizationParameters.depth]
        let alpha = BigFloat(parameters[FactorizationParameters.alpha])
        let eta = BigFloat(parameters[FactorizationParameters.stepSize])
        let steps = parameters[Self.steps]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let a = Matrix(rows: n, columns: n) { i, j in BigFloat(exactA[i, j]) }
        let identity = Matrix<BigFloat>.identity(n)
        var network = try DeepLinearNetwork(layers: Array(repeating: alpha * identity, count: depth))
        let lambdas = try SymmetricEigendecomposition(a).eigenvalues
        var m = lambdas.map { _ in alpha }
        for _ in 0..<steps {
            try context.checkpoint()
            let gradients = try network.squareLossGradients(x: identity, y: a)
            network = network.gradientDescentStep(stepSize: eta, gradients: gradients)
            m = zip(m, lambdas).map { mi, l in mi - eta * BigFloat.pow(mi, depth - 1) * (BigFloat.pow(mi, depth) - l) }
        }
        let w = network.endToEnd
        let symmetric = (w + w.transposed()) / BigFloat(2)
        let observed = try SymmetricEigendecomposition(symmetric).eigenvalues.sorted()
        let predicted = m.map { BigFloat.pow($0, depth) }.sorted()
        let scale = BigFloat.maximum(BigFloat(1), lambdas.map { BigFloat.abs($0) }.max() ?? BigFloat(1))
        let decoupling = zip(observed, predicted).map { BigFloat.abs($0 - $1) }.max()! / scale
        let asymmetry = (w - w.transposed()).frobeniusNorm
        let recovery = (w - a).frobeniusNorm / a.frobeniusNorm
        var quantities = [
            Quantity("max_i |eig_i(W(K)) − m_K,i^N| / max(1, max|λ|)", .rounded(decoupling)),
            Quantity("‖W(K) − W(K)ᵀ‖_F", .rounded(asymmetry)),
            Quantity("‖W(K) − A‖_F/‖A‖_F", .rounded(recovery)),
        ]
        for (i, value) in observed.enumerated() { quantities.append(Quantity("eig_\(i + 1)(W(K))", .rounded(value))) }
        let claimed = parameters[Self.claim]
        let margin = claimed == "recovers-target" ? tolerance - recovery : tolerance - BigFloat.maximum(decoupling, asymmetry)
        return Evaluation(quantities: quantities, margin: .rounded(margin), location: "step \(steps)",
                          statistics: ["steps": "\(steps)", "depth": "\(depth)"])
    }
}

extension DeepMatrixFactorizationSpectrumKind {
    public func checked(_ p: InstanceParameters) -> String? {
        p[Self.claim] == "recovers-target"
            ? "‖W(K) − A‖_F/‖A‖_F ≤ tolerance after K = \(p.written(Self.steps, absent: "K")) steps"
            : "sorted eig_i(W(K)) = m_K,i^N with m ← m − η m^{N−1}(m^N − λ_i), relative to max(1, max|λ|), up to the tolerance"
    }
}

extension DeepMatrixFactorizationSpectrumKind {
    static let measurements = Parameter<MatrixSource>("A", .model, type: .matrix, variable: false,
        help: "the symmetric n × n target, exact")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...100_000),
        help: "the number K of gradient-descent steps")

    static let claim = Parameter<String>("claim", .check, type: .choice(["decoupling", "recovers-target"]),
        default: "decoupling",
        help: "\"decoupling\" (eigenvalues follow the scalar recursion) or \"recovers-target\" (W(K) ≈ A)")
}
