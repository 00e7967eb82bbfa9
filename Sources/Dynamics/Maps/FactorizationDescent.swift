import LinearAlgebra
import MultiPrecision

/// Gradient descent on the factors of a deep matrix factorization W = W_N ⋯ W_1, written once for any scalar:
///
///     W_j ← W_j − η W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ        (empty products are identities)
///
/// for f(W) = ½‖W − A‖²_F (`target`, ∇f = W − A) or f(W) = Σ_i (⟨A_i, W⟩ − y_i)² (`sensing`, ∇f = 2 Σ_i r_i A_i).
/// The state is the entries of W_1, …, W_N, each row-major.
public struct FactorizationDescent: DiscreteMap {
    /// The loss of the end-to-end matrix.
    public enum Loss: Sendable {
        /// ½‖W − A‖²_F.
        case target(Matrix<Rational>)
        /// Σ_i (⟨A_i, W⟩ − y_i)².
        case sensing([Matrix<Rational>], [Rational])
    }

    /// d_0, …, d_N: W_j is d_j × d_{j−1}.
    public let widths: [Int]
    /// The loss f.
    public let loss: Loss
    /// The step size η.
    public let stepSize: Rational

    /// Gradient descent with step `stepSize` on `loss` for factors of the given widths.
    public init(widths: [Int], loss: Loss, stepSize: Rational) {
        self.widths = widths
        self.loss = loss
        self.stepSize = stepSize
    }

    public var dimension: Int { (1..<widths.count).reduce(0) { $0 + widths[$1] * widths[$1 - 1] } }

    /// The flat state of `layers` (W_1 first).
    public static func state(of layers: [Matrix<Rational>]) -> [Rational] { layers.flatMap(\.elements) }

    /// W_1, …, W_N read from a state.
    public func layers<T: Scalar>(of state: [T]) -> [Matrix<T>] {
        var offset = 0
        return (1..<widths.count).map { j in
            let rows = widths[j], columns = widths[j - 1], start = offset
            offset += rows * columns
            return Matrix(rows: rows, columns: columns) { state[start + $0 * columns + $1] }
        }
    }

    /// ∇f at the end-to-end matrix W.
    public func endToEndGradient<T: Scalar>(_ w: Matrix<T>) -> Matrix<T> {
        switch loss {
        case let .target(a):
            return w - Matrix(rows: a.rowCount, columns: a.columnCount) { T(a[$0, $1]) }
        case let .sensing(measurements, y):
            var gradient = Matrix<T>.zeros(rows: w.rowCount, columns: w.columnCount)
            for (exact, yi) in zip(measurements, y) {
                let a = Matrix(rows: exact.rowCount, columns: exact.columnCount) { T(exact[$0, $1]) }
                gradient += (2 * (a.frobeniusInnerProduct(w) - T(yi))) * a
            }
            return gradient
        }
    }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        let layers = self.layers(of: history[0]), depth = layers.count
        // prefix[j] = W_{j:1} (prefix[0] = I); suffix[j] = W_{N:j+1} (suffix[N] = I); W = prefix[N].
        var prefix = [Matrix<T>.identity(widths[0])]
        for layer in layers { prefix.append(layer * prefix[prefix.count - 1]) }
        var suffix = [Matrix<T>](repeating: .identity(widths[depth]), count: depth + 1)
        for j in stride(from: depth - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] * layers[j] }
        let outer = endToEndGradient(prefix[depth]), eta = T(stepSize)
        var offset = 0
        for j in 0..<depth {
            let gradient = suffix[j + 1].transposed() * outer * prefix[j].transposed(), w = layers[j].elements
            for (i, g) in gradient.elements.enumerated() {
                next[offset + i].formProduct(eta, g)          // W_j − η G_j, rounded as the matrix expression is
                next[offset + i].formDifference(w[i], next[offset + i])
            }
            offset += w.count
        }
    }
}

/// The decoupled scalar recursions of deep matrix factorization from an aligned start, one per mode:
///
///     w_i ← w_i − η w_i^{N−1}(w_i^N − s_i),
///
/// so that w_i^N follows the i-th singular value (or eigenvalue) of W = W_N ⋯ W_1 under `FactorizationDescent`.
public struct ScalarFactorizationDescent: DiscreteMap {
    /// The targets s_i (singular values or eigenvalues, at the working precision).
    public let targets: [BigFloat]
    /// The depth N.
    public let depth: Int
    /// The step size η.
    public let stepSize: Rational

    /// The recursions for `targets` at depth `depth` with step `stepSize`.
    public init(targets: [BigFloat], depth: Int, stepSize: Rational) {
        (self.targets, self.depth, self.stepSize) = (targets, depth, stepSize)
    }

    public var dimension: Int { targets.count }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        let w = history[0], eta = T(stepSize)
        for i in 0..<dimension {
            next[i] = w[i] - eta * T.pow(w[i], depth - 1) * (T.pow(w[i], depth) - T(rounding: targets[i]))
        }
    }
}
