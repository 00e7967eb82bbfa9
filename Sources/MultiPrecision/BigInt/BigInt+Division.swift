import CGMP

// Integer division in two conventions.
//
//   truncating (like Int):  q = trunc(a / b),  r = a − q·b,  sign(r) = sign(a)      `/`, `%`, quotientAndRemainder
//   floor:                  q = ⌊a / b⌋,       r = a − q·b,  sign(r) = sign(b)      floorDivided, floorModulo
//
//       a    b  │  a / b   a % b  │  floor q   floor r
//      ─────────┼─────────────────┼──────────────────
//       7    2  │    3       1    │     3         1
//      −7    2  │   −3      −1    │    −4         1
//       7   −2  │   −3       1    │    −4        −1
//      −7   −2  │    3      −1    │     3        −1
//
// A zero divisor is a programmer error (a precondition failure), as for Int.

extension BigInt {
    @inline(__always)
    internal static func _checkDivisor(_ divisor: BigInt) {
        precondition(cgmp_mpz_sgn(divisor.storage.raw) != 0, "BigInt division by zero")
    }

    /// The quotient `lhs / rhs` truncated toward zero, as for `Int`.
    ///
    /// - Precondition: `rhs ≠ 0`.
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt {
        _checkDivisor(rhs)
        return _binary(lhs, rhs, __gmpz_tdiv_q)
    }

    /// The remainder of truncating division, `lhs − (lhs / rhs)·rhs`; it has the sign of `lhs` (or is zero), as for `Int`.
    ///
    /// - Precondition: `rhs ≠ 0`.
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt {
        _checkDivisor(rhs)
        return _binary(lhs, rhs, __gmpz_tdiv_r)
    }

    /// Divides `lhs` by `rhs` in place, truncating toward zero.
    ///
    /// - Precondition: `rhs ≠ 0`.
    public static func /= (lhs: inout BigInt, rhs: BigInt) {
        _checkDivisor(rhs)
        _binaryInPlace(&lhs, rhs, __gmpz_tdiv_q)
    }

    /// Replaces `lhs` with the remainder of truncating division by `rhs`, in place.
    ///
    /// - Precondition: `rhs ≠ 0`.
    public static func %= (lhs: inout BigInt, rhs: BigInt) {
        _checkDivisor(rhs)
        _binaryInPlace(&lhs, rhs, __gmpz_tdiv_r)
    }

    /// The truncating quotient and remainder in one GMP call: `(self / divisor, self % divisor)`.
    ///
    /// - Precondition: `divisor ≠ 0`.
    /// - Returns: `(quotient, remainder)` with `self == quotient * divisor + remainder` and `remainder` having the
    ///   sign of `self` (or zero).
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        BigInt._checkDivisor(divisor)
        let quotient = _MPZStorage(), remainder = _MPZStorage()
        __gmpz_tdiv_qr(quotient.raw, remainder.raw, storage.raw, divisor.storage.raw)
        return (BigInt(_storage: quotient), BigInt(_storage: remainder))
    }

    /// The quotient rounded toward −∞: `⌊self / divisor⌋`.
    ///
    /// Differs from `self / divisor` only when the division is inexact and the operands have opposite signs:
    /// `BigInt(-7).floorDivided(by: 2) == -4`, while `BigInt(-7) / 2 == -3`.
    ///
    /// - Precondition: `divisor ≠ 0`.
    public func floorDivided(by divisor: BigInt) -> BigInt {
        BigInt._checkDivisor(divisor)
        return BigInt._binary(self, divisor, __gmpz_fdiv_q)
    }

    /// The remainder of floor division, `self − ⌊self / divisor⌋·divisor`; it has the sign of `divisor` (or is zero).
    ///
    /// For a positive `divisor` this is the mathematical residue in `0 ..< divisor`:
    /// `BigInt(-7).floorModulo(3) == 2`.
    ///
    /// - Precondition: `divisor ≠ 0`.
    public func floorModulo(_ divisor: BigInt) -> BigInt {
        BigInt._checkDivisor(divisor)
        return BigInt._binary(self, divisor, __gmpz_fdiv_r)
    }

    /// The floor quotient and remainder in one GMP call: `(floorDivided(by:), floorModulo(_:))`.
    ///
    /// - Precondition: `divisor ≠ 0`.
    /// - Returns: `(quotient, remainder)` with `self == quotient * divisor + remainder` and `remainder` having the
    ///   sign of `divisor` (or zero).
    public func floorQuotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        BigInt._checkDivisor(divisor)
        let quotient = _MPZStorage(), remainder = _MPZStorage()
        __gmpz_fdiv_qr(quotient.raw, remainder.raw, storage.raw, divisor.storage.raw)
        return (BigInt(_storage: quotient), BigInt(_storage: remainder))
    }

    /// Whether this value is a multiple of `other`: some integer `k` has `self == k · other`.
    ///
    /// Zero is a multiple of everything, and only zero is a multiple of zero (as for `Int.isMultiple(of:)`).
    public func isMultiple(of other: BigInt) -> Bool {
        __gmpz_divisible_p(storage.raw, other.storage.raw) != 0
    }
}
