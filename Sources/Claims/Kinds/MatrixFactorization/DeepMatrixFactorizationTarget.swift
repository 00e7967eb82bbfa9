import LinearAlgebra
import Models
import MultiPrecision

/// A deep-matrix-factorization target given by its exact thin SVD `A = U diag(s) Vᵀ`, and the initializations of the
/// factors W_1 … W_N that the §5 kinds use (docs/theory.md §5.1):
///
/// * `aligned`: `W_1 = D Vᵀ`, `W_j = D` (r × r), `W_N = U D` with `D = αI_r` (N = 1: `U D Vᵀ`). The factors are
///   balanced and W(t) = U diag(w_i(t)^N) Vᵀ with every w_i following `ẇ = w^{N−1}(s_i − w^N)`.
/// * `identity`: `W_j = αI_n` (square targets). Aligned only when U = V; otherwise the decoupling fails.
///
/// U (d_N × r) and V (d_0 × r) must have exactly orthonormal columns (rational orthogonal matrices come from
/// Pythagorean triples or Householder reflections with rational vectors).
struct DeepMatrixFactorizationTarget {
    /// U, d_N × r.
    let left: Matrix<Rational>
    /// V, d_0 × r.
    let right: Matrix<Rational>
    /// s_1 … s_r > 0.
    let singularValues: [Rational]

    /// The `[model]` parameters: the SVD of the target, depth, α and the initialization.
    static let specs: [ParameterSpec] = ParameterSpec.list(Self.singularValues, Self.left, Self.right, Self.depth, Self.alpha, Self.initialization)

    /// Reads and checks the target: positive singular values, orthonormal U and V of matching sizes.
    init(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(values, _) = parameters[Self.singularValues], values.rowCount == 1 else {
            throw ParameterProblem(key: "singular_values", .invalidValue("give the singular values exactly, as one row [[s1, s2, …]]"))
        }
        let s = (0..<values.columnCount).map { values[0, $0] }
        guard s.allSatisfy({ $0 > Rational(0) }) else {
            throw ParameterProblem(key: "singular_values", .invalidValue("the singular values must be positive"))
        }
        func orthonormal(_ key: String) throws(ParameterProblem) -> Matrix<Rational> {
            guard let source = parameters.matrix(key) else { return .identity(s.count) }
            guard case let .exact(m, origin) = source else {
                throw ParameterProblem(key: key, .invalidValue("\(key) must be given exactly"))
            }
            guard m.columnCount == s.count, m.rowCount >= s.count else {
                throw ParameterProblem(key: key, .invalidValue("\(key) (\(origin), \(m.shape)) must have \(s.count) columns and at least as many rows"))
            }
            guard m.transposed() * m == Matrix<Rational>.identity(s.count) else {
                throw ParameterProblem(key: key, .invalidValue("\(key) (\(origin)) must have exactly orthonormal columns"))
            }
            return m
        }
        left = try orthonormal("left")
        right = try orthonormal("right")
        singularValues = s
        if parameters[Self.initialization] == "identity", left.rowCount != right.rowCount {
            throw ParameterProblem(key: "initialization", .invalidValue("\"identity\" needs a square target (U and V with the same number of rows)"))
        }
    }

    /// A = U diag(s) Vᵀ, exact.
    var target: Matrix<Rational> {
        left * Matrix.diagonal(singularValues) * right.transposed()
    }

    /// The initial factors W_1 … W_N for `initialization` ("aligned" or "identity").
    func initialLayers(depth: Int, alpha: Rational, initialization: String) -> [Matrix<Rational>] {
        if initialization == "identity" {
            return Array(repeating: alpha * Matrix<Rational>.identity(left.rowCount), count: depth)
        }
        let d = alpha * Matrix<Rational>.identity(singularValues.count)
        if depth == 1 { return [left * d * right.transposed()] }
        return [d * right.transposed()] + Array(repeating: d, count: depth - 2) + [left * d]
    }
}

extension DeepMatrixFactorizationTarget {
    /// The `[dynamics]` parameters shared by the §5 kinds: `method` (gf or gd), `horizon` (gf), `step_size` and
    /// `steps` (gd), and `samples`, with the kind's help texts and sample range.
    struct Dynamics: Sendable {
        let method: Parameter<String>
        let horizon: OptionalParameter<Rational>
        let stepSize = OptionalParameter<Rational>("step_size", .dynamics, minimum: 0, exclusive: true,
                                                   help: "gd: the step size η")
        let steps = OptionalParameter<Int>("steps", .dynamics, 1...1_000_000, help: "gd: the number K of steps")
        let samples: Parameter<Int>

