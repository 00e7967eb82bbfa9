import MultiPrecision
import LinearAlgebra

/// The pieces of one gradient-descent step on a product of layers W = W_N⋯W_1 that every such map shares, run in
/// place on the caller's work matrices. The state is the layers' entries, row-major, layer after layer.
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
    /// to W_{j+1} (0-based j), written into the flat `next`.
    /// - Parameters:
    ///   - state: the layers' entries now.
    ///   - layers: W_1, …, W_N (their shapes say where each layer's entries lie).
    ///   - prefix: prefix[j] = W_{j:1} (prefix[0] = I), for j < N.
    ///   - suffix: suffix[j] = W_{N:j+1} (suffix[N] = I), for j ≥ 1.
    ///   - outer: ∇f at W.
    ///   - eta: the step size η.
    ///   - left: work matrices for W_{N:j+2}ᵀ∇f.
    ///   - gradient: work matrices for G_j.
    ///   - term: a work scalar.
    ///   - next: receives the layers' entries after the step.
    @_specialize(where T == BigFloat)
    public static func step<T: IntegrationScalar>(
        _ state: [T], layers: [Matrix<T>], prefix: [Matrix<T>], suffix: [Matrix<T>], outer: Matrix<T>, stepSize eta: T,
        left: inout [Matrix<T>], gradient: inout [Matrix<T>], term: inout T, into next: inout [T]
    ) {
        var offset = 0
        for j in layers.indices {
            Matrix.multiply(transposeOf: suffix[j + 1], outer, into: &left[j])
            Matrix.multiply(left[j], transposeOf: prefix[j], into: &gradient[j])
            let columns = layers[j].columnCount
            for r in 0..<layers[j].rowCount {
                for c in 0..<columns {
                    term.formProduct(eta, gradient[j][r, c])
                    next[offset + r * columns + c].formDifference(state[offset + r * columns + c], term)
                }
            }
            offset += layers[j].rowCount * columns
        }
    }
}
