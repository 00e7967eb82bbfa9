import LinearAlgebra
import MultiPrecision

extension MirrorDescentMatrixSensing {
    /// The Bregman projection of αI onto {X ≻ 0 : ⟨A_i, X⟩ = y_i}, computed independently of mirror descent.
    public struct BregmanProjection: Sendable {
        /// X_ref = exp(ln α · I + Σ_k λ_k A_k).
        public var matrix: Matrix<BigFloat>
        /// The multipliers λ.
        public var multipliers: [BigFloat]
        /// ‖A(X_ref) − y‖₂ / ‖y‖₂ at the last iterate.
        public var relativeResidual: BigFloat
        /// Newton iterations used.
        public var iterations: Int
    }

    /// Solves A(exp(ln α · I + Σ_k λ_k A_k)) = y for λ by damped Newton (docs/theory.md §6.2).
    ///
    /// The map is the gradient of the convex ψ(λ) = tr exp(M(λ)) − λ·y, M(λ) = ln α · I + Σ λ_k A_k, so Newton with
    /// backtracking on ψ converges from λ = 0 whenever the feasible set meets the open PSD cone. The Jacobian
    /// J_ik = ⟨A_i, Dexp_M[A_k]⟩ comes from the Daleckii–Krein formula in the eigenbasis of M, with divided
    /// differences (e^a − e^b)/(a − b) = e^b·expm1(a − b)/(a − b). Iterates until the residual stops decreasing
    /// below 2^−(p/2), or `maximumIterations`.
    ///
    /// - Throws: `LinearAlgebraError.noConvergence` when the residual stays above 2^−(p/2)
    ///   (no positive definite matrix fits y, for example).
    public func bregmanProjection(maximumIterations: Int = 200) throws -> BregmanProjection {
        let n = order, m = sensing.count
        let logAlpha = BigFloat.log(alpha)
        let yNorm = BigFloat.sqrt(measurements.reduce(BigFloat(0)) { $0 + $1 * $1 })
        let loose = BigFloat.pow(BigFloat(2), -(Precision.current / 2))
        func generator(_ lambda: [BigFloat]) -> Matrix<BigFloat> {
            logAlpha * Matrix<BigFloat>.identity(n) + combination(lambda)
        }
        func potential(_ lambda: [BigFloat]) throws -> BigFloat {
            let x = try SymmetricEigendecomposition(generator(lambda)).applying { BigFloat.exp($0) }
            return x.trace - zip(lambda, measurements).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 }
        }
        var lambda = [BigFloat](repeating: BigFloat(0), count: m)
        var best: (x: Matrix<BigFloat>, residual: BigFloat, lambda: [BigFloat])?
        for iteration in 0..<maximumIterations {
            let eig = try SymmetricEigendecomposition(generator(lambda))
            let w = eig.eigenvalues, q = eig.eigenvectors
            let exps = w.map { BigFloat.exp($0) }
            let x = eig.applying { BigFloat.exp($0) }
            let f = residuals(x)
            let residual = BigFloat.sqrt(f.reduce(BigFloat(0)) { $0 + $1 * $1 }) / yNorm
            if let previous = best, residual >= previous.residual, previous.residual <= loose {
                return BregmanProjection(matrix: previous.x, multipliers: previous.lambda, relativeResidual: previous.residual,
                                         iterations: iteration)
            }
            if best == nil || residual < best!.residual { best = (x, residual, lambda) }
            // Daleckii–Krein: Dexp_M[H] = Q (Γ ∘ QᵀHQ) Qᵀ.
            let gamma = Matrix(rows: n, columns: n) { i, j -> BigFloat in
                let difference = w[i] - w[j]
                return difference == 0 ? exps[i] : exps[j] * BigFloat.expMinusOne(difference) / difference
            }
            let rotated = sensing.map { q.transposed() * $0 * q }
            let jacobian = Matrix(rows: m, columns: m) { i, k in
                rotated[i].frobeniusInnerProduct(gamma.hadamardProduct(rotated[k]))
            }
            let direction = try LUDecomposition(jacobian).solve(f.map { -$0 })
            let slope = zip(f, direction).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 }
            let start = try potential(lambda)
            var t = BigFloat(1)
            var trial = zip(lambda, direction).map { $0 + t * $1 }
            while try potential(trial) > start + t * slope / BigFloat(4), t > BigFloat.pow(BigFloat(2), -60) {
                t = t / BigFloat(2)
                trial = zip(lambda, direction).map { $0 + t * $1 }
            }
            lambda = trial
        }
        guard let best, best.residual <= loose else {
            throw LinearAlgebraError.noConvergence(method: "Newton for the Bregman projection", iterations: maximumIterations)
        }
        return BregmanProjection(matrix: best.x, multipliers: best.lambda, relativeResidual: best.residual,
                                 iterations: maximumIterations)
    }
}
