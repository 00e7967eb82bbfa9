import MultiPrecision

/// A step-size schedule η_k = η₀ / (1 + k)^a (k = 0, 1, 2, …), with exact η₀ > 0 and a ≥ 0: a = 0 is a constant
/// step, 1/2 < a ≤ 1 are the Robbins–Monro schedules (Σ η_k = ∞, Σ η_k² < ∞).
///
/// For an integer a the schedule is exact (`exact(at:)`); otherwise η_k is evaluated at the working precision as
/// η₀·exp(−a·ln(1 + k)), each operation correctly rounded, and its rounding shows up in the error estimate of the
/// two precisions like any other.
public struct StepSizeSchedule: Sendable, Equatable {
    /// η₀.
    public var initial: Rational
    /// The decay exponent a.
    public var exponent: Rational

    /// A schedule; η₀ > 0 and a ≥ 0 are checked by the caller (claim files check them as parameters).
    public init(initial: Rational, exponent: Rational = 0) {
        self.initial = initial
        self.exponent = exponent
    }

    /// η_k exactly, when a is an integer; nil otherwise.
    public func exact(at k: Int) -> Rational? {
        guard exponent.isInteger, let a = Int(exactly: exponent.numerator) else { return nil }
        return initial / Rational(BigInt(1 + k).power(a))
    }

    /// η_k at the current precision.
    public func rounded(at k: Int) -> BigFloat {
        if let exact = exact(at: k) { return BigFloat(exact) }
        return BigFloat(initial) * BigFloat.exp(-BigFloat(exponent) * BigFloat.log(BigFloat(1 + k)))
    }

    /// "η_k = 1/10" or "η_k = 1/10 / (1 + k)^(3/4)".
    public var description: String {
        exponent.isZero ? "η_k = \(initial)" : "η_k = \(initial) / (1 + k)^(\(exponent))"
    }
}
