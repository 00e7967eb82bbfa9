import CMPFR

/// Conversions from and to Swift's built-in numbers.
extension BigFloat {
    /// `n` at `precision` bits (default: `Precision.current`); exact whenever the precision is at least 63 bits
    /// (or |n| fits the precision), otherwise correctly rounded.
    @inlinable
    public init(_ n: Int, precision: Int? = nil) {
        self.init(precision: precision ?? Precision.current)
        storage.withUnsafeMutablePointerToHeader { _ = mpfr_set_si($0, n, MPFR_RNDN) }
    }

    /// `n` at the default precision (exact at 63 bits or more).
    @inlinable
    public init(_ n: Int) {
        self.init(n, precision: nil)
    }

    /// `d` at `precision` bits (default: `Precision.current`); exact whenever the precision is at least 53 bits,
    /// otherwise correctly rounded. NaN and ±∞ carry over.
    @inlinable
    public init(_ d: Double, precision: Int? = nil) {
        self.init(precision: precision ?? Precision.current)
        storage.withUnsafeMutablePointerToHeader { _ = mpfr_set_d($0, d, MPFR_RNDN) }
    }

    /// The nearest `Double` (ties to even), with overflow to ±∞ and gradual underflow like IEEE 754.
    @inlinable public var doubleValue: Double {
        withUnsafeMPFRPointer { mpfr_get_d($0, MPFR_RNDN) }
    }

    /// The value as an `Int` when it is an integer in `Int`'s range, else `nil`.
    public var exactIntValue: Int? {
        withUnsafeMPFRPointer { x in
            guard mpfr_integer_p(x) != 0, mpfr_fits_slong_p(x, MPFR_RNDN) != 0 else { return nil }
            return mpfr_get_si(x, MPFR_RNDN)
        }
    }
}

extension Double {
    /// The nearest `Double` to `x` (ties to even); see `BigFloat.doubleValue`.
    @inlinable public init(_ x: BigFloat) { self = x.doubleValue }

    /// `x` rounded to a `Double` in the given direction (a one-sided bound for `.down` and `.up`).
    public init(_ x: BigFloat, rounding: RoundingMode) {
        self = x.withUnsafeMPFRPointer { mpfr_get_d($0, rounding.mpfr) }
    }
}
