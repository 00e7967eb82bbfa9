import AttestTestSupport
import Testing
@testable import MultiPrecision

@Suite("BigFloat and the exact types: correct rounding from Rational, exact conversion back")
struct BigFloatExactConversionTests {
    /// The correctly rounded (to nearest, ties to even) `bits`-bit binary value of `r`, derived in exact integer
    /// arithmetic, independent of MPFR: find e with 2^(e−1) ≤ |r| < 2^e, round |r|·2^(bits−e) to an integer m,
    /// and return ±m·2^(e−bits).
    static func correctlyRounded(_ r: Rational, bits: Int) -> Rational {
        if r.isZero { return 0 }
        let magnitude = r.magnitude
        var e = magnitude.numerator.bitSize - magnitude.denominator.bitSize + 1
        if magnitude < Rational(2).power(e - 1) { e -= 1 }
        #expect(Rational(2).power(e - 1) <= magnitude && magnitude < Rational(2).power(e))
        let scaled = magnitude * Rational(2).power(bits - e)
        let (floor, remainder) = scaled.numerator.floorQuotientAndRemainder(dividingBy: scaled.denominator)
        let twice = remainder << 1
        var m = floor
        if twice > scaled.denominator || (twice == scaled.denominator && floor.isOdd) { m += 1 }
        let result = Rational(m) * Rational(2).power(e - bits)
        return r.isNegative ? -result : result
    }

    /// A random BigInt of up to `maxBits` bits (nonzero when `nonzero`).
    static func randomInteger(_ generator: inout SplitMix64, maxBits: Int, nonzero: Bool = false) -> BigInt {
        var value = BigInt(0)
        let words = Int(generator.next() % UInt64(maxBits / 64 + 1)) + 1
        for _ in 0..<words { value = (value << 64) + BigInt(generator.next()) }
        value = value >> Int(generator.next() % 64)
        if nonzero && value.isZero { value = 1 }
        return value
    }

    @Test("BigFloat(Rational) is correctly rounded at 53, 256 and 4096 bits", arguments: [53, 256, 4096])
    func rationalRounding(bits: Int) {
        var generator = SplitMix64(seed: UInt64(bits) &* 31)
        var cases: [Rational] = []
        for _ in 0..<200 {
            let p = Self.randomInteger(&generator, maxBits: bits + 100)
            let q = Self.randomInteger(&generator, maxBits: bits + 100, nonzero: true)
            cases.append(Rational(numerator: generator.next() % 2 == 0 ? p : -p, denominator: q))
        }
        // Exact ties: 1 + 2^−bits lies halfway between 1 and its successor (rounds to even: 1);
        // 1 + 3·2^−bits lies halfway between 1 + 2^(1−bits) and 1 + 2^(2−bits) (rounds to the even one above).
        let tiny = Rational(2).power(-bits)
        let one = Rational(1)
        let tie = one + tiny
        let tieAbove = one + Rational(3) * tiny
        cases += [tie, tieAbove, -tie]
        cases += [Rational(numerator: 1, denominator: 3), Rational(numerator: -2, denominator: 3),
                  Rational(numerator: 1, denominator: 10)]
        for r in cases {
            let x = BigFloat(r, precision: bits)
            #expect(x.precision == bits)
            #expect(Rational(exactly: x) == Self.correctlyRounded(r, bits: bits), "\(r) at \(bits) bits")
        }
        #expect(Rational(exactly: BigFloat(tie, precision: bits)) == one)
        #expect(Rational(exactly: BigFloat(tieAbove, precision: bits)) == one + Rational(4) * tiny)
    }

    @Test("BigFloat(1) / BigFloat(3) equals the correctly rounded 1/3 from Rational", arguments: [53, 256, 4096])
    func oneThirdFromRational(bits: Int) {
        let third = withPrecision(bits) { BigFloat(1) / BigFloat(3) }
        #expect(Rational(exactly: third) == Self.correctlyRounded(Rational(numerator: 1, denominator: 3), bits: bits))
    }

    @Test("Rational(exactly:) and BigInt(exactly:) are exact; NaN and ∞ give nil")
    func exactBack() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let d = Double(bitPattern: generator.next())
            guard d.isFinite else { continue }
            // Every double is a dyadic rational; the BigFloat route and the Double route must agree.
            #expect(Rational(exactly: BigFloat(d, precision: 53)) == Rational(exactly: d))
        }
        #expect(Rational(exactly: BigFloat.nan()) == nil)
        #expect(Rational(exactly: BigFloat.infinity()) == nil)
        #expect(Rational(exactly: -BigFloat(0)) == 0)
        #expect(BigInt(exactly: BigFloat(1).scaled(byPowerOfTwo: 300)) == BigInt(1) << 300)
        #expect(BigInt(exactly: BigFloat(3) / 2) == nil)
        #expect(BigFloat(BigInt(1) << 300, precision: 64) == BigFloat(1, precision: 64).scaled(byPowerOfTwo: 300))
    }

    @Test("Double and BigFloat agree on Scalar.init(Rational)")
    func scalarRational() {
        let r = Rational(numerator: 22, denominator: 7)
        #expect(Double(r) == 22.0 / 7.0)
        #expect(withPrecision(53) { BigFloat(r) }.doubleValue == 22.0 / 7.0)
    }

    @Test("Rational(exactly: 0) does not build MPFR's 2^(2^30) zero exponent (100 conversions well under 2 s)")
    func exactZeroIsCheap() {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<100 { #expect(Rational(exactly: BigFloat(0, precision: 1024)) == 0) }
        #expect(clock.now - start < .seconds(2))
    }
}
