import CGMP
import Foundation
import Testing
import MultiPrecision

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, seeded, deterministic generator for reproducible test operands.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An `Int` with a random bit length in 0...64 and a random sign, so small and large magnitudes are equally likely.
    mutating func int() -> Int {
        let bits = Int.random(in: 0...64, using: &self)
        let raw = bits == 0 ? 0 : next() >> (64 - bits)
        return Int(truncatingIfNeeded: raw) * (Bool.random(using: &self) ? 1 : -1)
    }

    /// A nonzero `Int` drawn like `int()`.
    mutating func nonzeroInt() -> Int {
        while true {
            let value = int()
            if value != 0 { return value }
        }
    }
}

/// Operands that every binary check runs through in addition to random ones.
let edgeInts: [Int] = [0, 1, -1, 2, -2, 3, -7, Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 32, -(1 << 32)]

/// Checks `value` against a reference `Int128` through two independent routes: decimal text and `Int128(exactly:)`.
func expectEqual(_ value: BigInt, _ reference: Int128, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(value.description == String(reference), sourceLocation: sourceLocation)
    #expect(Int128(exactly: value) == reference, sourceLocation: sourceLocation)
}

/// Random pairs plus all pairs of edge cases.
func operandPairs(count: Int, seed: UInt64, nonzeroRight: Bool = false) -> [(Int, Int)] {
    var generator = SplitMix64(seed: seed)
    var pairs: [(Int, Int)] = []
    for a in edgeInts { for b in edgeInts where !(nonzeroRight && b == 0) { pairs.append((a, b)) } }
    for _ in 0..<count {
        pairs.append((generator.int(), nonzeroRight ? generator.nonzeroInt() : generator.int()))
    }
    return pairs
}

@Suite("BigInt")
struct BigIntTests {
    // MARK: Arithmetic against Int128

    @Test("+, -, * and prefix - agree with Int128")
    func ringOperations() {
        for (a, b) in operandPairs(count: 1500, seed: 1) {
            let x = BigInt(a), y = BigInt(b)
            let p = Int128(a), q = Int128(b)
            expectEqual(x + y, p + q)
            expectEqual(x - y, p - q)
            expectEqual(x * y, p * q)
            expectEqual(-x, -p)
            var z = x
            z += y
            expectEqual(z, p + q)
            z -= y
            z *= y
            expectEqual(z, p * q)
            z.negate()
            expectEqual(z, -(p * q))
        }
    }

    @Test("operands beyond 64 bits: products of Int pairs combined with a third Int agree with Int128")
    func wideOperands() {
        var generator = SplitMix64(seed: 2)
        for _ in 0..<1500 {
            let a = generator.int(), b = generator.int() >> 1, c = generator.nonzeroInt()
            let wide = BigInt(a) * BigInt(b), reference = Int128(a) * Int128(b)
            expectEqual(wide, reference)
            expectEqual(wide / BigInt(c), reference / Int128(c))
            expectEqual(wide % BigInt(c), reference % Int128(c))
            expectEqual(wide + BigInt(c), reference + Int128(c))
            expectEqual(wide - wide, 0)
        }
    }

    @Test("/ and % truncate exactly like Int (and Int128 where Int overflows)")
    func truncatingDivision() {
        for (a, b) in operandPairs(count: 2000, seed: 3, nonzeroRight: true) {
            let x = BigInt(a), y = BigInt(b)
            let p = Int128(a), q = Int128(b)
            expectEqual(x / y, p / q)
            expectEqual(x % y, p % q)
            if !(a == Int.min && b == -1) {
                #expect(Int(exactly: x / y) == a / b)
                #expect(Int(exactly: x % y) == a % b)
            }
            let (quotient, remainder) = x.quotientAndRemainder(dividingBy: y)
            expectEqual(quotient, p / q)
            expectEqual(remainder, p % q)
            var z = x
            z /= y
            expectEqual(z, p / q)
            z = x
            z %= y
            expectEqual(z, p % q)
            #expect(x.isMultiple(of: y) == (p % q == 0))
        }
        #expect(BigInt(5).isMultiple(of: 0) == false)
        #expect(BigInt(0).isMultiple(of: 0) == true)
    }

