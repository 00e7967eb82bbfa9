import LinearAlgebra
import MultiPrecision
import RealModule

/// A deep linear network W = W_N ⋯ W_1 with layers W_j ∈ ℝ^{d_j × d_{j−1}}, generic over the scalar field.
///
/// The same code runs exactly over `Rational` (for identities that must hold to the last digit) and rounded over
/// `BigFloat` at any precision (for bounds with an error estimate). Notation follows docs/theory.md §0–§1:
/// `W_{b:a} = W_b ⋯ W_a`, the end-to-end matrix `W = W_{N:1}`, and the balancedness matrices
/// `D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ` (j = 1 … N−1).
///
/// ```swift
/// let net = try DeepLinearNetwork<Rational>(layers: [w1, w2, w3])
/// let g = try net.squareLossGradients(x: x, y: y)             // [G_1, …, G_N]
/// let next = net.gradientDescentStep(stepSize: Rational("1/100")!, gradients: g)
/// ```
public struct DeepLinearNetwork<Element: OrderedField>: Sendable {
    /// The layers W_1 … W_N (index 0 holds W_1).
    public private(set) var layers: [Matrix<Element>]

    /// Creates a network from its layers W_1 … W_N.
    ///
    /// - Throws: `ModelError.noLayers` for an empty list, `ModelError.layerShapeMismatch` when W_{j+1} does not
    ///   take W_j's output (its column count differs from W_j's row count).
    public init(layers: [Matrix<Element>]) throws(ModelError) {
        guard !layers.isEmpty else { throw ModelError.noLayers }
        for j in 1..<layers.count where layers[j].columnCount != layers[j - 1].rowCount {
            throw ModelError.layerShapeMismatch(layer: j + 1, expectedColumns: layers[j - 1].rowCount,
                                                found: layers[j].shape)
        }
        self.layers = layers
    }

    /// The depth N (the number of layers).
    public var depth: Int { layers.count }

    /// The widths d_0 … d_N: the input dimension, the hidden widths and the output dimension.
    public var widths: [Int] {
        var widths = [layers[0].columnCount]
        widths.reserveCapacity(layers.count + 1)
        for layer in layers { widths.append(layer.rowCount) }   // (no key path: this runs per step, unspecialized)
        return widths
    }

    /// The end-to-end matrix W = W_N ⋯ W_1 (d_N × d_0).
    ///
    /// - Complexity: N − 1 matrix products.
    public var endToEnd: Matrix<Element> {
        @_specialize(where Element == BigFloat)
        get { layers.dropFirst().reduce(layers[0]) { product, layer in layer * product } }
    }

    /// The balancedness matrices D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ ∈ ℝ^{d_j × d_j} for j = 1 … N−1 (index 0 holds D_1).
    ///
    /// Gradient flow conserves every D_j (docs/theory.md §1.3); one gradient-descent step changes D_j by exactly
    /// η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) (§1.4).
    public var balancedness: [Matrix<Element>] {
        (0..<(depth - 1)).map { j in
            layers[j + 1].transposed() * layers[j + 1] - layers[j] * layers[j].transposed()
        }
    }

