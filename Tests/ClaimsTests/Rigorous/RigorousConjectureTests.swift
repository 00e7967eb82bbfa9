@testable import Claims
import Conjectures
import Foundation
import MultiPrecision
import Testing

/// Rigorous mode for the conjecture language: maps iterated in balls and polynomial flows by validated Taylor
/// steps, from the shipped claim files in proofs/conjectures/*-rigorous.toml. The enclosures are checked against
/// exact references (the exact rational iterates of the map; the exact initial value of a conserved matrix; the
/// closed form e^{−2λt}D(0) of the weight-decay law), and a shrunk radius (the test hook) must make them miss.
@Suite("Rigorous conjecture language (maps in balls, validated flows)")
struct RigorousConjectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func claim(_ name: String) throws -> ClaimSpec {
        try ClaimFileParser().parse(file: root.appendingPathComponent("proofs/conjectures/\(name).toml").path)
    }

    static func run(_ instance: InstanceSpec, bits: Int = 256, shrink: Int = 0) throws -> ConjectureRigorousRun {
        let payload = try #require(instance.parameters.payload(as: ConjectureInstance.self))
        var run = ConjectureRigorousRun(instance: payload, context: EvaluationContext(precision: bits, tolerance: 0))
        run.shrinkRadius = shrink
        return run
    }

    /// ‖x_k‖² + ‖y_k‖² of the map iterated exactly in rationals (the independent reference).
    static func exactNorms(_ instance: InstanceSpec) throws -> [Rational] {
        let payload = try #require(instance.parameters.payload(as: ConjectureInstance.self))
        let bound = try #require(payload.bound.main)
        var state = bound.initialState
        var norms: [Rational] = []
        for k in 0...(payload.document.dynamics.steps ?? 0) {
            norms.append(state.reduce(Rational(0)) { $0 + $1 * $1 })
            if k < (payload.document.dynamics.steps ?? 0) { state = try bound.exactStep(state: state, step: k) }
        }
        return norms
    }

    @Test("extragradient, η = 1/5 and 1/3, 60 steps in balls: PROVED; every enclosure of ‖z_k‖² contains the exact rational")
    func extragradientProved() throws {
        let claim = try Self.claim("extragradient-bilinear-contracts-rigorous")
        #expect(claim.numerics.rigorous)
        for instance in claim.instances {
            let run = try Self.run(instance)
            let evaluation = try run.run()
            #expect(evaluation.decision == .proved, "\(evaluation.decision)")
            let samples = try run.sample().samples
            let balls = try #require(samples.values.values.first)
            let exact = try Self.exactNorms(instance)
            #expect(balls.count == exact.count)
            for (ball, value) in zip(balls, exact) {
                #expect(ball[0].contains(value), "\(ball[0]) misses \(value)")
                // Plain ball iteration: the radius grows by about one bit per step on this near-rotation (the wrapping
                // effect), from ~1e−77 to ~1e−53 after 60 steps (measured); 1e−50 leaves room for that, not for
                // a lost enclosure.
                #expect(ball[0].radiusUpperBound < 1e-50, "\(ball[0]) is too wide")
            }
        }
    }

    @Test("mutation: radii shrunk by 2⁻²⁰⁰ after every step make some enclosure of ‖z_k‖² miss the exact rational")
    func extragradientMutation() throws {
        let claim = try Self.claim("extragradient-bilinear-contracts-rigorous")
        let instance = try #require(claim.instances.last)
        let balls = try #require(try Self.run(instance, shrink: 200).sample().samples.values.values.first)
        let exact = try Self.exactNorms(instance)
        #expect(zip(balls, exact).contains { !$0.0[0].contains($0.1) })
    }

    @Test("GDA (known false): DISPROVED at the first step, with its place")
    func gdaDisproved() throws {
        let claim = try Self.claim("gda-bilinear-contracts-rigorous")
        for instance in claim.instances {
            let evaluation = try Self.run(instance).run()
            guard case let .disproved(place) = evaluation.decision else {
                Issue.record("expected DISPROVED, got \(evaluation.decision)")
                continue
            }
            #expect(place.contains("between k = 0 and k = 1"), "\(place)")
            // The exact first step: ‖z₁‖² − ‖z₀‖² = η²(‖Ay₀‖² + ‖Aᵀx₀‖²) > 0; the margin is its negative.
            let exact = try Self.exactNorms(instance)
            #expect(evaluation.margin.contains(exact[0] - exact[1]), "\(evaluation.margin)")
        }
    }

    @Test("a two-layer linear network's balancedness matrix over t ∈ [0, 2]: PROVED within 1e−50; enclosures contain D(0)")
    func balancednessFlowProved() throws {
        let claim = try Self.claim("linear-layer-balancedness-rigorous")
        let instance = try #require(claim.instances.first)
        let run = try Self.run(instance)
        let evaluation = try run.run()
        #expect(evaluation.decision == .proved, "\(evaluation.decision)")
        let payload = try #require(instance.parameters.payload(as: ConjectureInstance.self))
        let bound = try #require(payload.bound.main)
        let expression = try #require(payload.checked.expressions.values.first)
        let exact = try bound.evaluateExactly(expression, state: bound.initialState)
        let samples = try run.sample().samples
        let series = try #require(samples.values.values.first)
        #expect(series.count == 9)
        for entries in series {
            for (ball, value) in zip(entries, exact) {
                #expect(ball.contains(value), "\(ball) misses the exact D(0) entry \(value)")
                #expect(ball.radiusUpperBound < 1e-60)
            }
        }
        // Mutation: radii shrunk by 2^-200 after each validated step leave the truncation and rounding uncovered.
        let shrunk = try Self.run(instance, shrink: 200).sample().samples
        let shrunkSeries = try #require(shrunk.values.values.first)
        #expect(shrunkSeries.contains { entries in zip(entries, exact).contains { !$0.0.contains($0.1) } })
    }

    @Test("with weight decay: D conserved is DISPROVED; the law e^{−2λt}D(0) (dln-gf-weight-decay-law) is PROVED")
    func weightDecay() throws {
        let wrong = try Self.claim("linear-layer-weight-decay-conserved-rigorous")
        let evaluation = try Self.run(try #require(wrong.instances.first)).run()
        guard case let .disproved(place) = evaluation.decision else {
            Issue.record("expected DISPROVED, got \(evaluation.decision)")
            return
        }
        #expect(place.contains("t = 0.25"), "\(place)")
        let law = try Self.claim("dln-gf-weight-decay-law")
        let lawEvaluation = try Self.run(try #require(law.instances.first)).run()
        #expect(lawEvaluation.decision == .proved, "\(lawEvaluation.decision)")
        let rate = try Self.claim("dln-gf-weight-decay-wrong-rate")
        if case .disproved = try Self.run(try #require(rate.instances.first)).run().decision {} else {
            Issue.record("the wrong rate e^{−λt} should be DISPROVED")
        }
    }

    @Test("OMWU written in the language (plain balls, 300 steps): INCONCLUSIVE after the restart at twice the precision, naming the step")
    func omwuInconclusive() throws {
        let claim = try Self.claim("omwu-kl-from-step-1")
        let instance = try #require(claim.instances.first)
        #expect(ConjectureKind().rigorousUnavailability(instance.parameters) == nil)
        let numerics = NumericsSettings(precision: 64, maxPrecision: 128)
        let run = try #require(try RigorousRunner.run(kind: ConjectureKind(), instance: instance, numerics: numerics,
                                                      context: EvaluationContext(precision: nil, tolerance: 0)))
        #expect(run.attempts.map(\.precisionBits) == [64, 128])
        #expect(run.attempts.allSatisfy { $0.verdict == .inconclusive })
        guard case let .undecided(place) = run.last.decision else {
            Issue.record("expected INCONCLUSIVE, got \(run.last.decision)")
            return
        }
        #expect(place.contains("between k = ") && place.contains("relative accuracy"), "\(place)")
        let outcome = RigorousRunner.outcome(instance: instance, attempts: run.attempts, last: run.last, bits: run.bits,
                                             maxPrecision: 128, seconds: 0)
        #expect(outcome.message?.contains("became too wide to decide at property 1: between k = ") == true, "\(outcome.message ?? "")")
    }

    @Test("properties that branch on values, flows with tanh, and trends say 'not available rigorously' and why")
    func unavailable() throws {
        let kind = ConjectureKind()
        let tanh = try #require(try Self.claim("tanh-layer-breaks-balancedness").instances.first)
        let reason = try #require(kind.rigorousUnavailability(tanh.parameters))
        #expect(reason.contains("tanh") && reason.contains("validated flows take products"), "\(reason)")
        let gap = try #require(try Self.claim("omwu-duality-gap-converges").instances.first)
        let gapReason = try #require(kind.rigorousUnavailability(gap.parameters))
        #expect(gapReason.contains("max") || gapReason.contains("min"), "\(gapReason)")
        let trend = try #require(try Self.claim("diagonal-network-l1-falls-with-alpha").instances.first)
        #expect(kind.rigorousUnavailability(trend.parameters)?.contains("trend") == true)
        let proved = try #require(try Self.claim("extragradient-bilinear-contracts-rigorous").instances.first)
        #expect(kind.rigorousUnavailability(proved.parameters) == nil)
    }

    @Test("attest check --rigorous: the checked: line states what is enclosed in balls, and the twins meet expectations")
    func engine() async throws {
        let claims = try ["extragradient-bilinear-contracts-rigorous", "gda-bilinear-contracts-rigorous"].map(Self.claim)
        var options = CheckOptions(jobs: 2)
        options.rigorous = true
        let result = await ClaimEngine().check(claims, options: options)
        #expect(result.claims[0].verdict == .proved)
        #expect(result.claims[1].verdict == .disproved)
        #expect(result.claims[1].metExpectation)
        let checked = result.claims[0].claim.checked.joined()
        #expect(checked.contains("in balls: the map iterated in balls"), "\(checked)")
    }
}
