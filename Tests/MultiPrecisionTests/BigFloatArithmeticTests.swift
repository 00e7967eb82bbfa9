import AttestTestSupport
import CMPFR
import Testing
@testable import MultiPrecision

@Suite("BigFloat arithmetic, precision rule, comparisons")
struct BigFloatArithmeticTests {
    @Test("The default precision is 256 bits and withPrecision scopes it")
    func defaultPrecision() async {
        #expect(Precision.current == 256)
        #expect(BigFloat(1).precision == 256)
        let inner = withPrecision(512) { (BigFloat(1).precision, withPrecision(64) { BigFloat(3).precision }) }
        #expect(inner.0 == 512 && inner.1 == 64)
        #expect(BigFloat(1).precision == 256)
        // Child tasks inherit the task-local default.
        let child = await withPrecision(1024) { await Task { BigFloat(2).precision }.value }
        #expect(child == 1024)
    }

    @Test("Results take the larger operand precision; in-place forms keep the receiver's")
    func precisionRule() {
        let a = BigFloat(1, precision: 64), b = BigFloat(3, precision: 200)
        #expect((a + b).precision == 200)
        #expect((a / b).precision == 200)
        #expect(BigFloat.sqrt(a).precision == 64)
        #expect(BigFloat.atan2(y: a, x: b).precision == 200)
        var c = BigFloat(precision: 100)
        c.formQuotient(a, b)
        #expect(c.precision == 100)
        // 1/3 rounded to 100 bits equals the 200-bit quotient rounded to 100 bits (no double rounding issue:
        // the 200-bit value is not a 100-bit midpoint).
        #expect(c == (a / b).rounded(toPrecision: 100))
        var d = BigFloat(1, precision: 64)
        d += b
        #expect(d.precision == 200 && d == 4)
    }