        init(methodHelp: String, horizonHelp: String, samples range: ClosedRange<Int>, defaultSamples: Int,
             samplesHelp: String) {
            method = Parameter("method", .dynamics, type: .choice(["gf", "gd"]), default: "gf", help: methodHelp)
            horizon = OptionalParameter("horizon", .dynamics, minimum: 0, exclusive: true, help: horizonHelp)
            samples = Parameter("samples", .dynamics, range, default: defaultSamples, help: samplesHelp)
        }

        var specs: [ParameterSpec] { ([method, horizon, stepSize, steps, samples] as [any DeclaredParameter]).specs }

        /// Whether the instance runs gradient descent (`method = "gd"`); gd needs `step_size` and `steps`, gf
        /// `horizon`.
        func validate(_ parameters: InstanceParameters) throws(ParameterProblem) -> Bool {
            if parameters[method] == "gd" {
                for key: any DeclaredParameter in [stepSize, steps] where !parameters.has(key) {
                    throw ParameterProblem(key: key.spec.name, .invalidValue("gradient descent needs \(key.spec.name)"))
                }
                return true
            }
            guard parameters.has(horizon) else {
                throw ParameterProblem(key: "horizon", .invalidValue("gradient flow needs horizon"))
            }
            return false
        }

        /// The gf horizon.
        func flowHorizon(_ parameters: InstanceParameters) throws -> Rational {
            guard let t = parameters[horizon] else { throw EvaluationFailure("gradient flow needs horizon") }
            return t
        }

        /// The gd step size and step count.
        func descent(_ parameters: InstanceParameters) throws -> (stepSize: Rational, steps: Int) {
            guard let eta = parameters[stepSize], let count = parameters[steps] else {
                throw EvaluationFailure("gradient descent needs step_size and steps")
            }
            return (eta, count)
        }
    }

    /// The gradient flow of the factors for ½‖W − A‖²_F (X = I, Y = A), with the widths of `initial`.
    func gradientFlow(from initial: [Matrix<Rational>]) throws -> DeepLinearNetworkGradientFlow {
        try DeepLinearNetworkGradientFlow(widths: [initial[0].columnCount] + initial.map(\.rowCount),
                                          x: .identity(right.rowCount), y: target)
    }

    /// Runs `step_size`/`steps` gradient descent on ½‖W − A‖²_F from `initial` at the current precision and calls
    /// `sample(k, layers)` after every step that is a multiple of ⌊steps/samples⌋ and after the last one; `everyStep`
    /// runs after every step first.
    func gradientDescent(from initial: [Matrix<Rational>], stepSize: Rational, steps: Int, samples: Int,
                         context: EvaluationContext, everyStep: () -> Void = {},
                         sample: (Int, [Matrix<BigFloat>]) throws -> Void) throws {
        let eta = BigFloat(stepSize)
        let stride = max(1, steps / samples)
        var network = try DeepLinearNetwork(layers: initial.map(\.rounded))
        let identity = Matrix<BigFloat>.identity(right.rowCount), y = target.rounded
        for k in 1...steps {
            try context.checkpoint()
            network = network.gradientDescentStep(stepSize: eta, gradients: try network.squareLossGradients(x: identity, y: y))
            everyStep()
            if k % stride == 0 || k == steps { try sample(k, network.layers) }
        }
    }
}

extension DeepMatrixFactorizationTarget {
    static let singularValues = Parameter<MatrixSource>("singular_values", .model, type: .matrix,
        help: "the target's singular values s_1 … s_r as a 1 × r matrix, exact and positive")

    static let left = OptionalParameter<MatrixSource>("left", .model, type: .matrix,
        help: "U (d_N × r) with exactly orthonormal columns; default the r × r identity")

    static let right = OptionalParameter<MatrixSource>("right", .model, type: .matrix,
        help: "V (d_0 × r) with exactly orthonormal columns; default the r × r identity")

    static let depth = Parameter<Int>("depth", .model, type: .integer(1...8), default: 2,
        help: "the number N of factors")

    static let alpha = Parameter<Rational>("alpha", .model, type: .rational(minimum: 0, exclusive: true),
        help: "the initialization scale α")

    static let initialization = Parameter<String>("initialization", .model, type: .choice(["aligned", "identity"]),
        default: "aligned",
        help: "\"aligned\" (W_1 = αVᵀ, W_j = αI, W_N = αU: balanced, spectrally aligned) or \"identity\" (W_j = αI, square targets; aligned only if U = V)")
}
