import Claims
import Dynamics
import Testing

/// The mutation check of issue 9: with a deliberate defect in the model a claim runs (`ModelMutation`, a wrapper of
/// the map or field that `iterate` and `integrate` run in its place), claims that PASS on the correct code must FAIL. The unmutated claims are the soundness suite's true cases, which PASS there.
/// And that of issue 21: with the verdict rule's defect (`VerdictMutation`, test-only: hypotheses decided on rounded
/// values), the regression check of `HypothesisMarginTests` must fail.
@Suite("Mutation check: a sign flipped or a factor missing in the model makes balancedness, convergence and KL claims FAIL")
struct MutationTests {
    /// The soundness suite's true case `id`.
    func trueCase(_ id: String) throws -> ClaimSpec {
        let found = try #require(SoundnessCases.trueCases.first { $0.id == id })
        return try claim(found.text)
    }

    /// Checks `ids` with `mutation` active; returns the instance verdicts.
    func verdicts(_ ids: [String], under mutation: ModelMutation) async throws -> [Verdict] {
        let claims = try ids.map(trueCase)
        let result = await ModelSubstitution.$active.withValue(mutation) { await ClaimEngine().check(claims, options: CheckOptions(jobs: 2)) }
        #expect(result.isComplete)
        return result.claims.flatMap { $0.instances.map(\.verdict) }
    }

    @Test("Balancedness (GD drift bound, GF conservation): ∂L/∂W_1 with its sign flipped")
    func balancednessSignFlip() async throws {
        let ids = ["gd-drift-bound", "gf-conserves-balancedness"]
        #expect(try await verdicts(ids, under: .negatedGradient(layer: 1)) == [.fail, .fail])
    }

    @Test("Balancedness (GD drift bound, GF conservation): the ½ of the loss forgotten in ∂L/∂W_2 only")
    func balancednessMissingFactor() async throws {
        let ids = ["gd-drift-bound", "gf-conserves-balancedness"]
        #expect(try await verdicts(ids, under: .doubledGradient(layer: 2)) == [.fail, .fail])
    }

    @Test("Convergence (Arora et al.'s rate for GD and GF): gradient ascent")
    func convergenceRate() async throws {
        #expect(try await verdicts(["gd-arora-rate", "gf-arora-rate"], under: .negatedGradient(layer: nil)) == [.fail, .fail])
    }

    @Test("Convergence to the global minimum (GD and GF): ∂L/∂W_1 with its sign flipped")
    func globalMinimum() async throws {
        #expect(try await verdicts(["gd-global-minimum", "gf-global-minimum"], under: .negatedGradient(layer: 1)) == [.fail, .fail])
    }

    @Test("KL (OMWU, from step 2): the maximizer's payoff with its sign flipped")
    func kl() async throws {
        #expect(try await verdicts(["omwu-kl-from-step-2"], under: .negatedMaximizerPayoff) == [.fail])
    }

    @Test("Without a mutation the model is untouched")
    func inactiveByDefault() {
        #expect(ModelSubstitution.active == nil)
        #expect(VerdictMutation.active == nil)
    }

    @Test("Issue 21: hypotheses decided on rounded values (without their error) are caught by the regression check")
    func hypothesesOnRoundedValues() async throws {
        // The defect reproduced: at 64 bits the rounded δ ≈ 1.3e−19 exceeds 10⁻³⁰, so the mutated rule calls the
        // instance NOT APPLICABLE at once, and the false conclusion (ℓ(T) ≤ 10⁻⁵⁰) is never reported.
        for (epsilon, truth) in [("1e-50", Verdict.fail), (nil, Verdict.pass)] {
            let mutated = try await VerdictMutation.$active.withValue(.hypothesesOnRoundedValues) {
                try await HypothesisRegression.outcome(epsilon: epsilon)
            }
            #expect(mutated.verdict == .notApplicable)
            #expect(mutated.attempts.map(\.precisionBits) == [64])
            #expect(!HypothesisRegression.isSound(mutated, expected: truth))
            // The correct rule, on the same instance, passes the regression check.
            #expect(HypothesisRegression.isSound(try await HypothesisRegression.outcome(epsilon: epsilon), expected: truth))
        }
        // The example: under the defect the boundary instance is NOT APPLICABLE and the claim PASSes again.
        let mutated = try await VerdictMutation.$active.withValue(.hypothesesOnRoundedValues) {
            try await HypothesisRegression.stepSizeOutcome()
        }
        #expect(mutated.verdict == .pass && mutated.instances.map(\.verdict) == [.pass, .notApplicable])
        #expect(!HypothesisRegression.isSound(try #require(mutated.instances.last), expected: .fail))
        // And the soundness suite's boundary cases get the wrong verdict (NOT APPLICABLE instead of PASS and FAIL).
        let boundary = (SoundnessCases.trueCases + SoundnessCases.falseCases).filter { $0.id.hasPrefix("gd-arora-") && $0.id.contains("eta-at-boundary") }
        #expect(boundary.count == 2)
        for soundness in boundary {
            let spec = try claim(soundness.text)
            let outcome = await VerdictMutation.$active.withValue(.hypothesesOnRoundedValues) {
                await ClaimEngine().check([spec])
            }
            #expect(outcome.claims.first?.instances.first?.verdict == .notApplicable, "\(soundness.id)")
        }
    }
}
