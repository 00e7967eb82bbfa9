import CGMP

// Conversions between Rational and Double, and from Rational to BigInt.
//
// Implementation goals, in order of priority:
//   1. Correct rounding: Double(_: Rational) returns the double nearest to p/q, ties to even, in the normal and
//      the subnormal range, with overflow to ±infinity exactly where IEEE 754 round-to-nearest overflows.
//      (GMP's mpq_get_d truncates, so it is not used.)
//   2. Exactness of the other direction: every finite double is a dyadic rational m·2^e, and mpq_set_d is exact.

extension Rational {
    /// The rational equal to `value`, or `nil` if `value` is NaN or infinite.
    ///
    /// Every finite double is a dyadic rational `m/2^k`, so the conversion is exact: `Rational(exactly: 0.1)` is
    /// `3602879701896397/36028797018963968`, not `1/10`. Both zeros give `0`.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        self.init()
        __gmpq_set_d(storage.raw, value)
    }

    /// The rational equal to `value` (exact, as `init?(exactly:)`).
    ///
    /// - Precondition: `value` is finite.
    public init(_ value: Double) {
        precondition(value.isFinite, "Rational(Double): \(value) is not finite")
        self.init()
        __gmpq_set_d(storage.raw, value)
    }
}

extension Double {
    /// The `Double` nearest to `value`, ties to even (correctly rounded).
    ///
    /// Results below `2^-1022` are rounded to a multiple of `2^-1074` (the subnormal spacing), magnitudes below
    /// `2^-1075` round to a signed zero (exactly `2^-1075` is a tie and goes to the even value, zero), and magnitudes
    /// of at least `2^1024 − 2^970` round to `±infinity`. `Double(Rational(numerator: 1, denominator: 3))` is
    /// `0.3333333333333333`, the same as `1.0 / 3.0`.
    public init(_ value: Rational) {
        self = value.withUnsafeMPQPointer {
            _doubleNearest(numerator: cgmp_mpq_numref_const($0), denominator: cgmp_mpq_denref_const($0))
        }
    }

    /// The `Double` equal to `value`, or `nil` if `value` is not exactly representable (its denominator is not a
    /// power of two, or it has more than 53 significant bits, or it is outside the double range).
    public init?(exactly value: Rational) {
        let nearest = Double(value)
        guard nearest.isFinite, Rational(nearest) == value else { return nil }
        self = nearest
    }
}

