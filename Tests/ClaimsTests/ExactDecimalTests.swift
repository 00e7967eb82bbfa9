import Claims
import MultiPrecision
import Testing

/// Exact decimal text of rationals whose denominators are 2ᵃ5ᵇ: right digits, and time close to linear in the
/// number of digits (issue 21: 1e-200000 took 16 s, dividing out one factor at a time).
@Suite("ExactDecimal")
struct ExactDecimalTests {
    @Test("Terminating expansions and non-terminating ones", arguments: [
        ("1/16", "0.0625"), ("-1/16", "-0.0625"), ("12", "12"), ("3/40", "0.075"), ("1e-30", "0.000000000000000000000000000001"),
    ])
    func values(fraction: String, decimal: String) throws {
        #expect(ExactDecimal.text(try Rational(parsing: fraction)) == decimal)
    }

    @Test("1/3 does not terminate")
    func nonTerminating() throws {
        #expect(ExactDecimal.text(try Rational(parsing: "1/3")) == nil)
    }

    @Test("1e-200000 prints its 200 000 decimals in well under a second per 10⁵ digits")
    func longExpansion() throws {
        let clock = ContinuousClock(), began = clock.now
        let text = try #require(ExactDecimal.text(try Rational(parsing: "1e-200000")))
        #expect(clock.now - began < .seconds(5))
        #expect(text.count == 200_002 && text.hasPrefix("0.0000") && text.hasSuffix("01"))
    }
}
