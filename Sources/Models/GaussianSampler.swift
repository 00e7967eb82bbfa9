import MultiPrecision

/// Standard normal samples at the task's precision from a seeded generator, by the Box–Muller transform of exact
/// dyadic uniforms u = (k + 1/2)/2⁵³: the same seed gives the same samples at every precision, up to rounding.
public struct GaussianSampler: Sendable {
    private var generator: SeededGenerator
    private var spare: BigFloat?

    /// A sampler whose sequence is fixed by `seed`.
    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// The next N(0, 1) sample.
    public mutating func next() -> BigFloat {
        if let spare {
            self.spare = nil
            return spare
        }
        let scale = Rational(numerator: 1, denominator: BigInt(1) << 54)
        func uniform() -> BigFloat { BigFloat(Rational(2 * generator.uniform(in: 0...((1 << 53) - 1)) + 1) * scale) }
        let radius = BigFloat.sqrt(-2 * BigFloat.log(uniform()))
        let angle = 2 * BigFloat.pi(precision: Precision.current) * uniform()
        spare = radius * BigFloat.sin(angle)
        return radius * BigFloat.cos(angle)
    }
}
