import CMPFR

/// Value-returning arithmetic. Each result is a new value at the larger of the operands' precisions,
/// correctly rounded to nearest.
extension BigFloat {
    /// Runs a binary MPFR operation into a new value at the larger operand precision (internal).
    @inlinable @inline(__always)
    internal static func _binary(
        _ a: BigFloat, _ b: BigFloat,
        _ operation: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Void
    ) -> BigFloat {
        let precision = Swift.max(a.precision, b.precision)
        return a.withUnsafeMPFRPointer { x in
            b.withUnsafeMPFRPointer { y in
                _make(precision: precision) { operation($0, x, y) }
            }
        }
    }

    /// Runs a unary MPFR operation into a new value at the argument's precision (internal).
    @inlinable @inline(__always)
    internal static func _unary(
        _ a: BigFloat,
        _ operation: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Void
    ) -> BigFloat {
        a.withUnsafeMPFRPointer { x in
            _make(precision: a.precision) { operation($0, x) }
        }
    }

    /// The sum `a + b`, correctly rounded.
    @inlinable
    public static func + (a: BigFloat, b: BigFloat) -> BigFloat {
        _binary(a, b) { _ = mpfr_add($0, $1, $2, MPFR_RNDN) }
    }

    /// The difference `a − b`, correctly rounded.
    @inlinable
    public static func - (a: BigFloat, b: BigFloat) -> BigFloat {
        _binary(a, b) { _ = mpfr_sub($0, $1, $2, MPFR_RNDN) }
    }

    /// The product `a · b`, correctly rounded.
    @inlinable
    public static func * (a: BigFloat, b: BigFloat) -> BigFloat {
        _binary(a, b) { _ = mpfr_mul($0, $1, $2, MPFR_RNDN) }
    }

    /// The quotient `a / b`, correctly rounded. `x / 0` is ±∞ for `x ≠ 0` and NaN for `0 / 0`, as in IEEE 754.
    @inlinable
    public static func / (a: BigFloat, b: BigFloat) -> BigFloat {
        _binary(a, b) { _ = mpfr_div($0, $1, $2, MPFR_RNDN) }
    }

    /// The negation `−a` (exact), at `a`'s precision.
    @inlinable
    public static prefix func - (a: BigFloat) -> BigFloat {
        _unary(a) { _ = mpfr_neg($0, $1, MPFR_RNDN) }
    }

    /// `a` itself.
    @inlinable
    public static prefix func + (a: BigFloat) -> BigFloat { a }

    /// `lhs = lhs + rhs`, in place when `lhs` is uniquely referenced and at least as precise as `rhs`.
    @inlinable
    public static func += (lhs: inout BigFloat, rhs: BigFloat) {
        if lhs.precision >= rhs.precision {
            lhs._makeUnique()
            lhs.storage.withUnsafeMutablePointerToHeader { l in
                rhs.withUnsafeMPFRPointer { r in _ = mpfr_add(l, l, r, MPFR_RNDN) }
            }
        } else {
            lhs = lhs + rhs
        }
    }

    /// `lhs = lhs − rhs`, in place when possible (see `+=`).
    @inlinable
    public static func -= (lhs: inout BigFloat, rhs: BigFloat) {
        if lhs.precision >= rhs.precision {
            lhs._makeUnique()
            lhs.storage.withUnsafeMutablePointerToHeader { l in
                rhs.withUnsafeMPFRPointer { r in _ = mpfr_sub(l, l, r, MPFR_RNDN) }
            }
        } else {
            lhs = lhs - rhs
        }
    }

    /// `lhs = lhs · rhs`, in place when possible (see `+=`).
    @inlinable
    public static func *= (lhs: inout BigFloat, rhs: BigFloat) {
        if lhs.precision >= rhs.precision {
            lhs._makeUnique()
            lhs.storage.withUnsafeMutablePointerToHeader { l in
                rhs.withUnsafeMPFRPointer { r in _ = mpfr_mul(l, l, r, MPFR_RNDN) }
            }
        } else {
            lhs = lhs * rhs
        }
    }

    /// `lhs = lhs / rhs`, in place when possible (see `+=`).
    @inlinable
    public static func /= (lhs: inout BigFloat, rhs: BigFloat) {
        if lhs.precision >= rhs.precision {
            lhs._makeUnique()
            lhs.storage.withUnsafeMutablePointerToHeader { l in
                rhs.withUnsafeMPFRPointer { r in _ = mpfr_div(l, l, r, MPFR_RNDN) }
            }
        } else {
            lhs = lhs / rhs
        }
    }

