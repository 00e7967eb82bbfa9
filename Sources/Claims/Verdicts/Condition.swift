import MultiPrecision

/// A sign that decides something about an instance: one of the theorem's hypotheses, or a branch the computation
/// took (a window start, an early stop, whether a bound applies). Its margin is positive when the condition holds.
///
/// A condition is a verdict like any other: the engine estimates the error of its margin from the two precisions,
/// exactly as for the claim's margin, and counts it as decided only when |margin| > κ·error (`VerdictRule`). An
/// undecided condition makes the instance INCONCLUSIVE, so the precision escalates; a value that rounding put on
/// the wrong side of 0 never decides a verdict.
///
/// ```swift
/// Condition("deficiency margin c > 0", .rounded(c))                 // hypothesis c > 0
/// Condition("δ < 10⁻³⁰", .rounded(threshold - delta))                // hypothesis δ < 10⁻³⁰
/// ```
public struct Condition: Sendable, Equatable {
    /// What the condition says, in words (`c > 0`); the engine matches the two precisions' conditions by it.
    public var name: String
    /// The margin: > 0 when the condition holds, < 0 when it fails (an exact 0 counts as holding).
    public var margin: QuantityValue

    /// Creates a condition.
    public init(_ name: String, _ margin: QuantityValue) {
        self.name = name
        self.margin = margin
    }
}

/// A condition with the error estimate of its margin, and whether that decides it.
public struct ConditionEstimate: Sendable {
    /// The condition, as computed at the working precision.
    public var condition: Condition
    /// The error estimate of its margin (`nil` when exact).
    public var error: BigFloat?
    /// Whether the reference evaluation has a condition of the same name (when it has none, the two precisions
    /// took different paths and the condition is undecided).
    public var matched: Bool

    /// `.pass` when the condition decidedly holds, `.fail` when it decidedly fails, `.inconclusive` when the margin
    /// is within κ times its error (or the precisions disagree on the path), `.error` when it is not finite.
    public var verdict: Verdict {
        guard matched else { return .inconclusive }
        if VerdictMutation.active == .hypothesesOnRoundedValues {
            return VerdictRule.decide(margin: condition.margin, error: nil)
        }
        return VerdictRule.decide(margin: condition.margin, error: error)
    }

    /// `working` compared with the reference run's conditions (by name, in order) at `precision` bits.
    static func estimates(_ working: [Condition], reference: [Condition], precision: Int) -> [ConditionEstimate] {
        var unused = reference
        let compared = working.map { condition in
            guard let index = unused.firstIndex(where: { $0.name == condition.name }) else {
                return ConditionEstimate(condition: condition, error: nil, matched: false)
            }
            let match = unused.remove(at: index)
            return ConditionEstimate(condition: condition,
                                     error: ErrorEstimate.difference(condition.margin, match.margin, precision: precision),
                                     matched: true)
        }
        // A condition only the reference run met: the paths differ, so it is undecided too.
        return compared + unused.map { ConditionEstimate(condition: $0, error: nil, matched: false) }
    }

    /// The decision for reports: `margin 0.25 ± 1.2e-20 (holds)`.
    public var state: String {
        let word: String
        switch verdict {
        case .pass, .proved: word = "holds"
        case .fail, .disproved: word = "fails"
        case .error: word = "not finite"
        default: word = matched ? "undecided" : "undecided: the two precisions took different paths"
        }
        let e = error.map { $0.scientific(significantDigits: 3, rounding: .up) } ?? "0"
        return "margin \(condition.margin.decimalText) ± \(e) (\(word))"
    }

    /// The condition and its decision: `c > 0: margin 0.25 ± 1.2e-20 (holds)`.
    public var summary: String { "\(condition.name): \(state)" }
}
