@testable import Claims
import MultiPrecision
import Testing

/// `PrecisionEscalation` evaluates each precision at most once: what an attempt at p computed at p + g or p + 2g is
/// reused by the attempt at 2p, and the attempts are the same as when every evaluation is made afresh.
@Suite("Precision escalation: an evaluation made by an earlier attempt is reused")
struct PrecisionEscalationReuseTests {
    /// A saturated chaotic computation (an unrelated point of [4.5, 5.5] at every precision): INCONCLUSIVE with a
    /// cross-check at every precision, so the escalation runs to its cap.
    static func chaotic(_ bits: Int) -> Evaluation {
        let fraction = Double((bits &* 2_654_435_761) % 1000) / 1000 - 0.5
        let value = BigFloat("5", precision: bits)! + BigFloat(fraction, precision: bits)
        return Evaluation(quantities: [Quantity("KL_T", .rounded(value))], margin: .rounded(value))
    }

    @Test("From 128 bits: 128, 192, 256 | 256 reused, 320, 384 | 512, 576, 640 — each precision evaluated once",
          arguments: [(128, [128, 192, 256, 320, 384, 512, 576, 640]), (64, [64, 128, 192, 256, 320, 384, 512, 576, 640])])
    func eachPrecisionOnce(start: Int, evaluated: [Int]) throws {
        var calls: [Int] = []
        let attempts = try PrecisionEscalation(start: start, cap: 512).run { bits in
            calls.append(bits)
            #expect(Precision.current == bits)
            return Self.chaotic(bits)
        }
        #expect(calls == evaluated)
        #expect(attempts.map(\.precision) == Array(sequence(first: start) { $0 * 2 <= 512 ? $0 * 2 : nil }))
        // Every attempt is the one made from fresh evaluations at p, p + g and p + 2g.
        for attempt in attempts {
            let p = try #require(attempt.precision)
            var fresh = ErrorEstimate(working: Self.chaotic(p), precision: p, reference: Self.chaotic(p + 64))
            fresh.crossCheckPrecision = p + 128
            fresh.unreliable = EstimateCrossCheck.findings(fresh, reference: Self.chaotic(p + 64), check: Self.chaotic(p + 128),
                                                           guardBits: 64)
            #expect(attempt.estimate.crossCheckPrecision == p + 128)
            #expect(attempt.estimate.working.margin.decimalText == fresh.working.margin.decimalText)
            #expect(attempt.estimate.marginError == fresh.marginError)
            #expect(attempt.estimate.unreliable.map(\.summary) == fresh.unreliable.map(\.summary))
            #expect(attempt.verdict == fresh.verdict && attempt.verdict == .inconclusive)
        }
    }
}
