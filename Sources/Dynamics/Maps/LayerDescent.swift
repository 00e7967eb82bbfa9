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

    /// The partial products of the layers, in place: prefix[j] ← W_{j:1} = W_j(⋯(W_2 W_1)) for 1 ≤ j ≤ `last`, and
    /// suffix[j] ← W_{N:j+1} = ((W_N W_{N−1})⋯)W_{j+1} for 1 ≤ j ≤ N − 1 (suffix[0], which no gradient reads, is not
    /// formed; prefix[0] = I and suffix[N] = I are not read).
    ///
    /// prefix[1] and suffix[N − 1] are copies of W_1 and W_N. A product by an identity matrix adds only exact zeros to
    /// each entry, so the values are those of W_j(⋯(W_1 I)) and (I W_N)⋯W_{j+1}; only the sign of a zero entry can
    /// differ (the product's sum of signed zeros gives +0 where the copy keeps −0).
    @_specialize(where T == BigFloat)
    public static func formPartialProducts<T: IntegrationScalar>(
        _ layers: [Matrix<T>], prefixThrough last: Int, prefix: inout [Matrix<T>], suffix: inout [Matrix<T>]
    ) {
        let depth = layers.count
        if last >= 1 { copy(layers[0], into: &prefix[1]) }
        if last >= 2 {
            for j in 1..<last {
                let right = prefix[j]
                Matrix.multiply(layers[j], right, into: &prefix[j + 1])
            }
        }
        if depth >= 2 {
            copy(layers[depth - 1], into: &suffix[depth - 1])
            for j in stride(from: depth - 2, through: 1, by: -1) {
                let product = suffix[j + 1]
                Matrix.multiply(product, layers[j], into: &suffix[j])
            }
        }
    }

    /// target ← source entry by entry (same shape; exact when the precisions agree, as for work matrices).
    private static func copy<T: IntegrationScalar>(_ source: Matrix<T>, into target: inout Matrix<T>) {
        for r in 0..<source.rowCount { for c in 0..<source.columnCount { target[r, c].set(source[r, c]) } }
    }

    /// The layer gradients G_j = (W_{N:j+2}ᵀ ∇f) W_{j:1}ᵀ, j = 0 … N − 1 (0-based), in place and without the products
    /// by the identities W_{N:N+1} = I (last layer) and W_{0:1} = I (first layer), which are exact (see
    /// `formPartialProducts`): left[j] ← W_{N:j+2}ᵀ∇f for j < N − 1, and gradient[j] ← (left[j] or ∇f)·W_{j:1}ᵀ for
    /// j ≥ 1. `gradient(_:depth:outer:left:gradient:)` names the matrix that then holds G_j.
    /// - Parameters:
    ///   - depth: the number of layers N.
    ///   - prefix: prefix[j] = W_{j:1}, for 1 ≤ j < N.
    ///   - suffix: suffix[j] = W_{N:j+1}, for 1 ≤ j < N.
    ///   - outer: ∇f at W.
    ///   - left: work matrices for W_{N:j+2}ᵀ∇f.
    ///   - gradient: work matrices for G_j, j ≥ 1.
    @_specialize(where T == BigFloat)
    public static func formGradients<T: IntegrationScalar>(
        depth: Int, prefix: [Matrix<T>], suffix: [Matrix<T>], outer: Matrix<T>, left: inout [Matrix<T>],
        gradient: inout [Matrix<T>]
    ) {
        let last = depth - 1
        for j in 0..<depth {
            if j < last { Matrix.multiply(transposeOf: suffix[j + 1], outer, into: &left[j]) }
            if j > 0 { Matrix.multiply(j < last ? left[j] : outer, transposeOf: prefix[j], into: &gradient[j]) }
        }
    }

    /// The matrix holding G_j after `formGradients`: gradient[j] for j ≥ 1; for the first layer W_{N:2}ᵀ∇f (left[0]),
    /// or ∇f itself when there is one layer.
    @inline(__always)
    public static func gradient<T: IntegrationScalar>(_ j: Int, depth: Int, outer: Matrix<T>, left: [Matrix<T>],
                                                      gradient: [Matrix<T>]) -> Matrix<T> {
        j > 0 ? gradient[j] : depth > 1 ? left[0] : outer
    }

    /// W_j ← W_j − η G_j for every layer, with G_j = (W_{N:j+2}ᵀ ∇f) W_{j:1}ᵀ, the gradient of f(W_N⋯W_1) with respect
    /// to W_{j+1} (0-based j), written into the flat `next`. The products by the identities W_{N:N+1} = I (last layer)
    /// and W_{0:1} = I (first layer) are skipped: they are exact (see `formPartialProducts`).
    /// - Parameters:
    ///   - state: the layers' entries now.
    ///   - layers: W_1, …, W_N (their shapes say where each layer's entries lie).
    ///   - prefix: prefix[j] = W_{j:1}, for 1 ≤ j < N.
    ///   - suffix: suffix[j] = W_{N:j+1}, for 1 ≤ j < N.
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
        formGradients(depth: layers.count, prefix: prefix, suffix: suffix, outer: outer, left: &left,
                      gradient: &gradient)
        var offset = 0
        for j in layers.indices {
            let g = Self.gradient(j, depth: layers.count, outer: outer, left: left, gradient: gradient)
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