    @Test("1/3 is correctly rounded at 53, 256 and 4096 bits (exact integer reference)", arguments: [53, 256, 4096])
    func oneThird(bits: Int) {
        let third = withPrecision(bits) { BigFloat(1) / BigFloat(3) }
        // 1/3 ∈ [1/4, 1/2), so third = m · 2^(−1−bits) with 2^(bits−1) ≤ m < 2^bits, and the correctly rounded m
        // is the integer nearest to 2^(bits+1)/3, which is never a tie: |3m − 2^(bits+1)| = 1.
        let scaled = third.scaled(byPowerOfTwo: bits + 1)          // exact: m
        #expect(scaled.precision == bits)
        let wide = bits + 8                                           // 3m and 2^(bits+1) are exact here
        let threeM = scaled.rounded(toPrecision: wide) * 3
        let power = BigFloat(1, precision: wide).scaled(byPowerOfTwo: bits + 1)
        // 2^(bits+1) ≡ 1 (mod 3) for odd bits, so m = (2^(bits+1) − 1)/3; ≡ 2 for even bits, so m = (2^(bits+1) + 1)/3.
        let expectedOffset = bits % 2 == 1 ? -1 : 1
        #expect((threeM - power).compare(to: expectedOffset) == 0)
        #expect(scaled.exactIntValue == nil || (3 * scaled.exactIntValue!) == (1 << (bits + 1)) + expectedOffset)
        if bits == 53 { #expect(third.doubleValue == 1.0 / 3.0) }
    }

    @Test("NaN is unordered and unequal to itself; −0 == +0")
    func nanSemantics() {
        let nan = BigFloat.nan()
        let one = BigFloat(1)
        #expect(nan != nan)
        #expect(!(nan == nan))
        #expect(!(nan < one) && !(nan > one) && !(nan <= one) && !(nan >= one))
        #expect(!(one <= nan) && !(one >= nan))
        #expect(BigFloat.isUnordered(nan, one))
        let negativeZero = -BigFloat(0)
        #expect(negativeZero == BigFloat(0))
        #expect(negativeZero.sign == .minus)
        #expect((BigFloat(1) / BigFloat(0)).isInfinite)
        #expect((BigFloat(0) / BigFloat(0)).isNaN)
    }

    @Test("In-place forms agree with the value-returning operators", arguments: [64, 256, 1024])
    func inPlaceAgrees(bits: Int) {
        var generator = SplitMix64(seed: 7)
        withPrecision(bits) {
            for _ in 0..<50 {
                let a = BigFloat(Int(generator.next() >> 11)) / BigFloat(Int(generator.next() >> 40) + 1)
                let b = -BigFloat(Int(generator.next() >> 11)) / BigFloat(Int(generator.next() >> 40) + 1)
                var x = BigFloat(precision: bits)
                x.formSum(a, b); #expect(x == a + b)
                x.formDifference(a, b); #expect(x == a - b)
                x.formProduct(a, b); #expect(x == a * b)
                x.formQuotient(a, b); #expect(x == a / b)
                x.set(a); x.addProduct(a, b); #expect(x == a.addingProduct(a, b))
                x.set(a); x.subtractProduct(a, b); #expect(x == a.addingProduct(-a, b))
                x.set(a); x.add(b); #expect(x == a + b)
                x.set(a); x.multiply(by: b); #expect(x == a * b)
                x.set(a); x.divide(by: 7); #expect(x == a / 7)
                x.formExp(b / 1_000_000_000); #expect(x == BigFloat.exp(b / 1_000_000_000))
                x.set(a); x.formSquareRoot(); #expect(x == BigFloat.sqrt(a))
                x.set(a); x.negate(); #expect(x == -a)
            }
        }
    }

    @Test("Copy-on-write: mutating a copy leaves the original unchanged")
    func copyOnWrite() {
        let original = BigFloat(5)
        var copy = original
        copy += 1
        #expect(original == 5 && copy == 6)
        var viaInPlace = original
        viaInPlace.addProduct(original, original)
        #expect(original == 5 && viaInPlace == 30)
        var viaPointer = original
        viaPointer.withUnsafeMutableMPFRPointer { _ = mpfr_set_si($0, -1, MPFR_RNDN) }
        #expect(original == 5 && viaPointer == -1)
        var formed = original
        formed.formProduct(original, original)
        #expect(original == 5 && formed == 25)
        // Aliased operands work: a + a and a * a.
        var a = BigFloat(3)
        a += a
        #expect(a == 6)
        a *= a
        #expect(a == 36)
    }

    @Test("ulp, classification and sign")
    func classification() {
        withPrecision(100) {
            #expect(BigFloat(1).ulp == BigFloat(1).scaled(byPowerOfTwo: -99))
            #expect(BigFloat(3).ulp == BigFloat(1).scaled(byPowerOfTwo: -98))
            #expect(BigFloat.nan().ulp.isNaN)
            #expect(BigFloat(0).ulp > 0)
            #expect(BigFloat(-2).sign == .minus && BigFloat(-2).signum == -1)
            #expect(BigFloat(7).isFinite && !BigFloat.infinity().isFinite && BigFloat(0).isZero)
            #expect(BigFloat.unitRoundoff == BigFloat(1).scaled(byPowerOfTwo: -100))
            #expect(BigFloat(41).exactIntValue == 41 && (BigFloat(1) / 2).exactIntValue == nil)
        }
    }

    @Test("MPFR keeps its caches and flags thread-local (required for concurrent use)")
    func threadSafeBuild() {
        #expect(LibraryVersions.mpfrIsThreadSafe)
        #expect(LibraryVersions.mpfr.hasPrefix("4."))
    }

    @Test("Concurrent computations give the same digits as serial ones")
    func concurrency() async {
        let serial = withPrecision(512) { BigFloat.exp(BigFloat.pi) }
        let results = await withTaskGroup(of: BigFloat.self) { group in
            for _ in 0..<8 { group.addTask { withPrecision(512) { BigFloat.exp(BigFloat.pi) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8 && results.allSatisfy { $0 == serial })
    }
}
