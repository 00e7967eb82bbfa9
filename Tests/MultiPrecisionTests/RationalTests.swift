import CGMP
import Foundation
import RealModule
import Testing
import MultiPrecision

/// A reference fraction in `Int128`, reduced with its own Euclid, independent of GMP.
struct ReferenceFraction: Equatable {
    var p: Int128
    var q: Int128

    init(_ p: Int128, _ q: Int128) {
        precondition(q != 0)
        var (x, y) = (p.magnitude, q.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        let g = Int128(x == 0 ? 1 : x)
        let sign: Int128 = q < 0 ? -1 : 1
        self.p = sign * p / g
        self.q = sign * q / g
    }

    static func + (a: Self, b: Self) -> Self { Self(a.p * b.q + b.p * a.q, a.q * b.q) }
    static func - (a: Self, b: Self) -> Self { Self(a.p * b.q - b.p * a.q, a.q * b.q) }
    static func * (a: Self, b: Self) -> Self { Self(a.p * b.p, a.q * b.q) }
    static func / (a: Self, b: Self) -> Self { Self(a.p * b.q, a.q * b.p) }

    var text: String { q == 1 ? String(p) : "\(p)/\(q)" }
    var rational: Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }
}

extension SplitMix64 {
    /// A fraction with numerator and denominator of random bit length up to 30 bits (products fit in Int128).
    mutating func fraction(nonzero: Bool = false) -> ReferenceFraction {
        while true {
            let p = Int128(int() >> 34), q = Int128((int() >> 34).magnitude | 1) * Int128(1 << Int.random(in: 0...3, using: &self))
            if nonzero && p == 0 { continue }
            return ReferenceFraction(p, q)
        }
    }

    /// A double with a random sign, a random 53-bit significand and a binary exponent in `exponents`.
    mutating func double(exponents: ClosedRange<Int>) -> Double {
        let significand = Double(next() >> 11 | 1 << 52)  // in [2^52, 2^53)
        let value = Double(sign: Bool.random(using: &self) ? .minus : .plus,
                           exponent: Int.random(in: exponents, using: &self) - 52, significand: significand)
        return value
    }
}

/// `2^n` as a Rational, built through BigInt (n may be negative).
func twoTo(_ n: Int) -> Rational {
    n >= 0 ? Rational(BigInt(1) << n) : Rational(numerator: 1, denominator: BigInt(1) << -n)
}

@Suite("Rational")
struct RationalTests {
    // MARK: Canonical form and arithmetic