/// The `Double` nearest to `a/b` (ties to even) for integers `a` and `b > 0`.
///
/// Write `A = |a|` with `na` bits and `b` with `nb` bits, so `2^(na−nb−1) < A/b < 2^(na−nb+1)`.
/// - Normal range: with `s = 63 + nb − na`, the integer quotient `Q = ⌊A·2^s / b⌋` lies in `[2^62, 2^64)`, so it has
///   at least 63 significant bits. OR-ing a sticky bit (remainder ≠ 0) into its lowest bit and converting the
///   64-bit integer to `Double` rounds correctly to 53 bits; scaling by `2^−s` is then exact (or overflows to
///   infinity exactly when the rounded value does).
/// - Subnormal range (`A/b < 2^−1022`): the result is a multiple of `2^−1074`, so round `A·2^1074 / b` to an
///   integer `m ≤ 2^52` directly (comparing twice the remainder with `b`, ties to even). The bit pattern of that
///   double is `m` itself.
internal func _doubleNearest(
    numerator a: UnsafePointer<__mpz_struct>, denominator b: UnsafePointer<__mpz_struct>
) -> Double {
    let signum = cgmp_mpz_sgn(a)
    if signum == 0 { return 0 }
    let sign: FloatingPointSign = signum < 0 ? .minus : .plus
    let na = Int(__gmpz_sizeinbase(a, 2)), nb = Int(__gmpz_sizeinbase(b, 2))
    // A/b > 2^(na−nb−1) ≥ 2^1024: overflow. A/b < 2^(na−nb+1) ≤ 2^−1075: below half the least subnormal.
    if na - nb >= 1025 { return sign == .minus ? -.infinity : .infinity }
    if na - nb <= -1076 { return sign == .minus ? -0.0 : 0.0 }

    return _withTemporaryMPZ { quotient in
        _withTemporaryMPZ { remainder in
            _withTemporaryMPZ { scratch in
                // quotient, remainder = divmod(A · 2^shift, b), for shift ≥ 0 or < 0.
                func divide(shift: Int) {
                    __gmpz_abs(scratch, a)
                    if shift >= 0 {
                        __gmpz_mul_2exp(scratch, scratch, mp_bitcnt_t(shift))
                        __gmpz_tdiv_qr(quotient, remainder, scratch, b)
                    } else {
                        // ⌊A / (b·2^k)⌋ with remainder; the divisor goes into `remainder` first, then is replaced.
                        __gmpz_mul_2exp(remainder, b, mp_bitcnt_t(-shift))
                        __gmpz_tdiv_qr(quotient, remainder, scratch, remainder)
                    }
                }

                let shift = 63 + nb - na
                divide(shift: shift)
                let leadingBit = Int(__gmpz_sizeinbase(quotient, 2)) - 1  // 62 or 63
                if leadingBit - shift >= -1022 {
                    let sticky: UInt64 = cgmp_mpz_sgn(remainder) != 0 ? 1 : 0
                    let top = UInt64(__gmpz_getlimbn(quotient, 0))
                    return Double(sign: sign, exponent: -shift, significand: Double(top | sticky))
                }

                // Subnormal: m = round(A·2^1074 / b) to an integer, ties to even.
                divide(shift: 1074)
                __gmpz_mul_2exp(remainder, remainder, 1)
                let comparison = __gmpz_cmp(remainder, b)
                var m = UInt64(__gmpz_getlimbn(quotient, 0))
                if comparison > 0 || (comparison == 0 && m & 1 == 1) { m += 1 }
                let magnitude = Double(bitPattern: m)
                return sign == .minus ? -magnitude : magnitude
            }
        }
    }
}

extension BigInt {
    /// The integer nearest to `value` under the given rounding rule (by default truncating toward zero).
    ///
    /// ```
    ///   rule                       -1.5  -0.5   0.5   1.5   2.5
    ///   .towardZero                  -1     0     0     1     2
    ///   .down (floor)                -2    -1     0     1     2
    ///   .up (ceiling)                -1     0     1     2     3
    ///   .awayFromZero                -2    -1     1     2     3
    ///   .toNearestOrAwayFromZero     -2    -1     1     2     3
    ///   .toNearestOrEven             -2     0     0     2     2
    /// ```
    public init(_ value: Rational, rounding rule: FloatingPointRoundingRule = .towardZero) {
        let (floor, remainder) = value.numerator.floorQuotientAndRemainder(dividingBy: value.denominator)
        // value = floor + remainder/denominator with 0 ≤ remainder < denominator.
        if remainder.isZero {
            self = floor
            return
        }
        let ceiling = floor + 1
        let twiceRemainder = remainder << 1
        let denominator = value.denominator
        switch rule {
        case .down:
            self = floor
        case .up:
            self = ceiling
        case .towardZero:
            self = value.isNegative ? ceiling : floor
        case .awayFromZero:
            self = value.isNegative ? floor : ceiling
        case .toNearestOrAwayFromZero:
            if twiceRemainder == denominator {
                self = value.isNegative ? floor : ceiling
            } else {
                self = twiceRemainder < denominator ? floor : ceiling
            }
        case .toNearestOrEven:
            if twiceRemainder == denominator {
                self = floor.isEven ? floor : ceiling
            } else {
                self = twiceRemainder < denominator ? floor : ceiling
            }
        @unknown default:
            preconditionFailure("BigInt(_:rounding:): unsupported rounding rule \(rule)")
        }
    }

    /// The integer equal to `value`, or `nil` if `value` is not an integer (its denominator is not 1).
    public init?(exactly value: Rational) {
        guard value.isInteger else { return nil }
        self = value.numerator
    }
}
