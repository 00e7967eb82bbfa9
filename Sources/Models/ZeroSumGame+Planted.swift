import LinearAlgebra
import MultiPrecision

extension ZeroSumGame {
    /// A seeded random n × n game with a planted fully mixed equilibrium (the construction of
    /// docs/benchmark-problems.md P2): B with integer entries in −6…6, weights p, q with integer entries in 1…6,
    /// normalized, and an integer shift s in −3…3, drawn in that order from `SeededGenerator(seed:)`. With r = Bq,
    /// A₁ = B − r𝟙ᵀ (so A₁q = 0) and c = A₁ᵀp, the game is A = A₁ − 𝟙cᵀ + s𝟙𝟙ᵀ, so that Aq = s𝟙 and Aᵀp = s𝟙:
    /// (x*, y*) = (p, q) with value s whenever the equilibrium is unique. The planted point is not trusted: the game's
    /// initializer recomputes the equilibrium from the bordered systems and proves it unique.
    ///
    /// - Throws: `GameError` when the drawn game has no proven unique fully mixed equilibrium.
    public init(plantedSize n: Int, seed: UInt64) throws(GameError) {
        var rng = SeededGenerator(seed: seed)
        let b = (0..<n).map { _ in (0..<n).map { _ in Rational(rng.uniform(in: -6...6)) } }
        func weights() -> [Rational] {
            let w = (0..<n).map { _ in Rational(rng.uniform(in: 1...6)) }
            let total = w.reduce(Rational(0), +)
            return w.map { $0 / total }
        }
        let p = weights(), q = weights()
        let shift = Rational(rng.uniform(in: -3...3))
        let r = (0..<n).map { i in (0..<n).reduce(Rational(0)) { $0 + b[i][$1] * q[$1] } }
        let a1 = (0..<n).map { i in (0..<n).map { j in b[i][j] - r[i] } }
        let c = (0..<n).map { j in (0..<n).reduce(Rational(0)) { $0 + a1[$1][j] * p[$1] } }
        try self.init(payoff: Matrix(rows: n, columns: n) { i, j in a1[i][j] - c[j] + shift })
    }
}
