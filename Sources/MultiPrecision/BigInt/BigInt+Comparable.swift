import CGMP

extension BigInt: Comparable {
    /// Whether the two integers are equal.
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        lhs.storage === rhs.storage || __gmpz_cmp(lhs.storage.raw, rhs.storage.raw) == 0
    }

    /// Whether `lhs` is less than `rhs` (the usual order of the integers).
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(lhs.storage.raw, rhs.storage.raw) < 0
    }
}
