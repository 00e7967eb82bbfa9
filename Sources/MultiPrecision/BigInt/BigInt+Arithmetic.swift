import CGMP

// Addition, subtraction, multiplication and negation. Each operator allocates exactly one result; each compound
// form works in place (GMP allows the output to alias the inputs) and allocates nothing new when the left side
// is uniquely referenced.

extension BigInt {
    /// The function type of GMP's three-operand integer operations (`mpz_add` and friends).
    internal typealias _BinaryOperation = (
        UnsafeMutablePointer<__mpz_struct>?, UnsafePointer<__mpz_struct>?, UnsafePointer<__mpz_struct>?
    ) -> Void

    /// `operation(result, lhs, rhs)` into a new value.
    @inline(__always)
    internal static func _binary(_ lhs: BigInt, _ rhs: BigInt, _ operation: _BinaryOperation) -> BigInt {
        BigInt(_computing: { operation($0, lhs.storage.raw, rhs.storage.raw) })
    }

    /// `operation(lhs, lhs, rhs)` in place. If `rhs` shares `lhs`'s storage, `lhs` is copied first and `rhs`
    /// keeps the old storage alive, so the aliasing is harmless.
    @inline(__always)
    internal static func _binaryInPlace(_ lhs: inout BigInt, _ rhs: BigInt, _ operation: _BinaryOperation) {
        lhs._ensureUnique()
        operation(lhs.storage.raw, lhs.storage.raw, rhs.storage.raw)
    }

    /// The sum `lhs + rhs` (exact).
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        _binary(lhs, rhs, __gmpz_add)
    }

    /// The difference `lhs − rhs` (exact).
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        _binary(lhs, rhs, __gmpz_sub)
    }

    /// The product `lhs · rhs` (exact).
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        _binary(lhs, rhs, __gmpz_mul)
    }

    /// Adds `rhs` to `lhs` in place; allocates nothing new when `lhs` is uniquely referenced.
    public static func += (lhs: inout BigInt, rhs: BigInt) {
        _binaryInPlace(&lhs, rhs, __gmpz_add)
    }

    /// Subtracts `rhs` from `lhs` in place; allocates nothing new when `lhs` is uniquely referenced.
    public static func -= (lhs: inout BigInt, rhs: BigInt) {
        _binaryInPlace(&lhs, rhs, __gmpz_sub)
    }

    /// Multiplies `lhs` by `rhs` in place; allocates nothing new when `lhs` is uniquely referenced.
    public static func *= (lhs: inout BigInt, rhs: BigInt) {
        _binaryInPlace(&lhs, rhs, __gmpz_mul)
    }

    /// The additive inverse `−x` (exact; `−0 = 0`).
    public static prefix func - (operand: BigInt) -> BigInt {
        BigInt(_computing: { __gmpz_neg($0, operand.storage.raw) })
    }

    /// Replaces this value with its additive inverse, in place.
    public mutating func negate() {
        _ensureUnique()
        __gmpz_neg(storage.raw, storage.raw)
    }
}
