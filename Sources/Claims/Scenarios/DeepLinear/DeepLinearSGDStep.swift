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
        let batch = StochasticDraws.minibatch(seed: seed, step: k, size: p[batchSize], count: x.columnCount,
                                              sampling: p[sampling])
        let shift = labelShift(p, seed: seed, step: k, rows: y.rowCount, batch: batch.count).map(convert)
        let gradients = try network.minibatchSquareLossGradients(x: x, y: y, batch: batch, targetShift: shift)
        guard let noise = gradientNoise(p, seed: seed, step: k, shapes: gradients.map { ($0.rowCount, $0.columnCount) }) else {
            return (batch, gradients)
        }
        return (batch, zip(gradients, noise).map { $0 + convert($1) })
    }
}
