import LinearAlgebra

/// A loss of a deep linear network that depends on the layers only through the end-to-end matrix W = W_N ⋯ W_1,
/// with data X (d_0 × m) and Y (d_N × m). For every such loss the layer gradients are
/// G_j = W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ, and gradient flow conserves the balancedness matrices (THEORY.md §1.2–1.3).
public enum DeepLinearNetworkLoss: String, Sendable, CaseIterable {
    /// The square loss f(W) = ½‖W X − Y‖²_F, with ∇f(W) = (W X − Y)Xᵀ.
    case square
    /// The quartic loss f(W) = ¼‖W X − Y‖⁴_F, with ∇f(W) = ‖W X − Y‖²_F·(W X − Y)Xᵀ (for X = I, Y = Φ it is
    /// ¼‖W − Φ‖⁴_F): a second loss of the product alone, not quadratic, so conservation cannot rest on linearity.
    case quartic
}

extension DeepLinearNetwork {
    /// The value of `loss` at the network's end-to-end matrix.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func loss(_ loss: DeepLinearNetworkLoss, x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> Element {
        let half = try squareLoss(x: x, y: y)
        switch loss {
        case .square: return half
        case .quartic: return half * half      // ¼‖R‖⁴ = (½‖R‖²)²
        }
    }

    /// The layer gradients G_j = ∂L/∂W_j of `loss`: for the quartic loss, ‖W X − Y‖²_F times those of the square
    /// loss (the chain rule through f(W) = (½‖W X − Y‖²_F)²).
    ///
    /// - Returns: [G_1, …, G_N], each with the shape of its layer.
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    public func lossGradients(_ loss: DeepLinearNetworkLoss, x: Matrix<Element>,
                              y: Matrix<Element>) throws(ModelError) -> [Matrix<Element>] {
        let gradients = try squareLossGradients(x: x, y: y)
        switch loss {
        case .square: return gradients
        case .quartic:
            let factor = try squareLoss(x: x, y: y) * 2
            return gradients.map { factor * $0 }
        }
    }
}
