import CGMP

extension Rational: LosslessStringConvertible {
    /// The canonical form as text: `"p/q"`, or just `"p"` when the denominator is 1 (`"-3/2"`, `"7"`, `"0"`).
    ///
    /// `Rational(x.description) == x` for every `x`.
    public var description: String {
        let raw = storage.raw
        // mpq_get_str needs room for both numbers, the sign, the slash and the NUL.
        let capacity = Int(__gmpz_sizeinbase(cgmp_mpq_numref_const(raw), 10))
            + Int(__gmpz_sizeinbase(cgmp_mpq_denref_const(raw), 10)) + 3
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            __gmpq_get_str(buffer.baseAddress, 10, raw)
            return String(cString: buffer.baseAddress!)
        }
    }
}
