import LinearAlgebra
import RealModule

/// A loss of a deep linear network that depends on the layers only through the end-to-end matrix W = W_N ⋯ W_1,
/// with data X (d_0 × m) and Y (d_N × m). For every such loss the layer gradients are
/// G_j = W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ, and gradient flow conserves the balancedness matrices (docs/theory.md §1.2–1.3).
public enum DeepLinearNetworkLoss: String, Sendable, CaseIterable {
    /// The square loss f(W) = ½‖W X − Y‖²_F, with ∇f(W) = (W X − Y)Xᵀ.
    case square
    /// The quartic loss f(W) = ¼‖W X − Y‖⁴_F, with ∇f(W) = ‖W X − Y‖²_F·(W X − Y)Xᵀ (for X = I, Y = Φ it is
    /// ¼‖W − Φ‖⁴_F): a second loss of the product alone, not quadratic, so conservation cannot rest on linearity.
    case quartic
    /// The logistic loss f(W) = Σ_{i,k} ln(1 + exp(−Y_{ik}(W X)_{ik})), with ∇f(W) = S Xᵀ,
    /// S_{ik} = −Y_{ik} / (1 + exp(Y_{ik}(W X)_{ik})): a transcendental loss of the product (labels Y, usually ±1).
    case logistic
}

extension DeepLinearNetwork {
    /// The quartic loss ¼‖W X − Y‖⁴_F = (½‖W X − Y‖²_F)², exact over any ordered field.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func quarticLoss(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> Element {
        let half = try squareLoss(x: x, y: y)
        return half * half
    }

    /// The layer gradients of the quartic loss: ‖W X − Y‖²_F times those of the square loss (the chain rule through
    /// f(W) = (½‖W X − Y‖²_F)²).
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func quarticLossGradients(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> [Matrix<Element>] {
        let factor = try squareLoss(x: x, y: y) * 2
        return try squareLossGradients(x: x, y: y).map { factor * $0 }
    }
}

extension DeepLinearNetwork where Element: ElementaryFunctions {
    /// The logistic loss Σ_{i,k} ln(1 + exp(−Y_{ik}(W X)_{ik})), each term by log1p.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func logisticLoss(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> Element {
        try checkData(x: x, y: y)
        let z = endToEnd * x
        var total = Element.zero
        for i in 0..<z.rowCount {
            for k in 0..<z.columnCount { total += Element.log(onePlus: Element.exp(-y[i, k] * z[i, k])) }
        }
        return total
    }

    /// The layer gradients of the logistic loss: `layerGradients(endToEndGradient:)` of ∇f(W) = S Xᵀ with
    /// S_{ik} = −Y_{ik} / (1 + exp(Y_{ik}(W X)_{ik})).
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func logisticLossGradients(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> [Matrix<Element>] {
        try checkData(x: x, y: y)
        let z = endToEnd * x
        let s = Matrix(rows: z.rowCount, columns: z.columnCount) { i, k in -y[i, k] / (1 + Element.exp(y[i, k] * z[i, k])) }
        return layerGradients(endToEndGradient: s * x.transposed())
    }

    /// The value of `loss` at the network's end-to-end matrix.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func loss(_ loss: DeepLinearNetworkLoss, x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> Element {
        switch loss {
        case .square: return try squareLoss(x: x, y: y)
        case .quartic: return try quarticLoss(x: x, y: y)
        case .logistic: return try logisticLoss(x: x, y: y)
        }
    }

    /// The layer gradients G_j = ∂L/∂W_j of `loss`.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func lossGradients(_ loss: DeepLinearNetworkLoss, x: Matrix<Element>,
                              y: Matrix<Element>) throws(ModelError) -> [Matrix<Element>] {
        switch loss {
        case .square: return try squareLossGradients(x: x, y: y)
        case .quartic: return try quarticLossGradients(x: x, y: y)
        case .logistic: return try logisticLossGradients(x: x, y: y)
        }
    }
}
