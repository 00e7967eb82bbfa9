import Claims
import Models
import Testing

/// The mutation check of issue 9: with a deliberate defect in the model code (`ModelMutation`, test-only), claims that
/// PASS on the correct code must FAIL. The unmutated claims are the soundness suite's true cases, which PASS there.
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
        let result = await ModelMutation.$active.withValue(mutation) { await ClaimEngine().check(claims, options: CheckOptions(jobs: 2)) }
        #expect(result.isComplete)
        return result.claims.flatMap { $0.instances.map(\.verdict) }
    }

    @Test("Balancedness (GD identity, GD drift bound, GF conservation): ∂L/∂W_1 with its sign flipped")
    func balancednessSignFlip() async throws {
        let ids = ["gd-step-identity", "gd-drift-bound", "gf-conserves-balancedness"]
        #expect(try await verdicts(ids, under: .negatedGradient(layer: 1)) == [.fail, .fail, .fail])
    }

    @Test("Balancedness: the ½ of the loss forgotten in ∂L/∂W_2 only")
    func balancednessMissingFactor() async throws {
        let ids = ["gd-step-identity", "gf-conserves-balancedness"]
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
        #expect(ModelMutation.active == nil)
    }
}
