import CGMP

// Conversions between BigInt and the standard library's integers and Double.
//
// Implementation goals, in order of priority:
//   1. Exactness: every conversion is either exact, or correctly rounded (Double(_:) rounds to nearest, ties to
//      even, like Double(_: Int)), or documented as truncating (init(_: Double), init(truncatingIfNeeded:)).
//   2. No allocation on the common paths (values that fit in a machine word).
// GMP's mpz_get_d truncates toward zero, so it is not used.

extension BigInt {
    /// The integer equal to `value`.
    public init(_ value: Int) {
        self.init()
        BigInt._set(storage.raw, value)
    }

    /// The integer equal to `source`, for any standard or user-defined `BinaryInteger` (`Int128`, `UInt64`, …).
    public init<T: BinaryInteger>(_ source: T) {
        if let small = Int(exactly: source) {
            self.init(small)
            return
        }
        self.init()
        // The words of a nonnegative value are its base-2^64 digits, least significant first.
        let words = Array(source.magnitude.words)
        words.withUnsafeBufferPointer { buffer in
            __gmpz_import(storage.raw, buffer.count, -1, MemoryLayout<UInt>.size, 0, 0, buffer.baseAddress)
        }
        if source < 0 { __gmpz_neg(storage.raw, storage.raw) }
    }

    /// The integer equal to `value`, or `nil` if `value` has a fractional part, or is infinite or NaN.
    ///
    /// `BigInt(exactly: 1e300)` is the exact integer that the double `1e300` denotes (a 997-bit number), not
    /// `10^300`. Both zeros give `0`.
    public init?(exactly value: Double) {
        guard value.isFinite, value.rounded(.towardZero) == value else { return nil }
        self.init()
        __gmpz_set_d(storage.raw, value)
    }

    /// The integer part of `value`, truncating toward zero: `BigInt(-2.7) == -2`.
    ///
    /// - Precondition: `value` is finite.
    public init(_ value: Double) {
        precondition(value.isFinite, "BigInt(Double): \(value) is not finite")
        self.init()
        __gmpz_set_d(storage.raw, value)
    }

    /// Sets an `mpz_t` to an `Int` (through `mpz_set_si` whenever a C `long` holds it).
    internal static func _set(_ target: UnsafeMutablePointer<__mpz_struct>, _ value: Int) {
        if let long = CLong(exactly: value) {
            __gmpz_set_si(target, long)
        } else {
            var magnitude = value.magnitude
            __gmpz_import(target, 1, -1, MemoryLayout<UInt>.size, 0, 0, &magnitude)
            if value < 0 { __gmpz_neg(target, target) }
        }
    }
}

extension FixedWidthInteger {
    /// The value of `source` if this type can represent it, otherwise `nil`.
    ///
    /// `Int(exactly: BigInt(Int.max) + 1) == nil`, `UInt8(exactly: BigInt(-1)) == nil`,
    /// `Int(exactly: BigInt(Int.min)) == Int.min`.
    public init?(exactly source: BigInt) {
        let bits = source.bitSize
        if source.isNegative {
            // Representable exactly when |source| ≤ 2^(w−1).
            guard Self.isSigned else { return nil }
            let fits = source.withUnsafeMPZPointer { value in
                bits < Self.bitWidth || (bits == Self.bitWidth && Int(__gmpz_scan1(value, 0)) == bits - 1)
            }
            guard fits else { return nil }
        } else {
            guard bits <= Self.bitWidth - (Self.isSigned ? 1 : 0) else { return nil }
        }
        self.init(truncatingIfNeeded: source)
    }

    /// The low `bitWidth` bits of `source` in two's complement, like `init(truncatingIfNeeded:)` for integers:
    /// `Int8(truncatingIfNeeded: BigInt(300)) == 44`, `UInt8(truncatingIfNeeded: BigInt(-1)) == 255`.
    public init(truncatingIfNeeded source: BigInt) {
        self = source.withUnsafeMPZPointer { value in
            var magnitude: Self = 0
            var shift = 0
            var index = 0
            let limbCount = Int(__gmpz_size(value))
            while index < limbCount, shift < Self.bitWidth {
                magnitude |= Self(truncatingIfNeeded: __gmpz_getlimbn(value, index)) << shift
                shift += mp_limb_t.bitWidth
                index += 1
            }
            return cgmp_mpz_sgn(value) < 0 ? 0 &- magnitude : magnitude
        }
    }
}

extension Double {
    /// The `Double` nearest to `value`, ties to even (correctly rounded, like `Double(_: Int)`).
    ///
    /// Values of magnitude `2^1024 − 2^970` and above round to `±infinity` (the overflow threshold of IEEE 754
    /// round-to-nearest). `Double(BigInt(2).power(53) + 1) == 9007199254740992`.
    public init(_ value: BigInt) {
        self = value.withUnsafeMPZPointer(_doubleNearest)
    }

    /// The `Double` equal to `value`, or `nil` if `value` is not exactly representable (more than 53 significant
    /// bits, or `|value| ≥ 2^1024`).
    public init?(exactly value: BigInt) {
        let representable = value.withUnsafeMPZPointer { integer -> Bool in
            guard cgmp_mpz_sgn(integer) != 0 else { return true }
            let bits = Int(__gmpz_sizeinbase(integer, 2))
            if bits <= Double.significandBitCount + 1 { return true }
            return bits <= 1024 && Int(__gmpz_scan1(integer, 0)) >= bits - (Double.significandBitCount + 1)
        }
        guard representable else { return nil }
        self.init(value)
    }
}

/// The `Double` nearest to an `mpz_t` (ties to even), without allocating.
///
/// Takes the 64 leading bits of |x| as an integer `top` and ORs a sticky bit (any nonzero bit below them) into
/// its lowest bit. Converting that 64-bit integer to `Double` rounds correctly, because the sticky bit lies far
/// below the rounding position (bit 10) and only decides "exactly half" against "more than half". Scaling by a
/// power of two is then exact, or overflows to infinity exactly when the rounded value does.
/// Assumes 64-bit limbs, as GMP uses on every 64-bit platform.
internal func _doubleNearest(_ value: UnsafePointer<__mpz_struct>) -> Double {
    let signum = cgmp_mpz_sgn(value)
    if signum == 0 { return 0 }
    let sign: FloatingPointSign = signum < 0 ? .minus : .plus
    let bits = Int(__gmpz_sizeinbase(value, 2))
    if bits <= 64 {
        let magnitude = Double(UInt64(__gmpz_getlimbn(value, 0)))
        return sign == .minus ? -magnitude : magnitude
    }
    if bits > 1025 { return sign == .minus ? -.infinity : .infinity }
    let shift = bits - 64
    let index = shift / 64, offset = shift % 64
    var top = UInt64(__gmpz_getlimbn(value, index)) >> offset
    if offset > 0 { top |= UInt64(__gmpz_getlimbn(value, index + 1)) << (64 - offset) }
    let sticky: UInt64 = Int(__gmpz_scan1(value, 0)) < shift ? 1 : 0
    return Double(sign: sign, exponent: shift, significand: Double(top | sticky))
}
