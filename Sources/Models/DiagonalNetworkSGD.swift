import LinearAlgebra
import MultiPrecision

/// Stochastic gradient descent on a depth-2 diagonal linear network x = u⊙u − v⊙v from u₀ = v₀ = α𝟙, on the
/// minibatch losses L_B(x) = (m / 2b) Σ_{i ∈ B} (a_iᵀx − y_i)² of the regression ½‖Ax − y‖² (a_i the rows of A):
///
///     g_k = (m/b) Σ_{i ∈ B_k} (a_iᵀx_k − y_i) a_i,    u_{k+1} = u_k ⊙ (1 − 2η_k g_k),    v_{k+1} = v_k ⊙ (1 + 2η_k g_k),
///
/// the gradient step in (u, v) (∂L_B/∂u = 2u⊙g, ∂L_B/∂v = −2v⊙g). This is the setting of Pesme, Pillaud-Vivien
/// and Flammarion (NeurIPS 2021), where the noise of SGD shrinks the effective initialization. Batches come from
/// the counter-based generator, so a realization is fixed by its seed.
public struct DiagonalNetworkSGD: Sendable {
    /// The m × n design matrix A, exact.
    public let a: Matrix<Rational>
    /// The m targets y, exact.
    public let y: [Rational]
    /// The initialization scale α > 0.
    public let alpha: Rational

    /// Creates the model.
    ///
    /// - Throws: `DiagonalNetworkError` when y does not fit A or α ≤ 0.
    public init(a: Matrix<Rational>, y: [Rational], alpha: Rational) throws(DiagonalNetworkError) {
        guard y.count == a.rowCount else { throw .shapeMismatch(a: a.shape, yCount: y.count) }
        guard !alpha.isNegative, !alpha.isZero else { throw .nonPositiveScale }
        self.a = a
        self.y = y
        self.alpha = alpha
    }

    /// x after `steps` steps of realization `seed` at the current precision, with ‖A x − y‖.
    ///
    /// - Parameters:
    ///   - seed: the realization: the seed of the batch draws.
    ///   - steps: the number of SGD steps.
    ///   - batchSize: b, 1 ≤ b ≤ m.
    ///   - sampling: how batches are drawn.
    ///   - schedule: the step sizes η_k.
    ///   - checkpoint: called once per step (timeouts, Ctrl-C).
    public func run(seed: UInt64, steps: Int, batchSize: Int, sampling: MinibatchSampling,
                    schedule: StepSizeSchedule, checkpoint: () throws -> Void = {}) rethrows
        -> (x: [BigFloat], residual: BigFloat)
    {
        let m = a.rowCount, n = a.columnCount
        let rows = (0..<m).map { i in (0..<n).map { j in BigFloat(a[i, j]) } }
        let targets = y.map { BigFloat($0) }
        let zero = BigFloat(0), one = BigFloat(1)
        // Every register has its own storage (no sharing), so the in-place operations allocate nothing.
        func registers(_ value: Rational) -> [BigFloat] { (0..<n).map { _ in BigFloat(value) } }
        var u = registers(alpha), v = registers(alpha), uNext = registers(0), vNext = registers(0)
        var x = registers(0), g = registers(0)
        var r = BigFloat(0), t = BigFloat(0), factor = BigFloat(0)
        let weight = BigFloat(Rational(numerator: BigInt(m), denominator: BigInt(batchSize)))
        func formX() {
            for j in 0..<n {
                x[j].formProduct(u[j], u[j])
                x[j].subtractProduct(v[j], v[j])
            }
        }
        for k in 0..<steps {
            try checkpoint()
            formX()
            for j in 0..<n { g[j].set(zero) }
            for i in StochasticDraws.minibatch(seed: seed, step: k, size: batchSize, count: m, sampling: sampling) {
                r.formDifference(zero, targets[i])                             // r = a_iᵀx − y_i
                for j in 0..<n { r.addProduct(rows[i][j], x[j]) }
                for j in 0..<n { g[j].addProduct(r, rows[i][j]) }
            }
            let twiceStep = 2 * weight * schedule.rounded(at: k)
            for j in 0..<n {
                t.formProduct(twiceStep, g[j])                                 // t = 2η(m/b) g_j
                factor.formDifference(one, t)
                uNext[j].formProduct(u[j], factor)
                factor.formSum(one, t)
                vNext[j].formProduct(v[j], factor)
            }
            swap(&u, &uNext)
            swap(&v, &vNext)
        }
        formX()
        var residual = BigFloat(0)
        for i in 0..<m {
            r.formDifference(zero, targets[i])
            for j in 0..<n { r.addProduct(rows[i][j], x[j]) }
            residual.addProduct(r, r)
        }
        return (x, BigFloat.sqrt(residual))
    }
}
