import MultiPrecision

/// The one tolerance rule of every kind: the slack τ ≥ 0 of a claim's comparisons (margin = τ − deviation for
/// "deviation ≤ τ", or the slack of a "≤").
///
/// τ is `[numerics] tolerance` (or `--tolerance`) when it is positive. Otherwise it is `[check] relative_tolerance`,
/// the older key that the kinds measuring a relative deviation accepted and shipped files still use, when the file
/// gives it. Otherwise it is the kind's default: 0 for most kinds, a small relative slack (such as 10⁻²⁵) for the
/// kinds that compare rounded results with closed forms.
public struct ClaimTolerance: Sendable {
    /// The older `[check]` key, declared with the kind's default.
    public let legacy: Parameter<Rational>

    /// The rule for a kind whose default slack is `defaultValue`; `help` says what the slack is relative to.
    public init(default defaultValue: Rational, help: String) {
        legacy = Parameter("relative_tolerance", .check, minimum: 0, default: defaultValue,
                           help: help + " (or `[numerics] tolerance`, which takes precedence)")
    }

    /// The instance's tolerance τ, exact.
    public func value(_ parameters: InstanceParameters, context: EvaluationContext) -> Rational {
        context.tolerance > 0 ? context.tolerance : parameters[legacy]
    }
}

extension EvaluationContext {
    /// The tolerance τ of `rule` for this instance, at the working precision.
    public func tolerance(_ rule: ClaimTolerance, _ parameters: InstanceParameters) -> BigFloat {
        BigFloat(rule.value(parameters, context: self))
    }
}
