import Foundation

/// Tick-label text shared by the SVG and pgfplots writers.
enum TickLabel {
    /// A linear tick value with as many decimals as the tick spacing needs, or `m×10^e` text for very large or
    /// very small spacings.
    static func linear(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        let magnitude = Foundation.log10(Swift.abs(step))
        if magnitude >= -4 && magnitude < 6 {
            let decimals = max(0, Int(Foundation.ceil(-magnitude - 1e-9)))
            return minusSign(String(format: "%.\(decimals)f", value))
        }
        let exponent = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
        let mantissa = value / Foundation.pow(10, Double(exponent))
        return minusSign(String(format: "%.3g", mantissa)) + "×10^" + minusSign(exponent)
    }

    /// The integer with a typographic minus sign.
    static func minusSign(_ value: Int) -> String { minusSign(String(value)) }

    /// The text with its hyphen-minus signs as typographic minus signs.
    static func minusSign(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "−") }
}
