/// Makes text from input safe to show on a terminal: control and invisible characters become visible escapes.
///
/// Claim files, sweep files, reports and command lines are input; their text reaches error messages, progress lines
/// and reports. A raw escape sequence (`ESC [ 2 J`) would act on the reader's terminal, a NUL or a zero-width space
/// would hide what is wrong, and a bidirectional override would reorder the line. Every such character is shown as
/// `<U+XXXX>` instead: the C0 and C1 controls (except line feed and tab), DEL, the format characters (general
/// category Cf: zero-width spaces and joiners, bidirectional marks and overrides, the byte-order mark), the line and
/// paragraph separators. Printable text in any script is left as it is.
public enum VisibleText {
    /// `text` with every control or invisible character replaced by `<U+XXXX>` (four to six hex digits).
    ///
    /// ```swift
    /// VisibleText.escaping("seed\u{200B}")   // "seed<U+200B>"
    /// VisibleText.escaping("a\u{1B}[2Jb")     // "a<U+001B>[2Jb"
    /// ```
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "<U+\(hex(scalar.value))>".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` must be escaped: a control other than line feed and tab, a format character, or a line or
    /// paragraph separator.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
        default: return false
        }
    }

    /// Upper-case hexadecimal with at least four digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
