import CGMP

// Text in bases 2 through 36: an optional leading "+" or "-", then one or more digits 0-9 and letters a-z
// (either case) for the digit values 10-35. Nothing else is accepted: no whitespace, no "0x" prefix, no
// underscores. GMP's mpz_set_str skips whitespace anywhere in the text, so the text is validated here first and
// GMP only ever sees a clean run of digits.

extension BigInt: LosslessStringConvertible {
    /// Reads a decimal integer such as `"-12345678901234567890"`; `nil` if the text is not one.
    ///
    /// The same as `init?(_:radix:)` with radix 10; this is the `LosslessStringConvertible` requirement, so
    /// `BigInt(x.description) == x` for every `x`.
    public init?(_ description: String) {
        self.init(description, radix: 10)
    }

    /// Reads an integer written in the given base; `nil` if the text is not one or the radix is not in `2...36`.
    ///
    /// Accepts an optional leading `+` or `-` followed by at least one digit of the base (letters in either case);
    /// rejects empty text, whitespace and any other character.
    ///
    /// ```swift
    /// BigInt("-ff", radix: 16)    // Optional(-255)
    /// BigInt(" 1")                // nil
    /// ```
    ///
    /// Use `init(parsing:radix:)` to learn where and why the text was rejected.
    public init?(_ text: String, radix: Int = 10) {
        guard let value = try? BigInt(parsing: text, radix: radix) else { return nil }
        self = value
    }

    /// Reads an integer written in the given base, reporting precisely what is wrong with bad text.
    ///
    /// The accepted form is the one of `init?(_:radix:)`: `[+-]?digit+`, with digits `0-9`, `a-z`, `A-Z` below `radix`.
    ///
    /// - Parameters:
    ///   - text: The text to read, with nothing around the number.
    ///   - radix: The base, from 2 through 36.
    /// - Throws: `MultiPrecisionError.invalidBase(radix)` if `radix` is not in `2...36`;
    ///   `MultiPrecisionError.invalidNumber(text:position:expected:)` with the 0-based character offset of the first
    ///   character that cannot be read (the length of the text when it ends too early).
    public init(parsing text: String, radix: Int = 10) throws(MultiPrecisionError) {
        guard (2...36).contains(radix) else { throw .invalidBase(radix) }
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count + 1)
        var negative = false
        var position = 0
        for character in text {
            if let value = _digitValue(character), value < radix {
                digits.append(character.asciiValue!)
            } else if position == 0, character == "+" || character == "-" {
                negative = character == "-"
            } else {
                throw .invalidNumber(text: text, position: position, expected: Self._expectation(
                    position: position, hasDigits: !digits.isEmpty, radix: radix))
            }
            position += 1
        }
        guard !digits.isEmpty else {
            throw .invalidNumber(text: text, position: position, expected: Self._expectation(
                position: position, hasDigits: false, radix: radix))
        }
        self.init()
        _setFromDigits(storage.raw, digits, radix: radix)
        if negative { __gmpz_neg(storage.raw, storage.raw) }
    }

    private static func _expectation(position: Int, hasDigits: Bool, radix: Int) -> String {
        if hasDigits { return "a digit in base \(radix) or the end of the text" }
        if position == 0 { return "'+', '-' or a digit in base \(radix)" }
        return "a digit in base \(radix)"
    }

    /// The integer written in the given base, with a leading `-` for negative values and no prefix.
    ///
    /// ```swift
    /// BigInt(-255).toString(radix: 16)                   // "-ff"
    /// BigInt(-255).toString(radix: 16, uppercase: true)  // "-FF"
    /// ```
    ///
    /// - Parameters:
    ///   - radix: The base, from 2 through 36.
    ///   - uppercase: Whether digits above 9 are `A-Z` instead of `a-z`.
    /// - Precondition: `radix` is in `2...36` (as for `String(_:radix:)`).
    public func toString(radix: Int = 10, uppercase: Bool = false) -> String {
        precondition((2...36).contains(radix), "BigInt.toString: radix \(radix) is not in 2...36")
        return BigInt._string(storage.raw, radix: radix, uppercase: uppercase)
    }

    /// The decimal representation, such as `"-42"`.
    public var description: String { toString() }

    /// Writes an `mpz_t` in the given base (2...36) into a buffer sized by `mpz_sizeinbase + 2` (sign and NUL).
    internal static func _string(_ value: UnsafePointer<__mpz_struct>, radix: Int, uppercase: Bool) -> String {
        let capacity = Int(__gmpz_sizeinbase(value, CInt(radix))) + 2
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            __gmpz_get_str(buffer.baseAddress, CInt(uppercase ? -radix : radix), value)
            return String(cString: buffer.baseAddress!)
        }
    }
}

/// The value of `character` as a digit in bases up to 36 (`0-9`, then `a-z` or `A-Z` for 10-35), or `nil`.
internal func _digitValue(_ character: Character) -> Int? {
    guard let ascii = character.asciiValue else { return nil }
    switch ascii {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(ascii - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
    default: return nil
    }
}

/// Sets `target` to the nonnegative integer whose digits in `radix` are the ASCII bytes `digits`.
///
/// The digits must already be validated (nonempty, each below `radix`); GMP then cannot fail.
internal func _setFromDigits(_ target: UnsafeMutablePointer<__mpz_struct>, _ digits: [UInt8], radix: Int) {
    var terminated = digits
    terminated.append(0)
    let status = terminated.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { __gmpz_set_str(target, $0.baseAddress, CInt(radix)) }
    }
    assert(status == 0, "mpz_set_str rejected validated digits")
}
