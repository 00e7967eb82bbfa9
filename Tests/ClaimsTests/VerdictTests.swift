import Claims
import MultiPrecision
import Testing

@Suite("Verdicts on synthetic measurements: PASS, FAIL, INCONCLUSIVE, escalation")
struct VerdictTests {
    func big(_ text: String) -> BigFloat { BigFloat(text, precision: 256)! }

    @Test("The verdict rule")
    func rule() {
        #expect(VerdictRule.decide(margin: .exact(0), error: nil) == .pass)
        #expect(VerdictRule.decide(margin: .exact(Rational(numerator: -1, denominator: 9)), error: nil) == .fail)
        #expect(VerdictRule.decide(margin: .rounded(big("1e-10")), error: big("1e-20")) == .pass)
        #expect(VerdictRule.decide(margin: .rounded(big("-1e-10")), error: big("1e-20")) == .fail)
        #expect(VerdictRule.decide(margin: .rounded(big("1e-25")), error: big("1e-20")) == .inconclusive)
        #expect(VerdictRule.decide(margin: .rounded(big("-1e-25")), error: big("1e-20")) == .inconclusive)
        // Within the safety factor κ = 2: still inconclusive.
        #expect(VerdictRule.decide(margin: .rounded(big("1.5e-20")), error: big("1e-20")) == .inconclusive)
        #expect(VerdictRule.decide(margin: .rounded(BigFloat.nan(precision: 64)), error: big("1e-20")) == .error)
    }

    @Test("Aggregation and expectations")
    func aggregation() {
        #expect(Verdict.aggregate([.pass, .pass]) == .pass)
        #expect(Verdict.aggregate([.pass, .inconclusive, .fail, .error]) == .fail)
        #expect(Verdict.aggregate([.pass, .error, .inconclusive]) == .error)
        #expect(Verdict.aggregate([.pass, .notApplicable]) == .pass)
        #expect(Verdict.aggregate([]) == .notApplicable)
        #expect(Expectation.fail.isMet(by: .fail) && !Expectation.fail.isMet(by: .pass))
        #expect(Expectation.pass.isMet(by: .pass) && !Expectation.pass.isMet(by: .inconclusive))
    }

    @Test("A claim cut short is INCONCLUSIVE unless an instance refuted it (FAIL or DISPROVED): the engine's and the merge's rule")
    func incompleteAggregation() {
        #expect(Verdict.aggregate([.pass, .pass], complete: true) == .pass)
        #expect(Verdict.aggregate([.pass, .pass], complete: false) == .inconclusive)
        #expect(Verdict.aggregate([.proved, .pass], complete: false) == .inconclusive)
        #expect(Verdict.aggregate([.pass, .fail], complete: false) == .fail)
        #expect(Verdict.aggregate([.proved, .disproved], complete: false) == .disproved)
        #expect(!Expectation.pass.isMet(by: .pass, complete: false) && Expectation.pass.isMet(by: .pass, complete: true))
        #expect(Expectation.fail.isMet(by: .fail, complete: false) && Expectation.fail.isMet(by: .disproved, complete: false))
        #expect(!Expectation.inconclusive.isMet(by: .inconclusive, complete: false))
    }

    /// A fake computation: margin = truth + 2^(−p/2), so that the error estimate halves the exponent of p.
    func synthetic(truth: String) -> (Int) -> Evaluation {
        { bits in
            let noise = BigFloat(1, precision: bits).scaled(byPowerOfTwo: -bits / 2)
            let margin = BigFloat(truth, precision: bits)! + noise
            return Evaluation(quantities: [Quantity("margin copy", .rounded(margin))], margin: .rounded(margin))
        }
    }

    @Test("Escalation: INCONCLUSIVE at 64 bits, PASS at 128, every attempt kept")
    func escalationToPass() throws {
        let attempts = try PrecisionEscalation(start: 64, cap: 1024).run(synthetic(truth: "1e-15"))
        #expect(attempts.map(\.precision) == [64, 128])
        #expect(attempts.map(\.verdict) == [.inconclusive, .pass])
    }

    @Test("Escalation: INCONCLUSIVE until the violation is resolved, then FAIL")
    func escalationToFail() throws {
        let attempts = try PrecisionEscalation(start: 32, cap: 1024).run(synthetic(truth: "-1e-15"))
        #expect(attempts.map(\.precision) == [32, 64, 128])
        #expect(attempts.last?.verdict == .fail)
        #expect(attempts.dropLast().allSatisfy { $0.verdict == .inconclusive })
    }

    @Test("Escalation stops at the cap and stays INCONCLUSIVE")
    func escalationCap() throws {
        let attempts = try PrecisionEscalation(start: 64, cap: 100).run(synthetic(truth: "1e-40"))
        #expect(attempts.map(\.precision) == [64])
        #expect(attempts.last?.verdict == .inconclusive)
    }

    @Test("The error estimate is the difference of two precisions, at least one unit roundoff")
    func errorEstimate() {
        let a = Evaluation(quantities: [Quantity("x", .rounded(big("1.0")))], margin: .rounded(big("0.5")))
        let b = Evaluation(quantities: [Quantity("x", .rounded(big("1.001")))], margin: .rounded(big("0.5")))
        let estimate = ErrorEstimate(working: a, precision: 64, reference: b)
        #expect(abs(estimate.quantityErrors[0]!.doubleValue - 0.001) < 1e-15)
        #expect(estimate.marginError! == BigFloat(1, precision: 64).scaled(byPowerOfTwo: -65))   // |0.5|·2^−64
        let exact = ErrorEstimate(exact: Evaluation(quantities: [Quantity("r", .exact(Rational(numerator: 1, denominator: 3)))],
                                                    margin: .exact(0)))
        #expect(exact.verdict == .pass)
        #expect(exact.measurements[0].error == "0" && exact.measurements[0].exact == "1/3")
    }

    @Test("Exact decimals: terminating expansions in full, others flagged")
    func exactDecimals() {
        #expect(ExactDecimal.text(Rational(numerator: -1, denominator: 16)) == "-0.0625")
        #expect(ExactDecimal.text(Rational(12)) == "12")
        #expect(ExactDecimal.text(Rational(numerator: 1, denominator: 3)) == nil)
        #expect(QuantityValue.exact(Rational(numerator: 1, denominator: 3)).decimalText.hasPrefix("0.3333333333"))
    }
}
