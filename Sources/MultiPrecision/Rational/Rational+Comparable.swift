import CGMP

extension Rational: Comparable {
    /// Whether the two rationals are equal (canonical forms make this a comparison of numerators and denominators).
    public static func == (lhs: Rational, rhs: Rational) -> Bool {
        lhs.storage === rhs.storage || __gmpq_equal(lhs.storage.raw, rhs.storage.raw) != 0
    }

    /// Whether `lhs` is less than `rhs` (the usual order of the rationals).
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        __gmpq_cmp(lhs.storage.raw, rhs.storage.raw) < 0
    }
}