    /// The square loss ½‖W X − Y‖²_F.
    ///
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    @_specialize(where Element == BigFloat)
    public func squareLoss(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> Element {
        try checkData(x: x, y: y)
        let residual = endToEnd * x - y
        return residual.frobeniusInnerProduct(residual) / 2
    }

    /// The layer gradients G_j = ∂L/∂W_j of the square loss L = ½‖W X − Y‖²_F (docs/theory.md §1.2):
    ///
    ///     G_j = W_{N:j+1}ᵀ (W X − Y) Xᵀ W_{j−1:1}ᵀ        (empty products are identities)
    ///
    /// - Returns: [G_1, …, G_N], each with the shape of its layer.
    /// - Throws: `ModelError.dataShapeMismatch` when X is not d_0 × m or Y is not d_N × m.
    /// - Complexity: O(N) matrix products (prefix and suffix products are formed once).
    @_specialize(where Element == BigFloat)
    public func squareLossGradients(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) -> [Matrix<Element>] {
        try checkData(x: x, y: y)
        return layerGradients(endToEndGradient: (endToEnd * x - y) * x.transposed())   // ∇f(W) = (W X − Y) Xᵀ
    }

    /// The layer gradients G_j = W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ of a loss L = f(W_N ⋯ W_1) of the product, given
    /// ∇f at the end-to-end matrix (docs/theory.md §1.2).
    ///
    /// - Precondition: `endToEndGradient` is d_N × d_0.
    /// - Returns: [G_1, …, G_N], each with the shape of its layer.
    /// - Complexity: O(N) matrix products (prefix and suffix products are formed once).
    @_specialize(where Element == BigFloat)
    public func layerGradients(endToEndGradient outer: Matrix<Element>) -> [Matrix<Element>] {
        let inputs = layers[0].columnCount, outputs = layers[depth - 1].rowCount
        precondition(outer.rowCount == outputs && outer.columnCount == inputs,
                     "layerGradients: ∇f(W) is \(outer.shape), the network needs \(outputs)×\(inputs)")
        // prefix[j] = W_{j:1} (j ≥ 1); suffix[j] = W_{N:j+1} (j ≤ N − 1). The identities prefix[0] = I_{d_0} and
        // suffix[N] = I_{d_N} are left out of the products (multiplying by them is exact, so the values are the same).
        var prefix: [Matrix<Element>] = depth > 1 ? [layers[0], layers[0]] : [layers[0]]
        for j in stride(from: 2, to: depth, by: 1) { prefix.append(layers[j - 1] * prefix[j - 1]) }
        var suffix = [Matrix<Element>](repeating: layers[depth - 1], count: depth + 1)
        for j in stride(from: depth - 2, through: 1, by: -1) { suffix[j] = suffix[j + 1] * layers[j] }
        return (0..<depth).map { j in
            let left = j == depth - 1 ? outer : suffix[j + 1].transposed() * outer
            return j == 0 ? left : left * prefix[j].transposed()
        }
    }

    /// One simultaneous gradient-descent step W_j ← W_j − η G_j for every layer.
    ///
    /// - Precondition: `gradients` has one matrix per layer, each of its layer's shape.
    @_specialize(where Element == BigFloat)
    public func gradientDescentStep(stepSize: Element, gradients: [Matrix<Element>]) -> DeepLinearNetwork {
        precondition(gradients.count == depth, "gradientDescentStep: \(gradients.count) gradients for \(depth) layers")
        var next = self
        for j in 0..<depth { next.layers[j] = layers[j] - stepSize * gradients[j] }
        return next
    }

    /// Throws when the data do not fit the network.
    func checkData(x: Matrix<Element>, y: Matrix<Element>) throws(ModelError) {
        guard x.rowCount == layers[0].columnCount, y.rowCount == layers[depth - 1].rowCount,
              x.columnCount == y.columnCount else {
            throw ModelError.dataShapeMismatch(inputDimension: widths[0], outputDimension: widths[depth],
                                               x: x.shape, y: y.shape)
        }
    }
}

extension DeepLinearNetwork {
    /// The second-order term of the exact one-step change of the balancedness matrices (docs/theory.md §1.4):
    ///
    ///     D_j⁺ − D_j = η² (G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)        (j = 1 … N−1, exact for every η)
    ///
    /// - Returns: [G_2ᵀG_2 − G_1G_1ᵀ, …, G_NᵀG_N − G_{N−1}G_{N−1}ᵀ] (the η² coefficient, without η²).
    public static func balancednessStepCoefficients(gradients: [Matrix<Element>]) -> [Matrix<Element>] {
        (0..<max(0, gradients.count - 1)).map { j in
            gradients[j + 1].transposed() * gradients[j + 1] - gradients[j] * gradients[j].transposed()
        }
    }
}
