import Claims
import MultiPrecision
import Testing

@Suite("Method errors: a discretization bound the second precision cannot see joins the error estimate")
struct MethodErrorTests {
    func evaluation(margin: Double, method: Double?) -> Evaluation {
        withPrecision(128) {
            Evaluation(quantities: [Quantity("drift", .rounded(BigFloat(1e-12)), methodError: method.map { BigFloat($0) })],
                       margin: .rounded(BigFloat(margin)), marginMethodError: method.map { BigFloat($0) })
        }
    }

    @Test("A margin larger than twice the method error still decides; a smaller one is INCONCLUSIVE")
    func verdicts() {
        let plain = ErrorEstimate(working: evaluation(margin: 1e-10, method: nil), precision: 128,
                                  reference: evaluation(margin: 1e-10, method: nil))
        #expect(plain.verdict == .pass)
        let covered = ErrorEstimate(working: evaluation(margin: 1e-10, method: 1e-9), precision: 128,
                                    reference: evaluation(margin: 1e-10, method: 1e-9))
        #expect(covered.verdict == .inconclusive)
        #expect(covered.marginError! >= BigFloat(1e-9) && covered.marginError! < BigFloat(1.0001e-9))
        #expect(covered.quantityErrors[0]! >= BigFloat(1e-9))
        let negative = ErrorEstimate(working: evaluation(margin: -1e-7, method: 1e-9), precision: 128,
                                     reference: evaluation(margin: -1e-7, method: 1e-9))
        #expect(negative.verdict == .fail)
    }

    @Test("Exact evaluations with a method error are no longer exact in their verdict")
    func exact() {
        let e = Evaluation(quantities: [], margin: .exact(Rational(numerator: 1, denominator: 1_000_000)),
                           marginMethodError: BigFloat(1e-3))
        #expect(ErrorEstimate(exact: e).verdict == .inconclusive)
        #expect(ErrorEstimate(exact: Evaluation(quantities: [], margin: .exact(Rational(numerator: 1, denominator: 1_000_000)))).verdict == .pass)
    }
}
