import MultiPrecision

/// The cross-check of the ordinary error estimate at a third precision: does the estimate converge?
///
/// The estimate of a value v computed at p bits is e₁ = |v_p − v_{p+g}| (`ErrorEstimate`). It is right when the
/// run at p + g is much more accurate than the run at p, as it is whenever the rounding errors propagate linearly:
/// then e₂ = |v_{p+g} − v_{p+2g}| ≈ 2^−g·e₁. A chaotic run breaks this: once it has lost all its digits, v_p and
/// v_{p+g} are two unrelated points of the attractor, their difference is no measure of either one's error, and
/// e₂ is as large as e₁. The check therefore asks for geometric convergence with a quarter of the guard bits:
///
///     e₂ ≤ 2^−g/4 · e₁        (the estimate of p + g is 2^g/4 times smaller than that of p)
///
/// Then e₁ is itself accurate to 2^−g/4 (5 digits for g = 64), far more than the safety factor κ = 2 needs; the
/// slack below the ideal 2^−g absorbs conditioning and adaptive step choices that vary with the precision, while a
/// chaotic run, whose ratio is about 1, fails by a wide margin.
/// A value that fails it has an **unreliable** error estimate: it decides nothing (a margin or a condition that
/// fails makes the instance INCONCLUSIVE, so the precision escalates) and reports say so.
///
/// **When the third run is made** (it costs one more evaluation, about half the attempt again): only when the two
/// runs themselves show a sign that the estimate could be off by the factor F = 2^g/4 that the check demands
/// (`needsCheck`):
/// - a rounded value whose two runs keep the same size (within F) but differ by more than 1/F of it (a run that
///   lost all but its leading g/4 bits; rounding noise of a quantity that is zero shrinks instead, by 2^g, and
///   noise at a tolerance tied to the precision by 2^g/2). Exact values computed from rounded data (counts, the
///   step of a maximum) are neither signs nor checked;
/// - or a decided margin or condition within F·κ·e₁ of zero: only there could the verdict change if e₁ were
///   understated F times. Beyond it, a flip needs a true error above F·κ·e₁, so the third difference would have
///   to *grow* by F·κ where the check asks it to shrink by F; linear propagation shrinks it by 2^g and a chaotic
///   run keeps it the same size (ratios 1 to 2.6 measured on OMWU at η = 3/2). A decided value that fails the
///   first sign fails this one too (its e₁ exceeds |v|/F), so for margins the two are one rule.
///
/// ```swift
/// EstimateCrossCheck.converges(estimate: 1e-70, next: 3e-90, guardBits: 64)   // true
/// EstimateCrossCheck.converges(estimate: 2e-1, next: 3e-1, guardBits: 64)     // false: chaotic
/// ```
public enum EstimateCrossCheck {
    /// Whether a value's estimate converges: e₂ ≤ 2^−g/4·e₁ (`nil` stands for an exact zero difference).
    public static func converges(estimate: BigFloat?, next: BigFloat?, guardBits: Int) -> Bool {
        guard let next, !next.isZero else { return true }
        guard let estimate else { return false }
        return next <= estimate.scaled(byPowerOfTwo: -factorBits(guardBits))
    }

    /// log₂ F, F = 2^g/4: the factor by which the check asks the estimate to shrink, and the one understatement
    /// the triggers of the third run guard against.
    static func factorBits(_ guardBits: Int) -> Int { guardBits / 4 }

    /// Whether the two runs of an attempt call for the third (see the type's documentation).
    static func needsCheck(working: Evaluation, reference: Evaluation, precision: Int, guardBits: Int,
                           verdict: Verdict, atCap: Bool) -> Bool {
        let pairs = zip(working.quantities, reference.quantities).map { ($0.value, $1.value) }
            + [(working.margin, reference.margin)]
        if pairs.contains(where: { lostLeadingBits($0, $1, guardBits: guardBits) }) { return true }
        guard verdict == .pass || verdict == .fail || atCap else { return false }
        let estimate = ErrorEstimate(working: working, precision: precision, reference: reference)
        let deciding = [(working.margin, estimate.marginError)]
            + (estimate.hypotheses + estimate.branches).map { ($0.condition.margin, $0.error) }
        return deciding.contains { margin, error in
            guard let error, margin.isFinite, error.isFinite else { return false }
            let m = BigFloat.abs(margin.bigFloat(precision: max(error.precision, 64)))
            let close = error * BigFloat(VerdictRule.safetyFactor, precision: error.precision)
            return m <= close.scaled(byPowerOfTwo: factorBits(guardBits))
        }
    }

