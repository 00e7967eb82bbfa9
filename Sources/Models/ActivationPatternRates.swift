import Dynamics
import MultiPrecision

/// The decisions at a located activation switch (`integrateAcrossActivationSwitches`): which pre-activations are at
/// their kink, their rates ż_i = ∇z_i(x)·f(x) under a fixed pattern with error bounds, and the pattern after the
/// crossing. Every decision compares a value with its bound; one that the bound does not settle is an error.
enum ActivationPatternRates {
    /// η = 2^−⌊7p/8⌋·(1 + max_j |z_j|): a pre-activation with |z_i| ≤ η is at its kink. η lies far above the
    /// resolution of a located crossing (a few units of roundoff in t, so |z| of a few units of roundoff) and above
    /// the integration error between units that cross at the same time (such as the two copies of a unit in a coupled
    /// flow); flipping a unit up to η before its own crossing moves the trajectory by O(η/|ż|), which shrinks with
    /// the precision and so enters the error estimate of the rerun at p + guard bits.
    static func kinkResolution(_ z: [BigFloat], precision: Int) -> BigFloat {
        withPrecision(precision) {
            let scale = z.reduce(BigFloat(1)) { BigFloat.maximum($0, BigFloat(1) + BigFloat.abs($1)) }
            return scale * BigFloat(Rational(numerator: 1, denominator: BigInt(1) << (7 * precision / 8)))
        }
    }

    /// The rates ż_i = ∇z_i·f at `state` under `pattern`, computed at 2p from the exact state by forward differences
    /// with steps h = 2^−⌊p/2⌋ and h/2 (D_h, D_{h/2}): ż = 2D_{h/2} − D_h, error bound
    /// |D_h − D_{h/2}| + 2^−⌊p/2⌋(1 + |D_{h/2}|) (the truncation of the cruder difference, which bounds the
    /// extrapolated one's, plus a margin of the working precision's resolution for rates).
    static func rates<Field: ActivationPatternField>(
        _ field: Field, pattern: [Bool], time: Rational, state: [Rational], precision: Int
    ) -> (rate: [BigFloat], bound: [BigFloat]) {
        withPrecision(2 * precision) {
            let x = state.map { BigFloat($0) }
            var velocity = Array(repeating: BigFloat(0), count: x.count)
            field.with(pattern: pattern).evaluate(time: BigFloat(time), state: x, into: &velocity)
            let resolution = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << (precision / 2)))
            let h = resolution, half = resolution / BigFloat(2)
            let z0 = field.preactivations(of: x)
            let z1 = field.preactivations(of: zip(x, velocity).map { $0 + h * $1 })
            let z2 = field.preactivations(of: zip(x, velocity).map { $0 + half * $1 })
            var rate: [BigFloat] = [], bound: [BigFloat] = []
            for i in z0.indices {
                let coarse = (z1[i] - z0[i]) / h, fine = (z2[i] - z0[i]) / half
                rate.append(BigFloat(2) * fine - coarse)
                bound.append(BigFloat.abs(coarse - fine) + resolution * (BigFloat(1) + BigFloat.abs(fine)))
            }
            return (rate, bound)
        }
    }

    /// The pattern after a located crossing at `time` (exact), from the pattern `old` before it: units off the kink
    /// keep the side their sign says (a changed side there is a crossing the events did not locate); of the units
    /// `atKink`, those driven through the kink by the old pattern's field (s_i ż_i^old < −e_i, s_i = ±1 the old flag's
    /// sign) flip together, those leaving it (s_i ż_i^old > e_i) stay; then under the new pattern every unit at the kink
    /// must leave it on its side (s'_i ż_i^new > e_i). A unit that stayed but is driven across by the new pattern
    /// joins the flipped ones (the rates are taken again).
    ///
    /// - Throws: `ActivationPatternError.sliding` for a flipped unit that the new pattern drives back
    ///   (s'_i ż_i^new < −e_i), `.unresolvedSwitch` for a rate within its bound on either side or a located unit
    ///   that the rates do not flip, `.patternViolated` for a unit off the kink on the wrong side.
    static func patternAfterCrossing<Field: ActivationPatternField>(
        _ field: Field, at time: Rational, state: [Rational], precision: Int, old: [Bool],
        preactivations z: [BigFloat], atKink: [Int], located: Int, time label: String
    ) throws(ActivationPatternError) -> [Bool] {
        var pattern = old
        for i in z.indices where !atKink.contains(i) && (z[i] > 0) != old[i] {
            throw .patternViolated(unit: i, time: label)
        }
        let kink = atKink.contains(located) ? atKink : (atKink + [located]).sorted()
        func describe(_ value: BigFloat) -> String { value.scientific(significantDigits: 4) }
        // The side each unit at the kink takes under the old pattern's field.
        let before = rates(field, pattern: old, time: time, state: state, precision: precision)
        for i in kink {
            let drift = old[i] ? before.rate[i] : -before.rate[i]
            if drift < -before.bound[i] {
                pattern[i] = !old[i]
            } else if drift <= before.bound[i] || i == located {
                throw .unresolvedSwitch(unit: i, time: label, rate: describe(before.rate[i]),
                                        bound: describe(before.bound[i]), side: "before")
            }
        }
        // Every unit at the kink must leave it on its side under the new pattern.
        for _ in 0...kink.count {
            let after = rates(field, pattern: pattern, time: time, state: state, precision: precision)
            var joined = false
            for i in kink {
                let drift = pattern[i] ? after.rate[i] : -after.rate[i]
                if drift > after.bound[i] { continue }
                if drift >= -after.bound[i] {
                    throw .unresolvedSwitch(unit: i, time: label, rate: describe(after.rate[i]),
                                            bound: describe(after.bound[i]), side: "after")
                }
                if pattern[i] != old[i] { throw .sliding(unit: i, time: label) }
                pattern[i] = !old[i]
                joined = true
            }
            if !joined { return pattern }
        }
        throw .unresolvedSwitch(unit: located, time: label, rate: "?", bound: "?", side: "after")
    }
}