    @Test("floor division rounds toward -infinity; the remainder has the divisor's sign")
    func floorDivision() {
        for (a, b) in operandPairs(count: 2000, seed: 4, nonzeroRight: true) {
            let p = Int128(a), q = Int128(b)
            // Reference: adjust Int128's truncating result.
            var floorQuotient = p / q, floorRemainder = p % q
            if floorRemainder != 0 && (floorRemainder < 0) != (q < 0) {
                floorQuotient -= 1
                floorRemainder += q
            }
            let x = BigInt(a), y = BigInt(b)
            expectEqual(x.floorDivided(by: y), floorQuotient)
            expectEqual(x.floorModulo(y), floorRemainder)
            let (quotient, remainder) = x.floorQuotientAndRemainder(dividingBy: y)
            expectEqual(quotient, floorQuotient)
            expectEqual(remainder, floorRemainder)
        }
        // The table in BigInt+Division.swift.
        #expect(BigInt(-7).floorDivided(by: 2) == -4 && BigInt(-7).floorModulo(2) == 1)
        #expect(BigInt(7).floorDivided(by: -2) == -4 && BigInt(7).floorModulo(-2) == -1)
    }

    @Test("gcd and lcm agree with Euclid's algorithm on Int128")
    func gcdAndLCM() {
        func euclid(_ a: UInt128, _ b: UInt128) -> UInt128 {
            var (x, y) = (a, b)
            while y != 0 { (x, y) = (y, x % y) }
            return x
        }
        for (a, b) in operandPairs(count: 1000, seed: 5) {
            let g = euclid(Int128(a).magnitude, Int128(b).magnitude)
            let gcd = BigInt.gcd(BigInt(a), BigInt(b))
            #expect(gcd.description == String(g))
            let l: UInt128 = g == 0 ? 0 : Int128(a).magnitude / g * Int128(b).magnitude
            #expect(BigInt.lcm(BigInt(a), BigInt(b)).description == String(l))
        }
        #expect(BigInt.gcd(0, 0) == 0)
        #expect(BigInt.gcd(-12, 0) == 12)
    }

    @Test("comparisons agree with Int")
    func comparisons() {
        for (a, b) in operandPairs(count: 2000, seed: 6) {
            let x = BigInt(a), y = BigInt(b)
            #expect((x < y) == (a < b))
            #expect((x == y) == (a == b))
            #expect((x > y) == (a > b))
            #expect((x <= y) == (a <= b))
            #expect(x.signum() == a.signum())
            #expect(x.isZero == (a == 0))
            #expect(x.isNegative == (a < 0))
            #expect(x.isOdd == (a % 2 != 0) && x.isEven == (a % 2 == 0))
            #expect(x.bitSize == Int.bitWidth - a.magnitude.leadingZeroBitCount)
            expectEqual(x.magnitude, Int128(a.magnitude))
        }
        #expect(BigInt(0).bitSize == 0)
        #expect(BigInt(-256).bitSize == 9)
    }

