import CMPFR
import RealModule

/// `BigFloat` as a number for generic code: `Numeric`, `SignedNumeric`, `AlgebraicField`, and Attest's
/// `OrderedField` and `Scalar`.
extension BigFloat: ExpressibleByIntegerLiteral, SignedNumeric, AlgebraicField, OrderedField, Scalar {
    /// An integer literal at the default precision (exact at 63 bits or more).
    @inlinable public init(integerLiteral value: Int) { self.init(value) }

    /// |x| (exact), at `x`'s precision.
    @inlinable public var magnitude: BigFloat { BigFloat.abs(self) }

    /// 1/x, correctly rounded, or `nil` for ±0 (where the reciprocal would be infinite).
    @inlinable public var reciprocal: BigFloat? {
        if isZero { return nil }
        return BigFloat._unary(self) { _ = mpfr_ui_div($0, 1, $1, MPFR_RNDN) }
    }

    /// `false`: `BigFloat` arithmetic rounds.
    public static var isExact: Bool { false }

    /// The default precision `Precision.current`, in bits.
    public static var currentPrecision: Int { Precision.current }

    /// `2^−p` at the default precision p: half an ulp of 1.
    public static var unitRoundoff: BigFloat {
        let p = Precision.current
        return _make(precision: p) { _ = mpfr_set_si_2exp($0, 1, -p, MPFR_RNDN) }
    }

    /// This value's own precision in bits.
    @inlinable public var precisionBits: Int { precision }
}