    @Test("values are canonical: reduced, with a positive denominator")
    func canonicalForm() throws {
        let a = Rational(numerator: 6, denominator: -4)
        #expect(a.numerator == -3 && a.denominator == 2 && a.description == "-3/2")
        let zero = Rational(numerator: 0, denominator: 5)
        #expect(zero.numerator == 0 && zero.denominator == 1 && zero.description == "0")
        #expect(Rational(numerator: -7, denominator: -1).description == "7")
        var generator = SplitMix64(seed: 20)
        for _ in 0..<1000 {
            let p = Int128(generator.int() >> 20), q = Int128(generator.nonzeroInt() >> 20 | 1)
            let value = Rational(numerator: BigInt(p), denominator: BigInt(q))
            let reference = ReferenceFraction(p, q)
            #expect(value.numerator.description == String(reference.p))
            #expect(value.denominator.description == String(reference.q))
            #expect(value.description == reference.text)
            #expect(value.isInteger == (reference.q == 1))
        }
        #expect(throws: MultiPrecisionError.divisionByZero(text: nil)) {
            try Rational(validatingNumerator: 1, denominator: 0)
        }
        #expect(try Rational(validatingNumerator: 2, denominator: -4) == Rational(numerator: -1, denominator: 2))
        #expect(Rational(BigInt(5)).description == "5" && Rational(-5).description == "-5")
        #expect(Rational(Int.min).description == String(Int.min))
    }

    @Test("+, -, *, / agree with Int128 fraction arithmetic")
    func arithmetic() {
        var generator = SplitMix64(seed: 21)
        for _ in 0..<1000 {
            let a = generator.fraction(), b = generator.fraction(nonzero: true)
            let x = a.rational, y = b.rational
            #expect((x + y).description == (a + b).text)
            #expect((x - y).description == (a - b).text)
            #expect((x * y).description == (a * b).text)
            #expect((x / y).description == (a / b).text)
            #expect((-x).description == ReferenceFraction(-a.p, a.q).text)
            var z = x
            z += y
            #expect(z.description == (a + b).text)
            z -= y
            #expect(z == x)
            z *= y
            #expect(z.description == (a * b).text)
            z /= y
            #expect(z == x)
            z.negate()
            #expect(z == -x)
            var w = Rational()
            w.formSum(x, y)
            #expect(w == x + y)
            w.formDifference(x, y)
            #expect(w == x - y)
            w.formProduct(x, y)
            #expect(w == x * y)
            w.addProduct(x, y)
            #expect(w == 2 * x * y)
            w.subtractProduct(y, x)
            #expect(w == x * y)
            // Order agrees with cross-multiplication (denominators are positive).
            #expect((x < y) == (a.p * b.q < b.p * a.q))
            #expect((x == y) == (a == b))
        }
    }

    @Test("field axioms hold on random rationals")
    func fieldAxioms() {
        var generator = SplitMix64(seed: 22)
        for _ in 0..<500 {
            let a = generator.fraction().rational, b = generator.fraction().rational, c = generator.fraction().rational
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a + 0 == a && a * 1 == a && a * 0 == 0)
            #expect(a + (-a) == 0)
            #expect(a - b == a + (-b))
            if let inverse = a.reciprocal {
                #expect(a * inverse == 1)
                #expect(b / a * a == b)
                #expect(inverse.reciprocal == a)
            } else {
                #expect(a.isZero)
            }
            // Order is compatible with the field operations.
            if a < b { #expect(a + c < b + c) }
            if a < b && c > 0 { #expect(a * c < b * c) }
            #expect(a.magnitude == (a < 0 ? -a : a))
            #expect(a.signum() == (a < 0 ? -1 : a == 0 ? 0 : 1))
        }
        #expect(Rational(0).reciprocal == nil)
        #expect(Rational.isExact)
    }

    @Test("code generic over AlgebraicField and OrderedField runs on Rational")
    func genericUse() {
        func harmonic<T: AlgebraicField>(_ n: Int, as: T.Type) -> T {
            var sum: T = 0
            for k in 1...n { sum += T(exactly: k)!.reciprocal! }
            return sum
        }
        func largest<T: OrderedField>(_ values: [T]) -> T { values.max()! }
        // H_10 = 7381/2520 (OEIS A001008 / A002805).
        #expect(harmonic(10, as: Rational.self) == Rational(numerator: 7381, denominator: 2520))
        #expect(largest([Rational(1), Rational("7/2")!, Rational(-9)]).description == "7/2")
    }

    @Test("power: positive, zero and negative exponents")
    func power() {
        #expect(Rational("2/3")!.power(-2) == Rational("9/4")!)
        #expect(Rational("-2/3")!.power(-3) == Rational("-27/8")!)
        #expect(Rational("-1/2")!.power(3) == Rational("-1/8")!)
        #expect(Rational(0).power(0) == 1 && Rational("5/7")!.power(0) == 1)
        var generator = SplitMix64(seed: 23)
        for _ in 0..<200 {
            let base = ReferenceFraction(Int128(Int.random(in: -50...50, using: &generator)),
                                         Int128(Int.random(in: 1...50, using: &generator)))
            var reference = ReferenceFraction(1, 1)
            for exponent in 0...8 {
                #expect(base.rational.power(exponent).description == reference.text)
                if base.p != 0 {
                    #expect(base.rational.power(-exponent) == reference.rational.reciprocal!)
                }
                reference = reference * base
            }
        }
    }

    // MARK: Text

    @Test("exact parsing of fractions and decimals", arguments: [
        ("3/4", "3/4"), ("-3/6", "-1/2"), ("+7", "7"), ("-0.125", "-1/8"), ("2.5e3", "2500"), ("1.5e+2", "150"),
        ("1.5E-2", "3/200"), (".5", "1/2"), ("5.", "5"), ("-.5e1", "-5"), ("007/014", "1/2"), ("0.000", "0"),
        ("-0", "0"), ("1e0", "1"), ("12345678901234567890.5", "24691357802469135781/2"), ("0/7", "0"),
        ("1e-0000000000000000000003", "1/1000"),
    ])
    func parsing(text: String, canonical: String) throws {
        let value = try Rational(parsing: text)
        #expect(value.description == canonical)
        #expect(Rational(text) == value)
    }

    @Test("decimal text is exact: 1e-30 is 1/10^30, not a rounded double")
    func exactDecimals() throws {
        let tenTo30 = BigInt(10).power(30)
        #expect(try Rational(parsing: "1e-30") == Rational(numerator: 1, denominator: tenTo30))
        #expect(try Rational(parsing: "1e-30") == Rational(1) / Rational(10).power(30))
        #expect(try Rational(parsing: "1e30") == Rational(tenTo30))
        #expect(try Rational(parsing: "2.5e3") == 2500)
        #expect(try Rational(parsing: "-0.125") == Rational(numerator: -1, denominator: 8))
        #expect(try Rational(parsing: "0.1") != Rational(exactly: 0.1)!)
        #expect(try Rational(parsing: "1e1000000") == Rational(10).power(1_000_000))
        var generator = SplitMix64(seed: 24)
        for _ in 0..<300 {
            let mantissa = generator.int() >> 10
            let exponent = Int.random(in: -40...40, using: &generator)
            let expected = Rational(mantissa) * Rational(10).power(exponent)
            #expect(try Rational(parsing: "\(mantissa)e\(exponent)") == expected)
            // The same value with a decimal point moved three places.
            let digits = String(mantissa.magnitude)
            let padded = String(repeating: "0", count: 4) + digits
            let split = padded.index(padded.endIndex, offsetBy: -3)
            let text = (mantissa < 0 ? "-" : "") + padded[..<split] + "." + padded[split...] + "E\(exponent + 3)"
            #expect(try Rational(parsing: text) == expected)
        }
    }

    @Test("description round trips through the parser")
    func roundTrip() {
        var generator = SplitMix64(seed: 25)
        for _ in 0..<500 {
            let value = generator.fraction().rational * Rational(BigInt(3).power(Int.random(in: 0...90, using: &generator)))
            #expect(Rational(value.description) == value)
        }
    }

    @Test("bad text: nil from the failable init, and the throwing parser reports the first bad position", arguments: [
        ("", 0), (" 1", 0), ("1 ", 1), ("nan", 0), ("inf", 0), ("-inf", 1), ("1/2/3", 3), ("1e", 2), ("1e+", 3),
        ("--1", 1), ("0x10", 1), ("5/-3", 2), (".", 1), ("1/", 2), ("/2", 0), ("1.2.3", 3), ("e5", 0), ("+", 1),
        ("1.5/2", 3), ("1/2e3", 3), ("1e5.5", 3), ("1_000", 1), ("1e1000001", 2), ("1e-99999999999999999999", 3),
        ("½", 0), ("1/2 ", 3), ("３", 0),
    ])
    func parseErrors(text: String, position: Int) {
        #expect(Rational(text) == nil)
        do {
            _ = try Rational(parsing: text)
            Issue.record("\"\(text)\" parsed")
        } catch {
            guard case let .invalidNumber(reportedText, reportedPosition, expected) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reportedText == text)
            #expect(reportedPosition == position)
            #expect(!expected.isEmpty)
            #expect(error.description.contains("\"\(text)\"") && error.description.contains("position \(position)"))
        }
    }

    @Test("a zero denominator in text is divisionByZero", arguments: ["1/0", "0/0", "-5/000"])
    func zeroDenominator(text: String) {
        #expect(Rational(text) == nil)
        #expect(throws: MultiPrecisionError.divisionByZero(text: text)) { try Rational(parsing: text) }
    }

    // MARK: Double

    @Test("every finite double converts exactly and back")
    func exactFromDouble() {
        var generator = SplitMix64(seed: 26)
        var samples: [Double] = [0, -0.0, 1, -1, 0.1, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                 .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for _ in 0..<2000 {
            let d = Double(bitPattern: generator.next())
            if d.isFinite { samples.append(d) }
        }
        for d in samples {
            let value = Rational(exactly: d)!
            #expect(Double(value) == d)
            #expect(Double(exactly: value) == d)
            #expect(Rational(d) == value)
            // Independent reference: d = ±m · 2^(e − 1075) from its bit fields.
            let m = d.exponentBitPattern == 0 ? d.significandBitPattern : d.significandBitPattern | 1 << 52
            let e = max(Int(d.exponentBitPattern), 1) - 1075
            let reference = Rational(BigInt(m)) * twoTo(e)
            #expect(value == (d.sign == .minus ? -reference : reference))
        }
        #expect(Rational(exactly: 0.1)!.description == "3602879701896397/36028797018963968")
        #expect(Rational(exactly: .nan) == nil)
        #expect(Rational(exactly: .infinity) == nil)
        #expect(Rational(exactly: -.infinity) == nil)
    }

    @Test("Double(p/q) is correctly rounded: agrees with IEEE division of exact doubles")
    func roundingAgainstDivision() {
        var generator = SplitMix64(seed: 27)
        for _ in 0..<3000 {
            let p = Int(generator.next() >> UInt64.random(in: 11...63, using: &generator))
            let q = Int(generator.next() >> UInt64.random(in: 11...63, using: &generator)) | 1
            let value = Rational(numerator: BigInt(p), denominator: BigInt(q))
            #expect(Double(value).bitPattern == (Double(p) / Double(q)).bitPattern)
            #expect(Double(-value).bitPattern == (Double(-p) / Double(q)).bitPattern)
        }
    }

    @Test("Double(p/q) across the whole range: subnormals, underflow and overflow agree with IEEE division")
    func roundingWholeRange() {
        var generator = SplitMix64(seed: 28)
        // Operands are exact doubles (normal, so their quotient spans 2^-2098 ... 2^2046); IEEE division rounds
        // their quotient correctly, including gradual underflow and overflow.
        for _ in 0..<3000 {
            let a = generator.double(exponents: -1022...1023)
            let b = generator.double(exponents: -1022...1023)
            let value = Rational(exactly: a)! / Rational(exactly: b)!
            #expect(Double(value).bitPattern == (a / b).bitPattern)
        }
        // Concentrate on the subnormal range and its boundaries: quotients near 2^-1022 ... 2^-1076.
        for _ in 0..<3000 {
            let a = generator.double(exponents: -1022...(-900))
            let b = generator.double(exponents: 0...180)
            let value = Rational(exactly: a)! / Rational(exactly: b)!
            #expect(Double(value).bitPattern == (a / b).bitPattern)
        }
        // And near the overflow threshold.
        for _ in 0..<1000 {
            let a = generator.double(exponents: 1000...1023)
            let b = generator.double(exponents: -30...0)
            let value = Rational(exactly: a)! / Rational(exactly: b)!
            #expect(Double(value).bitPattern == (a / b).bitPattern)
        }
    }

    @Test("subnormal ties and overflow, case by case")
    func roundingEdgeCases() {
        let tiny = Double.leastNonzeroMagnitude  // 2^-1074
        #expect(Double(twoTo(-1074)) == tiny)
        #expect(Double(3 * twoTo(-1075)) == 2 * tiny)  // 1.5 ulp: tie, to even (2)
        #expect(Double(5 * twoTo(-1075)) == 2 * tiny)  // 2.5 ulp: tie, to even (2)
        #expect(Double(7 * twoTo(-1075)) == 4 * tiny)  // 3.5 ulp: tie, to even (4)
        #expect(Double(5 * twoTo(-1076)) == tiny)  // 1.25 ulp
        #expect(Double(twoTo(-1075)) == 0)  // half the least subnormal: tie, to even (0)
        #expect(Double(-twoTo(-1075)).bitPattern == (-0.0).bitPattern)
        #expect(Double(twoTo(-1075) + twoTo(-3000)) == tiny)  // just above the tie
        #expect(Double(twoTo(-1076)) == 0)
        #expect(Double(twoTo(-5000)) == 0)
        // The midpoint between the largest subnormal and the least normal rounds to the even one (least normal).
        #expect(Double(twoTo(-1022) - twoTo(-1075)) == .leastNormalMagnitude)
        #expect(Double(twoTo(-1022) - twoTo(-1075) - twoTo(-3000)) == .leastNormalMagnitude.nextDown)
        #expect(Double(Rational(numerator: 1, denominator: 3) * twoTo(-1060)) == tiny * 5461)  // 16384/3 = 5461.33
        // Overflow at 2^1024 − 2^970, the midpoint between greatestFiniteMagnitude and 2^1024.
        let twoTo1024 = twoTo(1024)
        #expect(Double(twoTo1024 - twoTo(970)) == .infinity)
        #expect(Double(twoTo(970) - twoTo1024) == -.infinity)
        #expect(Double(twoTo1024 - twoTo(970) - twoTo(-10)) == .greatestFiniteMagnitude)
        #expect(Double(twoTo1024 / 3) == 0x1p1023 / 3 * 2)  // 0x1p1023 / 3 is correctly rounded; doubling is exact
        #expect(Double(twoTo(5000)) == .infinity)
        #expect(Double(Rational(numerator: 1, denominator: 3)) == 1.0 / 3.0)
        #expect(Double(Rational(numerator: BigInt(10).power(400), denominator: BigInt(10).power(399))) == 10)
    }

    @Test("Double(exactly:) is nil exactly when the value is not a double")
    func exactToDouble() {
        #expect(Double(exactly: Rational(numerator: 1, denominator: 3)) == nil)
        #expect(Double(exactly: Rational(numerator: 1, denominator: 2)) == 0.5)
        #expect(Double(exactly: twoTo(-1074)) == .leastNonzeroMagnitude)
        #expect(Double(exactly: twoTo(-1075)) == nil)
        #expect(Double(exactly: 3 * twoTo(-1075)) == nil)
        #expect(Double(exactly: twoTo(1023)) == 0x1p1023)
        #expect(Double(exactly: twoTo(1024)) == nil)
        #expect(Double(exactly: Rational(BigInt(2).power(53) + 1)) == nil)
        #expect(Double(exactly: Rational(0)) == 0)
    }

    @Test("BigInt(_:rounding:) agrees with Double.rounded on exactly representable values")
    func roundingToInteger() {
        let rules: [FloatingPointRoundingRule] = [.towardZero, .down, .up, .awayFromZero,
                                                  .toNearestOrAwayFromZero, .toNearestOrEven]
        var generator = SplitMix64(seed: 29)
        for _ in 0..<1000 {
            let p = Int.random(in: -1000...1000, using: &generator)
            let q = 1 << Int.random(in: 0...4, using: &generator)
            let value = Rational(numerator: BigInt(p), denominator: BigInt(q))
            let d = Double(p) / Double(q)  // exact
            for rule in rules {
                #expect(Int(exactly: BigInt(value, rounding: rule)) == Int(d.rounded(rule)))
            }
            #expect(BigInt(value) == BigInt(Int(d)))
            #expect(BigInt(exactly: value) == (d.rounded() == d ? BigInt(Int(d)) : nil))
        }
    }

    // MARK: Conformances and value semantics

    @Test("equal values hash equally whatever route built them")
    func hashing() throws {
        let routes: [Rational] = [
            Rational(numerator: 2, denominator: 4), Rational("0.5")!, Rational("1/2")!, Rational(exactly: 0.5)!,
            Rational(1) / 2, Rational("5e-1")!, Rational("-50/-100") ?? Rational(numerator: 50, denominator: 100),
            Rational("3/2")! - 1, twoTo(-1),
        ]
        for value in routes {
            #expect(value == routes[0])
            #expect(value.hashValue == routes[0].hashValue)
        }
        #expect(Set(routes).count == 1)
        #expect(Set([Rational(1), Rational(-1), Rational("1/2")!, Rational(2)]).count == 4)
        #expect(Rational("-0")!.hashValue == Rational(0).hashValue)
    }

    @Test("Codable round trip through JSON as \"p/q\" strings; bad strings are dataCorrupted")
    func codable() throws {
        let values: [Rational] = [0, -1, Rational("-3/2")!, twoTo(-200), Rational(BigInt(7).power(50))]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self).contains("\"-3\\/2\"")
            || String(decoding: data, as: UTF8.self).contains("\"-3/2\""))
        #expect(try JSONDecoder().decode([Rational].self, from: data) == values)
        #expect(try JSONDecoder().decode(Rational.self, from: Data("\"2.5e3\"".utf8)) == 2500)
        for bad in ["1/0", "abc"] {
            do {
                _ = try JSONDecoder().decode(Rational.self, from: Data("\"\(bad)\"".utf8))
                Issue.record("\"\(bad)\" decoded")
            } catch let DecodingError.dataCorrupted(context) {
                #expect(context.debugDescription.contains(bad))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("copy-on-write: mutating a copy leaves the original unchanged")
    func copyOnWrite() {
        let original = Rational("22/7")!
        let a = original
        var b = a
        b += 1
        #expect(a == original && b == Rational("29/7")!)
        var c = a
        c.formProduct(c, c)
        c.negate()
        c /= 3
        c.addProduct(a, a)
        #expect(a == original && a.description == "22/7")
        var d = a
        d.withUnsafeMutableMPQPointer { q in
            __gmpz_set_si(cgmp_mpq_numref(q), 6)
            __gmpz_set_si(cgmp_mpq_denref(q), -4)
        }
        #expect(d.description == "-3/2" && d.denominator == 2)  // canonicalized afterwards
        #expect(a == original)
        #expect(a.withUnsafeMPQPointer { __gmpq_cmp($0, $0) } == 0)
        #expect(Rational() == 0)
    }

    @Test("aliased operands: a + a, a * a, a / a and their in-place forms")
    func aliasing() {
        let value = Rational("-5/3")!
        var a = value
        #expect(a + a == Rational("-10/3")!)
        #expect(a * a == Rational("25/9")!)
        #expect(a / a == 1)
        a *= a
        #expect(a == Rational("25/9")!)
        a /= a
        #expect(a == 1)
        a = value
        a += a
        #expect(a == Rational("-10/3")!)
        a -= a
        #expect(a == 0)
        a = value
        a.formSum(a, a)
        #expect(a == Rational("-10/3")!)
        a.addProduct(a, a)
        #expect(a == Rational("-10/3")! + Rational("100/9")!)
    }

    @Test("division by zero is a precondition failure")
    func divisionByZeroTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Rational(1) / Rational(0)
        }
        await #expect(processExitsWith: .failure) {
            _ = Rational(numerator: 1, denominator: 0)
        }
    }
}