    /// The fused multiply-add `self + a·b` with a single rounding, at the largest of the three precisions.
    @inlinable
    public func addingProduct(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        let precision = Swift.max(self.precision, a.precision, b.precision)
        return withUnsafeMPFRPointer { c in
            a.withUnsafeMPFRPointer { x in
                b.withUnsafeMPFRPointer { y in
                    BigFloat._make(precision: precision) { _ = mpfr_fma($0, x, y, c, MPFR_RNDN) }
                }
            }
        }
    }

    /// The fused multiply-add `a·b + c` with a single rounding (the same as `c.addingProduct(a, b)`).
    @inlinable
    public static func fusedMultiplyAdd(_ a: BigFloat, _ b: BigFloat, _ c: BigFloat) -> BigFloat {
        c.addingProduct(a, b)
    }

    /// The square `a²`, correctly rounded, at `a`'s precision.
    @inlinable
    public static func square(_ a: BigFloat) -> BigFloat {
        _unary(a) { _ = mpfr_sqr($0, $1, MPFR_RNDN) }
    }

    /// `self · 2^n` (exact unless it overflows or underflows), at `self`'s precision.
    @inlinable
    public func scaled(byPowerOfTwo n: Int) -> BigFloat {
        BigFloat._unary(self) { _ = mpfr_mul_2si($0, $1, n, MPFR_RNDN) }
    }

    /// The absolute value `|a|` (exact), at `a`'s precision.
    @inlinable
    public static func abs(_ a: BigFloat) -> BigFloat {
        _unary(a) { _ = mpfr_abs($0, $1, MPFR_RNDN) }
    }

    /// The smaller of `a` and `b`; if one is NaN, the other (as IEEE 754 `minNum`). At the larger precision.
    @inlinable
    public static func minimum(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        _binary(a, b) { _ = mpfr_min($0, $1, $2, MPFR_RNDN) }
    }

    /// The larger of `a` and `b`; if one is NaN, the other (as IEEE 754 `maxNum`). At the larger precision.
    @inlinable
    public static func maximum(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        _binary(a, b) { _ = mpfr_max($0, $1, $2, MPFR_RNDN) }
    }
}

/// Mixed arithmetic with `Int`, computed exactly before one rounding (MPFR's `_si` functions), at `a`'s precision.
extension BigFloat {
    /// `a + n`, correctly rounded, at `a`'s precision.
    @inlinable public static func + (a: BigFloat, n: Int) -> BigFloat { _unary(a) { _ = mpfr_add_si($0, $1, n, MPFR_RNDN) } }
    /// `n + a`, correctly rounded, at `a`'s precision.
    @inlinable public static func + (n: Int, a: BigFloat) -> BigFloat { a + n }
    /// `a − n`, correctly rounded, at `a`'s precision.
    @inlinable public static func - (a: BigFloat, n: Int) -> BigFloat { _unary(a) { _ = mpfr_sub_si($0, $1, n, MPFR_RNDN) } }
    /// `n − a`, correctly rounded, at `a`'s precision.
    @inlinable public static func - (n: Int, a: BigFloat) -> BigFloat { _unary(a) { _ = mpfr_si_sub($0, n, $1, MPFR_RNDN) } }
    /// `a · n`, correctly rounded, at `a`'s precision.
    @inlinable public static func * (a: BigFloat, n: Int) -> BigFloat { _unary(a) { _ = mpfr_mul_si($0, $1, n, MPFR_RNDN) } }
    /// `n · a`, correctly rounded, at `a`'s precision.
    @inlinable public static func * (n: Int, a: BigFloat) -> BigFloat { a * n }
    /// `a / n`, correctly rounded, at `a`'s precision.
    @inlinable public static func / (a: BigFloat, n: Int) -> BigFloat { _unary(a) { _ = mpfr_div_si($0, $1, n, MPFR_RNDN) } }
    /// `n / a`, correctly rounded, at `a`'s precision.
    @inlinable public static func / (n: Int, a: BigFloat) -> BigFloat { _unary(a) { _ = mpfr_si_div($0, n, $1, MPFR_RNDN) } }
}
