import Claims
import Foundation
import MultiPrecision
import Testing

/// Parses claim text with the standard kinds.
func claim(_ text: String) throws -> ClaimSpec {
    try ClaimFileParser().parse(text: text, file: "test.toml", baseDirectory: ".")
}

/// A claim of `kind` with the given extra sections.
func claimText(id: String, kind: String, expect: String = "pass", _ body: String) -> String {
    """
    id = "\(id)"
    title = "t"
    kind = "\(kind)"
    expect = "\(expect)"
    source = "tests"
    statement = "s"

    \(body)
    """
}

@Suite("Claim kinds: true claims PASS, known-false twins FAIL")
struct ClaimKindTests {
    static let stepBody = """
        [model]
        widths = [3, 4, 2, 3]
        samples = 4
        [dynamics]
        step_size = "3/100"
        steps = 2
        [grid]
        seed = [1, 2]
        """

    @Test("dln-gd-balancedness-step: the η² identity holds exactly; exact conservation FAILs with its place")
    func stepKind() async throws {
        let truth = try claim(claimText(id: "step", kind: "dln-gd-balancedness-step", Self.stepBody))
        let twin = try claim(claimText(id: "twin", kind: "dln-gd-balancedness-step", expect: "fail",
                                       Self.stepBody + "\n[check]\nclaimed_change = \"zero\""))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims[0].verdict == .pass)
        #expect(result.claims[0].instances.allSatisfy { $0.margin?.value == "0" && $0.precisionBits == nil })
        #expect(result.claims[1].verdict == .fail)
        let counterexample = try #require(result.claims[1].counterexample)
        #expect(counterexample.location?.hasPrefix("step 1, j = ") == true)
        #expect(counterexample.margin?.exact?.hasPrefix("-") == true)
        #expect(counterexample.reproduction.contains("seed=1") && counterexample.reproduction.contains("precision=exact"))
    }

    static let driftBody = """
        [model]
        widths = [2, 3, 2]
        samples = 3
        seed = 5
        [dynamics]
        step_size = "1/10"
        steps = 5
        """

    @Test("dln-gd-balancedness-drift: the C = 1 bound PASSes; C = 0 FAILs beyond the error estimate")
    func driftKind() async throws {
        let truth = try claim(claimText(id: "drift", kind: "dln-gd-balancedness-drift", Self.driftBody))
        let twin = try claim(claimText(id: "vanish", kind: "dln-gd-balancedness-drift", expect: "fail",
                                       Self.driftBody + "\n[check]\nbound_factor = 0"))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.allMetExpectations)
        let pass = result.claims[0].instances[0]
        #expect(pass.precisionBits == NumericsSettings.defaultPrecision && pass.attempts.count == 1)
        #expect(NumericsSettings.defaultPrecision == 256)
        // Four rounded measurements, each with a non-zero error, and the four exact symbolic counts (error 0).
        #expect(pass.measurements.count == 8)
        #expect(pass.measurements.filter { $0.exact == nil }.count == 4)
        #expect(pass.measurements.allSatisfy { $0.exact != nil || $0.error != "0" || $0.value == "0" })
        #expect(pass.measurements.allSatisfy { $0.exact == nil || ($0.name.hasPrefix("symbolic") && $0.error == "0") })
    }

    @Test("A near miss: INCONCLUSIVE at 64 bits, decided by escalation to 128 bits, both ways")
    func nearMiss() async throws {
        let body = Self.driftBody + "\n[numerics]\nprecision = 64\nmax_precision = 512\n[check]\n"
        let above = try claim(claimText(id: "above", kind: "dln-gd-balancedness-drift",
                                        body + "bound_factor = \"0.592761572879028400395728209357153746861461733\""))
        let below = try claim(claimText(id: "below", kind: "dln-gd-balancedness-drift", expect: "fail",
                                        body + "bound_factor = \"0.592761572879028400395728209355968223715703676\""))
        let result = await ClaimEngine().check([above, below])
        for (outcome, final) in zip(result.claims, [Verdict.pass, .fail]) {
            let attempts = outcome.instances[0].attempts
            #expect(attempts.map(\.precisionBits) == [64, 128])
            #expect(attempts.map(\.verdict) == [.inconclusive, final])
        }
        #expect(result.allMetExpectations)
        // Capped at 64 bits, the near miss stays INCONCLUSIVE and does not meet its expectation.
        let capped = await ClaimEngine().check([above], options: CheckOptions(maxPrecision: 64))
        #expect(capped.claims[0].verdict == .inconclusive && !capped.allMetExpectations)
        #expect(capped.claims[0].instances[0].message?.contains("max_precision") == true)
    }

    @Test("--jobs does not change a single digit")
    func jobsDeterminism() async throws {
        let claims = [try claim(claimText(id: "d", kind: "dln-gd-balancedness-drift",
                                          Self.driftBody.replacingOccurrences(of: "seed = 5", with: "") + "\n[grid]\nseed = [1, 2, 3, 4]")),
                      try claim(claimText(id: "s", kind: "dln-gd-balancedness-step", Self.stepBody))]
        let one = await ClaimEngine().check(claims, options: CheckOptions(jobs: 1))
        let three = await ClaimEngine().check(claims, options: CheckOptions(jobs: 3))
        let digits = { (r: CheckResult) in r.claims.flatMap { $0.instances.map { [$0.margin!.value] + $0.measurements.map(\.value) } } }
        #expect(digits(one) == digits(three))
        #expect(one.claims.flatMap { $0.instances.map(\.instance.index) } == [0, 1, 2, 3, 0, 1])
    }

    @Test("A timeout is an ERROR with a message; the run goes on")
    func timeout() async throws {
        let slow = try claim(claimText(id: "slow", kind: "dln-gd-balancedness-drift",
                                       Self.driftBody.replacingOccurrences(of: "steps = 5", with: "steps = 100000")
                                       + "\n[numerics]\nprecision = 2048"))
        let result = await ClaimEngine().check([slow], options: CheckOptions(timeout: .milliseconds(50)))
        #expect(result.claims[0].verdict == .error)
        #expect(result.claims[0].instances[0].message?.contains("timed out") == true)
        #expect(result.isComplete)
    }

    @Test("Cancellation leaves an incomplete result that never counts as met")
    func cancellation() async throws {
        let slow = try claim(claimText(id: "slow", kind: "dln-gd-balancedness-drift",
                                       Self.driftBody.replacingOccurrences(of: "steps = 5", with: "steps = 100000")))
        let task = Task { await ClaimEngine().check([slow]) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.value
        #expect(!result.isComplete && !result.allMetExpectations)
        #expect(result.claims[0].instances.isEmpty && !result.claims[0].isComplete)
        #expect(result.claims[0].verdict == .inconclusive)
    }

    @Test("The registry lists the shipped kinds; a new kind is one line")
    func registry() {
        #expect(ClaimKindRegistry.standard.names.contains("dln-gd-balancedness-step"))
        #expect(ClaimKindRegistry.standard.names.contains("dln-gd-balancedness-drift"))
        #expect(ClaimKindRegistry.standard.names.contains("symbolic-identity"))
        for name in ClaimKindRegistry.standard.names {
            let kind = ClaimKindRegistry.standard.kind(named: name)!
            #expect(!kind.summary.isEmpty && !kind.method.isEmpty)
            #expect(!kind.parameters.isEmpty || kind is any DocumentClaimKind)
        }
    }
}

