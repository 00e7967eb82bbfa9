import CGMP

extension BigInt {
    /// Whether this value is zero.
    public var isZero: Bool { cgmp_mpz_sgn(storage.raw) == 0 }

    /// Whether this value is negative (less than zero).
    public var isNegative: Bool { cgmp_mpz_sgn(storage.raw) < 0 }

    /// Whether this value is odd (`±1, ±3, …`).
    public var isOdd: Bool { cgmp_mpz_odd_p(storage.raw) != 0 }

    /// Whether this value is even (`0, ±2, …`).
    public var isEven: Bool { cgmp_mpz_even_p(storage.raw) != 0 }

    /// The sign of this value: `-1` if negative, `0` if zero, `1` if positive.
    ///
    /// Returns `Int` rather than `BigInt` so that sign tests allocate nothing.
    public func signum() -> Int { Int(cgmp_mpz_sgn(storage.raw)) }

    /// The absolute value `|x|`.
    public var magnitude: BigInt {
        BigInt(_computing: { __gmpz_abs($0, storage.raw) })
    }

    /// The number of bits in the binary representation of `|x|`, without a sign bit: `⌊log₂|x|⌋ + 1`.
    ///
    /// `bitSize` is `0` for zero (GMP's `mpz_sizeinbase` says 1 there), `1` for ±1, `8` for ±255 and `9` for ±256.
    /// An `Int` holds the value exactly when `bitSize ≤ 63`, or when the value is `Int.min` (bitSize 64).
    public var bitSize: Int {
        isZero ? 0 : Int(__gmpz_sizeinbase(storage.raw, 2))
    }
}
