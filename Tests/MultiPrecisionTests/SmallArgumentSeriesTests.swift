import CMPFR
import Testing
@testable import MultiPrecision

@Suite("SmallArgumentSeries: eˣ − 1 and ln(1 + x) near 0 by their Taylor series")
struct SmallArgumentSeriesTests {
    /// ±m·2^−(bits + e) with a random `bits`-bit integer m whose top bit is set: |x| ∈ [2^−(e+1), 2^−e), exact.
    static func argument(bits: Int, exponent e: Int, negative: Bool, using generator: inout SeededGenerator) -> BigFloat {
        var hex = "8"
        for _ in 0..<((bits - 1) / 4) { hex += String(generator.next() % 16, radix: 16) }
        let m = BigInt(hex, radix: 16)!
        let q = Rational(numerator: negative ? -m : m, denominator: BigInt(1) << (4 * hex.count + e))
        return BigFloat(q, precision: bits)
    }

    /// MPFR's correctly rounded value of `f` at x, at `bits` bits.
    static func mpfr(_ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32,
                     _ x: BigFloat, bits: Int) -> BigFloat {
        var r = BigFloat(0, precision: bits)
        r.withUnsafeMutableMPFRPointer { rp in x.withUnsafeMPFRPointer { xp in _ = f(rp, xp, MPFR_RNDN) } }
        return r
    }

    /// The series' value of `f` at x, at `bits` bits.
    static func series(_ f: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Void,
                       _ x: BigFloat, bits: Int) -> BigFloat {
        var r = BigFloat(0, precision: bits)
        r.withUnsafeMutableMPFRPointer { rp in x.withUnsafeMPFRPointer { xp in f(rp, xp) } }
        return r
    }

    /// Both values equal, bit for bit (value and sign).
    static func identical(_ a: BigFloat, _ b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { ap in b.withUnsafeMPFRPointer { bp in
            mpfr_equal_p(ap, bp) != 0 && cmpfr_signbit(ap) == cmpfr_signbit(bp)
        } }
    }

    @Test("Equal to MPFR's correctly rounded expm1 and log1p, bit for bit, on 600 seeded arguments per precision",
          arguments: [53, 117, 181, 256, 320, 1024])
    func agreesWithMPFR(bits: Int) {
        let small = SmallArgumentSeries(precision: bits)
        var generator = SeededGenerator(seed: 0x5eed_0000 + UInt64(bits))
        var bySeries = 0
        for i in 0..<600 {
            // Exponents from 1 (|x| ≥ 1/4: MPFR's path) past the precision (one term), both signs.
            let e = 1 + Int(generator.next() % UInt64(bits + 80))
            let x = Self.argument(bits: bits, exponent: e, negative: i % 2 == 1, using: &generator)
            if x.withUnsafeMPFRPointer({ small.seriesTerms(for: $0, destinationPrecision: bits) }) != nil { bySeries += 1 }
            let expm1 = Self.series(small.expMinusOne, x, bits: bits), log1p = Self.series(small.logOnePlus, x, bits: bits)
            #expect(Self.identical(expm1, Self.mpfr(mpfr_expm1, x, bits: bits)), "expm1(\(x)) at \(bits) bits")
            #expect(Self.identical(log1p, Self.mpfr(mpfr_log1p, x, bits: bits)), "log1p(\(x)) at \(bits) bits")
        }
        // Most arguments are small enough for the series: the comparison is not with MPFR against itself.
        #expect(bySeries > 300, "only \(bySeries) of 600 arguments took the series")
    }

    @Test("Before the last rounding, x·P̃ at p + 64 bits is within 7·2^−(p+64) of f(x), relatively, as the analysis bounds it",
          arguments: [53, 256, 1024])
    func accuracyAtTheWorkingPrecision(bits: Int) {
        let small = SmallArgumentSeries(precision: bits)
        let w = bits + 64
        var generator = SeededGenerator(seed: 0xacc + UInt64(bits))
        var checked = 0
        for i in 0..<400 {
            let e = 2 + Int(generator.next() % UInt64(bits + 40))
            let x = Self.argument(bits: bits, exponent: e, negative: i % 2 == 1, using: &generator)
            guard let terms = x.withUnsafeMPFRPointer({ small.seriesTerms(for: $0, destinationPrecision: bits) }) else {
                continue
            }
            checked += 1
            for (function, reference) in [(SmallArgumentSeries.Function.expMinusOne, mpfr_expm1),
                                          (.logOnePlus, mpfr_log1p)] {
                var value = BigFloat(0, precision: w)
                value.withUnsafeMutableMPFRPointer { r in
                    x.withUnsafeMPFRPointer { small.evaluate(r, $0, terms: terms, coefficients: small.coefficients(function)) }
                }
                // MPFR's correctly rounded value 64 bits further: an independent reference to within 2^−(w+64).
                let exact = Self.mpfr(reference, x, bits: w + 64)
                let (error, bound) = withPrecision(w + 64) {
                    (BigFloat.abs(value - exact),
                     BigFloat.abs(exact) * BigFloat(Rational(numerator: 7, denominator: BigInt(1) << w)))
                }
                #expect(error <= bound, "\(function) at x = \(x) (\(terms) terms): error \(error), bound \(bound)")
            }
        }
        #expect(checked > 200)
    }

    @Test("The series takes the fewest terms m with m·E ≥ p + 68 for |x| < 2^−E, and at most maximumTerms",
          arguments: [53, 256, 1024])
    func termCount(bits: Int) {
        let small = SmallArgumentSeries(precision: bits)
        let w = bits + 64
        var generator = SeededGenerator(seed: 7)
        for e in 1...(bits + 80) {
            let x = Self.argument(bits: bits, exponent: e, negative: false, using: &generator)
            // |x| ∈ [2^−(e+1), 2^−e): MPFR's exponent is −e, so E = e.
            let terms = x.withUnsafeMPFRPointer { small.seriesTerms(for: $0, destinationPrecision: bits) }
            let fewest = (w + 4 + e - 1) / e
            if e < 2 || fewest > small.maximumTerms {
                #expect(terms == nil, "E = \(e)")
            } else {
                #expect(terms == fewest, "E = \(e)")
                #expect(fewest * e >= w + 4 && (fewest - 1) * e < w + 4)
            }
        }
        // A destination wider than the series' precision goes to MPFR.
        let x = Self.argument(bits: bits, exponent: 100, negative: false, using: &generator)
        #expect(x.withUnsafeMPFRPointer { small.seriesTerms(for: $0, destinationPrecision: bits + 1) } == nil)
    }

    @Test("Zeros, infinities and NaN give MPFR's values; a wider destination is still correctly rounded")
    func specialValues() {
        let small = SmallArgumentSeries(precision: 256)
        for text in ["0", "-0", "inf", "-inf", "nan", "1e-40", "-1e-40"] {
            let x = BigFloat(text, precision: 256)!
            for bits in [256, 512] {
                let expm1 = Self.series(small.expMinusOne, x, bits: bits), log1p = Self.series(small.logOnePlus, x, bits: bits)
                let e = Self.mpfr(mpfr_expm1, x, bits: bits), l = Self.mpfr(mpfr_log1p, x, bits: bits)
                #expect(Self.identical(expm1, e) || (expm1.isNaN && e.isNaN), "expm1(\(text)) at \(bits) bits")
                #expect(Self.identical(log1p, l) || (log1p.isNaN && l.isNaN), "log1p(\(text)) at \(bits) bits")
            }
        }
    }
}
