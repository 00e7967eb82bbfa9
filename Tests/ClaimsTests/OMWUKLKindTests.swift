import Claims
import Foundation
import MultiPrecision
import Testing

/// wRPS(1,2,3) in Attest's convention (x minimizes): −A of THEORY.md §3.5.
private let wRPS = "[[0, 1, -2], [-1, 0, 3], [2, -3, 0]]"
/// The 4×4 game of THEORY.md §3.5, negated (x minimizes).
private let game4 = "[[-2, 2, 4, -1], [-2, 3, -5, 2], [3, -1, -3, -1], [0, -1, 2, 0]]"

@Suite("omwu-kl: OMWU KL monotonicity PASSes, its known-false twins FAIL, the rounding floor is INCONCLUSIVE")
struct OMWUKLKindTests {
    func body(payoff: String, method: String = "omwu", eta: String, steps: Int, check: String = "",
              precision: Int = 128, maxPrecision: Int? = nil) -> String {
        """
        [model]
        payoff = \(payoff)
        [dynamics]
        method = "\(method)"
        step_size = "\(eta)"
        steps = \(steps)
        \(check.isEmpty ? "" : "[check]\n" + check)
        [numerics]
        precision = \(precision)
        \(maxPrecision.map { "max_precision = \($0)" } ?? "")
        """
    }

    @Test("OMWU decreases KL from t = 2 on (wRPS, 4×4, random 4×4); the first step increases it, so from t = 1 FAILs at step 1")
    func monotone() async throws {
        let claims = try [
            claim(claimText(id: "wrps", kind: "omwu-kl", body(payoff: wRPS, eta: "1/10", steps: 300))),
            claim(claimText(id: "g4", kind: "omwu-kl", body(payoff: game4, eta: "1/10", steps: 300))),
            claim(claimText(id: "random", kind: "omwu-kl", body(payoff: "\"random\"\nsize = 4\nseed = 1", eta: "1/20", steps: 300))),
            claim(claimText(id: "step1", kind: "omwu-kl", expect: "fail",
                            body(payoff: wRPS, eta: "1/10", steps: 50, check: "from_step = 1"))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .pass, .fail])
        let counterexample = try #require(result.claims[3].counterexample)
        #expect(counterexample.location == "step 1")
    }

    @Test("Known-false twins FAIL: plain MWU, OMWU at η = 1 and η = 2, MWU 'converges'")
    func twins() async throws {
        let claims = try [
            claim(claimText(id: "mwu", kind: "omwu-kl", expect: "fail", body(payoff: wRPS, method: "mwu", eta: "1/10", steps: 100))),
            claim(claimText(id: "mwu4", kind: "omwu-kl", expect: "fail", body(payoff: game4, method: "mwu", eta: "1/10", steps: 100))),
            claim(claimText(id: "eta1", kind: "omwu-kl", expect: "fail", body(payoff: wRPS, eta: "1", steps: 100))),
            claim(claimText(id: "eta2", kind: "omwu-kl", expect: "fail", body(payoff: wRPS, eta: "2", steps: 100))),
            claim(claimText(id: "mwuconv", kind: "omwu-kl", expect: "fail",
                            body(payoff: wRPS, method: "mwu", eta: "1/10", steps: 300,
                                 check: "property = \"converges\"\nkl_below = \"1e-3\""))),
        ]
        let result = await ClaimEngine().check(claims)
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.allSatisfy { $0.verdict == .fail })
    }

    @Test("Below the rounding floor: INCONCLUSIVE at 53 bits (never FAIL), PASS at 256 bits (wRPS, η = 1/4, 2000 steps, KL → 1.5e−61)")
    func roundingFloor() async throws {
        let low = try claim(claimText(id: "double", kind: "omwu-kl", expect: "inconclusive",
                                      body(payoff: wRPS, eta: "1/4", steps: 2000, precision: 53, maxPrecision: 53)))
        let high = try claim(claimText(id: "mp", kind: "omwu-kl",
                                       body(payoff: wRPS, eta: "1/4", steps: 2000, precision: 256, maxPrecision: 256)))
        let result = await ClaimEngine().check([low, high])
        #expect(result.claims[0].verdict == .inconclusive)
        #expect(result.claims[1].verdict == .pass)
        #expect(result.isComplete && result.allMetExpectations)
    }

    @Test("Last-iterate convergence on wRPS (KL after 4000 steps ≈ 4.9e−19, THEORY.md §3.5)")
    func converges() async throws {
        let truth = try claim(claimText(id: "conv", kind: "omwu-kl",
                                        body(payoff: wRPS, eta: "1/10", steps: 4000,
                                             check: "property = \"converges\"\nkl_below = \"1e-18\"")))
        let result = await ClaimEngine().check([truth])
        #expect(result.claims[0].verdict == .pass)
    }

    @Test("Games without a proven unique fully mixed equilibrium are rejected with a clear error")
    func rejectsGames() {
        // Matching pennies with a dominated third row: the indifference solution is not positive.
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "bad", kind: "omwu-kl",
                                body(payoff: "[[1, -1, 0], [-1, 1, 0], [5, 5, 5]]", eta: "1/10", steps: 10)))
        }
        #expect(throws: (any Error).self) {
            try claim(claimText(id: "rect", kind: "omwu-kl", body(payoff: "[[1, -1, 0], [-1, 1, 0]]", eta: "1/10", steps: 10)))
        }
    }
}
