import CGMP

// Exact reading of rational text.
//
// Grammar (no whitespace anywhere; digits are ASCII 0-9):
//
//     rational  = sign? ( fraction | decimal )
//     fraction  = digits "/" digits                 "3/4", "-3/6" (= -1/2), "+7/1"
//     decimal   = mantissa exponent?                "7", "-0.125", "2.5e3", "1e-30", ".5", "5."
//     mantissa  = digits ( "." digits? )?  |  "." digits
//     exponent  = ( "e" | "E" ) sign? digits
//     sign      = "+" | "-"
//
// Decisions:
// - ".5" and "5." are accepted (as by strtod and Python's Fraction): a decimal point needs a digit on at least one
//   side. "." alone is rejected.
// - The denominator of a fraction has no sign: "5/-3" is rejected at the "-". Fractions take no decimal point or
//   exponent ("1.5/2", "1/2e3" are rejected).
// - Decimal text is read exactly: "1e-30" is 1/10^30, not the double nearest to it.
// - The decimal exponent is limited to ±maximumDecimalExponent (10^6) so that hostile text such as "1e999999999"
//   cannot make the parser compute a gigantic power of ten.
// - "nan", "inf", hexadecimal ("0x10"), underscores and whitespace are rejected.

extension Rational {
    /// The largest decimal exponent magnitude that `init(parsing:)` accepts: `1e1000000` is read, `1e1000001` is not.
    public static let maximumDecimalExponent = 1_000_000

    /// Reads a rational number exactly, such as `"3/4"`, `"-0.125"`, `"2.5e3"` or `"1e-30"`; `nil` if the text is
    /// not one (including `"1/0"`).
    ///
    /// This is the `LosslessStringConvertible` requirement: `Rational(x.description) == x` for every `x`.
    /// Use `init(parsing:)` to learn where and why the text was rejected.
    public init?(_ description: String) {
        guard let value = try? Rational(parsing: description) else { return nil }
        self = value
    }

    /// Reads a rational number exactly, reporting precisely what is wrong with bad text.
    ///
    /// Accepted forms, with an optional leading `+` or `-` and no whitespace:
    /// - a fraction of two decimal integers, `"p/q"` (`"-3/6"` is −1/2; the denominator takes no sign);
    /// - a decimal with an optional point and exponent: `"42"`, `"-0.125"`, `".5"`, `"5."`, `"2.5e3"`,
    ///   `"1.5E+2"`, `"1e-30"`. The value is exact: `"0.1"` is 1/10 and `"1e-30"` is 1/10^30.
    ///
    /// ```swift
    /// try Rational(parsing: "-0.125")   // -1/8
    /// try Rational(parsing: "1/2/3")    // throws invalidNumber(text: "1/2/3", position: 3, …)
    /// ```
    ///
    /// - Parameter text: The text to read, with nothing around the number.
    /// - Throws: `MultiPrecisionError.invalidNumber(text:position:expected:)` with the 0-based character offset of
    ///   the first character that cannot be read (the length of the text when it ends too early) and what was
    ///   expected there; `MultiPrecisionError.divisionByZero(text:)` for a zero denominator such as `"1/0"`.
    ///   An exponent beyond ±`maximumDecimalExponent` is reported as `invalidNumber` at its first digit.
    public init(parsing text: String) throws(MultiPrecisionError) {
        var scanner = _RationalScanner(text)
        self.init()
        try scanner.scan(into: storage.raw)
    }
}

/// A one-pass reader for the grammar above that writes the value into an `mpq_t`.
private struct _RationalScanner {
    let text: String
    let characters: [Character]
    var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    var current: Character? { index < characters.count ? characters[index] : nil }

    func failure(_ expected: String) -> MultiPrecisionError {
        .invalidNumber(text: text, position: index, expected: expected)
    }

    /// Consumes a run of decimal digits and returns their ASCII bytes.
    mutating func digits() -> [UInt8] {
        var bytes: [UInt8] = []
        while let character = current, let value = _digitValue(character), value < 10 {
            bytes.append(character.asciiValue!)
            index += 1
        }
        return bytes
    }

    /// Consumes an optional `+` or `-`; returns whether it was `-`.
    mutating func sign() -> Bool {
        guard let character = current, character == "+" || character == "-" else { return false }
        index += 1
        return character == "-"
    }

    mutating func scan(into result: UnsafeMutablePointer<__mpq_struct>) throws(MultiPrecisionError) {
        let negative = sign()
        let atStart = index == 0
        let integerDigits = digits()

        if current == "/", !integerDigits.isEmpty {
            index += 1
            let denominatorDigits = digits()
            guard !denominatorDigits.isEmpty else { throw failure("a digit") }
            guard current == nil else { throw failure("a digit or the end of the text") }
            _setFromDigits(cgmp_mpq_numref(result), integerDigits, radix: 10)
            _setFromDigits(cgmp_mpq_denref(result), denominatorDigits, radix: 10)
            guard cgmp_mpz_sgn(cgmp_mpq_denref_const(result)) != 0 else { throw .divisionByZero(text: text) }
            __gmpq_canonicalize(result)
            if negative { __gmpq_neg(result, result) }
            return
        }

        var fractionDigits: [UInt8] = []
        var sawPoint = false
        if current == "." {
            sawPoint = true
            index += 1
            fractionDigits = digits()
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            if sawPoint { throw failure("a digit") }
            throw failure(atStart ? "'+', '-', a digit or '.'" : "a digit or '.'")
        }

        var exponent = 0
        var sawExponent = false
        if current == "e" || current == "E" {
            sawExponent = true
            index += 1
            let hasSign = current == "+" || current == "-"
            let exponentNegative = sign()
            let exponentStart = index
            var magnitude = 0
            while let character = current, let value = _digitValue(character), value < 10 {
                // Stop accumulating once past the limit, so that the magnitude cannot overflow.
                if magnitude <= Rational.maximumDecimalExponent { magnitude = magnitude * 10 + value }
                index += 1
            }
            guard index > exponentStart else { throw failure(hasSign ? "a digit" : "'+', '-' or a digit") }
            guard magnitude <= Rational.maximumDecimalExponent else {
                throw .invalidNumber(text: text, position: exponentStart, expected:
                    "an exponent of at most \(Rational.maximumDecimalExponent) in magnitude")
            }
            exponent = exponentNegative ? -magnitude : magnitude
        }

        guard current == nil else {
            if sawExponent { throw failure("a digit or the end of the text") }
            if sawPoint { throw failure("a digit, 'e' or the end of the text") }
            throw failure("a digit, '.', '/', 'e' or the end of the text")
        }

        // value = (integerDigits fractionDigits) · 10^(exponent − fractionDigits.count), exactly.
        let scale = exponent - fractionDigits.count
        let numerator = cgmp_mpq_numref(result)!, denominator = cgmp_mpq_denref(result)!
        _setFromDigits(numerator, integerDigits + fractionDigits, radix: 10)
        if scale >= 0 {
            _withTemporaryMPZ { power in
                __gmpz_ui_pow_ui(power, 10, CUnsignedLong(scale))
                __gmpz_mul(numerator, numerator, power)
            }
        } else {
            __gmpz_ui_pow_ui(denominator, 10, CUnsignedLong(-scale))
        }
        __gmpq_canonicalize(result)
        if negative { __gmpq_neg(result, result) }
    }
}
