import AttestTestSupport
import CMPFR
@testable import Dynamics
import Testing

@Suite("ShortLimbKernels: the inlined products equal GMP's mpn_mul and mpn_addmul_1 limb for limb")
struct ShortLimbKernelsTests {
    /// Limbs that stress the carries: all ones, the top bit alone, 1, 0, and uniform draws.
    private static func limbs(_ count: Int, pattern: Int, _ generator: inout SplitMix64) -> [mp_limb_t] {
        (0..<count).map { _ in
            switch pattern {
            case 0: return mp_limb_t.max
            case 1: return [mp_limb_t.max, 1 << 63, 1, 0][Int(generator.next() % 4)]
            default: return mp_limb_t(generator.next() as UInt64)
            }
        }
    }

    @Test("x·y for every m ≥ n in 1…4 limbs equals mpn_mul, on all-ones, edge and random limbs")
    func multiplyEqualsGMP() {
        var generator = SplitMix64(seed: 20_261_207)
        for m in 1...ShortLimbKernels.maximumMultiplyLimbs {
            for n in 1...m {
                for trial in 0..<300 {
                    let x = Self.limbs(m, pattern: trial % 3, &generator)
                    let y = Self.limbs(n, pattern: (trial / 3) % 3, &generator)
                    var ours = [mp_limb_t](repeating: 0xDEAD, count: m + n)
                    var gmp = [mp_limb_t](repeating: 0, count: m + n)
                    ShortLimbKernels.multiply(&ours, x, limbs: m, y, limbs: n)
                    _ = __gmpn_mul(&gmp, x, m, y, n)
                    #expect(ours == gmp, "m \(m), n \(n), trial \(trial)")
                }
            }
        }
        // The largest product: (2^256 − 1)² = 2^512 − 2^257 + 1,
        // limbs 1, 0, 0, 0, 2^64 − 2, 2^64 − 1, 2^64 − 1, 2^64 − 1.
        let ones = [mp_limb_t](repeating: .max, count: 4)
        var square = [mp_limb_t](repeating: 0, count: 8)
        ShortLimbKernels.multiply(&square, ones, limbs: 4, ones, limbs: 4)
        #expect(square == [1, 0, 0, 0, .max - 1, .max, .max, .max])
    }

    @Test("d + s·m for 1…9 limbs equals mpn_addmul_1, high limb included")
    func addMultipleEqualsGMP() {
        var generator = SplitMix64(seed: 7)
        for n in 1...9 {
            for trial in 0..<300 {
                let s = Self.limbs(n, pattern: trial % 3, &generator)
                let d = Self.limbs(n, pattern: (trial / 3) % 3, &generator)
                let multiplier = Self.limbs(1, pattern: (trial / 9) % 3, &generator)[0]
                var ours = d, gmp = d
                let ourHigh = ShortLimbKernels.addMultiple(&ours, s, limbs: n, by: multiplier)
                let gmpHigh = __gmpn_addmul_1(&gmp, s, n, multiplier)
                #expect(ours == gmp && ourHigh == gmpHigh, "n \(n), trial \(trial)")
            }
        }
        // (2^64 − 1) + (2^64 − 1)·(2^64 − 1) = 2^128 − 2^64: low limb 0, high limb 2^64 − 1.
        var d: [mp_limb_t] = [.max]
        let high = ShortLimbKernels.addMultiple(&d, [.max], limbs: 1, by: .max)
        #expect(d == [0] && high == .max)
    }
}
