import AttestTestSupport
import CMPFR
@testable import Dynamics
import MultiPrecision
import Testing

/// MPFR numbers owned by a test: allocated with `mpfr_init2`, cleared at the end.
private final class MPFRNumbers {
    private(set) var pointers: [UnsafeMutablePointer<__mpfr_struct>] = []
    func make(_ precision: Int) -> UnsafeMutablePointer<__mpfr_struct> {
        let x = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: 1)
        mpfr_init2(x, precision)
        pointers.append(x)
        return x
    }
    deinit {
        for x in pointers {
            mpfr_clear(x)
            x.deallocate()
        }
    }
}

@Suite("ExactProductSum: one correctly rounded sum of products, against MPFR's mpfr_dot")
struct ExactProductSumTests {
    /// A random MPFR number of `precision` bits: a full random significand, a sign, and 2^e with e in ±`spread`.
    private static func random(_ precision: Int, spread: Int, _ numbers: MPFRNumbers,
                               _ generator: inout SplitMix64) -> UnsafeMutablePointer<__mpfr_struct> {
        let x = numbers.make(precision)
        let scratch = numbers.make(precision + 64)
        mpfr_set_ui(x, 0, MPFR_RNDN)
        // Σ_i u_i 2^(−64(i+1)): a uniform significand from 64-bit draws, exact at precision + 64 bits.
        for i in 0..<((precision + 63) / 64 + 1) {
            mpfr_set_ui_2exp(scratch, UInt(generator.next() as UInt64), -64 * (i + 1), MPFR_RNDN)
            mpfr_add(x, x, scratch, MPFR_RNDN)
        }
        let exponent = Int(generator.next() % UInt64(2 * spread + 1)) - spread
        mpfr_mul_2si(x, x, exponent, MPFR_RNDN)
        if generator.next() % 2 == 0 { mpfr_neg(x, x, MPFR_RNDN) }
        return x
    }

    /// r ± Σ wᵢxᵢyᵢ correctly rounded to r's precision by `mpfr_dot`: the weights are folded into exact copies of xᵢ,
    /// r enters as r·1, and subtraction as negated copies.
    private static func reference(_ r: UnsafeMutablePointer<__mpfr_struct>,
                                  _ terms: [(UnsafeMutablePointer<__mpfr_struct>, UnsafeMutablePointer<__mpfr_struct>, UInt)],
                                  subtracting: Bool, _ numbers: MPFRNumbers) -> UnsafeMutablePointer<__mpfr_struct> {
        var left: [UnsafeMutablePointer<__mpfr_struct>?] = []
        var right: [UnsafeMutablePointer<__mpfr_struct>?] = []
        let one = numbers.make(2)
        mpfr_set_ui(one, 1, MPFR_RNDN)
        left.append(r)
        right.append(one)
        for (x, y, w) in terms {
            let scaled = numbers.make(Int(x.pointee._mpfr_prec) + 64)
            mpfr_mul_ui(scaled, x, w, MPFR_RNDN)  // exact: 64 more bits
            if subtracting { mpfr_neg(scaled, scaled, MPFR_RNDN) }
            left.append(scaled)
            right.append(y)
        }
        let result = numbers.make(Int(r.pointee._mpfr_prec))
        left.withUnsafeMutableBufferPointer { l in
            right.withUnsafeMutableBufferPointer { rr in
                _ = mpfr_dot(result, l.baseAddress, rr.baseAddress, UInt(l.count), MPFR_RNDN)
            }
        }
        return result
    }

