import MultiPrecision
import LinearAlgebra

/// The pieces of one gradient-descent step on a product of layers W = W_N⋯W_1 that every such map shares, run in
/// place on the caller's work matrices (`LayerDescentWorkMatrices`). The state is the layers' entries, row-major,
/// layer after layer.
public enum LayerDescent {
    /// Copies the layers W_1, …, W_N out of the flat `state` into `layers` (whose shapes say where each layer lies).
    @_specialize(where T == BigFloat)
    public static func load<T: IntegrationScalar>(_ state: [T], into layers: inout [Matrix<T>]) {
        var offset = 0
        for j in layers.indices {
            let columns = layers[j].columnCount
            for r in 0..<layers[j].rowCount { for c in 0..<columns { layers[j][r, c].set(state[offset + r * columns + c]) } }
            offset += layers[j].rowCount * columns
        }
    }

    /// W_j ← W_j − η G_j for every layer, with G_j = (W_{N:j+2}ᵀ ∇f) W_{j:1}ᵀ, the gradient of f(W_N⋯W_1) with respect
    /// to W_{j+1} (0-based j), written into the flat `next` (`LayerDescentWorkMatrices.formGradients(outer:)`, then
    /// one product by η and one difference per entry).
    /// - Parameters:
    ///   - state: the layers' entries now.
    ///   - layers: W_1, …, W_N (their shapes say where each layer's entries lie).
    ///   - work: the work matrices, with the partial products of `layers` formed.
    ///   - outer: ∇f at W.
    ///   - eta: the step size η.
    ///   - term: a work scalar.
    ///   - next: receives the layers' entries after the step.
    @_specialize(where T == BigFloat)
    public static func step<T: IntegrationScalar>(
        _ state: [T], layers: [Matrix<T>], work: inout LayerDescentWorkMatrices<T>, outer: Matrix<T>, stepSize eta: T,
        term: inout T, into next: inout [T]
    ) {
        work.formGradients(outer: outer)
        var offset = 0
        for j in layers.indices {
            let g = work.gradient(j, outer: outer)
            let columns = layers[j].columnCount
            for r in 0..<layers[j].rowCount {
                for c in 0..<columns {
                    term.formProduct(eta, g[r, c])
                    next[offset + r * columns + c].formDifference(state[offset + r * columns + c], term)
                }
            }
            offset += layers[j].rowCount * columns
        }
    }
}
