import MultiPrecision

/// A measured number: exact (`Rational`, computed without rounding) or rounded (`BigFloat` at a working precision).
public enum QuantityValue: Sendable, Equatable {
    /// An exact value; its error is zero.
    case exact(Rational)
    /// A value rounded at its own precision.
    case rounded(BigFloat)

    /// Whether the value is exact.
    public var isExact: Bool {
        if case .exact = self { return true }
        return false
    }

    /// The value as a `BigFloat` at `precision` bits (exact values are rounded to nearest).
    public func bigFloat(precision: Int) -> BigFloat {
        switch self {
        case let .exact(r): return BigFloat(r, precision: precision)
        case let .rounded(x): return x.rounded(toPrecision: max(precision, x.precision))
        }
    }

    /// Whether the value is NaN or infinite.
    public var isFinite: Bool {
        switch self {
        case .exact: return true
        case let .rounded(x): return x.isFinite
        }
    }

    /// The value in decimal with all its digits: the exact decimal expansion when it terminates, else the
    /// shortest decimal that reads back to the same `BigFloat` (for a rational that does not terminate, 80
    /// significant digits; `exactText` then carries the fraction).
    public var decimalText: String {
        switch self {
        case let .exact(r): return ExactDecimal.text(r) ?? BigFloat(r, precision: 270).formatted(significantDigits: 80)
        case let .rounded(x): return x.description
        }
    }

    /// For an exact value, the fraction `p/q` (or the integer); `nil` for a rounded value.
    public var exactText: String? {
        if case let .exact(r) = self { return r.description }
        return nil
    }
}

/// Exact decimal expansions of rationals whose denominators have no prime factors other than 2 and 5.
public enum ExactDecimal {
    /// The terminating decimal expansion of `r` (`"-0.0625"`, `"12"`), or `nil` if it does not terminate.
    public static func text(_ r: Rational) -> String? {
        // The powers of 2 and 5 removed at once (removing them one division at a time is quadratic in their count).
        let (withoutTwos, twos) = r.denominator.removingFactor(BigInt(2))
        let (rest, fives) = withoutTwos.removingFactor(BigInt(5))
        guard rest == BigInt(1) else { return nil }
        let k = max(twos, fives)
        let scaled = (r.numerator * BigInt(10).power(k) / r.denominator).magnitude
        var digits = scaled.description
        if k > 0 {
            if digits.count <= k { digits = String(repeating: "0", count: k - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -k))
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return (r.isNegative ? "-" : "") + digits
    }
}
