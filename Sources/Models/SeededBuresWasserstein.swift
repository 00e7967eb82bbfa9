import LinearAlgebra
import MultiPrecision

/// A seeded, exact Bures–Wasserstein instance (docs/theory.md §6.3): a target Σ_0 (given, or Σ_0 = BBᵀ + I/4 with
/// B ∈ {−3/2, −1, …, 3/2}^{d×d}, symmetric positive definite) and a generator W ∈ {−1, −3/4, …, 1}^{d×k}.
///
/// The draws come from `SeededGenerator(seed:)` in a fixed order: B row by row (b_ij = U{−3, …, 3}/2) when Σ_0 is
/// not given, then W row by row (w_ij = U{−4, …, 4}/4).
public struct SeededBuresWasserstein: Sendable, Equatable {
    /// Σ_0, d × d.
    public let target: Matrix<Rational>
    /// W, d × k.
    public let generator: Matrix<Rational>

    /// Takes Σ_0 = `target`, or draws it of order `dimension` when `target` is `nil`, then draws W with `rank` columns.
    public init(target given: Matrix<Rational>?, dimension: Int, rank: Int, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        if let given { target = given } else {
            let b = Matrix(rows: dimension, columns: dimension) { _, _ in Rational(rng.uniform(in: -3...3)) / 2 }
            target = b * b.transposed() + Rational(numerator: 1, denominator: 4) * Matrix<Rational>.identity(dimension)
        }
        generator = Matrix(rows: target.rowCount, columns: rank) { _, _ in Rational(rng.uniform(in: -4...4)) / 4 }
    }
}