@Suite("symbolic-identity: proved identities PASS, false ones FAIL with the obstruction")
struct SymbolicIdentityKindTests {
    static let obligation = """
        id = "balancedness-flow-N2"
        title = "t"
        statement = "s"
        source = "docs/theory.md §1.3"
        expect = "proved"
        [symbols]
        W1 = { shape = ["d1", "d0"] }
        W2 = { shape = ["d2", "d1"] }
        E = { shape = ["d2", "d0"] }
        [definitions]
        G1 = "transpose(W2) E"
        G2 = "E transpose(W1)"
        [flow]
        W1 = "-G1"
        W2 = "-G2"
        [[identity]]
        name = "conserved"
        claim = "d/dt(W2' W2 - W1 W1') = 0"
        """

    @Test("A true identity PASSes; the commutativity twin FAILs with its obstruction")
    func kind() async throws {
        let truth = try claim(Self.obligation)
        let twin = try claim("""
            id = "commutativity"
            title = "t"
            statement = "s"
            source = "s"
            expect = "refuted"
            [symbols]
            W1 = "matrix"
            W2 = "matrix"
            [[identity]]
            claim = "W2 W1 = W1 W2"
            """)
        #expect(truth.kind == "symbolic-identity" && twin.expectation == .fail)
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.allMetExpectations)
        #expect(result.claims[1].counterexample?.location?.contains("obstruction W₂W₁ − W₁W₂") == true)
        // The measurements: the remainder is zero for the truth, non-zero for the twin; three random instances each.
        let remainders = result.claims.map { $0.instances[0].measurements.first { $0.name == "canonical remainder is non-zero" }?.exact }
        #expect(remainders == ["0", "1"])
        // What is checked is read from the instance's identity, not from its parameters' text.
        #expect(truth.checked == ["d/dt(W2' W2 - W1 W1') = 0 for every size: canonical form of lhs − rhs is 0, confirmed on 3 random rational instances"])
    }
}
