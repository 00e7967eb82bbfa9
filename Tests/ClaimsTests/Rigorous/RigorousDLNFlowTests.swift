@testable import Claims
import Dynamics
import Foundation
import MultiPrecision
import Testing

/// Rigorous mode for the deep-linear-network gradient flow: balancedness of P1a enclosed in Arb balls along
/// validated Taylor steps (proofs/dln-gf-p1a-balancedness-rigorous.toml), and the mutation that must break it.
@Suite("Rigorous DLN gradient flow (P1a balancedness)")
struct RigorousDLNFlowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func p1a() throws -> ClaimSpec {
        try ClaimFileParser().parse(file: root.appendingPathComponent("proofs/dln-gf-p1a-balancedness-rigorous.toml").path)
    }

    @Test("P1a: every D_j(t) − D_j(0) enclosure lies within ±1e−50 at 256 bits over the stated horizon: PROVED")
    func p1aProved() throws {
        let claim = try Self.p1a()
        let parameters = try #require(claim.instances.first).parameters
        let context = EvaluationContext(precision: 256, tolerance: Rational(numerator: 1, denominator: BigInt(10).power(50)))
        let outcome = try DLNGFBalancednessKind().rigorousFlowEvaluation(parameters, context: context)
        print("P1a rigorous: largest deviation ≤ \(outcome.result.largestDeviation), widest enclosure \(outcome.result.largestWidth), steps \(outcome.result.steps), halvings \(outcome.result.halvings), state radius 2^\(outcome.result.log2FinalStateRadius), remainder 2^\(outcome.result.log2LargestRemainder)")
        #expect(outcome.decision == .proved)
        #expect(outcome.result.largestWidth <= BigFloat("1e-50", precision: 64)!)
        #expect(outcome.result.smallestCertifiedDeviation.isZero)
    }

    @Test("mutation: with radii shrunk by 2⁻²⁰⁰ after each step, the P1a enclosures are unsound and exclude the true drift 0")
    func p1aMutation() throws {
        let claim = try Self.p1a()
        let parameters = try #require(claim.instances.first).parameters
        let context = EvaluationContext(precision: 256, tolerance: Rational(numerator: 1, denominator: BigInt(10).power(50)))
        let outcome = try DLNGFBalancednessKind().rigorousFlowEvaluation(parameters, context: context,
                                                                      mutation: .init(shrinkRadius: 200))
        // The true deviation is exactly 0; radii shrunk by 2^−200 leave the rounding of the midpoints uncovered, so
        // some enclosure of D_j(t) − D_j(0) excludes 0: the (unsound) run "certifies" a violation.
        #expect(!outcome.result.smallestCertifiedDeviation.isZero)
    }
}
