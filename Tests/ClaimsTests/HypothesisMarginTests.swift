import Claims
import MultiPrecision
import Testing

/// The regression case of issue 21 ("hypotheses decided on rounded values"): Arora et al.'s gradient-flow rate on
/// a 0-balanced start built by an SVD at the working precision. The hypothesis δ = max_j ‖D_j(0)‖_F < 10⁻³⁰ holds
/// in exact arithmetic (the split is 0-balanced), but at 64 bits the rounded δ is about 10⁻¹⁹: deciding the
/// hypothesis on that rounded value made the instance NOT APPLICABLE, and a false conclusion (ℓ(T) ≤ 10⁻⁵⁰, far
/// below the true ℓ(T) ≈ 0.018) was never reported. At p + guard bits δ is below 10⁻³⁰, so the hypothesis margin
/// 10⁻³⁰ − δ is within its error at 64 bits: the instance must be INCONCLUSIVE there and decided after escalation.
enum HypothesisRegression {
    /// The instance: Φ and W(0) of the dln-gf-convergence-rate tests, N = 2, at 64 bits, `epsilon` optional.
    static func text(epsilon: String?) -> String {
        claimText(id: "gf-rate-near-hypothesis-boundary", kind: "dln-gf-convergence-rate",
                              expect: epsilon == nil ? "pass" : "fail", """
            [model]
            target = [["1", "1/5"], ["1/10", "9/10"]]
            end_to_end = [["4/5", "1/10"], ["0", "3/4"]]
            depth = 2
            [dynamics]
            horizon = 2
            samples = 2
            [check]
            \(epsilon.map { "epsilon = \"\($0)\"" } ?? "")
            [numerics]
            precision = 64
            max_precision = 128
            """)
    }

    /// Checks the claim (false with ε = 10⁻⁵⁰, true without ε) and returns its single instance.
    static func outcome(epsilon: String?) async throws -> InstanceOutcome {
        let result = await ClaimEngine().check([try claim(text(epsilon: epsilon))])
        #expect(result.isComplete)
        return try #require(result.claims.first?.instances.first)
    }

    /// The issue's own example: dln-gd-convergence-rate with the step size η inside Arora et al.'s hypothesis
    /// η ≤ η_max by 1.4·10⁻⁴² (η_max ≈ 7.6175·10⁻⁷ from `References/arora_step_size_bound.py`: η is η_max truncated
    /// to 35 digits), beside an instance with a small η. With ε = 10⁻⁵⁰ the boundary instance is false (margin
    /// ε − ℓ(3) ≈ −0.04125). The old rule decided η ≤ η_max on the 64-bit η_max: NOT APPLICABLE, so the claim PASSed on
    /// the other instance alone, exit 0.
    static let stepSizeClaim = claimText(id: "gd-rate-eta-at-boundary", kind: "dln-gd-convergence-rate", """
        [model]
        target = [["1", "1/5"], ["1/10", "9/10"]]
        end_to_end = [["4/5", "1/10"], ["0", "3/4"]]
        depth = 2
        [dynamics]
        steps = 3
        [numerics]
        precision = 64
        max_precision = 128

        [[instance]]
        step_size = "1e-7"

        [[instance]]
        step_size = "7.6175373978754487440841886370488727e-7"
        epsilon = "1e-50"
        """)

    /// Checks `stepSizeClaim`; returns the claim's outcome.
    static func stepSizeOutcome() async throws -> ClaimOutcome {
        let result = await ClaimEngine().check([try claim(stepSizeClaim)])
        #expect(result.isComplete)
        return try #require(result.claims.first)
    }

    /// Whether the outcome is sound: INCONCLUSIVE at 64 bits (the hypothesis margin is within its error there),
    /// then decided (`expected`) at 128 bits.
    static func isSound(_ outcome: InstanceOutcome, expected: Verdict) -> Bool {
        outcome.attempts.map(\.precisionBits) == [64, 128]
            && outcome.attempts.map(\.verdict) == [.inconclusive, expected]
            && outcome.verdict == expected
    }
}

@Suite("Hypotheses are margins: decided beyond their error estimate, INCONCLUSIVE within it, never NOT APPLICABLE by rounding")
struct HypothesisMarginTests {
    @Test("Issue 21: a false conclusion inside the hypotheses by a rounding-sized margin at 64 bits escalates and FAILs")
    func falseClaimNearTheBoundary() async throws {
        let outcome = try await HypothesisRegression.outcome(epsilon: "1e-50")
        #expect(HypothesisRegression.isSound(outcome, expected: .fail))
        #expect(outcome.verdict != .notApplicable)
        #expect(outcome.statistics["hypotheses"] == "hold")
    }

