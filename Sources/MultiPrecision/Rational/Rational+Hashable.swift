import CGMP

extension Rational: Hashable {
    /// Hashes the canonical numerator and denominator, so equal values hash alike however they were built.
    public func hash(into hasher: inout Hasher) {
        BigInt._hash(cgmp_mpq_numref_const(storage.raw), into: &hasher)
        BigInt._hash(cgmp_mpq_denref_const(storage.raw), into: &hasher)
    }
}
