import MultiPrecision

/// Rounds decimal strings from a report to a number of significant digits, for tables (the report keeps all digits).
public enum SignificantDigits {
    /// `text` rounded at `digits` significant digits in scientific form (`1.235e-30`), or positional when the
    /// exponent is between −3 and 3 (`0.001235`, `12.35`); non-numbers are returned unchanged. To nearest, unless
    /// `rounding` says otherwise: an error estimate is shortened with `.up`, so that it never shrinks in a table.
    public static func round(_ text: String, digits: Int, rounding: RoundingMode = .toNearest) -> String {
        shortened(text, digits: digits, rounding: rounding) { value, direction in
            let scientific = value.scientific(significantDigits: digits, rounding: direction)
            guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]),
                  (-3...3).contains(exponent) else { return scientific }
            return value.formatted(significantDigits: digits, rounding: direction)
        }
    }

    /// `text` rounded at `digits` significant digits, always in scientific form (`1.250e-3`, `0`), for
    /// decimal-aligned table columns whose width is fixed by the format; non-numbers are returned unchanged. To
    /// nearest, unless `rounding` says otherwise (`.up` for an error estimate).
    public static func scientific(_ text: String, digits: Int, rounding: RoundingMode = .toNearest) -> String {
        shortened(text, digits: digits, rounding: rounding) { $0.scientific(significantDigits: digits, rounding: $1) }
    }

    /// `format` of the decimal `text` (as a `BigFloat` 16 bits beyond `digits`). With `.up` (`.down`) the result is
    /// never below (above) the exact decimal: the nearest form when it already is, otherwise the form of the value
    /// converted and printed in that direction.
    private static func shortened(_ text: String, digits: Int, rounding: RoundingMode,
                                  _ format: (BigFloat, RoundingMode) -> String) -> String {
        guard let exact = try? Rational(parsing: text) else { return text }
        if exact.isZero { return "0" }
        let bits = max(64, Precision.bits(forDecimalDigits: digits) + 16)
        let nearest = format(BigFloat(exact, precision: bits), .toNearest)
        guard rounding == .up || rounding == .down, let printed = try? Rational(parsing: nearest) else { return nearest }
        if rounding == .up ? printed >= exact : printed <= exact { return nearest }
        return format(BigFloat(exact, precision: bits, rounding: rounding), rounding)
    }
}
