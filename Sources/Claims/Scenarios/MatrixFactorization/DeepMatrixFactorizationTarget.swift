import LinearAlgebra
import Models
import MultiPrecision

/// A deep-matrix-factorization target given by its exact thin SVD `A = U diag(s) Vᵀ`, and the initializations of the
/// factors W_1 … W_N that the §5 presets use (docs/theory.md §5.1):
///
/// * `aligned`: `W_1 = D Vᵀ`, `W_j = D` (r × r), `W_N = U D` with `D = αI_r` (N = 1: `U D Vᵀ`). The factors are
///   balanced and W(t) = U diag(w_i(t)^N) Vᵀ with every w_i following `ẇ = w^{N−1}(s_i − w^N)`.
/// * `identity`: `W_j = αI_n` (square targets). Aligned only when U = V; otherwise the decoupling fails.
///
/// U (d_N × r) and V (d_0 × r) must have exactly orthonormal columns (rational orthogonal matrices come from
/// Pythagorean triples or Householder reflections with rational vectors).
struct DeepMatrixFactorizationTarget {
    /// The initialization of the factors.
    enum Initialization: String, ParameterChoice {
        case aligned, identity
    }

    /// U, d_N × r.
    let left: Matrix<Rational>
    /// V, d_0 × r.
    let right: Matrix<Rational>
    /// s_1 … s_r > 0.
    let singularValues: [Rational]

    /// The `[model]` parameters: the SVD of the target, depth, α and the initialization.
    static let declared: [any DeclaredParameter] = [singularValues, left, right, depth, alpha, initialization]

    /// Reads and checks the target: positive singular values, orthonormal U and V of matching sizes.
    init(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(values, _) = parameters[Self.singularValues], values.rowCount == 1 else {
            throw ParameterProblem(key: "singular_values", .invalidValue("give the singular values exactly, as one row [[s1, s2, …]]"))
        }
        let s = (0..<values.columnCount).map { values[0, $0] }
        guard s.allSatisfy({ $0 > Rational(0) }) else {
            throw ParameterProblem(key: "singular_values", .invalidValue("the singular values must be positive"))
        }
        func orthonormal(_ parameter: OptionalParameter<MatrixSource>) throws(ParameterProblem) -> Matrix<Rational> {
            let key = parameter.spec.name
            guard let source = parameters[parameter] else { return .identity(s.count) }
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
        left = try orthonormal(Self.left)
        right = try orthonormal(Self.right)
        singularValues = s
        if parameters[Self.initialization] == .identity, left.rowCount != right.rowCount {
            throw ParameterProblem(key: "initialization", .invalidValue("\"identity\" needs a square target (U and V with the same number of rows)"))
        }
    }

    /// A = U diag(s) Vᵀ, exact.
    var target: Matrix<Rational> { left * Matrix.diagonal(singularValues) * right.transposed() }

    /// Throws at `alpha` when c·α^N ≥ s_i for a singular value s_i; `need` states the requirement.
    func requireStart(below c: Rational = 1, _ parameters: InstanceParameters, _ need: String) throws(ParameterProblem) {
        let alpha = parameters[Self.alpha], depth = parameters[Self.depth]
        if let s = singularValues.first(where: { c * alpha.power(depth) >= $0 }) {
            throw ParameterProblem(key: "alpha", .invalidValue("\(need) (s = \(s))"))
        }
    }

    /// The initial factors W_1 … W_N.
    func initialLayers(depth: Int, alpha: Rational, initialization: Initialization) -> [Matrix<Rational>] {
        if initialization == .identity {
            return Array(repeating: alpha * Matrix<Rational>.identity(left.rowCount), count: depth)
        }
        let d = alpha * Matrix<Rational>.identity(singularValues.count)
        if depth == 1 { return [left * d * right.transposed()] }
        return [d * right.transposed()] + Array(repeating: d, count: depth - 2) + [left * d]
    }
}

extension DeepMatrixFactorizationTarget {
    static let singularValues = Parameter<MatrixSource>("singular_values", .model, type: .matrix,
        help: "the target's singular values s_1 … s_r as a 1 × r matrix, exact and positive")

    static let left = orthonormal("left", "U (d_N × r)"), right = orthonormal("right", "V (d_0 × r)")

    /// U or V: optional, exact, with orthonormal columns.
    private static func orthonormal(_ key: String, _ name: String) -> OptionalParameter<MatrixSource> {
        OptionalParameter(key, .model, type: .matrix, help: "\(name) with exactly orthonormal columns; default the r × r identity")
    }

    static let depth = FactorizationParameters.depth

    static let alpha = Parameter<Rational>.positive("alpha", .model, help: "the initialization scale α")

    static let initialization = Parameter<Initialization>("initialization", .model, default: .aligned,
        help: "\"aligned\" (W_1 = αVᵀ, W_j = αI, W_N = αU: balanced, spectrally aligned) or \"identity\" (W_j = αI, square targets; aligned only if U = V)")
}
