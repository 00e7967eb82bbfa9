import CGMP

extension Rational {
    /// Whether this value is zero.
    public var isZero: Bool { cgmp_mpq_sgn(storage.raw) == 0 }

    /// Whether this value is negative (less than zero).
    public var isNegative: Bool { cgmp_mpq_sgn(storage.raw) < 0 }

    /// Whether this value is an integer, that is, its canonical denominator is 1.
    public var isInteger: Bool { __gmpz_cmp_ui(cgmp_mpq_denref_const(storage.raw), 1) == 0 }

    /// The sign of this value: `-1` if negative, `0` if zero, `1` if positive.
    ///
    /// Returns `Int` rather than `Rational` so that sign tests allocate nothing.
    public func signum() -> Int { Int(cgmp_mpq_sgn(storage.raw)) }

    /// The absolute value `|x|`.
    public var magnitude: Rational {
        Rational(_computing: { __gmpq_abs($0, storage.raw) })
    }
}
