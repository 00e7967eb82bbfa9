import AttestTestSupport
import Testing
@testable import MultiPrecision

@Suite("BigFloat constants against 1100-digit mpmath references")
struct BigFloatConstantsTests {
    static let references = try! AttestTestSupport.referenceValues(at: AttestTestSupport.referencePath("constants.txt"))

    /// The first `count` significant digits of a decimal string (sign and point removed).
    static func leadingDigits(_ text: String, _ count: Int) -> String {
        String(text.filter(\.isNumber).drop(while: { $0 == "0" }).prefix(count))
    }

    @Test("π, e, √2 and ln 2 agree with the reference to 1000 digits", arguments: ["pi", "e", "sqrt2", "ln2"])
    func thousandDigits(name: String) throws {
        let reference = try #require(Self.references[name])
        // 1050 digits need 3489 bits; the extra 50 digits make the first 1000 independent of the final rounding.
        let bits = Precision.bits(forDecimalDigits: 1050)
        let value: BigFloat = withPrecision(bits) {
            switch name {
            case "pi": return .pi
            case "e": return .e
            case "sqrt2": return .sqrt(2)
            default: return .ln2
            }
        }
        #expect(value.precision == bits)
        let printed = value.formatted(significantDigits: 1050)
        #expect(Self.leadingDigits(printed, 1000) == Self.leadingDigits(reference, 1000))
        #expect(Self.leadingDigits(printed, 1000).count == 1000)
    }

    @Test("Constants at 256 bits are the correctly rounded reference", arguments: ["pi", "e", "sqrt2", "ln2"])
    func correctlyRoundedAt256(name: String) throws {
        let reference = try #require(Self.references[name])
        let value: BigFloat = withPrecision(256) {
            switch name {
            case "pi": return .pi
            case "e": return .e
            case "sqrt2": return .sqrt(2)
            default: return .ln2
            }
        }
        // Rounding the 1100-digit reference to 256 bits gives the correctly rounded constant.
        #expect(value == BigFloat(reference, precision: 256))
    }
}
