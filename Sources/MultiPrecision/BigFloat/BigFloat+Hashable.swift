import CGMP
import CMPFR

/// Hashing agrees with `==`: equal values at different precisions, and −0 and +0, hash alike.
/// The hash is taken over the canonical value (sign, exponent, significand with trailing zero bits removed),
/// never over the precision. All NaNs hash alike (they are never equal to anything, so any hash is consistent).
extension BigFloat: Hashable {
    /// Feeds the canonical value into `hasher`.
    public func hash(into hasher: inout Hasher) {
        withUnsafeMPFRPointer { x in
            if cmpfr_nan_p(x) != 0 { hasher.combine(0x4E61_4E); return }
            if cmpfr_inf_p(x) != 0 { hasher.combine(cmpfr_sgn(x) > 0 ? 1 : -1); hasher.combine(0x1F); return }
            if cmpfr_zero_p(x) != 0 { hasher.combine(0); return }
            // x = m · 2^e exactly, with m an odd integer after removing trailing zeros.
            let mantissa = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
            __gmpz_init(mantissa)
            defer { __gmpz_clear(mantissa); mantissa.deallocate() }
            var exponent = cmpfr_get_z_2exp(mantissa, x)
            let trailing = __gmpz_scan1(mantissa, 0)
            __gmpz_fdiv_q_2exp(mantissa, mantissa, trailing)
            exponent += Int(trailing)
            hasher.combine(cgmp_mpz_sgn(mantissa))
            hasher.combine(exponent)
            let limbCount = __gmpz_size(mantissa)
            for index in 0..<limbCount { hasher.combine(__gmpz_getlimbn(mantissa, mp_size_t(index))) }
        }
    }
}
