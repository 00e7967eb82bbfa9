/// Standard normal draws that are exact rationals with the same bits at every working precision.
///
/// Each pair comes from two dyadic uniforms u, v = (k + 1/2)/2⁵³ of the draw site's stream by the Box–Muller
/// transform, √(−2 ln u)·cos(2πv) and √(−2 ln u)·sin(2πv), evaluated in MPFR at a fixed 192 bits and rounded to
/// nearest at 64 significant bits: MPFR's operations are correctly rounded, so the 64-bit result, and hence the
/// exact dyadic rational returned, is the same on every machine whatever the caller's precision. The law is the
/// normal law up to the 2⁻⁵³ grid of the uniforms and the final rounding (relative 2⁻⁶⁴).
extension StochasticDraws {
    /// The precision at which the transform is evaluated, and the significant bits kept.
    public static let gaussianWorkingBits = 192, gaussianSignificantBits = 64

    /// `count` standard normal draws for (seed, step, stream), as exact dyadic rationals.
    public static func gaussians(seed: UInt64, step: Int, count: Int,
                                 stream: CounterBasedGenerator.Stream = .gradientNoise) -> [Rational] {
        var generator = CounterBasedGenerator(seed: seed, step: UInt64(step), stream: stream)
        var result: [Rational] = []
        result.reserveCapacity(count + 1)
        withPrecision(gaussianWorkingBits) {
            func uniform() -> BigFloat {
                let (numerator, exponent) = generator.openUnitDyadic()
                return BigFloat(Rational(numerator: BigInt(numerator), denominator: BigInt(1) << exponent))
            }
            while result.count < count {
                let radius = BigFloat.sqrt(-2 * BigFloat.log(uniform()))
                let angle = 2 * BigFloat.pi(precision: gaussianWorkingBits) * uniform()
                for value in [radius * BigFloat.cos(angle), radius * BigFloat.sin(angle)] {
                    result.append(Rational(exactly: value.rounded(toPrecision: gaussianSignificantBits))!)
                }
            }
        }
        return Array(result.prefix(count))
    }
}
