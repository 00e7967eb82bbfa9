import LinearAlgebra
import MultiPrecision

/// A bias-free deep linear classifier f(W; x) = W_K ⋯ W_1 x (scalar output, d_K = 1) with the exponential loss
/// L(W) = Σ_n exp(−y_n f(W; x_n)) on labelled data: the smooth instance of docs/theory.md §2 (Poggio–Banburski–Liao).
/// f is positively 1-homogeneous in each layer, so the polar quantities ρ_k = ‖W_k‖_F, V_k = W_k/ρ_k of §2.1–2.3
/// apply. Generic over the element type; Attest evaluates it in `BigFloat`.
public struct DeepLinearClassifier<Element: OrderedField>: Sendable {
    /// The layers W_1 … W_K (W_k is d_k × d_{k−1}, d_K = 1).
    public var layers: [Matrix<Element>]
    /// The inputs, d_0 × M (columns are data points).
    public let inputs: Matrix<Element>
    /// The labels y_n ∈ {±1}.
    public let labels: [Element]

    /// Creates the classifier.
    ///
    /// - Throws: `ModelError` when the layer shapes do not chain, the output is not scalar, or the data do not fit.
    public init(layers: [Matrix<Element>], inputs: Matrix<Element>, labels: [Element]) throws(ModelError) {
        let network = try DeepLinearNetwork(layers: layers)
        guard layers.last!.rowCount == 1, inputs.rowCount == layers[0].columnCount, labels.count == inputs.columnCount else {
            throw .dataShapeMismatch(inputDimension: layers[0].columnCount, outputDimension: network.widths.last!,
                                     x: inputs.shape, y: MatrixShape(rows: 1, columns: labels.count))
        }
        self.layers = layers
        self.inputs = inputs
        self.labels = labels
    }

    /// The outputs f(W; x_n) and the per-sample layer gradients ∂f(W; x_n)/∂W_k, for the given layers.
    public func outputsAndGradients(_ w: [Matrix<Element>]) -> (outputs: [Element], gradients: [[Matrix<Element>]]) {
        let k = w.count
        // above[j] = W_K ⋯ W_{j+2} (1 × d_{j+1}); below[j] = W_j ⋯ W_1 X (d_j × M).
        var below = [inputs]
        for j in 0..<k { below.append(w[j] * below[j]) }
        var above = Array(repeating: Matrix<Element>.identity(1), count: k)
        for j in stride(from: k - 2, through: 0, by: -1) { above[j] = above[j + 1] * w[j + 1] }
        let m = inputs.columnCount
        let outputs = (0..<m).map { below[k][0, $0] }
        let gradients = (0..<m).map { n in
            (0..<k).map { j in
                Matrix<Element>(rows: w[j].rowCount, columns: w[j].columnCount) { r, c in above[j][0, r] * below[j][c, n] }
            }
        }
        return (outputs, gradients)
    }
}

extension Matrix where Element: OrderedField {
    /// The n × n identity (internal helper for the classifier).
    static func identity(_ n: Int) -> Matrix { Matrix(rows: n, columns: n) { $0 == $1 ? 1 : 0 } }
}
