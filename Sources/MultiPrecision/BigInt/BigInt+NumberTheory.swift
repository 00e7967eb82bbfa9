import CGMP

extension BigInt {
    /// The greatest common divisor of `a` and `b`, always nonnegative.
    ///
    /// `gcd(a, 0) = |a|` and `gcd(0, 0) = 0`.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        _binary(a, b, __gmpz_gcd)
    }

    /// The least common multiple of `a` and `b`, always nonnegative.
    ///
    /// `lcm(a, 0) = 0`, so `gcd(a, b) · lcm(a, b) = |a · b|` holds for all `a`, `b`.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        _binary(a, b, __gmpz_lcm)
    }

    /// This value raised to a nonnegative integer power, `self^exponent` (exact).
    ///
    /// `x.power(0) == 1` for every `x`, including zero.
    ///
    /// - Precondition: `exponent ≥ 0`. A result too large for memory stops the program (GMP's own check).
    /// - Complexity: O(M(n)) where n is the size of the result and M the cost of multiplying n-bit numbers.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power: negative exponent \(exponent)")
        return BigInt(_computing: { __gmpz_pow_ui($0, storage.raw, CUnsignedLong(exponent)) })
    }

    /// This value with every factor `factor` divided out, and how many there were: `(q, k)` with
    /// `self = q · factor^k` and `q` not divisible by `factor`. Zero gives `(0, 0)`.
    ///
    /// - Precondition: `|factor| ≥ 2`.
    /// - Complexity: subquadratic in the size (GMP's `mpz_remove` divides by squared powers of the factor), where
    ///   dividing one factor at a time takes k divisions of the whole number.
    public func removingFactor(_ factor: BigInt) -> (quotient: BigInt, count: Int) {
        precondition(factor.magnitude.bitSize >= 2, "BigInt.removingFactor: the factor must be at least 2 in magnitude")
        if isZero { return (self, 0) }
        var count = 0
        let quotient = BigInt(_computing: { count = Int(__gmpz_remove($0, storage.raw, factor.storage.raw)) })
        return (quotient, count)
    }
}
