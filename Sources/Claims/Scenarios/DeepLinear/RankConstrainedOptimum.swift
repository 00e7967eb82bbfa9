import LinearAlgebra
import Models
import MultiPrecision

/// The optimum of the square loss over matrices of rank ≤ k, computed independently of any dynamics by whitening and
/// Eckart–Young (docs/theory.md §1.9), and the parameters of the global-minimum presets that compare with it:
///
///     min_{rank W ≤ k} ½‖WX − Y‖²_F = ½(‖Y‖²_F − ‖Q‖²_F) + ½ Σ_{i>k} s_i²,   Q = Y Xᵀ (X Xᵀ)^{−1/2},
///
/// with s_i the singular values of Q (C^{−1/2} by the symmetric eigendecomposition).
enum RankConstrainedOptimum {
    static let epsilon = Parameter<Rational>("epsilon", .check, type: .rational(minimum: 0, exclusive: true),
        help: "ε in |L(W(T)) − min_{rank ≤ k} L| ≤ ε")
    static let optimumRank = OptionalParameter<Int>("optimum_rank", .check, type: .integer(0...64),
        help: "k, the rank bound of the claimed optimum (default r = min_j d_j)")

    /// k: `optimum_rank`, else r = min_j d_j.
    static func rank(_ p: InstanceParameters, widths: [Int]) -> Int {
        if let k = p[optimumRank] { return k }
        return widths.reduce(Int.max) { min($0, $1) }
    }

    /// min_{rank W ≤ k} ½‖WX − Y‖²_F and the singular values s_i.
    ///
    /// - Throws: when X Xᵀ is not positive definite (X without full row rank), or the decompositions fail.
    static func value(x: Matrix<BigFloat>, y: Matrix<BigFloat>, rank k: Int) throws -> (optimum: BigFloat, singularValues: [BigFloat]) {
        let c = x * x.transposed()
        let q = y * x.transposed() * (try c.power(BigFloat(Rational(numerator: -1, denominator: 2))))
        let s = try SingularValueDecomposition(q).singularValues
        var value = (y.frobeniusInnerProduct(y) - q.frobeniusInnerProduct(q)) / 2
        for i in s.indices where i >= k { value += s[i] * s[i] / 2 }
        return (value, s)
    }
}

extension RankConstrainedOptimum {
    /// The global-minimum claim at the end of a run, |L(W) − min_{rank ≤ k} L| ≤ ε (ε and k from `p`, the default
    /// k from the `widths`), for the final layers `layers` at `place` (`time` names it in the quantities: "T" or "k").
    static func check(_ p: InstanceParameters, _ layers: [Matrix<BigFloat>], x: Matrix<BigFloat>, y: Matrix<BigFloat>,
                      widths: [Int], at place: SamplePlace, time: String) throws -> PropertyOutcome {
        let network = try DeepLinearNetwork(layers: layers), epsilon = p[Self.epsilon]
        let loss = try network.squareLoss(x: x, y: y)
        let optimum = try value(x: x, y: y, rank: rank(p, widths: widths)).optimum
        let gap = loss - optimum
        let gradientNorm = try network.squareLossGradients(x: x, y: y).map(\.frobeniusNorm)
            .reduce(BigFloat(0)) { BigFloat.maximum($0, $1) }
        var outcome = try BoundProperty(label: "|L − min|", lhs: "|L(W(\(time))) − min_{rank ≤ k} L|", relation: .lessOrEqual,
                                        rhs: "ε", scope: .atEnd)
            .evaluate([Observation(place: place, scalar: gap.magnitude)], [ObservedValue(BigFloat(epsilon))])
        outcome.quantities = [
            Quantity("L(W(\(time)))", .rounded(loss)),
            Quantity("min_{rank ≤ k} L (whitened Eckart–Young)", .rounded(optimum)),
            Quantity("L(W(\(time))) − min", .rounded(gap)),
            Quantity("max_j ‖∂L/∂W_j(\(time))‖_F", .rounded(gradientNorm)),
        ]
        return outcome
    }
}