    /// Two runs of a rounded value that keep its size within 2^g/4 but disagree in the leading g/4 bits. Exact values
    /// (a count, the step of a maximum) are not signs: two runs that pick different steps among near-ties of
    /// rounding noise are not chaotic (on the shipped claims this was the only cause of false alarms).
    static func lostLeadingBits(_ a: QuantityValue, _ b: QuantityValue, guardBits: Int) -> Bool {
        if a.isExact || b.isExact { return false }
        guard a.isFinite, b.isFinite else { return false }
        let x = BigFloat.abs(a.bigFloat(precision: 64)), y = BigFloat.abs(b.bigFloat(precision: 64))
        let larger = BigFloat.maximum(x, y), smaller = x < y ? x : y
        guard !larger.isZero else { return false }
        let threshold = larger.scaled(byPowerOfTwo: -factorBits(guardBits))
        return smaller >= threshold && BigFloat.abs(a.bigFloat(precision: 96) - b.bigFloat(precision: 96)) >= threshold
    }

    /// The values of `estimate` whose estimate fails the check against `check`, the evaluation at p + 2g.
    static func findings(_ estimate: ErrorEstimate, reference: Evaluation, check: Evaluation,
                         guardBits: Int) -> [UnreliableEstimate] {
        guard let p = estimate.precision else { return [] }
        let working = estimate.working
        let next = p + guardBits
        var found: [UnreliableEstimate] = []
        func test(_ name: String, _ subject: UnreliableEstimate.Subject,
                  _ a: QuantityValue, _ b: QuantityValue, _ c: QuantityValue) {
            guard !(a.isExact || b.isExact || c.isExact) else { return }    // see `lostLeadingBits`
            let first = ErrorEstimate.difference(a, b, precision: p)
            let second = ErrorEstimate.difference(b, c, precision: next)
            guard !converges(estimate: first, next: second, guardBits: guardBits) else { return }
            found.append(UnreliableEstimate(name: name, subject: subject, precision: p, guardBits: guardBits,
                                            estimate: first, next: second))
        }
        test("margin", .margin, working.margin, reference.margin, check.margin)
        if working.quantities.count == reference.quantities.count, working.quantities.count == check.quantities.count {
            for (i, q) in working.quantities.enumerated() {
                test(q.name, .quantity(i), q.value, reference.quantities[i].value, check.quantities[i].value)
            }
        }
        for (kind, list, refs, checks) in [(UnreliableEstimate.Subject.hypothesis, working.hypotheses,
                                             reference.hypotheses, check.hypotheses),
                                            (.branch, working.branches, reference.branches, check.branches)] {
            for condition in list {
                guard let b = refs.first(where: { $0.name == condition.name }),
                      let c = checks.first(where: { $0.name == condition.name }) else { continue }
                test(condition.name, kind, condition.margin, b.margin, c.margin)
            }
        }
        return found
    }
}

/// A value whose ordinary error estimate failed the cross-check at a third precision.
public struct UnreliableEstimate: Sendable, Equatable {
    /// Which value.
    public enum Subject: Sendable, Equatable {
        /// The claim's margin.
        case margin
        /// A reported quantity, by position.
        case quantity(Int)
        /// A hypothesis (by name).
        case hypothesis
        /// A branch condition (by name).
        case branch
    }

    /// The value's name (`margin`, a quantity's or a condition's name).
    public var name: String
    /// Which kind of value.
    public var subject: Subject
    /// The working precision p.
    public var precision: Int
    /// The guard bits g.
    public var guardBits: Int
    /// |v_p − v_{p+g}| (`nil`: the two agree exactly).
    public var estimate: BigFloat?
    /// |v_{p+g} − v_{p+2g}|.
    public var next: BigFloat?

    /// Whether the value decides the verdict (the margin or a condition).
    public var decides: Bool {
        if case .quantity = subject { return false }
        return true
    }

    /// Why: `the 256- and 320-bit values differ by 2.1e-1, the 320- and 384-bit ones by 3.4e-1, not 2^16 times less`.
    public var reason: String {
        let p = precision, g = guardBits
        let first = estimate.map { $0.scientific(significantDigits: 2, rounding: .up) } ?? "0"
        let second = next.map { $0.scientific(significantDigits: 2, rounding: .up) } ?? "0"
        return "the \(p)- and \(p + g)-bit values differ by \(first), the \(p + g)- and \(p + 2 * g)-bit ones by "
            + "\(second), not 2^\(g / 4) times less"
    }

    /// `KL_T: the 256- and 320-bit values differ by …`.
    public var summary: String { "\(name): \(reason)" }
}
