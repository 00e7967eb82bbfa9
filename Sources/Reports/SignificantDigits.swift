import MultiPrecision

/// Rounds decimal strings from a report to a number of significant digits, for tables (the report keeps all digits).
public enum SignificantDigits {
    /// `text` rounded to nearest at `digits` significant digits in scientific form (`1.235e-30`), or positional
    /// when the exponent is between −3 and 3 (`0.001235`, `12.35`); non-numbers are returned unchanged.
    public static func round(_ text: String, digits: Int) -> String {
        guard let exact = try? Rational(parsing: text) else { return text }
        if exact.isZero { return "0" }
        let value = BigFloat(exact, precision: max(64, Precision.bits(forDecimalDigits: digits) + 16))
        let scientific = value.scientific(significantDigits: digits)
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]),
              (-3...3).contains(exponent) else { return scientific }
        return value.formatted(significantDigits: digits)
    }

    /// `text` rounded to nearest at `digits` significant digits, always in scientific form (`1.250e-3`, `0`), for
    /// decimal-aligned table columns whose width is fixed by the format; non-numbers are returned unchanged.
    public static func scientific(_ text: String, digits: Int) -> String {
        guard let exact = try? Rational(parsing: text) else { return text }
        if exact.isZero { return "0" }
        let value = BigFloat(exact, precision: max(64, Precision.bits(forDecimalDigits: digits) + 16))
        return value.scientific(significantDigits: digits)
    }
}
