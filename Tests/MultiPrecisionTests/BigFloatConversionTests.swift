import AttestTestSupport
import CMPFR
import Foundation
import Testing
@testable import MultiPrecision

@Suite("BigFloat conversions, strings, Codable and Hashable")
struct BigFloatConversionTests {
    @Test("Double converts exactly and back (random doubles, all binades)")
    func doubleRoundTrip() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let d = Double(bitPattern: generator.next())
            guard d.isFinite else { continue }
            let x = BigFloat(d, precision: 53)
            #expect(x.doubleValue == d)
            #expect(BigFloat(d) == x)   // exact at the default 256 bits too
        }
        #expect(BigFloat(Double.nan).isNaN)
        #expect(BigFloat(-Double.infinity) == -BigFloat.infinity())
    }

    @Test("Conversion to Double rounds to nearest, ties to even")
    func doubleRounding() {
        withPrecision(200) {
            let one = BigFloat(1)
            let halfUlp = one.scaled(byPowerOfTwo: -53)
            #expect((one + halfUlp).doubleValue == 1.0)                               // tie → even
            #expect((one + halfUlp + halfUlp.scaled(byPowerOfTwo: -100)).doubleValue == 1.0 + .ulpOfOne)
            #expect(BigFloat(1).scaled(byPowerOfTwo: 2000).doubleValue == .infinity)
            #expect(BigFloat(1).scaled(byPowerOfTwo: -1074).doubleValue == .leastNonzeroMagnitude)
            #expect(Double(BigFloat(1) / 3, rounding: .down) < Double(BigFloat(1) / 3, rounding: .up))
        }
    }

    @Test("Decimal strings round-trip at every precision", arguments: [2, 53, 256, 4096])
    func stringRoundTrip(bits: Int) {
        var generator = SplitMix64(seed: UInt64(bits))
        withPrecision(bits) {
            for _ in 0..<40 {
                let x = BigFloat(Int(bitPattern: UInt(generator.next()))) / BigFloat(Int(generator.next() >> 1) | 1)
                    * BigFloat.exp2(BigFloat(Int(generator.next() % 400) - 200))
                let text = x.description
                #expect(BigFloat(text, precision: bits) == x, "\(text)")
            }
        }
    }

    @Test("Printing: positional, scientific, special values")
    func printing() {
        withPrecision(64) {
            #expect(BigFloat(1).description == "1")
            #expect(BigFloat(-25).description == "-25")
            #expect((BigFloat(1) / 8).description == "0.125")
            #expect(BigFloat("1e-30")!.formatted(significantDigits: 3) == "1.00e-30")
            #expect(BigFloat("123456.789")!.formatted(significantDigits: 4) == "123500")
            #expect(BigFloat.pi.formatted(significantDigits: 5) == "3.1416")
            #expect(BigFloat.pi.scientific(significantDigits: 3) == "3.14e+0")
            #expect(BigFloat.nan().description == "nan")
            #expect(BigFloat.infinity(sign: .minus).description == "-inf")
            #expect((-BigFloat(0)).description == "-0")
        }
    }

    @Test("Error estimates print rounded up, interval ends outward")
    func directedPrinting() {
        withPrecision(96) {
            // 1.3815e-16 to nearest is 1.38e-16, below the value: printed so, an estimate would understate itself.
            let e = BigFloat("1.3815e-16")!
            #expect(e.scientific(significantDigits: 3) == "1.38e-16")
            #expect(e.scientific(significantDigits: 3, rounding: .up) == "1.39e-16")
            #expect(e.scientific(significantDigits: 3, rounding: .down) == "1.38e-16")
            // π = 3.14159…: down 3.14, up 3.15; −π up is −3.14 (toward +∞).
            #expect(BigFloat.pi.scientific(significantDigits: 3, rounding: .up) == "3.15e+0")
            #expect((-BigFloat.pi).scientific(significantDigits: 3, rounding: .up) == "-3.14e+0")
            #expect((-BigFloat.pi).scientific(significantDigits: 3, rounding: .down) == "-3.15e+0")
            // An exactly representable value prints the same in every direction.
            #expect((BigFloat(1) / 4).scientific(significantDigits: 3, rounding: .up) == "2.50e-1")
            #expect(BigFloat(0).scientific(significantDigits: 3, rounding: .up) == "0")
        }
    }

    @Test("Parsing reads decimals correctly rounded")
    func parsing() throws {
        // 0.1 at 53 bits is Double's 0.1 (both correctly rounded).
        #expect(BigFloat("0.1", precision: 53)!.doubleValue == 0.1)
        #expect(BigFloat("2.5e3")! == 2500)
        #expect(BigFloat("-.5")! == BigFloat(-1) / 2)
        #expect(BigFloat("+7.")! == 7)
        #expect(BigFloat("NaN")!.isNaN)
        #expect(BigFloat("-Infinity")! == -BigFloat.infinity())
    }

    @Test("Parse errors name the text and the position", arguments: [
        ("", 0, "a digit"), ("1.5x", 3, "a digit, a decimal point or an exponent"), (" 1", 0, "a digit"),
        ("1e", 2, "a digit in the exponent"), ("--1", 1, "a digit"), ("0x10", 1, "a digit, a decimal point or an exponent"),
        ("1,5", 1, "a digit, a decimal point or an exponent"), ("é1", 0, "a digit"), ("1.2.3", 3, "a digit, a decimal point or an exponent"),
    ])
    func parseErrors(text: String, position: Int, expected: String) {
        #expect(BigFloat(text) == nil)
        #expect(throws: MultiPrecisionError.invalidNumber(text: text, position: position, expected: expected)) {
            try BigFloat(parsing: text)
        }
        let message = (try? BigFloat(parsing: text)).map { _ in "" } ?? {
            do { _ = try BigFloat(parsing: text); return "" } catch { return "\(error)" }
        }()
        #expect(message.contains("\"\(text)\"") && message.contains("position \(position)"))
    }

    @Test("A precision out of range from user input is a thrown error", arguments: [0, 1, -5, 1_000_000_000])
    func precisionOutOfRange(bits: Int) {
        #expect(throws: MultiPrecisionError.precisionOutOfRange(bits, allowed: Precision.supportedRange)) {
            try BigFloat(parsing: "1.5", precision: bits)
        }
        #expect(throws: MultiPrecisionError.self) { try Precision.validated(bits) }
    }

    @Test("Codable round-trips exactly, including the precision and special values", arguments: [2, 53, 256, 3000])
    func codable(bits: Int) throws {
        let values: [BigFloat] = withPrecision(bits) {
            [BigFloat.pi, -BigFloat.e, BigFloat(1) / 3, BigFloat(0), -BigFloat(0), .nan(), .infinity(),
             .infinity(sign: .minus), BigFloat(1).scaled(byPowerOfTwo: -100_000), BigFloat(12345)]
        }
        let data = try JSONEncoder().encode(values)
        let decoded = try JSONDecoder().decode([BigFloat].self, from: data)
        for (original, copy) in zip(values, decoded) {
            #expect(copy.precision == original.precision)
            #expect(copy == original || (copy.isNaN && original.isNaN))
            #expect(copy.sign == original.sign)
        }
        let corrupted = Data(#"{"precision": 64, "value": "0.zz@1"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BigFloat.self, from: corrupted) }
        let badPrecision = Data(#"{"precision": 0, "value": "0"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BigFloat.self, from: badPrecision) }
    }

    @Test("Equal values hash alike across precisions and signed zeros")
    func hashing() {
        let pairs: [(BigFloat, BigFloat)] = [
            (BigFloat(3, precision: 64), BigFloat(3, precision: 4096)),
            (BigFloat(0), -BigFloat(0, precision: 77)),
            (BigFloat(1, precision: 2000) / 1024, BigFloat(1, precision: 10) / 1024),
            (BigFloat(-6, precision: 100), BigFloat(-6, precision: 5)),
        ]
        for (a, b) in pairs {
            #expect(a == b)
            #expect(a.hashValue == b.hashValue)
        }
        let set: Set<BigFloat> = [BigFloat(1), BigFloat(1, precision: 99), BigFloat(2)]
        #expect(set.count == 2)
        #expect(BigFloat(1).hashValue != BigFloat(1).nextUpForTesting.hashValue)
    }

    @Test("init(exactly:) of integers is exact or nil")
    func exactIntegers() {
        withPrecision(64) {
            #expect(BigFloat(exactly: Int.max) == BigFloat(Int.max))
            #expect(BigFloat(exactly: UInt64.max) != nil)                 // 2^64 − 1 needs 64 bits: exact
            #expect(BigFloat(exactly: (UInt64.max as UInt64) - 1) != nil)
        }
        withPrecision(8) {
            #expect(BigFloat(exactly: 255) == 255)
            #expect(BigFloat(exactly: 257) == nil)
        }
    }
}

extension BigFloat {
    /// The next representable value above (test helper through MPFR).
    var nextUpForTesting: BigFloat {
        var copy = self
        copy.withUnsafeMutableMPFRPointer { mpfr_nextabove($0) }
        return copy
    }
}
