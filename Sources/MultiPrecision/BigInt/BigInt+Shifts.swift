import CGMP

// Shifts by bit counts, with the semantics of Int's "smart" shifts on an infinitely wide two's complement value:
//   x << n = x · 2^n
//   x >> n = ⌊x / 2^n⌋   (rounds toward −∞, so BigInt(-1) >> 5 == -1, as for Int)
// A negative count shifts the other way.

extension BigInt {
    /// `lhs · 2^rhs` (exact). A negative `rhs` shifts right instead.
    public static func << (lhs: BigInt, rhs: Int) -> BigInt {
        var result = lhs
        result <<= rhs
        return result
    }

    /// `⌊lhs / 2^rhs⌋`, rounding toward −∞ like `Int`'s `>>`. A negative `rhs` shifts left instead.
    public static func >> (lhs: BigInt, rhs: Int) -> BigInt {
        var result = lhs
        result >>= rhs
        return result
    }

    /// Multiplies `lhs` by `2^rhs` in place (a negative `rhs` shifts right).
    public static func <<= (lhs: inout BigInt, rhs: Int) {
        lhs._ensureUnique()
        if rhs >= 0 {
            __gmpz_mul_2exp(lhs.storage.raw, lhs.storage.raw, mp_bitcnt_t(rhs))
        } else {
            __gmpz_fdiv_q_2exp(lhs.storage.raw, lhs.storage.raw, mp_bitcnt_t(rhs.magnitude))
        }
    }

    /// Replaces `lhs` with `⌊lhs / 2^rhs⌋` in place (a negative `rhs` shifts left).
    public static func >>= (lhs: inout BigInt, rhs: Int) {
        lhs._ensureUnique()
        if rhs >= 0 {
            __gmpz_fdiv_q_2exp(lhs.storage.raw, lhs.storage.raw, mp_bitcnt_t(rhs))
        } else {
            __gmpz_mul_2exp(lhs.storage.raw, lhs.storage.raw, mp_bitcnt_t(rhs.magnitude))
        }
    }
}