    @Test("Issue 21's example: η within 10⁻⁴² of η_max, margin −0.0412: INCONCLUSIVE at 64 bits, FAIL at 128; the claim FAILs (was PASS)")
    func stepSizeAtTheBoundary() async throws {
        let claim = try await HypothesisRegression.stepSizeOutcome()
        #expect(claim.verdict == .fail)
        #expect(claim.instances.map(\.verdict) == [.pass, .fail])
        let boundary = try #require(claim.instances.last)
        #expect(HypothesisRegression.isSound(boundary, expected: .fail))
        #expect(boundary.attempts.first?.margin.hasPrefix("-0.04124") == true)
        #expect(boundary.statistics["hypotheses"] == "hold")
    }

    @Test("The same instance without ε (a true claim) escalates and PASSes")
    func trueClaimNearTheBoundary() async throws {
        let outcome = try await HypothesisRegression.outcome(epsilon: nil)
        #expect(HypothesisRegression.isSound(outcome, expected: .pass))
    }

    /// An evaluation with claim margin `margin` and one hypothesis margin `hypothesis`.
    func evaluation(margin: Double, hypothesis: Double, branch: Double? = nil, branchName: String = "b") -> Evaluation {
        Evaluation(quantities: [], margin: .rounded(BigFloat(margin, precision: 64)),
                   hypotheses: [Condition("h", .rounded(BigFloat(hypothesis, precision: 64)))],
                   branches: branch.map { [Condition(branchName, .rounded(BigFloat($0, precision: 64)))] } ?? [])
    }

    @Test("The verdict rule on hypothesis margins: the issue's −0.0412 margin with a hypothesis within 1.7e−19")
    func rule() {
        // Hypothesis margin −1e−19 at p, +1e−30 at p + g: error ≈ 1e−19, undecided → INCONCLUSIVE (not N/A).
        let undecided = ErrorEstimate(working: evaluation(margin: -0.0412, hypothesis: -1e-19), precision: 64,
                                      reference: evaluation(margin: -0.0412, hypothesis: 1e-30))
        #expect(undecided.verdict == .inconclusive)
        #expect(undecided.undecidedConditions.map(\.condition.name) == ["h"])
        // Decidedly outside: NOT APPLICABLE; decidedly inside: the claim's margin decides (FAIL).
        let outside = ErrorEstimate(working: evaluation(margin: -0.0412, hypothesis: -0.5), precision: 64,
                                    reference: evaluation(margin: -0.0412, hypothesis: -0.5 + 1e-19))
        #expect(outside.verdict == .notApplicable)
        let inside = ErrorEstimate(working: evaluation(margin: -0.0412, hypothesis: 0.5), precision: 64,
                                   reference: evaluation(margin: -0.0412, hypothesis: 0.5))
        #expect(inside.verdict == .fail)
    }

    @Test("Branch conditions: undecided → INCONCLUSIVE; a branch met at one precision only → INCONCLUSIVE")
    func branches() {
        let decided = ErrorEstimate(working: evaluation(margin: 1, hypothesis: 1, branch: -0.25), precision: 64,
                                    reference: evaluation(margin: 1, hypothesis: 1, branch: -0.25))
        #expect(decided.verdict == .pass)
        let undecided = ErrorEstimate(working: evaluation(margin: 1, hypothesis: 1, branch: 1e-21), precision: 64,
                                      reference: evaluation(margin: 1, hypothesis: 1, branch: -1e-21))
        #expect(undecided.verdict == .inconclusive)
        let differentPaths = ErrorEstimate(working: evaluation(margin: 1, hypothesis: 1, branch: 1, branchName: "stop at 3"),
                                           precision: 64,
                                           reference: evaluation(margin: 1, hypothesis: 1, branch: 1, branchName: "stop at 4"))
        #expect(differentPaths.verdict == .inconclusive)
        #expect(differentPaths.undecidedConditions.count == 2)
    }

    @Test("A non-finite hypothesis margin is an ERROR")
    func nonFinite() {
        let estimate = ErrorEstimate(working: evaluation(margin: 1, hypothesis: .nan), precision: 64,
                                     reference: evaluation(margin: 1, hypothesis: .nan))
        #expect(estimate.verdict == .error)
    }
}
