import Dynamics
import LinearAlgebra
import MultiPrecision

/// The gradient flow of a deep linear network with the square loss ½‖W_N ⋯ W_1 X − Y‖²_F (or the quartic or
/// logistic loss of the product, see `DeepLinearNetworkLoss`), optionally with weight decay on every layer and an extra penalty on
/// the first layer only (docs/theory.md §1.2–1.3):
///
///     Ẇ_j = −G_j − λ·W_j − [j = 1]·μ·W_1,     G_j = W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ,
///     ∇f(W) = s·(W C − Y Xᵀ),  C = X Xᵀ,  s = 1 (square) or s = ‖W X − Y‖²_F (quartic);
///     ∇f(W) = S Xᵀ,  S_ik = −Y_ik / (1 + exp(Y_ik (W X)_ik))  (logistic).
///
/// With λ = μ = 0 the balancedness matrices D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ are conserved; with weight decay λ they
/// decay as e^{−2λt}D_j(0); the first-layer penalty μ makes the loss depend on more than the product, and D_1 moves.
/// The field is written once over `DynamicsScalar` (3N − 3 products per evaluation), so it runs in the Taylor tracer.
/// State block j holds W_{j+1}, row-major.
public struct DeepLinearNetworkGradientFlow: VectorField {
    /// The widths d_0 … d_N.
    public let widths: [Int]
    /// C = X Xᵀ (d_0 × d_0), exact.
    public let covariance: Matrix<Rational>
    /// Y Xᵀ (d_N × d_0), exact.
    public let crossCovariance: Matrix<Rational>
    /// The weight decay λ applied to every layer.
    public let weightDecay: Rational
    /// The penalty μ on the first layer only (the loss gains μ/2·‖W_1‖²_F).
    public let firstLayerPenalty: Rational
    /// The loss of the end-to-end matrix.
    public let loss: DeepLinearNetworkLoss
    /// X (d_0 × m), kept for the quartic and logistic losses.
    public let x: Matrix<Rational>
    /// Y (d_N × m).
    public let y: Matrix<Rational>

    /// The flow for data X (d_0 × m) and Y (d_N × m).
    ///
    /// - Throws: `ModelError` when the widths and the data do not fit.
    public init(widths: [Int], x: Matrix<Rational>, y: Matrix<Rational>, loss: DeepLinearNetworkLoss = .square,
                weightDecay: Rational = 0, firstLayerPenalty: Rational = 0) throws(ModelError) {
        guard widths.count >= 2 else { throw ModelError.noLayers }
        guard x.rowCount == widths[0], y.rowCount == widths[widths.count - 1], x.columnCount == y.columnCount else {
            throw ModelError.dataShapeMismatch(inputDimension: widths[0], outputDimension: widths[widths.count - 1],
                                               x: x.shape, y: y.shape)
        }
        self.widths = widths
        covariance = x * x.transposed()
        crossCovariance = y * x.transposed()
        self.weightDecay = weightDecay
        self.firstLayerPenalty = firstLayerPenalty
        self.loss = loss
        self.x = x
        self.y = y
    }

    /// The depth N.
    public var depth: Int { widths.count - 1 }

    /// Σ_j d_j d_{j−1}.
    public var dimension: Int { (1...depth).reduce(0) { $0 + widths[$1] * widths[$1 - 1] } }

    /// Blocks W1 … WN.
    public var layout: StateLayout {
        StateLayout(blocks: (1...depth).map { .matrix("W\($0)", rows: widths[$0], columns: widths[$0 - 1]) })
    }

    /// The flattened state of the layers W_1 … W_N.
    public static func state(of layers: [Matrix<Rational>]) -> [Rational] {
        layers.flatMap { w in (0..<w.rowCount).flatMap { i in (0..<w.columnCount).map { j in w[i, j] } } }
    }

    /// The layers W_1 … W_N of a state.
    public func layers<T: Scalar & DynamicsScalar>(of state: [T]) -> [Matrix<T>] {
        let layout = self.layout
        return (0..<depth).map { b in
            let m = StateMatrix(state, layout, block: b)
            return Matrix(rows: m.rows, columns: m.columns) { i, j in m[i, j] }
        }
    }

    /// The vector field.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let layout = self.layout
        let w = (0..<depth).map { StateMatrix(state, layout, block: $0) }
        func constant(_ m: Matrix<Rational>) -> StateMatrix<T> {
            StateMatrix(rows: m.rowCount, columns: m.columnCount,
                        entries: (0..<m.rowCount).flatMap { i in (0..<m.columnCount).map { j in T(m[i, j]) } })
        }
        var prefix = [w[0]]
        for j in 1..<depth { prefix.append(w[j] * prefix[j - 1]) }
        var gradient: StateMatrix<T>
        switch loss {
        case .square:
            gradient = prefix[depth - 1] * constant(covariance) - constant(crossCovariance)
        case .quartic:
            let misfit = prefix[depth - 1] * constant(x) - constant(y)
            let squaredNorm = misfit.entries.dropFirst().reduce(misfit.entries[0] * misfit.entries[0]) { $0 + $1 * $1 }
            gradient = squaredNorm * (prefix[depth - 1] * constant(covariance) - constant(crossCovariance))
        case .logistic:
            // S_ik = −Y_ik / (1 + exp(Y_ik (W X)_ik)), ∇f(W) = S Xᵀ.
            let z = prefix[depth - 1] * constant(x)
            let labels = constant(y), one = T(1)
            let s = StateMatrix(rows: z.rows, columns: z.columns, entries: z.entries.indices.map { k in
                -labels.entries[k] / (one + T.exp(labels.entries[k] * z.entries[k]))
            })
            gradient = StateMatrix.productTranspose(s, constant(x))
        }
        var residual = Array(repeating: gradient, count: depth)
        for j in stride(from: depth - 2, through: 0, by: -1) {
            residual[j] = StateMatrix.transposeProduct(w[j + 1], residual[j + 1])
        }
        let lambda = T(weightDecay), mu = T(firstLayerPenalty)
        let hasDecay = !weightDecay.isZero, hasPenalty = !firstLayerPenalty.isZero
        for j in 0..<depth {
            var velocity = j == 0 ? -residual[0] : -StateMatrix.productTranspose(residual[j], prefix[j - 1])
            if hasDecay { velocity = velocity - lambda * w[j] }
            if hasPenalty && j == 0 { velocity = velocity - mu * w[0] }
            velocity.write(into: &derivative, layout, block: j)
        }
    }
}
