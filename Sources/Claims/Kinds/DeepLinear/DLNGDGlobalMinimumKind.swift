/// `dln-gd-global-minimum`: Nguegnang, Rauhut, Terstiege, gradient descent to a global minimum (docs/theory.md §1.8).
public struct DLNGDGlobalMinimumKind: TrajectoryKind, DescribedKind {
    public static let about = KindDescription("dln-gd-global-minimum",
        summary: "deep linear network, gradient descent at a given η: L(W(k)) is within ε of min_{rank W ≤ r} ½‖WX − Y‖²_F",
        method: """
        Runs k gradient-descent steps in MPFR at the working precision p and computes the rank-r optimum by \
        whitened Eckart–Young. The margin is ε − |L(W(k)) − optimum|; a run whose loss exceeds 10⁴⁰ stops as \
        divergent. No step-size hypothesis is checked (Nguegnang et al.'s bound is not available). Everything is \
        computed again at p + guard bits; the difference is the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [RankConstrainedOptimum.epsilon, RankConstrainedOptimum.optimumRank] }

    public func checked(_ p: InstanceParameters) -> String? {
        "|L(W(k)) − min_{rank W ≤ r} ½‖WX − Y‖²_F| ≤ ε = \(p.written(RankConstrainedOptimum.epsilon, absent: "ε")) after "
            + "k = \(p.written(DLNParameters.steps, absent: "k")) gradient-descent steps (no step-size hypothesis checked)"
    }

    public func check(_ p: InstanceParameters, on gd: DeepLinearDescentScenario, context: EvaluationContext) throws -> PropertyOutcome {
        let run = gd.descent
        var outcome = try RankConstrainedOptimum.check(p, run.layers[run.taken], x: run.x, y: run.y, widths: gd.setup.widths,
                                                       at: .step(run.taken), time: "k")
        outcome.branches = [run.divergenceBranch("max_t L(W(t))")]
        outcome.place = "step \(run.taken)" + (run.diverged ? " (diverged)" : "")
        return outcome
    }
}
