import MultiPrecision

/// Exact numbers for people: the shortest of the decimal, the fraction and the scientific form, so that `1/128`
/// prints as `1/128` (not `0.0078125`), `10⁻³⁰` as `1e-30` (not a 32-character decimal) and `1/100` as `0.01`.
///
/// A terminating decimal is kept unless the fraction is shorter by two characters or more (`0.25`, `0.75` and `1.5`
/// stay decimals; `0.0625` becomes `1/16`). Every form reads back to the same rational with `Rational(parsing:)`.
public enum ReadableNumber {
    /// The readable text of `r`.
    public static func text(_ r: Rational) -> String {
        let fraction = r.description
        if r.isInteger && fraction.count <= 12 { return fraction }
        var best = fraction
        if let decimal = ExactDecimal.text(r) {
            if decimal.count <= fraction.count + 1 { best = decimal }
            if let scientific = scientific(decimal), scientific.count < best.count { best = scientific }
        }
        return best
    }

    /// The readable text of an exact value given as `p/q` or an integer; the text itself when it does not parse.
    public static func text(exact: String) -> String {
        guard let r = try? Rational(parsing: exact) else { return exact }
        return text(r)
    }

    /// `m e k` for a terminating decimal: `0.000003` → `3e-6`, `12000000000000` → `12e12`; `nil` when the decimal
    /// has no run of zeros to fold.
    static func scientific(_ decimal: String) -> String? {
        var sign = "", body = Substring(decimal)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fractional = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fractional
        var exponent = -fractional.count
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast(); exponent += 1 }
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst() }
        guard exponent != 0 else { return nil }
        return "\(sign)\(digits)e\(exponent)"
    }
}
