import CMPFR

/// `Codable` with an exact round trip: the precision plus the significand in hexadecimal, which represents
/// every binary value exactly. Encoded as `{"precision": 256, "value": "-0.1921fb54442d18@1"}` where the value
/// is MPFR's base-16 form `0.DIGITS@EXP` = 0.DIGITS × 16^EXP, or `nan`, `inf`, `-inf`, `0`, `-0`.
extension BigFloat: Codable {
    private enum CodingKeys: String, CodingKey { case precision, value }

    /// Encodes the precision and the exact hexadecimal value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(precision, forKey: .precision)
        try container.encode(_hexadecimal, forKey: .value)
    }

    /// Decodes a value written by `encode(to:)`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a precision out of range or an unreadable value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bits = try container.decode(Int.self, forKey: .precision)
        guard Precision.supportedRange.contains(bits) else {
            throw DecodingError.dataCorruptedError(forKey: .precision, in: container,
                debugDescription: "precision \(bits) is outside \(Precision.supportedRange)")
        }
        let text = try container.decode(String.self, forKey: .value)
        let result = BigFloat(precision: bits)
        let mpfrText: String
        switch text {
        case "nan": mpfrText = "@nan@"
        case "inf": mpfrText = "@inf@"
        case "-inf": mpfrText = "-@inf@"
        default: mpfrText = text
        }
        let ok: Bool = result.storage.withUnsafeMutablePointerToHeader { r in
            mpfrText.withCString { start in
                var end: UnsafeMutablePointer<CChar>? = nil
                let ternary = mpfr_strtofr(r, start, &end, 16, MPFR_RNDN)
                return ternary == 0 && end.map { start.distance(to: $0) } == mpfrText.utf8.count && !mpfrText.isEmpty
                    && !mpfrText.first!.isWhitespace
            }
        }
        guard ok else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container,
                debugDescription: "\"\(text)\" is not an exact base-16 BigFloat value at \(bits) bits")
        }
        self = result
    }

    /// The exact base-16 spelling used by `Codable`.
    private var _hexadecimal: String {
        withUnsafeMPFRPointer { x in
            if cmpfr_nan_p(x) != 0 { return "nan" }
            if cmpfr_inf_p(x) != 0 { return cmpfr_sgn(x) < 0 ? "-inf" : "inf" }
            if cmpfr_zero_p(x) != 0 { return cmpfr_signbit(x) != 0 ? "-0" : "0" }
            var exponent: mpfr_exp_t = 0
            // n = 0 with a power-of-two base gives an exact representation.
            guard let raw = mpfr_get_str(nil, &exponent, 16, 0, x, MPFR_RNDN) else {
                preconditionFailure("mpfr_get_str failed to allocate")
            }
            defer { mpfr_free_str(raw) }
            var digits = String(cString: raw)
            let negative = digits.hasPrefix("-")
            if negative { digits.removeFirst() }
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
            return "\(negative ? "-" : "")0.\(digits)@\(exponent)"
        }
    }
}
