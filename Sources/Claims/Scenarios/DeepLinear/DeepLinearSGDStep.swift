import LinearAlgebra
import Models
import MultiPrecision

extension SGDParameters {
    /// The minibatch B_k and the gradients G_j of step k of minibatch SGD on a deep linear network: those of the batch loss
    /// (m/2b) Σ_{i∈B} ‖W x_i − (y_i + label shift)‖², plus the Gaussian gradient noise when σ > 0; the draws come from
    /// the counter-based generator keyed by (seed, k), so exact and rounded runs see the same ones. `convert` brings
    /// the exact draws to the element type.
    static func minibatchGradients<Element>(_ p: InstanceParameters, of network: DeepLinearNetwork<Element>,
                                            x: Matrix<Element>, y: Matrix<Element>, seed: UInt64, step k: Int,
                                            convert: (Matrix<Rational>) -> Matrix<Element>)
        throws -> (batch: [Int], gradients: [Matrix<Element>]) {
        let batch = minibatch(p, seed: seed, step: k, count: x.columnCount)
        let shift = labelShift(p, seed: seed, step: k, rows: y.rowCount, batch: batch.count).map(convert)
        let gradients = try network.minibatchSquareLossGradients(x: x, y: y, batch: batch, targetShift: shift)
        guard let noise = gradientNoise(p, seed: seed, step: k, shapes: gradients.map { ($0.rowCount, $0.columnCount) }) else {
            return (batch, gradients)
        }
        return (batch, zip(gradients, noise).map { $0 + convert($1) })
    }

    /// The minibatch B_k of step k: b indices of the m = `count` data points, from the counter-based generator.
    static func minibatch(_ p: InstanceParameters, seed: UInt64, step k: Int, count: Int) -> [Int] {
        StochasticDraws.minibatch(seed: seed, step: k, size: p[batchSize], count: count, sampling: p[sampling])
    }

    /// Whether the steps carry neither label noise nor gradient noise (the gradients are the batch loss's alone).
    static func isNoiseless(_ p: InstanceParameters) -> Bool { p[labelNoise].isZero && p[gradientNoise].isZero }
}
