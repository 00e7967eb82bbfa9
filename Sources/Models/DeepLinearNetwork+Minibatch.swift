import LinearAlgebra
import MultiPrecision
import RealModule

extension DeepLinearNetwork {
    /// The layer gradients of the minibatch square loss
    ///
    ///     L_B(W) = (m / 2b) Σ_{i ∈ B} ‖W x_i − y_i‖²      (B a list of b column indices of the m data points),
    ///
    /// whose expectation under uniform sampling is the full loss ½‖W X − Y‖²_F, and which equals it for the full
    /// batch. L_B is a function of the product W = W_N ⋯ W_1, so G_j = W_{N:j+1}ᵀ ∇L_B(W) W_{j−1:1}ᵀ with
    /// ∇L_B(W) = (m/b)(W X_B − Y_B) X_Bᵀ, and the exact balancedness law of a gradient step holds for every batch.
    ///
    /// With `targetShift` (d_N × b), the batch targets are Y_B + shift: label noise drawn per step. The loss is
    /// still a function of the product, so the balancedness law still holds.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    /// - Precondition: `batch` is non-empty with indices in 0..<m; a shift is d_N × b.
    @_specialize(where Element == BigFloat)
    public func minibatchSquareLossGradients(x: Matrix<Element>, y: Matrix<Element>, batch: [Int],
                                             targetShift: Matrix<Element>? = nil) throws(ModelError) -> [Matrix<Element>] {
        try checkData(x: x, y: y)
        precondition(!batch.isEmpty && batch.allSatisfy { (0..<x.columnCount).contains($0) }, "minibatch: bad indices")
        let xB = Matrix(rows: x.rowCount, columns: batch.count) { i, j in x[i, batch[j]] }
        var yB = Matrix(rows: y.rowCount, columns: batch.count) { i, j in y[i, batch[j]] }
        if let targetShift {
            precondition(targetShift.rowCount == yB.rowCount && targetShift.columnCount == yB.columnCount,
                         "minibatch: the target shift is \(targetShift.shape), the batch targets \(yB.shape)")
            yB = yB + targetShift
        }
        guard let m = Element(exactly: x.columnCount), let b = Element(exactly: batch.count) else {
            preconditionFailure("minibatch: \(x.columnCount) samples are not representable")
        }
        let weight: Element = m / b
        let residual: Matrix<Element> = endToEnd * xB - yB
        return layerGradients(endToEndGradient: weight * (residual * xB.transposed()))
    }
}
