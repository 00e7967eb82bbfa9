import MultiPrecision

/// The error estimate of a rounded computation: the same quantities computed at two precisions, p and p + g (the
/// guard bits, 64 by default); the difference estimates the error of the value at p.
///
/// Implementation goals, in order of priority:
/// 1. Never report an error of zero for a rounded value by accident: the estimate is at least one unit roundoff of
///    the value at p (|v|·2^−p), because two runs can agree by chance on a value that both got wrong.
/// 2. Exact quantities (computed in `Rational`) have error zero, and a margin that is exactly zero counts as held.
public struct ErrorEstimate: Sendable {
    /// The working-precision evaluation, whose values are reported.
    public var working: Evaluation
    /// The working precision p in bits (`nil` for an exact evaluation).
    public var precision: Int?
    /// The error estimate of each quantity, by position (`nil` for exact ones).
    public var quantityErrors: [BigFloat?]
    /// The error estimate of the margin (`nil` when exact).
    public var marginError: BigFloat?
    /// The hypotheses with their error estimates.
    public var hypotheses: [ConditionEstimate]
    /// The branch conditions with their error estimates.
    public var branches: [ConditionEstimate]
    /// The values whose estimate failed the cross-check at p + 2g (`EstimateCrossCheck`); empty when it held or
    /// was not run.
    public var unreliable: [UnreliableEstimate] = []
    /// The precision of the cross-check run (p + 2g), when one was made.
    public var crossCheckPrecision: Int?

    /// Compares an evaluation at `precision` bits with one at more bits.
    ///
    /// - Precondition: both evaluations list the same quantities in the same order.
    public init(working: Evaluation, precision: Int, reference: Evaluation) {
        precondition(working.quantities.count == reference.quantities.count,
                     "ErrorEstimate: the two evaluations measure different quantities")
        self.working = working
        self.precision = precision
        quantityErrors = zip(working.quantities, reference.quantities).map { a, b in
            Self.adding(a.methodError, to: Self.difference(a.value, b.value, precision: precision))
        }
        marginError = Self.adding(working.marginMethodError,
                                  to: Self.difference(working.margin, reference.margin, precision: precision))
        hypotheses = ConditionEstimate.estimates(working.hypotheses, reference: reference.hypotheses, precision: precision)
        branches = ConditionEstimate.estimates(working.branches, reference: reference.branches, precision: precision)
        self.working.series = working.series.map {
            Self.withErrors($0, reference: reference.series, precision: precision)
        }
    }

    /// `series` with each value's error estimate: |value at p − value at p + g|, at least |value|·2^−p; a series
    /// that the reference run does not have with the same abscissae gets only the rounding floor.
    static func withErrors(_ series: Series, reference: [Series], precision: Int) -> Series {
        let unit = Double(sign: .plus, exponent: -min(precision, 1074), significand: 1)
        let match = reference.first { $0.name == series.name && $0.x == series.x }
        var result = series
        result.error = series.y.indices.map { i in
            let floor = abs(series.y[i]) * unit
            guard let match else { return floor }
            return max(abs(series.y[i] - match.y[i]), floor)
        }
        return result
    }

    /// An exact evaluation: every error is zero (unless the kind reports a method error, such as a truncation).
    public init(exact: Evaluation) {
        working = exact
        precision = nil
        quantityErrors = exact.quantities.map { $0.methodError.map(BigFloat.abs) }
        marginError = exact.marginMethodError.map(BigFloat.abs)
        hypotheses = exact.hypotheses.map { ConditionEstimate(condition: $0, error: nil, matched: true) }
        branches = exact.branches.map { ConditionEstimate(condition: $0, error: nil, matched: true) }
    }

    /// `rounding + |method|`, rounded upwards; `rounding` alone when there is no method error.
    static func adding(_ method: BigFloat?, to rounding: BigFloat?) -> BigFloat? {
        guard let method else { return rounding }
        let bound = BigFloat.abs(method)
        guard let rounding else { return bound }
        let sum = withPrecision(max(rounding.precision, bound.precision) + 8) { rounding + bound }
        return sum
    }