    @Test("random sums at equal and mixed precisions, with weights, signs and spread exponents, equal mpfr_dot bit for bit",
          arguments: [(63, 63, 0), (64, 64, 8), (127, 127, 40), (191, 191, 200), (256, 256, 3), (512, 512, 300),
                      (256, 191, 60), (53, 512, 20), (1000, 300, 100), (128, 256, 30), (256, 64, 5), (192, 128, 10)])
    func equalsDot(_ setup: (Int, Int, Int)) {
        let (rPrecision, operandPrecision, spread) = setup
        var generator = SplitMix64(seed: UInt64(rPrecision * 1000 + operandPrecision + spread))
        let accumulator = ExactProductSum(maximumPrecision: max(rPrecision, operandPrecision))
        for trial in 0..<40 {
            let numbers = MPFRNumbers()
            let count = 1 + trial % 23
            var terms: [(UnsafeMutablePointer<__mpfr_struct>, UnsafeMutablePointer<__mpfr_struct>, UInt)] = []
            for i in 0..<count {
                let x = Self.random(operandPrecision, spread: spread, numbers, &generator)
                let y = Self.random(trial % 3 == 0 ? rPrecision : operandPrecision, spread: spread, numbers, &generator)
                if i % 5 == 4 { mpfr_set_zero(y, 1) }
                let weight: UInt = trial % 4 == 1 ? UInt(i + 1) : (trial % 4 == 2 ? 2 : 1)
                terms.append((x, y, weight))
            }
            let r = Self.random(rPrecision, spread: spread, numbers, &generator)
            if trial % 6 == 5 { mpfr_set_zero(r, 1) }
            let subtracting = trial % 2 == 1
            let expected = Self.reference(r, terms, subtracting: subtracting, numbers)
            accumulator.reset()
            for (x, y, w) in terms { accumulator.append(x, y, weight: w) }
            #expect(accumulator.add(into: r, subtracting: subtracting))
            #expect(mpfr_equal_p(r, expected) != 0 || (cmpfr_zero_p(r) != 0 && cmpfr_zero_p(expected) != 0),
                    "trial \(trial), \(count) terms")
        }
    }

    @Test("terms with their own signs, single factors ±w·x, and r replaced rather than read, equal mpfr_dot bit for bit",
          arguments: [(63, 63, 0), (127, 127, 40), (191, 127, 60), (256, 256, 200), (53, 191, 10)])
    func signedTermsAndSingleFactors(_ setup: (Int, Int, Int)) {
        let (rPrecision, operandPrecision, spread) = setup
        var generator = SplitMix64(seed: UInt64(7 * rPrecision + operandPrecision + spread))
        let accumulator = ExactProductSum(maximumPrecision: max(rPrecision, operandPrecision))
        for trial in 0..<40 {
            let numbers = MPFRNumbers()
            // The reference sums (±w·x)·y over the terms, with y = 1 for a single factor; r enters as 0.
            let one = numbers.make(2)
            mpfr_set_ui(one, 1, MPFR_RNDN)
            let zero = numbers.make(rPrecision)
            mpfr_set_zero(zero, 1)
            var terms: [(UnsafeMutablePointer<__mpfr_struct>, UnsafeMutablePointer<__mpfr_struct>, UInt)] = []
            accumulator.reset()
            for i in 0..<(1 + trial % 17) {
                let x = Self.random(operandPrecision, spread: spread, numbers, &generator)
                let weight: UInt = [1, 2, 3, 12, 1 << 20][Int(generator.next() % 5)]
                let negated = generator.next() % 2 == 0
                let signed = numbers.make(operandPrecision)
                mpfr_set(signed, x, MPFR_RNDN)
                if negated { mpfr_neg(signed, signed, MPFR_RNDN) }
                if i % 3 == 2 {
                    accumulator.append(x, weight: weight, negated: negated)
                    terms.append((signed, one, weight))
                } else {
                    let y = Self.random(operandPrecision, spread: spread, numbers, &generator)
                    accumulator.append(x, y, weight: weight, negated: negated)
                    terms.append((signed, y, weight))
                }
            }
            let expected = Self.reference(zero, terms, subtracting: false, numbers)
            // r holds garbage that `replacing` must not read.
            let r = Self.random(rPrecision, spread: spread, numbers, &generator)
            #expect(accumulator.add(into: r, subtracting: false, replacing: true))
            #expect(mpfr_equal_p(r, expected) != 0 || (cmpfr_zero_p(r) != 0 && cmpfr_zero_p(expected) != 0),
                    "trial \(trial)")
        }
        // No terms: r becomes +0.
        let numbers = MPFRNumbers()
        let r = numbers.make(rPrecision)
        mpfr_set_ui(r, 5, MPFR_RNDN)
        accumulator.reset()
        #expect(accumulator.add(into: r, subtracting: false, replacing: true))
        #expect(cmpfr_zero_p(r) != 0)
    }

    @Test("appendProducts batches, weights with odd parts up to 64 bits wide and weight-0 terms, equal mpfr_dot",
          arguments: [(256, 256, 40), (127, 63, 10), (64, 191, 100), (320, 320, 0)])
    func wideWeightsInBatches(_ setup: (Int, Int, Int)) {
        let (rPrecision, operandPrecision, spread) = setup
        var generator = SplitMix64(seed: UInt64(13 * rPrecision + operandPrecision + spread))
        let accumulator = ExactProductSum(maximumPrecision: max(rPrecision, operandPrecision))
        // Odd parts of 1, 3, 33, 48 and 64 bits; 6 = 2·3; 0 drops the term.
        let weights: [UInt] = [0, 1, 6, 0xFFFF_FFFF_FFFF_FFFF, (1 << 47) | 1, 0x1_0000_0001, 5]
        for trial in 0..<40 {
            let numbers = MPFRNumbers()
            let count = 1 + trial % 19
            let negated = trial % 3 == 1, subtracting = trial % 2 == 1
            var x: [UnsafeMutablePointer<__mpfr_struct>] = [], y: [UnsafeMutablePointer<__mpfr_struct>] = []
            var w: [UInt] = []
            // The reference's terms: the nonzero weights, with the batch's sign folded into a copy of x.
            var terms: [(UnsafeMutablePointer<__mpfr_struct>, UnsafeMutablePointer<__mpfr_struct>, UInt)] = []
            for _ in 0..<count {
                x.append(Self.random(operandPrecision, spread: spread, numbers, &generator))
                y.append(Self.random(operandPrecision, spread: spread, numbers, &generator))
                w.append(weights[Int(generator.next() % UInt64(weights.count))])
                if w.last! != 0 {
                    let signed = numbers.make(operandPrecision)
                    mpfr_set(signed, x.last!, MPFR_RNDN)
                    if negated { mpfr_neg(signed, signed, MPFR_RNDN) }
                    terms.append((signed, y.last!, w.last!))
                }
            }
            let r = Self.random(rPrecision, spread: spread, numbers, &generator)
            let expected = Self.reference(r, terms, subtracting: subtracting, numbers)
            accumulator.reset()
            // Two batches, as a sum node appends one per product: 0 … m − 1 and m … count − 1.
            let m = count / 2
            if m > 0 { accumulator.appendProducts(0...(m - 1), negated: negated) { (x[$0], y[$0], w[$0]) } }
            accumulator.appendProducts(m...(count - 1), negated: negated) { (x[$0], y[$0], w[$0]) }
            #expect(accumulator.add(into: r, subtracting: subtracting))
            #expect(mpfr_equal_p(r, expected) != 0 || (cmpfr_zero_p(r) != 0 && cmpfr_zero_p(expected) != 0),
                    "trial \(trial), \(count) terms")
        }
    }

    @Test("exact cancellation gives 0; terms that cancel r exactly leave the small remainder exact")
    func cancellation() {
        let numbers = MPFRNumbers()
        let x = numbers.make(256), y = numbers.make(256), r = numbers.make(256)
        mpfr_set_ui(x, 3, MPFR_RNDN)
        mpfr_set_ui(y, 5, MPFR_RNDN)
        mpfr_set_ui(r, 15, MPFR_RNDN)
        let accumulator = ExactProductSum(maximumPrecision: 256)
        accumulator.append(x, y)
        #expect(accumulator.add(into: r, subtracting: true))
        #expect(cmpfr_zero_p(r) != 0)
        // r = 1 + 2^−300 is not representable at 256 bits; (1 + 2^−300)·1 − 1 is 2^−300 exactly.
        let big = numbers.make(512), one = numbers.make(256)
        mpfr_set_ui(big, 1, MPFR_RNDN)
        mpfr_set_ui_2exp(r, 1, -300, MPFR_RNDN)
        mpfr_add(big, big, r, MPFR_RNDN)
        mpfr_set_ui(one, 1, MPFR_RNDN)
        mpfr_set_si(r, -1, MPFR_RNDN)
        let wide = ExactProductSum(maximumPrecision: 512)
        wide.append(big, one)
        #expect(wide.add(into: r, subtracting: false))
        #expect(mpfr_cmp_ui_2exp(r, 1, -300) == 0)
    }

    @Test("NaN, ∞ and a span wider than the capacity are refused, and r is left as it was")
    func refusals() {
        let numbers = MPFRNumbers()
        let x = numbers.make(128), y = numbers.make(128), r = numbers.make(128), tiny = numbers.make(128)
        mpfr_set_ui(x, 3, MPFR_RNDN)
        mpfr_set_ui(r, 7, MPFR_RNDN)
        let accumulator = ExactProductSum(maximumPrecision: 128, spanLimbs: 4)
        mpfr_set_nan(y)
        accumulator.append(x, y)
        #expect(!accumulator.add(into: r, subtracting: false))
        #expect(mpfr_cmp_ui(r, 7) == 0)
        accumulator.reset()
        mpfr_set_inf(y, -1)
        accumulator.append(x, y)
        #expect(!accumulator.add(into: r, subtracting: false))
        #expect(mpfr_cmp_ui(r, 7) == 0)
        // 3·2^−1000 next to r = 7: a span of about 1000 bits, over 2·2 + 4 limbs.
        accumulator.reset()
        mpfr_set_ui_2exp(tiny, 1, -1000, MPFR_RNDN)
        accumulator.append(x, tiny)
        #expect(!accumulator.add(into: r, subtracting: false))
        #expect(mpfr_cmp_ui(r, 7) == 0)
        // The same sum fits a wider accumulator; 7 + 3·2^−1000 rounds to 7 at 128 bits.
        let wide = ExactProductSum(maximumPrecision: 128, spanLimbs: 32)
        wide.append(x, tiny)
        #expect(wide.add(into: r, subtracting: false))
        #expect(mpfr_cmp_ui(r, 7) == 0)
    }
}
