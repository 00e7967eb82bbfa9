import MultiPrecision
import LinearAlgebra

/// The work matrices of a gradient-descent step on a product of layers W = W_N⋯W_1 with widths d_0, …, d_N (W_j is
/// d_j × d_{j−1}), allocated once and reused by every step (with `BigFloat` a step allocates nothing):
/// - prefix[j] = W_{j:1} = W_j(⋯(W_2 W_1)), d_j × d_0, for 1 ≤ j ≤ N (prefix[N] is W);
/// - suffix[j] = W_{N:j+1} = ((W_N W_{N−1})⋯)W_{j+1}, d_N × d_j, for 1 ≤ j ≤ N − 1;
/// - left[j] = W_{N:j+2}ᵀ∇f, d_{j+1} × d_0, for 0 ≤ j ≤ N − 2;
/// - gradient[j] = G_j = ∂f(W)/∂W_{j+1} (0-based j), d_{j+1} × d_j, for 1 ≤ j ≤ N − 1.
///
/// The indices are those of the mathematics; the entries no step reads (prefix[0] = I, suffix[0], left[N − 1] and
/// gradient[0], since G_0 is left[0] or ∇f itself) are empty 0 × 0 placeholders. The products by the identities
/// W_{0:1} = I and W_{N:N+1} = I are never formed: a product by an identity adds only exact zeros to each entry, so the
/// values are those of the products with them; only the sign of a zero entry can differ (the product's sum of signed
/// zeros gives +0 where the copy keeps −0).
public struct LayerDescentWorkMatrices<T: IntegrationScalar> {
    /// The number of layers N.
    public let depth: Int
    /// prefix[j] = W_{j:1}, 1 ≤ j ≤ N.
    public private(set) var prefix: [Matrix<T>]
    /// suffix[j] = W_{N:j+1}, 1 ≤ j ≤ N − 1.
    public private(set) var suffix: [Matrix<T>]
    /// left[j] = W_{N:j+2}ᵀ∇f, 0 ≤ j ≤ N − 2.
    public private(set) var left: [Matrix<T>]
    /// gradient[j] = G_j, 1 ≤ j ≤ N − 1 (G_0 is `gradient(_:outer:)`).
    public private(set) var gradient: [Matrix<T>]

    /// Work matrices for layers of widths d_0, …, d_N (N ≥ 1), zero at the current precision.
    public init(widths d: [Int]) {
        precondition(d.count >= 2, "LayerDescentWorkMatrices: no layer")
        let n = d.count - 1
        depth = n
        let empty = Matrix<T>.zeros(rows: 0, columns: 0)
        prefix = [empty] + (1...n).map { .zeros(rows: d[$0], columns: d[0]) }
        suffix = [empty] + (1..<n).map { .zeros(rows: d[n], columns: d[$0]) }
        left = (0..<(n - 1)).map { .zeros(rows: d[$0 + 1], columns: d[0]) } + [empty]
        gradient = [empty] + (1..<n).map { .zeros(rows: d[$0 + 1], columns: d[$0]) }
    }

    /// W = W_N(⋯(W_2 W_1)) = prefix[N], after `formPartialProducts`.
    public var endToEnd: Matrix<T> { prefix[depth] }

    /// Forms prefix[j] = W_{j:1} for 1 ≤ j ≤ N and suffix[j] = W_{N:j+1} for 1 ≤ j ≤ N − 1 from `layers` (W_1, …, W_N):
    /// prefix[1] and suffix[N − 1] are copies of W_1 and W_N, each further one a product by one more layer.
    @_specialize(where T == BigFloat)
    public mutating func formPartialProducts(_ layers: [Matrix<T>]) {
        precondition(layers.count == depth, "LayerDescentWorkMatrices: \(layers.count) layers for depth \(depth)")
        Self.copy(layers[0], into: &prefix[1])
        for j in stride(from: 1, to: depth, by: 1) {
            let right = prefix[j]
            Matrix.multiply(layers[j], right, into: &prefix[j + 1])
        }
        if depth >= 2 {
            Self.copy(layers[depth - 1], into: &suffix[depth - 1])
            for j in stride(from: depth - 2, through: 1, by: -1) {
                let product = suffix[j + 1]
                Matrix.multiply(product, layers[j], into: &suffix[j])
            }
        }
    }

    /// Forms the layer gradients G_j = (W_{N:j+2}ᵀ ∇f) W_{j:1}ᵀ, j = 0 … N − 1 (0-based), from the partial products
    /// and `outer` = ∇f at W: left[j] ← W_{N:j+2}ᵀ∇f for j < N − 1, and gradient[j] ← (left[j] or ∇f)·W_{j:1}ᵀ for
    /// j ≥ 1. `gradient(_:outer:)` names the matrix that then holds G_j.
    @_specialize(where T == BigFloat)
    public mutating func formGradients(outer: Matrix<T>) {
        let last = depth - 1
        for j in 0..<depth {
            if j < last {
                let product = suffix[j + 1]
                Matrix.multiply(transposeOf: product, outer, into: &left[j])
            }
            if j > 0 {
                let factor = j < last ? left[j] : outer, product = prefix[j]
                Matrix.multiply(factor, transposeOf: product, into: &gradient[j])
            }
        }
    }

    /// The matrix holding G_j after `formGradients(outer:)`: gradient[j] for j ≥ 1; for the first layer
    /// W_{N:2}ᵀ∇f (left[0]), or ∇f itself (`outer`) when there is one layer.
    @inline(__always)
    public func gradient(_ j: Int, outer: Matrix<T>) -> Matrix<T> {
        j > 0 ? gradient[j] : depth > 1 ? left[0] : outer
    }

    /// target ← source entry by entry (same shape; exact when the precisions agree, as for work matrices).
    private static func copy(_ source: Matrix<T>, into target: inout Matrix<T>) {
        for r in 0..<source.rowCount { for c in 0..<source.columnCount { target[r, c].set(source[r, c]) } }
    }
}