    /// |a − b|, at least |a|·2^−p; `nil` when both are exact and equal (the error is exactly zero).
    static func difference(_ a: QuantityValue, _ b: QuantityValue, precision: Int) -> BigFloat? {
        if case let .exact(x) = a, case let .exact(y) = b, x == y { return nil }
        let bits = precision + 128
        let va = a.bigFloat(precision: bits), vb = b.bigFloat(precision: bits)
        let diff = BigFloat.abs(va - vb)
        let floor = BigFloat.abs(va).scaled(byPowerOfTwo: -precision)
        return BigFloat.maximum(diff, floor)
    }

    /// The verdict. Each hypothesis and branch condition is decided first, by `VerdictRule.decide(margin:error:)`
    /// on its own margin and error: a non-finite one is an ERROR; a hypothesis decidedly violated makes the
    /// instance NOT APPLICABLE; a hypothesis or branch within its error makes it INCONCLUSIVE (never NOT
    /// APPLICABLE by rounding). Then the claim's margin decides. A margin or condition whose estimate failed the
    /// cross-check (`unreliable`) decides nothing: the instance is INCONCLUSIVE (an ERROR stays an ERROR).
    public var verdict: Verdict {
        let hypothesisVerdicts = hypotheses.map(\.verdict), branchVerdicts = branches.map(\.verdict)
        if hypothesisVerdicts.contains(.error) || branchVerdicts.contains(.error) { return .error }
        let decided = VerdictRule.decide(margin: working.margin, error: marginError)
        if unreliable.contains(where: \.decides) { return decided == .error ? .error : .inconclusive }
        if hypothesisVerdicts.contains(.fail) { return .notApplicable }
        if hypothesisVerdicts.contains(.inconclusive) || branchVerdicts.contains(.inconclusive) { return .inconclusive }
        return decided
    }

    /// The conditions (hypotheses, then branches) that this attempt could not decide.
    public var undecidedConditions: [ConditionEstimate] {
        (hypotheses + branches).filter { $0.verdict == .inconclusive }
    }

    /// The measurements for reports: each quantity's value at p and its error estimate, in decimal.
    /// A quantity whose estimate failed the cross-check carries the reason in `unreliable`.
    public var measurements: [Measurement] {
        zip(working.quantities, quantityErrors).enumerated().map { index, pair in
            let (quantity, error) = pair
            var measurement = Measurement(name: quantity.name, value: quantity.value.decimalText,
                                          error: error.map { $0.scientific(significantDigits: 3, rounding: .up) } ?? "0",
                                          exact: quantity.value.exactText)
            measurement.unreliable = unreliable.first { $0.subject == .quantity(index) }?.reason
            return measurement
        }
    }
}

/// The verdict rule, in one place.
public enum VerdictRule {
    /// The safety factor κ: a rounded margin decides only when it exceeds κ times its error estimate.
    ///
    /// The estimate e = |m_p − m_{p+g}| puts the reference value m_{p+g} exactly on the edge of the interval
    /// m_p ± e, so with κ = 1 the verdict would merely follow the sign of m_{p+g}, itself rounded. With κ = 2,
    /// m_p > 2e implies m_{p+g} > e > 0: both precisions agree on the sign with room to spare.
    public static let safetyFactor = 2

    /// Decides a verdict from a margin (≥ 0 when the claim holds) and its error estimate.
    ///
    /// - Exact margin (`error == nil`): PASS when margin ≥ 0, FAIL when margin < 0.
    /// - Rounded margin: PASS when margin > κ·error; FAIL when margin < −κ·error; INCONCLUSIVE otherwise (the sign
    ///   of the margin is not decided by the computation); κ = `safetyFactor`. A NaN or infinite margin is an ERROR.
    ///
    /// ```swift
    /// VerdictRule.decide(margin: .rounded(1e-10), error: 1e-20)     // .pass
    /// VerdictRule.decide(margin: .rounded(1e-25), error: 1e-20)     // .inconclusive
    /// VerdictRule.decide(margin: .exact(-1/9), error: nil)          // .fail
    /// ```
    public static func decide(margin: QuantityValue, error: BigFloat?) -> Verdict {
        guard margin.isFinite, error?.isFinite ?? true else { return .error }
        guard let error else {
            switch margin {
            case let .exact(m): return m.isNegative ? .fail : .pass
            case let .rounded(m): return m.signum >= 0 && !m.isNaN ? .pass : .fail
            }
        }
        let m = margin.bigFloat(precision: max(error.precision, 64))
        let bound = error * BigFloat(safetyFactor, precision: error.precision)
        if m > bound { return .pass }
        if -m > bound { return .fail }
        return .inconclusive
    }
}
