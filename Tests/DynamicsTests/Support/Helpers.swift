import Dynamics
import MultiPrecision

/// Rational shorthand.
func q(_ p: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(d)) }

/// 2^−e as a rational.
func twoToMinus(_ e: Int) -> Rational { Rational(numerator: 1, denominator: BigInt(1) << e) }

/// |a − b| as a Double-free log₂ (−∞ when equal), for readable failures: log₂|a − b|.
func log2Distance(_ a: BigFloat, _ b: BigFloat) -> Double {
    let d = BigFloat.abs(a - b)
    if d.isZero { return -.infinity }
    return Double(d.exponent ?? 0)
}

/// Options at `bits` with the given step policy and tolerance.
func options(_ bits: Int, fixed: Rational? = nil, tolerance: Rational? = nil) -> IntegrationOptions {
    var o = IntegrationOptions(precision: bits)
    if let fixed { o.stepSize = .fixed(fixed) }
    if let tolerance { o.tolerance = tolerance }
    return o
}

/// The measured order log₂(e(h)/e(h/2)) from errors at successive halvings.
func measuredOrders(_ errors: [BigFloat]) -> [Double] {
    zip(errors, errors.dropFirst()).map { pair in
        withPrecision(64) { BigFloat.log2(pair.0 / pair.1).doubleValue }
    }
}
