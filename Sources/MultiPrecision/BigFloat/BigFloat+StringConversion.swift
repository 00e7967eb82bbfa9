import CMPFR

/// Decimal parsing (correctly rounded) and printing.
extension BigFloat: LosslessStringConvertible {
    /// Parses a decimal number at the default precision; `nil` when `description` is not a number.
    ///
    /// Accepted: an optional sign, digits with an optional point (`"3"`, `"-0.125"`, `".5"`, `"2."`), an optional
    /// exponent (`"1e-30"`, `"2.5E+3"`), and `"nan"`, `"inf"`, `"infinity"` in any case. No whitespace.
    /// The result is the correctly rounded (to nearest) value of the exact decimal.
    public init?(_ description: String) {
        guard let value = try? BigFloat(parsing: description) else { return nil }
        self = value
    }

    /// Parses a decimal number at `precision` bits; `nil` when `text` is not a number (see `init(_:)`).
    public init?(_ text: String, precision: Int) {
        guard let value = try? BigFloat(parsing: text, precision: precision) else { return nil }
        self = value
    }

    /// Parses a decimal number, correctly rounded at `precision` bits (default: `Precision.current`).
    ///
    /// - Throws: `MultiPrecisionError.invalidNumber` naming the text, the 0-based position of the first character
    ///   that cannot be read and what was expected there; `MultiPrecisionError.precisionOutOfRange` for a
    ///   precision outside `Precision.supportedRange`.
    public init(parsing text: String, precision: Int? = nil) throws {
        let bits = try Precision.validated(precision ?? Precision.current)
        try _DecimalSyntax.validate(text)
        let result = BigFloat(precision: bits)
        let consumed: Int = result.storage.withUnsafeMutablePointerToHeader { r in
            text.withCString { start in
                var end: UnsafeMutablePointer<CChar>? = nil
                _ = mpfr_strtofr(r, start, &end, 10, MPFR_RNDN)
                return end.map { start.distance(to: $0) } ?? 0
            }
        }
        // The syntax check above accepts only what mpfr_strtofr reads in full; this guards that agreement.
        guard consumed == text.utf8.count else {
            throw MultiPrecisionError.invalidNumber(text: text, position: consumed, expected: "end of number")
        }
        self = result
    }

    /// The shortest-form decimal that reads back to the same value at this precision: enough digits to round-trip
    /// (`1 + ⌈p·log₁₀2⌉`), trailing zeros removed. Positional for exponents −5 ... 20, scientific otherwise.
    /// Special values print as `nan`, `inf`, `-inf`, `0`, `-0`.
    public var description: String {
        _decimal(digits: 0, trimTrailingZeros: true)
    }

    /// The value rounded at `significantDigits` decimal digits (to nearest unless `rounding` says otherwise), e.g.
    /// `3.1416` or `1.2346e-30`.
    ///
    /// Trailing zeros are kept, since they are significant. Positional notation for decimal exponents −5 ... 20,
    /// scientific otherwise.
    /// - Precondition: `significantDigits ≥ 1`.
    public func formatted(significantDigits: Int, rounding: RoundingMode = .toNearest) -> String {
        precondition(significantDigits >= 1, "BigFloat.formatted: significantDigits must be at least 1")
        return _decimal(digits: significantDigits, trimTrailingZeros: false, rounding: rounding.mpfr)
    }

    /// Always-scientific form with `significantDigits` digits, e.g. `1.2346e-30` or `3.1416e+0`, rounded by
    /// `rounding` (to nearest by default). Error estimates and radii print with `.up`, so that the printed bound is
    /// never below the computed one (to nearest, 1.3815e-16 would print as `1.38e-16` and understate itself); the
    /// ends of an interval print outward (`.down` for the lower end, `.up` for the upper).
    public func scientific(significantDigits: Int, rounding: RoundingMode = .toNearest) -> String {
        precondition(significantDigits >= 1, "BigFloat.scientific: significantDigits must be at least 1")
        guard let (negative, digits, exponent) = _digits(count: significantDigits, rounding: rounding.mpfr) else {
            return _special
        }
        let sign = negative ? "-" : ""
        let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
        let e = exponent - 1
        return "\(sign)\(digits.prefix(1))\(fraction)e\(e < 0 ? "-" : "+")\(Swift.abs(e))"
    }

