import AttestTestSupport
import RealModule
import Testing
@testable import MultiPrecision

@Suite("BigFloat elementary and real functions")
struct BigFloatFunctionsTests {
    static let references = try! AttestTestSupport.referenceValues(at: AttestTestSupport.referencePath("functions.txt"))

    /// Evaluates the named case of functions.txt at the default precision.
    static func evaluate(_ name: String) -> BigFloat {
        let third = BigFloat(1) / BigFloat(3)
        switch name {
        case "exp(1/3)": return .exp(third)
        case "expm1(1e-20)": return .expMinusOne(BigFloat("1e-20")!)
        case "log(10)": return .log(10)
        case "log1p(1e-25)": return .log(onePlus: BigFloat("1e-25")!)
        case "log2(3)": return .log2(3)
        case "log10(7)": return .log10(7)
        case "sin(1)": return .sin(1)
        case "cos(1)": return .cos(1)
        case "tan(1/3)": return .tan(third)
        case "asin(1/3)": return .asin(third)
        case "acos(1/3)": return .acos(third)
        case "atan(1/7)": return .atan(BigFloat(1) / BigFloat(7))
        case "atan2(-1,-2)": return .atan2(y: -1, x: -2)
        case "sinh(1/3)": return .sinh(third)
        case "cosh(1/3)": return .cosh(third)
        case "tanh(1/3)": return .tanh(third)
        case "asinh(3)": return .asinh(3)
        case "acosh(3)": return .acosh(3)
        case "atanh(1/3)": return .atanh(third)
        case "erf(1/2)": return .erf(BigFloat(1) / BigFloat(2))
        case "erfc(5)": return .erfc(5)
        case "gamma(1/3)": return .gamma(third)
        case "lgamma(-5/2)": return .logGamma(BigFloat(-5) / BigFloat(2))
        case "cbrt(2)": return .cbrt(2)
        case "hypot(3,1/3)": return .hypot(3, third)
        case "pow(2,1/3)": return .pow(2, third)
        case "pow(1/3,-7)": return .pow(third, -7)
        case "exp2(1/3)": return .exp2(third)
        case "exp10(1/3)": return .exp10(third)
        case "root(5,7)": return .root(5, 7)
        default: preconditionFailure("unknown case \(name)")
        }
    }

    @Test("Function values against 130-digit mpmath references, at 53, 256 and 400 bits",
          arguments: [53, 256, 400])
    func referenceValues(bits: Int) throws {
        #expect(Self.references.count == 30)
        for (name, reference) in Self.references.sorted(by: { $0.key < $1.key }) {
            let computed = withPrecision(bits) { Self.evaluate(name) }
            let expected = try #require(BigFloat(reference, precision: bits))
            #expect(computed.precision == bits)
            // Arguments such as 1/3 are themselves rounded, so allow a few ulps at the working precision.
            // The functions are well conditioned at these points (condition number ≤ 8).
            let distance = AttestTestSupport.ulpDistance(computed, expected)
            #expect(distance <= 8, "\(name) at \(bits) bits is \(distance) ulps from the reference")
        }
    }

    @Test("Exactly representable arguments give correctly rounded results (equal to the rounded reference)")
    func correctlyRoundedAtExactArguments() throws {
        for name in ["log(10)", "log2(3)", "log10(7)", "sin(1)", "cos(1)", "asinh(3)", "acosh(3)", "erfc(5)",
                     "cbrt(2)", "root(5,7)", "atan2(-1,-2)", "expm1(1e-20)"] where !name.contains("1e-") {
            let reference = try #require(Self.references[name])
            for bits in [53, 256, 1024 / 3] {
                let computed = withPrecision(bits) { Self.evaluate(name) }
                #expect(computed == BigFloat(reference, precision: bits), "\(name) at \(bits) bits")
            }
        }
    }

    @Test("exp(log x) = x, sin²x + cos²x = 1 and asinh(sinh x) = x within a few ulps",
          arguments: [53, 256, 1024, 4096])
    func identities(bits: Int) {
        var generator = SplitMix64(seed: UInt64(bits))
        withPrecision(bits) {
            for _ in 0..<20 {
                // x in (0, 8) with a full-precision significand.
                let x = BigFloat(Int(generator.next() >> 12)) / BigFloat(1 << 49)
                let roundTrip = BigFloat.exp(BigFloat.log(x))
                // log x has absolute error ≤ ulp(log x)/2 ≤ 2^(2−p) for |log x| < 8, which exp turns into a relative
                // error of x; with exp's own half ulp that is at most about 5 ulps of x.
                #expect(AttestTestSupport.ulpDistance(roundTrip, x) <= 8, "exp(log \(x))")
                let pythagoras = BigFloat.sin(x) * BigFloat.sin(x) + BigFloat.cos(x) * BigFloat.cos(x) - 1
                #expect(BigFloat.abs(pythagoras) <= BigFloat.unitRoundoff * 8, "sin² + cos² at \(x)")
                let small = x / 4   // keep sinh well conditioned: asinh(sinh x) amplifies by tanh-ish factors ≤ 2
                let hyperbolic = BigFloat.asinh(BigFloat.sinh(small))
                #expect(AttestTestSupport.ulpDistance(hyperbolic, small) <= 4, "asinh(sinh \(small))")
            }
        }
    }

    @Test("Edge cases follow IEEE 754 and swift-numerics")
    func edgeCases() {
        withPrecision(128) {
            #expect(BigFloat.log(0) == -BigFloat.infinity())
            #expect(BigFloat.sqrt(-1).isNaN)
            #expect(BigFloat.pow(BigFloat(0), BigFloat(0)).isNaN)          // powr semantics
            #expect(BigFloat.pow(BigFloat(-2), BigFloat(2)).isNaN)         // powr: negative base
            #expect(BigFloat.pow(BigFloat(0), 0) == 1)                     // integer power: repeated multiplication
            #expect(BigFloat.pow(BigFloat(-2), 3) == -8)
            #expect(BigFloat.root(-27, 3) == -3)
            #expect(BigFloat.cbrt(-8) == -2)
            #expect(BigFloat.signGamma(BigFloat(-5) / 2) == .minus)      // Γ(−2.5) < 0
            #expect(BigFloat.signGamma(BigFloat(-3) / 2) == .plus)       // Γ(−1.5) > 0
            #expect(BigFloat.signGamma(-2) == .plus)                     // a pole: .plus by definition
            #expect(BigFloat.logGamma(-2).isInfinite)
            #expect(BigFloat.gamma(5) == 24)
            #expect(BigFloat.atan2(y: 1, x: 1) * 4 == BigFloat.pi)
            #expect(BigFloat(2).reciprocal == BigFloat(1) / 2)
            #expect(BigFloat(0).reciprocal == nil)
        }
    }
}
