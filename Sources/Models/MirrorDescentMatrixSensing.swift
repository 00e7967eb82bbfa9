import LinearAlgebra
import MultiPrecision

/// PSD matrix sensing by mirror descent with the von Neumann entropy Φ(X) = tr(X log X − X) (Wu & Rebeschini,
/// NeurIPS 2021; docs/theory.md §6.2). Measurements y_i = ⟨A_i, X*⟩ with symmetric A_i, risk
/// L(X) = (1/(2m)) Σ_i (⟨A_i, X⟩ − y_i)², and from X_0 = αI
///
///     X_{t+1} = exp( log X_t − η Σ_i r_i A_i / m ),   r_i = ⟨A_i, X_t⟩ − y_i,
///
/// so log X_t − log X_0 ∈ span{A_i} for every t. Everything runs in `BigFloat` at the task's precision; `log X_t`
/// is recomputed from X_t by a fresh eigendecomposition each step and exp by scaling and squaring (Taylor), so the
/// span property is a real check of the iteration, not a consequence of how it is stored, and the Newton reference
/// (exp through the eigendecomposition) shares no exponential routine with it.
public struct MirrorDescentMatrixSensing: Sendable {
    /// The symmetric sensing matrices A_1, …, A_m (n × n).
    public let sensing: [Matrix<BigFloat>]
    /// The measurements y_1, …, y_m.
    public let measurements: [BigFloat]
    /// The initialization scale α > 0: X_0 = αI.
    public let alpha: BigFloat
    /// The Gram matrix ⟨A_i, A_j⟩ of the sensing matrices, factored once (for projections onto their span).
    let gram: LUDecomposition<BigFloat>

    /// Creates the problem at the task's precision.
    ///
    /// - Throws: `LinearAlgebraError` when there are no sensing matrices, not one measurement per matrix, or the
    ///   sensing matrices are linearly dependent (singular Gram matrix).
    public init(sensing: [Matrix<BigFloat>], measurements: [BigFloat], alpha: BigFloat) throws {
        guard !sensing.isEmpty, sensing.count == measurements.count else {
            throw LinearAlgebraError.invalidArgument(operation: "matrix sensing", reason: "give one measurement per sensing matrix, at least one")
        }
        self.sensing = sensing
        self.measurements = measurements
        self.alpha = alpha
        let m = sensing.count
        let g = Matrix(rows: m, columns: m) { i, j in sensing[i].frobeniusInnerProduct(sensing[j]) }
        gram = try LUDecomposition(g)
        if let column = gram.singularColumn {
            throw LinearAlgebraError.invalidArgument(operation: "matrix sensing",
                                                     reason: "the sensing matrices are linearly dependent (A_\(column + 1))")
        }
    }

    /// The order n of the matrices.
    public var order: Int { sensing[0].rowCount }

    /// ⟨A_i, X⟩ for every i.
    public func measure(_ x: Matrix<BigFloat>) -> [BigFloat] { sensing.map { $0.frobeniusInnerProduct(x) } }

    /// The residuals r_i = ⟨A_i, X⟩ − y_i.
    public func residuals(_ x: Matrix<BigFloat>) -> [BigFloat] { zip(measure(x), measurements).map { $0 - $1 } }

    /// ‖A(X) − y‖₂ / ‖y‖₂.
    public func relativeResidual(_ x: Matrix<BigFloat>) -> BigFloat {
        let norm = { (v: [BigFloat]) in BigFloat.sqrt(v.reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        return norm(residuals(x)) / norm(measurements)
    }

    /// Σ_i c_i A_i.
    public func combination(_ coefficients: [BigFloat]) -> Matrix<BigFloat> {
        var sum = Matrix<BigFloat>.zeros(rows: order, columns: order)
        for (c, a) in zip(coefficients, sensing) { sum += c * a }
        return sum
    }

    /// ‖D − P D‖_F / ‖D‖_F, where P is the orthogonal (Frobenius) projection onto span{A_i}; 0 for D = 0.
    public func relativeDistanceToSpan(_ d: Matrix<BigFloat>) throws -> BigFloat {
        let norm = d.frobeniusNorm
        if norm == 0 { return BigFloat(0) }
        let coefficients = try gram.solve(sensing.map { $0.frobeniusInnerProduct(d) })
        return (d - combination(coefficients)).frobeniusNorm / norm
    }

    /// What a run of mirror descent measured.
    public struct Run: Sendable {
        /// X_T.
        public var final: Matrix<BigFloat>
        /// max over t = 1 … T of ‖log X_t − log X_0 − P(…)‖_F / ‖log X_t − log X_0‖_F (log X_t from X_t).
        public var maximumSpanResidual: BigFloat
        /// The step at which that maximum occurred.
        public var worstStep: Int
    }

    /// Runs `steps` (≥ 1) mirror-descent steps with step size η from αI.
    ///
    /// - Parameters:
    ///   - eta: the step size η.
    ///   - steps: the number of steps, at least 1.
    ///   - checkpoint: called once per step (timeouts, cancellation); its error is rethrown.
    /// - Throws: `LinearAlgebraError` for fewer than one step or when an iterate is not positive definite.
    public func run(stepSize eta: BigFloat, steps: Int, checkpoint: () throws -> Void = {}) throws -> Run {
        guard steps >= 1 else {
            throw LinearAlgebraError.invalidArgument(operation: "mirror descent", reason: "run at least one step")
        }
        let n = order
        let logAlpha = BigFloat.log(alpha)
        let logInitial = logAlpha * Matrix<BigFloat>.identity(n)
        var x = alpha * Matrix<BigFloat>.identity(n)
        let scale = eta / BigFloat(sensing.count)
        var worst = BigFloat(0), worstStep = 0
        for t in 0..<steps {
            try checkpoint()
            let logX: Matrix<BigFloat>
            do { logX = try x.logarithm() } catch {
                throw LinearAlgebraError.invalidArgument(
                    operation: "mirror descent",
                    reason: "X_\(t) is not numerically positive definite (\(error)); the iteration diverged, the step size is too large")
            }
            if t > 0 {
                let residual = try relativeDistanceToSpan(logX - logInitial)
                if residual > worst { worst = residual; worstStep = t }
            }
            let argument = logX - scale * combination(residuals(x))
            let exponential = try argument.exponential()
            x = (exponential + exponential.transposed()) / BigFloat(2)
        }
        let residual = try relativeDistanceToSpan(try x.logarithm() - logInitial)
        if residual > worst { worst = residual; worstStep = steps }
        return Run(final: x, maximumSpanResidual: worst, worstStep: worstStep)
    }
}