    /// The spelling of NaN, ±∞ and ±0.
    private var _special: String {
        if isNaN { return "nan" }
        if isInfinite { return sign == .minus ? "-inf" : "inf" }
        return sign == .minus ? "-0" : "0"
    }

    /// Digits d₁d₂… (no sign) and exponent e with |x| = 0.d₁d₂… × 10^e, or `nil` for NaN, ±∞, ±0.
    private func _digits(count: Int, rounding: mpfr_rnd_t = MPFR_RNDN) -> (negative: Bool, digits: Substring, exponent: Int)? {
        withUnsafeMPFRPointer { x -> (Bool, Substring, Int)? in
            guard mpfr_regular_p(x) != 0 else { return nil }
            var exponent: mpfr_exp_t = 0
            guard let raw = mpfr_get_str(nil, &exponent, 10, count, x, rounding) else {
                preconditionFailure("mpfr_get_str failed to allocate")
            }
            defer { mpfr_free_str(raw) }
            let text = String(cString: raw)
            let negative = text.hasPrefix("-")
            return (negative, negative ? text.dropFirst() : Substring(text), exponent)
        }
    }

    private func _decimal(digits count: Int, trimTrailingZeros: Bool, rounding: mpfr_rnd_t = MPFR_RNDN) -> String {
        guard let (negative, rawDigits, exponent) = _digits(count: count, rounding: rounding) else { return _special }
        var digits = String(rawDigits)
        if trimTrailingZeros {
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        }
        let sign = negative ? "-" : ""
        let decimalExponent = exponent - 1   // x = d₁.d₂… × 10^decimalExponent
        if decimalExponent < -5 || decimalExponent > 20 {
            let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
            let e = decimalExponent
            return "\(sign)\(digits.prefix(1))\(fraction)e\(e < 0 ? "-" : "+")\(Swift.abs(e))"
        }
        if decimalExponent < 0 {
            return sign + "0." + String(repeating: "0", count: -decimalExponent - 1) + digits
        }
        let integerDigits = decimalExponent + 1
        if digits.count <= integerDigits {
            return sign + digits + String(repeating: "0", count: integerDigits - digits.count)
        }
        return sign + digits.prefix(integerDigits) + "." + digits.dropFirst(integerDigits)
    }
}

/// The decimal syntax that `BigFloat(parsing:)` accepts, checked before MPFR reads the value, so that errors
/// can name the exact position (MPFR would silently skip leading whitespace and stop early).
enum _DecimalSyntax {
    /// Throws `MultiPrecisionError.invalidNumber` unless `text` is a decimal number, `nan`, `inf` or `infinity`.
    static func validate(_ text: String) throws {
        let bytes = Array(text.utf8)
        func fail(_ position: Int, _ expected: String) -> MultiPrecisionError {
            // Report the position in characters, not bytes, so that it matches what a person counts.
            .invalidNumber(text: text, position: String(decoding: bytes[..<position], as: UTF8.self).count,
                           expected: expected)
        }
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let rest = String(decoding: bytes[index...], as: UTF8.self).lowercased()
        if rest == "nan" || rest == "inf" || rest == "infinity" { return }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        var digitCount = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; digitCount += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1; digitCount += 1 }
        }
        guard digitCount > 0 else { throw fail(index, "a digit") }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { throw fail(index, "a digit in the exponent") }
            guard exponentDigits <= 18 else { throw fail(index - exponentDigits, "an exponent of at most 18 digits") }
        }
        guard index == bytes.count else {
            throw fail(index, "a digit, a decimal point or an exponent")
        }
    }
}
