import CGMP

// Field arithmetic. GMP keeps every result canonical. Each operator allocates exactly one result; each compound
// form works in place (GMP allows the output to alias the inputs) and allocates nothing new when the left side is
// uniquely referenced.

extension Rational {
    /// The function type of GMP's three-operand rational operations (`mpq_add` and friends).
    internal typealias _BinaryOperation = (
        UnsafeMutablePointer<__mpq_struct>?, UnsafePointer<__mpq_struct>?, UnsafePointer<__mpq_struct>?
    ) -> Void

    /// `operation(result, lhs, rhs)` into a new value.
    @inline(__always)
    internal static func _binary(_ lhs: Rational, _ rhs: Rational, _ operation: _BinaryOperation) -> Rational {
        Rational(_computing: { operation($0, lhs.storage.raw, rhs.storage.raw) })
    }

    /// `operation(lhs, lhs, rhs)` in place; if `rhs` shares `lhs`'s storage, `lhs` is copied first.
    @inline(__always)
    internal static func _binaryInPlace(_ lhs: inout Rational, _ rhs: Rational, _ operation: _BinaryOperation) {
        lhs._ensureUnique()
        operation(lhs.storage.raw, lhs.storage.raw, rhs.storage.raw)
    }

    @inline(__always)
    internal static func _checkDivisor(_ divisor: Rational) {
        precondition(!divisor.isZero, "Rational division by zero")
    }

    /// The sum `lhs + rhs` (exact).
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        _binary(lhs, rhs, __gmpq_add)
    }

    /// The difference `lhs − rhs` (exact).
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        _binary(lhs, rhs, __gmpq_sub)
    }

    /// The product `lhs · rhs` (exact).
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        _binary(lhs, rhs, __gmpq_mul)
    }

    /// The quotient `lhs / rhs` (exact).
    ///
    /// - Precondition: `rhs ≠ 0`.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        _checkDivisor(rhs)
        return _binary(lhs, rhs, __gmpq_div)
    }

    /// Adds `rhs` to `lhs` in place; allocates nothing new when `lhs` is uniquely referenced.
    public static func += (lhs: inout Rational, rhs: Rational) {
        _binaryInPlace(&lhs, rhs, __gmpq_add)
    }

    /// Subtracts `rhs` from `lhs` in place; allocates nothing new when `lhs` is uniquely referenced.
    public static func -= (lhs: inout Rational, rhs: Rational) {
        _binaryInPlace(&lhs, rhs, __gmpq_sub)
    }

    /// Multiplies `lhs` by `rhs` in place; allocates nothing new when `lhs` is uniquely referenced.
    public static func *= (lhs: inout Rational, rhs: Rational) {
        _binaryInPlace(&lhs, rhs, __gmpq_mul)
    }

    /// The additive inverse `−x` (exact).
    public static prefix func - (operand: Rational) -> Rational {
        Rational(_computing: { __gmpq_neg($0, operand.storage.raw) })
    }

    /// Replaces this value with its additive inverse, in place.
    public mutating func negate() {
        _ensureUnique()
        __gmpq_neg(storage.raw, storage.raw)
    }

    /// This value raised to an integer power, `self^exponent` (exact); a negative exponent inverts.
    ///
    /// `(p/q)^n = p^n / q^n`, which is already canonical, and `x^−n = (1/x)^n`. `x.power(0) == 1` for every `x`,
    /// including zero.
    ///
    /// - Precondition: `self ≠ 0` when `exponent < 0`.
    public func power(_ exponent: Int) -> Rational {
        precondition(exponent >= 0 || !isZero, "Rational.power: zero raised to the negative power \(exponent)")
        let count = CUnsignedLong(exponent.magnitude)
        return Rational(_computing: { result in
            __gmpz_pow_ui(cgmp_mpq_numref(result), cgmp_mpq_numref_const(storage.raw), count)
            __gmpz_pow_ui(cgmp_mpq_denref(result), cgmp_mpq_denref_const(storage.raw), count)
            if exponent < 0 { __gmpq_inv(result, result) }
        })
    }
}
