import Claims
import Foundation
import MultiPrecision
import Testing

/// wRPS(1,2,3) in Attest's convention (x minimizes): −A of docs/theory.md §3.5.
private let wRPS = "[[0, 1, -2], [-1, 0, 3], [2, -3, 0]]"
/// The 4×4 game of docs/theory.md §3.5, negated (x minimizes).
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
        // The KL series (figures): KL_0 and KL_T equal the measurements; 300 steps give 301 points, non-increasing
        // from t = 1 on (the PASS verdict), the first step an increase.
        let instance = result.claims[0].instances[0]
        let series = try #require(instance.series.first { $0.name == "KL" })
        func measured(_ name: String) -> Double { Double(instance.measurements.first { $0.name == name }!.value)! }
        #expect(series.x == (0...300).map(Double.init) && series.logarithmic)
        #expect(series.y[0] == measured("KL_0") && series.y[300] == measured("KL_T") && series.y[1] > series.y[0])
        #expect(zip(series.y.dropFirst(), series.y.dropFirst(2)).allSatisfy { $1 <= $0 })
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

    @Test("Last-iterate convergence on wRPS (KL after 4000 steps ≈ 4.9e−19, docs/theory.md §3.5)")
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

    /// The instance's measurement named `name` (exact prefix match).
    func measurement(_ outcome: ClaimOutcome, _ name: String) throws -> Claims.Measurement {
        try #require(outcome.instances[0].measurements.first { $0.name.hasPrefix(name) }, "no measurement '\(name)'")
    }

    @Test("KL sequence summary on P2a (10⁴ steps, 128 bits) against docs/benchmark-problems.md's 1024-bit reference and the closed-form KL_0")
    func sequenceSummary() async throws {
        let p2a = #"[["-25/24", "-7/24", "89/24"], ["23/24", "-31/24", "-7/24"], ["-7/24", "23/24", "-25/24"]]"#
        let truth = try claim(claimText(id: "p2a", kind: "omwu-kl", body(payoff: p2a, eta: "1/20", steps: 10_000)))
        let twin = try claim(claimText(id: "from1", kind: "omwu-kl", expect: "fail",
                                       body(payoff: p2a, eta: "1/20", steps: 20, check: "from_step = 1")))
        let mwu = try claim(claimText(id: "mwu", kind: "omwu-kl", expect: "fail",
                                      body(payoff: p2a, method: "mwu", eta: "1/20", steps: 20)))
        let result = await ClaimEngine().check([truth, twin, mwu])
        #expect(result.claims.map(\.verdict) == [.pass, .fail, .fail])
        let summary = result.claims[0]
        func value(_ name: String) throws -> BigFloat { BigFloat(try measurement(summary, name).value, precision: 256)! }
        try withPrecision(256) {
            // KL_0 = Σ x*_i ln(3x*_i) + Σ y*_j ln(3y*_j) from the uniform start; x* = y* = (1/6, 1/3, 1/2) for P2a.
            let third = [Rational(numerator: 1, denominator: 6), Rational(numerator: 1, denominator: 3), Rational(numerator: 1, denominator: 2)]
            let kl0 = 2 * third.reduce(BigFloat(0)) { $0 + BigFloat($1) * BigFloat.log(BigFloat(3 * $1)) }
            #expect(BigFloat.abs(try value("KL_0") - kl0) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(35))))
            // KL_1 − KL_0 = +5.13084375e−4 and KL(10⁴) = 2.17245917642699271409536177148600e−7 (docs/benchmark-problems.md, 1024 bits).
            let step1 = try value("KL_1 − KL_0")
            #expect(BigFloat.abs(step1 - BigFloat(Rational(numerator: 513_084_375, denominator: BigInt(10).power(12)))) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(12))))
            #expect(BigFloat.abs(try value("KL_1") - (kl0 + step1)) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(35))))
            #expect(BigFloat.abs(try value("KL at the start of the monotone phase")  - (kl0 + step1)) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(35))))
            let reference = BigFloat("2.17245917642699271409536177148600e-7", precision: 256)!
            #expect(BigFloat.abs(try value("KL_T") - reference) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(36))))
            #expect(try value("‖x_T − x*‖₁") > 0)
        }
        // Monotone from t = 2: no violating step, no increase; every value has an error estimate.
        #expect(try measurement(summary, "first step t ≥ from_step").exact == "0")
        #expect(try measurement(summary, "steps t ≥ from_step with KL_t > KL_{t−1} (identity)").exact == "0")
        #expect(try measurement(summary, "largest increase").value == "0")
        #expect(summary.instances[0].measurements.allSatisfy { !$0.error.isEmpty })
        // The twin from t = 1 violates at step 1, and only there; plain MWU increases KL at every one of its 20 steps.
        #expect(try measurement(result.claims[1], "first step t ≥ from_step").exact == "1")
        #expect(try measurement(result.claims[1], "steps t ≥ from_step with KL_t > KL_{t−1} (identity)").exact == "1")
        #expect(try measurement(result.claims[2], "steps t ≥ from_step with KL_t > KL_{t−1} (identity)").exact == "19")
        #expect(try measurement(result.claims[2], "first step t ≥ from_step").exact == "2")
    }
}
