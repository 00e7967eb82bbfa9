import LinearAlgebra

extension DeepLinearNetwork {
    /// The layer gradients of a loss that depends on the network only through its end-to-end matrix, L = f(W),
    /// given G = ∇f(W) (d_N × d_0), by the chain rule (THEORY.md §1.2):
    ///
    ///     ∂L/∂W_j = W_{N:j+1}ᵀ G W_{j−1:1}ᵀ        (empty products are identities)
    ///
    /// Matrix sensing and completion losses (THEORY.md §5.3) use it with G = 2 Σ_i (⟨A_i, W⟩ − y_i) A_i.
    ///
    /// - Precondition: G is d_N × d_0.
    /// - Complexity: O(N) matrix products.
    public func layerGradients(endToEndGradient g: Matrix<Element>) -> [Matrix<Element>] {
        precondition(g.rowCount == widths[depth] && g.columnCount == widths[0], "layerGradients: G must be d_N × d_0")
        var prefix: [Matrix<Element>] = [Matrix.identity(widths[0])]
        for layer in layers.dropLast() { prefix.append(layer * prefix[prefix.count - 1]) }
        var suffix = Matrix<Element>.identity(widths[depth])
        var gradients = [Matrix<Element>](repeating: g, count: depth)
        for j in stride(from: depth - 1, through: 0, by: -1) {
            gradients[j] = suffix.transposed() * g * prefix[j].transposed()
            suffix = suffix * layers[j]
        }
        return gradients
    }
}
