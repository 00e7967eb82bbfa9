import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient descent on the Bures–Wasserstein loss of a generator, W ← W − η ∇_W B²(WWᵀ, Σ_0) with
/// ∇_W B² = 2W − 2 Σ_0^{1/2} U Vᵀ (`BuresWassersteinLoss.gradient`), as a map for `iterate`. The state is W (d × k)
/// row-major. The loss is prepared at one precision in `BigFloat`, so the map runs in `BigFloat` at that precision;
/// in another scalar, or where the gradient throws (an SVD that does not converge), the step writes NaN and the
/// iteration stops, diverged.
public struct BuresWassersteinDescent: DiscreteMap {
    /// The loss.
    public let loss: BuresWassersteinLoss
    /// The number k of columns of W.
    public let rank: Int
    /// The step size η.
    public let stepSize: Rational

    /// Gradient descent with step `stepSize` on `loss` for generators with `rank` columns.
    public init(loss: BuresWassersteinLoss, rank: Int, stepSize: Rational) {
        (self.loss, self.rank, self.stepSize) = (loss, rank, stepSize)
    }

    public var dimension: Int { loss.target.rowCount * rank }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        guard T.self == BigFloat.self, case let w = unsafeBitCast(history[0], to: [BigFloat].self),
              let x = try? Matrix(rows: loss.target.rowCount, columns: rank, elements: w), let gradient = try? loss.gradient(x)
        else {
            for i in 0..<dimension { next[i] = T(0) / T(0) }
            return
        }
        let eta = BigFloat(stepSize)
        for (i, g) in gradient.elements.enumerated() {
            next[i] = T(rounding: w[i] - eta * g)   // W − ηG, rounded as the matrix expression is
        }
    }
}