    @Test("power agrees with repeated Int128 multiplication")
    func power() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let base = Int.random(in: -1000...1000, using: &generator)
            var reference: Int128 = 1
            for exponent in 0...40 {
                expectEqual(BigInt(base).power(exponent), reference)
                let (next, overflow) = reference.multipliedReportingOverflow(by: Int128(base))
                if overflow { break }
                reference = next
            }
        }
        #expect(BigInt(0).power(0) == 1)
        #expect(BigInt(2).power(100).description == "1267650600228229401496703205376")
    }

    @Test("shifts agree with Int128's smart shifts (>> rounds toward -infinity)")
    func shifts() {
        var generator = SplitMix64(seed: 8)
        for _ in 0..<1000 {
            let a = generator.int()
            let shift = Int.random(in: -60...60, using: &generator)
            expectEqual(BigInt(a) << shift, Int128(a) << shift)
            expectEqual(BigInt(a) >> shift, Int128(a) >> shift)
        }
        #expect(BigInt(-1) >> 5 == -1)
        #expect(BigInt(1) << 200 == BigInt(2).power(200))
    }

    // MARK: Text

    @Test("string round trips in bases 2, 10, 16 and 36 agree with String(_:radix:)", arguments: [2, 10, 16, 36])
    func radixRoundTrip(radix: Int) throws {
        var generator = SplitMix64(seed: 9 &+ UInt64(radix))
        var references: [Int128] = edgeInts.map { Int128($0) } + [Int128.max, Int128.min + 1]
        for _ in 0..<500 { references.append(Int128(generator.int()) * Int128(generator.int())) }
        for reference in references {
            let value = BigInt(reference)
            let lower = String(reference, radix: radix)
            let upper = String(reference, radix: radix, uppercase: true)
            #expect(value.toString(radix: radix) == lower)
            #expect(value.toString(radix: radix, uppercase: true) == upper)
            #expect(BigInt(lower, radix: radix) == value)
            #expect(BigInt(upper, radix: radix) == value)
            #expect(BigInt("+" + lower, radix: radix) == (reference < 0 ? nil : value))
            #expect(try Int128(exactly: BigInt(parsing: lower, radix: radix)) == reference)
        }
    }

    @Test("description and LosslessStringConvertible round trip, beyond Int128 too")
    func decimalRoundTrip() throws {
        let text = "-" + String(repeating: "9876543210", count: 12)
        let value = try #require(BigInt(text))
        #expect(value.description == text)
        #expect(BigInt(value.description) == value)
        #expect(BigInt("-0") == 0 && BigInt("-0")?.description == "0")
        #expect(BigInt("000123") == 123)
        #expect(BigInt("ZZ", radix: 36) == BigInt(35 * 36 + 35))
    }

    @Test("bad text: the failable init returns nil and parsing reports the first bad position", arguments: [
        ("", 10, 0), ("+", 10, 1), ("-", 10, 1), (" 1", 10, 0), ("1 ", 10, 1), ("12a", 10, 2),
        ("--1", 10, 1), ("+-1", 10, 1), ("1-", 10, 1), ("0x10", 10, 1), ("0x10", 16, 1), ("12", 2, 1),
        ("1_000", 10, 1), ("١٢", 10, 0), ("1.0", 10, 1), ("z", 35, 0), ("1\n", 10, 1),
    ])
    func parseErrors(text: String, radix: Int, position: Int) {
        #expect(BigInt(text, radix: radix) == nil)
        do {
            _ = try BigInt(parsing: text, radix: radix)
            Issue.record("\"\(text)\" parsed")
        } catch {
            guard case let .invalidNumber(reportedText, reportedPosition, expected) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reportedText == text)
            #expect(reportedPosition == position)
            #expect(expected.contains("base \(radix)"))
            #expect(error.description.contains("\"\(text)\""))
        }
    }

    @Test("a radix outside 2...36 is rejected", arguments: [0, 1, 37, -10])
    func badRadix(radix: Int) {
        #expect(BigInt("1", radix: radix) == nil)
        #expect(throws: MultiPrecisionError.invalidBase(radix)) { try BigInt(parsing: "1", radix: radix) }
    }

    // MARK: Conversions

    @Test("Int and FixedWidthInteger conversions: exact ones fail outside the range, truncating ones wrap")
    func integerConversions() {
        let max = BigInt(Int.max), min = BigInt(Int.min)
        #expect(Int(exactly: max) == Int.max)
        #expect(Int(exactly: min) == Int.min)
        #expect(Int(exactly: max + 1) == nil)
        #expect(Int(exactly: min - 1) == nil)
        #expect(Int(exactly: -min) == nil)
        expectEqual(-min, -Int128(Int.min))
        #expect(Int(truncatingIfNeeded: max + 1) == Int.min)
        #expect(Int(truncatingIfNeeded: -min) == Int.min)
        #expect(UInt(exactly: BigInt(-1)) == nil)
        #expect(UInt(exactly: max + max + 1) == UInt.max)
        #expect(UInt(exactly: max + max + 2) == nil)
        #expect(UInt8(truncatingIfNeeded: BigInt(-1)) == 255)
        #expect(Int8(truncatingIfNeeded: BigInt(300)) == 44)
        #expect(Int8(exactly: BigInt(-128)) == -128)
        #expect(Int8(exactly: BigInt(-129)) == nil)
        #expect(Int8(exactly: BigInt(128)) == nil)
        #expect(Int128(exactly: BigInt(Int128.min)) == Int128.min)
        #expect(Int128(exactly: BigInt(Int128.min) - 1) == nil)
        #expect(UInt128(exactly: BigInt(UInt128.max)) == UInt128.max)
        #expect(BigInt(exactly: UInt64.max) == BigInt(UInt64.max))
        #expect(BigInt(UInt128.max).description == String(UInt128.max))
        var generator = SplitMix64(seed: 10)
        for _ in 0..<1000 {
            let wide = Int128(generator.int()) * Int128(generator.int())
            #expect(Int64(truncatingIfNeeded: BigInt(wide)) == Int64(truncatingIfNeeded: wide))
            #expect(Int32(exactly: BigInt(wide)) == Int32(exactly: wide))
            #expect(Int(exactly: BigInt(wide)) == Int(exactly: wide))
        }
    }

    @Test("Double(BigInt) is correctly rounded: agrees with Double(Int) and Double(Int128)")
    func toDouble() {
        var generator = SplitMix64(seed: 11)
        for a in edgeInts { #expect(Double(BigInt(a)) == Double(a)) }
        for _ in 0..<2000 {
            let a = generator.int()
            #expect(Double(BigInt(a)) == Double(a))
            let wide = Int128(a) * Int128(generator.int())
            #expect(Double(BigInt(wide)) == Double(wide))
            let shifted = Int128(a) << Int.random(in: 0...63, using: &generator)
            #expect(Double(BigInt(shifted)) == Double(shifted))
        }
        let twoTo53 = BigInt(2).power(53)
        #expect(Double(twoTo53 + 1) == 9_007_199_254_740_992)  // tie, to even
        #expect(Double(twoTo53 + 3) == 9_007_199_254_740_996)  // tie, to even (up)
        #expect(Double(-(twoTo53 + 1)) == -9_007_199_254_740_992)
        // Far above 64 bits: the low bits decide a tie (sticky bit).
        let big = BigInt(2).power(300)
        #expect(Double(big + BigInt(2).power(247)) == 0x1p300)  // exactly half an ulp: to even
        #expect(Double(big + BigInt(2).power(247) + 1) == 0x1.0000000000001p300)  // just above half
        #expect(Double(big - 1) == 0x1p300)
        // Overflow: greatestFiniteMagnitude = 2^1024 − 2^971; the midpoint 2^1024 − 2^970 rounds to even (infinity).
        let twoTo1024 = BigInt(2).power(1024)
        #expect(Double(twoTo1024 - BigInt(2).power(971)) == .greatestFiniteMagnitude)
        #expect(Double(twoTo1024 - BigInt(2).power(970) - 1) == .greatestFiniteMagnitude)
        #expect(Double(twoTo1024 - BigInt(2).power(970)) == .infinity)
        #expect(Double(-twoTo1024) == -.infinity)
        #expect(Double(BigInt(10).power(400)) == .infinity)
    }

    @Test("Double(exactly:) and BigInt(exactly:) are nil exactly when inexact")
    func exactDoubleConversions() {
        let twoTo53 = BigInt(2).power(53)
        #expect(Double(exactly: twoTo53) == 0x1p53)
        #expect(Double(exactly: twoTo53 + 1) == nil)
        #expect(Double(exactly: twoTo53 + 2) == 0x1p53 + 2)
        #expect(Double(exactly: BigInt(2).power(1023)) == 0x1p1023)
        #expect(Double(exactly: BigInt(2).power(1024)) == nil)
        #expect(Double(exactly: BigInt(0)) == 0)
        #expect(BigInt(exactly: 0.5) == nil)
        #expect(BigInt(exactly: -2.5) == nil)
        #expect(BigInt(exactly: Double.nan) == nil)
        #expect(BigInt(exactly: Double.infinity) == nil)
        #expect(BigInt(exactly: -0.0) == 0)
        #expect(BigInt(exactly: 0x1p100) == BigInt(2).power(100))
        #expect(BigInt(-2.7) == -2)
        #expect(BigInt(2.7) == 2)
        var generator = SplitMix64(seed: 12)
        for _ in 0..<2000 {
            // Random finite doubles of all magnitudes, and integral ones near 2^63.
            let d = Double(bitPattern: generator.next() & ~(0x7FF << 52) | (UInt64.random(in: 900...1200, using: &generator) << 52))
            if d.rounded(.towardZero) == d {
                let value = BigInt(exactly: d)
                #expect(value != nil && Double(value!) == d && Double(exactly: value!) == d)
            } else {
                #expect(BigInt(exactly: d) == nil)
            }
            if abs(d) < 0x1p63 { #expect(BigInt(d) == BigInt(Int(d))) }
        }
    }

    // MARK: Conformances and value semantics

    @Test("equal values hash equally whatever route built them")
    func hashing() {
        let routes: [BigInt] = [
            BigInt("12345678901234567890123")!,
            BigInt(Int128(12_345_678_901_234_567_890_123 as Int128)),
            BigInt(12_345_678_901) * BigInt(1_000_000_000_000) + BigInt(234_567_890_123),
            BigInt("-12345678901234567890123")!.magnitude,
            (BigInt("12345678901234567890123")! << 70) >> 70,
        ]
        for value in routes {
            #expect(value == routes[0])
            #expect(value.hashValue == routes[0].hashValue)
        }
        #expect(Set(routes).count == 1)
        #expect(BigInt("-0")!.hashValue == BigInt(0).hashValue)
        #expect(Set([BigInt(1), BigInt(-1), BigInt(2)]).count == 3)
    }

    @Test("Codable round trip through JSON as decimal strings; bad strings are dataCorrupted")
    func codable() throws {
        let values: [BigInt] = [0, -1, BigInt(2).power(200), -BigInt(3).power(99)]
        let data = try JSONEncoder().encode(values)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"\(BigInt(2).power(200))\""))
        #expect(try JSONDecoder().decode([BigInt].self, from: data) == values)
        do {
            _ = try JSONDecoder().decode([BigInt].self, from: Data("[\"12x\"]".utf8))
            Issue.record("bad string decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("12x"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("copy-on-write: mutating a copy leaves the original unchanged")
    func copyOnWrite() {
        let original = BigInt(2).power(100)
        let a = original
        var b = a
        b += 1
        #expect(a == original && b == original + 1)
        var c = a
        c <<= 3
        c.negate()
        c *= c
        #expect(a == original)
        var d = a
        d.withUnsafeMutableMPZPointer { __gmpz_set_si($0, 7) }
        #expect(d == 7 && a == original)
        #expect(a.withUnsafeMPZPointer { __gmpz_cmp($0, $0) } == 0)
        var e = BigInt()
        #expect(e == 0)
        e.withUnsafeMutableMPZPointer { __gmpz_set_si($0, -3) }
        #expect(e == -3)
    }

    @Test("aliased operands: a + a, a * a, a += a, a *= a, a -= a")
    func aliasing() {
        let p: Int128 = 0x1234_5678_9ABC_DEF
        var a = BigInt(p)
        expectEqual(a + a, 2 * p)
        expectEqual(a * a, p * p)
        expectEqual(a / a, 1)
        a += a
        expectEqual(a, 2 * p)
        a -= a
        expectEqual(a, 0)
        a = BigInt(p)
        a *= a
        expectEqual(a, p * p)
    }

    @Test("values cross task boundaries (Sendable)")
    func sendable() async {
        let base = BigInt(3).power(200)
        let results = await withTaskGroup(of: BigInt.self) { group in
            for k in 0..<8 { group.addTask { base * BigInt(k) } }
            var sum = BigInt(0)
            for await value in group { sum += value }
            return sum
        }
        #expect(results == base * 28)
    }

    @Test("division by zero is a precondition failure")
    func divisionByZeroTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = BigInt(1) / BigInt(0)
        }
    }
}
