import AttestTestSupport
import Foundation
import Dynamics
import MultiPrecision
import Testing

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

/// A reference value from References/dynamics.txt at `bits`.
func reference(_ name: String, bits: Int) throws -> BigFloat {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("References").appendingPathComponent("dynamics.txt").path
    let values = try AttestTestSupport.referenceValues(at: path)
    guard let text = values[name] else { throw ReferenceMissing(name: name) }
    return try BigFloat(parsing: text, precision: bits)
}

struct ReferenceMissing: Error { var name: String }

/// Settings for Gauss–Legendre closed-form runs at each precision: enough stages that the tolerance is reached in a
/// handful of steps, and a tolerance that keeps each run well under a second in a debug build (the full 2^−(p−10)
/// at 53 and 256 bits; 2^−240 at 1024 bits, where reaching 2^−1014 takes s ≈ 64 and some 20 s in debug).
func gaussLegendreSetting(_ bits: Int) -> (stages: Int, tolerance: Rational) {
    switch bits {
    case ...64: return (4, twoToMinus(bits - 10))
    case ...300: return (16, twoToMinus(bits - 10))
    default: return (20, twoToMinus(240))
    }
}

/// |computed − exact| ≤ bound, reported with both values.
func expectClose(_ computed: BigFloat, _ exact: BigFloat, within bound: BigFloat, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let error = BigFloat.abs(computed - exact)
    #expect(error <= bound, "\(what): error \(error.scientific(significantDigits: 3)) > \(bound.scientific(significantDigits: 3)) (computed \(computed.scientific(significantDigits: 30)))", sourceLocation: sourceLocation)
}
