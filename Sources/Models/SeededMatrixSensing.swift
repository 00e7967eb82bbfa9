import LinearAlgebra
import MultiPrecision

/// A seeded, exact PSD matrix-sensing instance (docs/theory.md §6.2): m random symmetric n × n sensing matrices with
/// entries in {−3/4, −1/2, …, 3/4}, a rank-one ground truth X* = uuᵀ with u ∈ {−2, …, 2}ⁿ \ {0}, and y_i = ⟨A_i, X*⟩.
///
/// The draws come from `SeededGenerator(seed:)` in a fixed order: for each A_i the upper triangle row by row
/// (a_jk = U{−3, …, 3}/4 for j ≤ k, mirrored), then u, drawn again whole until u ≠ 0.
public struct SeededMatrixSensing: Sendable, Equatable {
    /// The symmetric sensing matrices A_1, …, A_m.
    public let sensing: [Matrix<Rational>]
    /// X* = uuᵀ.
    public let groundTruth: Matrix<Rational>
    /// y_i = ⟨A_i, X*⟩.
    public let measurements: [Rational]

    /// Draws the instance of order n with m sensing matrices from `seed`.
    public init(order n: Int, count m: Int, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        sensing = (0..<m).map { _ in
            var a = Matrix<Rational>.zeros(rows: n, columns: n)
            for i in 0..<n {
                for j in i..<n { a[i, j] = Rational(rng.uniform(in: -3...3)) / 4; a[j, i] = a[i, j] }
            }
            return a
        }
        var u = [Rational](repeating: 0, count: n)
        while u.allSatisfy({ $0 == 0 }) { u = (0..<n).map { _ in Rational(rng.uniform(in: -2...2)) } }
        let x = Matrix(rows: n, columns: n) { u[$0] * u[$1] }
        (groundTruth, measurements) = (x, sensing.map { $0.frobeniusInnerProduct(x) })
    }

    /// The column (0-based) at which the exact LU factorization of the Gram matrix ⟨A_i, A_j⟩ finds no pivot, or
    /// `nil` when the sensing matrices are linearly independent.
    public var dependentMatrix: Int? {
        let gram = Matrix(rows: sensing.count, columns: sensing.count) { sensing[$0].frobeniusInnerProduct(sensing[$1]) }
        return try? LUDecomposition(gram).singularColumn
    }
}
