import CGMP

extension BigInt: Hashable {
    /// Hashes the canonical representation (sign and significant limbs), so equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        BigInt._hash(storage.raw, into: &hasher)
    }

    /// Hashes an `mpz_t` by its signed limb count and its significant limbs. GMP keeps integers normalized
    /// (no high zero limbs, zero has size 0), so equal integers feed the hasher identical bytes.
    /// `Rational` reuses this for its numerator and denominator.
    internal static func _hash(_ value: UnsafePointer<__mpz_struct>, into hasher: inout Hasher) {
        let size = Int(value.pointee._mp_size)
        hasher.combine(size)
        if size != 0 {
            hasher.combine(bytes: UnsafeRawBufferPointer(
                start: value.pointee._mp_d, count: abs(size) * MemoryLayout<mp_limb_t>.stride))
        }
    }
}
