import CGMP
import RealModule

// Rational is the exact AlgebraicField: SignedNumeric (ExpressibleByIntegerLiteral, init?(exactly:), magnitude,
// *, *=, prefix -) plus /= and a reciprocal that is nil only for zero.

extension Rational: ExpressibleByIntegerLiteral {
    /// The rational `n/1` from an integer literal such as `3` or `-7`.
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Rational: AlgebraicField {
    /// The rational `source/1`; never `nil`, because every integer is a rational.
    public init?<T: BinaryInteger>(exactly source: T) {
        self.init(BigInt(source))
    }

    /// Divides `lhs` by `rhs` in place (exact); allocates nothing new when `lhs` is uniquely referenced.
    ///
    /// - Precondition: `rhs ≠ 0`.
    public static func /= (lhs: inout Rational, rhs: Rational) {
        _checkDivisor(rhs)
        _binaryInPlace(&lhs, rhs, __gmpq_div)
    }

    /// The multiplicative inverse `1/x` (exact), or `nil` for zero, the one rational without an inverse.
    public var reciprocal: Rational? {
        guard !isZero else { return nil }
        return Rational(_computing: { __gmpq_inv($0, storage.raw) })
    }
}
