import Claims
import MultiPrecision
import Testing

@Suite("Threshold bisection in exact rationals")
struct SearchThresholdTests {
    static let third = Rational(numerator: 1, denominator: 3)

    @Test("x ≤ 1/3 is bracketed to 2⁻²⁰ around 1/3, in 20 bisection steps, both ends verified")
    func exactBracket() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-rational-bound", """
            [threshold]
            parameter = "x"
            pass = "0"
            fail = "1"
            width = "2^-20"
            """), jobs: 2)
        let threshold = try #require(outcome.threshold)
        #expect(outcome.verdict == .pass && threshold.isVerified)
        #expect(threshold.passEnd.value <= Self.third && threshold.failEnd.value > Self.third)
        #expect(threshold.width == Rational(numerator: 1, denominator: BigInt(1 << 20)))
        #expect(threshold.points.count == 22)
        #expect(threshold.passEnd.outcome.verdict == .pass && threshold.failEnd.outcome.verdict == .fail)
        #expect(threshold.failEnd.outcome.margin?.exact == (Self.third - threshold.failEnd.value).description)
    }

    @Test("An INCONCLUSIVE point stops the bisection, is reported, and is counted as neither side")
    func inconclusiveEnd() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-blurry-bound", """
            [numerics]
            precision = 64
            max_precision = 64
            [threshold]
            parameter = "x"
            pass = "0"
            fail = "1"
            width = "2^-30"
            """))
        let threshold = try #require(outcome.threshold)
        let undecided = try #require(threshold.undecided)
        #expect(undecided.outcome.verdict == .inconclusive)
        #expect(undecided.value > threshold.passEnd.value && undecided.value < threshold.failEnd.value)
        #expect(threshold.passEnd.outcome.verdict == .pass && threshold.failEnd.outcome.verdict == .fail)
        #expect(!threshold.isVerified && outcome.verdict == .inconclusive && !outcome.metExpectation)
        // The blur b at 64 bits is 2⁻¹⁶ and the error estimate about b; with the safety factor κ = 2 a FAIL needs
        // (1/3 − x) + b < −2b, so the undecided point lies above 1/3 by at most 3b < 2⁻¹⁴.
        #expect(undecided.value > Self.third && undecided.value - Self.third < Rational(numerator: 1, denominator: 1 << 14),
                "\(undecided.value), \(undecided.outcome.margin.map { "\($0.value) ± \($0.error)" } ?? "")")
    }

    @Test("A stated end that does not verify is reported as it is and nothing is bisected")
    func wrongEnd() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-rational-bound", """
            [threshold]
            parameter = "x"
            pass = "1/2"
            fail = "1"
            """))
        let threshold = try #require(outcome.threshold)
        #expect(threshold.points.count == 2 && threshold.passEnd.outcome.verdict == .fail)
        #expect(!threshold.isVerified && outcome.verdict == .inconclusive)
    }
}
