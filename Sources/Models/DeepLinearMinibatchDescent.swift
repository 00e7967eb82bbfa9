import Dynamics
import LinearAlgebra
import MultiPrecision

/// Minibatch SGD on a `BigFloat` deep linear network in preallocated matrices. One `step(batch:stepSize:)` is
///
///     ∇ = (m/b)(W_{N:1} X_B − Y_B) X_Bᵀ,   G_j = W_{N:j+1}ᵀ ∇ W_{j−1:1}ᵀ,   W_j ← W_j − η G_j,
///
/// with the same MPFR operations in the same order as `minibatchSquareLossGradients` followed by
/// `gradientDescentStep` (each product entry one `mpfr_mul` then one `mpfr_fma` per further term, each scalar multiple
/// and difference one rounding), so the layers are the same bit for bit; the partial products W_{j:1} of the
/// end-to-end matrix serve the gradients as well (they are the same values). Nothing is allocated per step. Every
/// work matrix is at the precision current when the descent is made, as the value-returning operations' results are.
public struct DeepLinearMinibatchDescent {
    /// The layers W_1 … W_N after the steps so far.
    public private(set) var layers: [Matrix<BigFloat>]
    private let x: Matrix<BigFloat>, y: Matrix<BigFloat>, weight: BigFloat
    /// X_B, Y_B; the partial products W_{j:1} (the last is the end-to-end matrix) and W_{N:j+1}, and the gradients,
    /// formed as for the full-batch maps (`LayerDescentWorkMatrices`); W X_B − Y_B; ∇; η G_j of one entry.
    private var xB: Matrix<BigFloat>, yB: Matrix<BigFloat>, products: LayerDescentWorkMatrices<BigFloat>
    private var residual: Matrix<BigFloat>, outer: Matrix<BigFloat>, scaled: BigFloat

    /// A descent from `network` on the data X (d_0 × m), Y (d_N × m) with batches of `batchSize` columns.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when the data do not fit the network.
    public init(_ network: DeepLinearNetwork<BigFloat>, x: Matrix<BigFloat>, y: Matrix<BigFloat>, batchSize: Int) throws(ModelError) {
        try network.checkData(x: x, y: y)
        precondition(batchSize >= 1, "DeepLinearMinibatchDescent: empty batches")
        let layers = network.layers, n = layers.count
        self.layers = layers
        (self.x, self.y) = (x, y)
        guard let m = BigFloat(exactly: x.columnCount), let b = BigFloat(exactly: batchSize) else {
            preconditionFailure("minibatch: \(x.columnCount) samples are not representable")
        }
        weight = m / b
        func zeros(_ rows: Int, _ columns: Int) -> Matrix<BigFloat> { .zeros(rows: rows, columns: columns) }
        let inputs = layers[0].columnCount, outputs = layers[n - 1].rowCount
        xB = zeros(inputs, batchSize)
        yB = zeros(outputs, batchSize)
        products = LayerDescentWorkMatrices(widths: [inputs] + layers.map(\.rowCount))
        residual = zeros(outputs, batchSize)
        outer = zeros(outputs, inputs)
        scaled = BigFloat.zero
    }

    /// The network after the steps so far.
    public var network: DeepLinearNetwork<BigFloat> {
        // The layers fit by construction.
        try! DeepLinearNetwork(layers: layers)
    }

    /// One step on the batch `batch` (b column indices of the data, repeats allowed) with step size η.
    ///
    /// - Precondition: `batch` has the batch size's count, with indices in 0..<m.
    public mutating func step(batch: [Int], stepSize eta: BigFloat) {
        let n = layers.count
        precondition(batch.count == xB.columnCount && batch.allSatisfy { (0..<x.columnCount).contains($0) },
                     "DeepLinearMinibatchDescent: bad batch")
        for (column, sample) in batch.enumerated() {
            for i in 0..<x.rowCount { xB[i, column] = x[i, sample] }
            for i in 0..<y.rowCount { yB[i, column] = y[i, sample] }
        }
        // W_{j:1} = W_j W_{j−1:1}, as the end-to-end matrix is formed, and W_{N:j+1} = W_{N:j+2} W_{j+1}.
        products.formPartialProducts(layers)
        Matrix.multiply(products.endToEnd, xB, into: &residual)
        for i in 0..<residual.rowCount {
            for k in 0..<residual.columnCount { residual[i, k].subtract(yB[i, k]) }
        }
        Matrix.multiply(residual, transposeOf: xB, into: &outer)
        for i in 0..<outer.rowCount {
            for k in 0..<outer.columnCount { outer[i, k].multiply(by: weight) }
        }
        products.formGradients(outer: outer)
        for j in 0..<n {
            let g = products.gradient(j, outer: outer)
            for i in 0..<g.rowCount {
                for k in 0..<g.columnCount {
                    scaled.formProduct(eta, g[i, k])
                    layers[j][i, k].subtract(scaled)
                }
            }
        }
    }
}
