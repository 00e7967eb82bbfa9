import CMPFR

/// GMP's `mpn_mul` and `mpn_addmul_1` for operands of a few limbs, inlined.
///
/// At 128 and 256 bits an MPFR significand has 2 or 4 limbs. GMP's kernels are fastest on long operands, but on such
/// short ones the call, its dispatch and the loop set-up cost as much as the few multiplications themselves. These
/// loops do the same schoolbook arithmetic in registers, in `UInt128`, whose additions compile to add-with-carry
/// rather than to a branch on each carry: a·b + c + d ≤ (2⁶⁴ − 1)² + 2(2⁶⁴ − 1) = 2¹²⁸ − 1 never overflows two
/// limbs. The results are the same integers, bit for bit, as GMP's.
enum ShortLimbKernels {
    /// The longest operand `multiply` takes, in limbs (256 bits).
    static let maximumMultiplyLimbs = 4

    /// Whether callers use these loops: in optimized builds only. Unoptimized, they cost far more than GMP's calls
    /// (the debug P1a Taylor test took 4× as long), so debug builds keep to GMP; `ShortLimbKernelsTests` tests the
    /// loops themselves in every build.
    @inline(__always) static var isEnabled: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }

    /// p[0 ..< m + n] ← x·y for the m-limb x and the n-limb y, 1 ≤ n ≤ m ≤ `maximumMultiplyLimbs` (p must not overlap
    /// x or y). Called with constant m and n, the loops unroll.
    @inline(__always)
    static func multiply(_ p: UnsafeMutablePointer<mp_limb_t>, _ x: UnsafePointer<mp_limb_t>, limbs m: Int,
                         _ y: UnsafePointer<mp_limb_t>, limbs n: Int) {
        // Row 0: p ← x·y₀.
        var carry: mp_limb_t = 0
        let y0 = y[0]
        for i in 0..<m {
            let t = UInt128(x[i]) &* UInt128(y0) &+ UInt128(carry)
            p[i] = mp_limb_t(truncatingIfNeeded: t)
            carry = mp_limb_t(truncatingIfNeeded: t &>> 64)
        }
        p[m] = carry
        // Row j: p[j ..< j + m + 1] ← p[j ..< j + m] + x·y_j.
        var j = 1
        while j < n {
            let yj = y[j]
            carry = 0
            for i in 0..<m {
                let t = UInt128(x[i]) &* UInt128(yj) &+ UInt128(p[i &+ j]) &+ UInt128(carry)
                p[i &+ j] = mp_limb_t(truncatingIfNeeded: t)
                carry = mp_limb_t(truncatingIfNeeded: t &>> 64)
            }
            p[j &+ m] = carry
            j &+= 1
        }
    }

    /// d[0 ..< n] ← d[0 ..< n] + s·m (mod 2^(64n)) for the n-limb s and the limb m; returns the high limb of the
    /// exact sum, as `mpn_addmul_1` does (n ≥ 1; d may not overlap s unless d = s). Called with a constant n, the
    /// loop unrolls.
    @inline(__always)
    static func addMultiple(_ d: UnsafeMutablePointer<mp_limb_t>, _ s: UnsafePointer<mp_limb_t>, limbs n: Int,
                            by m: mp_limb_t) -> mp_limb_t {
        var carry: mp_limb_t = 0
        for i in 0..<n {
            let t = UInt128(s[i]) &* UInt128(m) &+ UInt128(d[i]) &+ UInt128(carry)
            d[i] = mp_limb_t(truncatingIfNeeded: t)
            carry = mp_limb_t(truncatingIfNeeded: t &>> 64)
        }
        return carry
    }
}
