import CGMP
import CMPFR
import RealModule

/// `BigFloat` as a number for generic code: `Numeric`, `SignedNumeric`, `AlgebraicField`, and Attest's
/// `OrderedField` and `Scalar`.
extension BigFloat: ExpressibleByIntegerLiteral, SignedNumeric, AlgebraicField, OrderedField, Scalar {
    /// An integer literal at the default precision (exact at 63 bits or more).
    @inlinable public init(integerLiteral value: Int) { self.init(value) }

    /// The value of `source` at the default precision, or `nil` if it cannot be represented exactly there.
    public init?<T: BinaryInteger>(exactly source: T) {
        if let small = Int(exactly: source) {
            let value = BigFloat(small)
            guard value.compare(to: small) == 0 else { return nil }
            self = value
            return
        }
        guard let value = try? BigFloat(parsing: String(source)) else { return nil }
        // Exact only if the decimal reads back to the same integer.
        guard value.isFinite, String(value.withUnsafeMPFRPointer { x -> String in
            let z = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
            __gmpz_init(z)
            defer { __gmpz_clear(z); z.deallocate() }
            _ = mpfr_get_z(z, x, MPFR_RNDN)
            guard let raw = __gmpz_get_str(nil, 10, z) else { preconditionFailure("GMP allocation failed") }
            defer { cgmp_free_string(raw) }
            return String(cString: raw)
        }) == String(source) else { return nil }
        self = value
    }

    /// |x| (exact), at `x`'s precision.
    @inlinable public var magnitude: BigFloat { BigFloat.abs(self) }

    /// 1/x, correctly rounded, or `nil` for ±0 (where the reciprocal would be infinite).
    @inlinable public var reciprocal: BigFloat? {
        if isZero { return nil }
        return BigFloat._unary(self) { _ = mpfr_ui_div($0, 1, $1, MPFR_RNDN) }
    }

    /// `false`: `BigFloat` arithmetic rounds.
    public static var isExact: Bool { false }

    /// The default precision `Precision.current`, in bits.
    public static var currentPrecision: Int { Precision.current }

    /// `2^−p` at the default precision p: half an ulp of 1.
    public static var unitRoundoff: BigFloat {
        let p = Precision.current
        return _make(precision: p) { _ = mpfr_set_si_2exp($0, 1, -p, MPFR_RNDN) }
    }

    /// This value's own precision in bits.
    @inlinable public var precisionBits: Int { precision }
}
