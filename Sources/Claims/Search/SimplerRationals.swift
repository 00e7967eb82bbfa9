import MultiPrecision

/// Simpler rationals near a value, for shrinking: the convergents of its continued fraction, which are the best
/// approximations with smaller denominators (p_k/q_k with q_k < q), simplest first.
///
/// ```swift
/// SimplerRationals.convergents(of: Rational(numerator: 355, denominator: 113))   // [3, 22/7]
/// ```
public enum SimplerRationals {
    /// The height max(|p|, q) of p/q: a rational is simpler than another when its height is smaller.
    public static func height(_ r: Rational) -> BigInt {
        let p = r.numerator.magnitude
        return p > r.denominator ? p : r.denominator
    }

    /// Rationals simpler than `value` (smaller height) near it, simplest first (ties: the closer first): its
    /// convergents, ⌊value⌋ and ⌈value⌉, and its roundings to denominators 2, 4, 8, … below its own.
    ///
    /// ```swift
    /// SimplerRationals.candidates(of: Rational(numerator: 1, denominator: 4))   // [0, 1, 1/2]
    /// ```
    public static func candidates(of value: Rational) -> [Rational] {
        let floor = value.numerator.floorDivided(by: value.denominator)
        var pool = convergents(of: value) + [Rational(floor), Rational(floor + 1)]
        var d = BigInt(2)
        while d < value.denominator {
            let scaled = value * Rational(d) + Rational(numerator: 1, denominator: 2)
            pool.append(Rational(numerator: scaled.numerator.floorDivided(by: scaled.denominator), denominator: d))
            d = d * 2
        }
        let h = height(value)
        var out: [Rational] = []
        for c in pool where height(c) < h && !out.contains(c) { out.append(c) }
        return out.sorted { a, b in
            let (ha, hb) = (height(a), height(b))
            return ha != hb ? ha < hb : (a - value).magnitude < (b - value).magnitude
        }
    }

    /// The convergents of `value` other than `value` itself, from the first (⌊value⌋) on.
    public static func convergents(of value: Rational) -> [Rational] {
        var (hPrev, h) = (BigInt(1), value.numerator.floorDivided(by: value.denominator))
        var (kPrev, k) = (BigInt(0), BigInt(1))
        var result: [Rational] = []
        var remainder = value - Rational(h)
        while !remainder.isZero && result.count < 64 {
            result.append(Rational(numerator: h, denominator: k))
            let inverse = Rational(numerator: remainder.denominator, denominator: remainder.numerator)
            let a = inverse.numerator.floorDivided(by: inverse.denominator)
            (hPrev, h) = (h, a * h + hPrev)
            (kPrev, k) = (k, a * k + kPrev)
            remainder = inverse - Rational(a)
        }
        return result
    }
}
