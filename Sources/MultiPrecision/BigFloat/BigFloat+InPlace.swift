import CMPFR

/// In-place arithmetic for hot loops.
///
/// Each method writes its result into `self` at `self`'s own precision (MPFR's destination rule), correctly
/// rounded to nearest, and allocates nothing when `self` is uniquely referenced. Operands may be any values,
/// including copies that share storage with `self` (then `self` gets fresh storage first). Outputs come first,
/// as in MPFR and Arb: `x.formProduct(a, b)` is `x ← a·b`.
extension BigFloat {
    /// Applies an MPFR operation `self ← op(a, b)` in place (internal).
    @inlinable @inline(__always)
    internal mutating func _formBinary(
        _ a: BigFloat, _ b: BigFloat,
        _ operation: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Void
    ) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { x in
                b.withUnsafeMPFRPointer { y in operation(r, x, y) }
            }
        }
    }

    /// Applies an MPFR operation `self ← op(self, a)` in place (internal).
    @inlinable @inline(__always)
    internal mutating func _updateBinary(
        _ a: BigFloat,
        _ operation: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Void
    ) {
        _makeUnique()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { x in operation(r, x) }
        }
    }

    /// Applies an MPFR operation to `self` in place (internal).
    @inlinable @inline(__always)
    internal mutating func _update(_ operation: (UnsafeMutablePointer<__mpfr_struct>) -> Void) {
        _makeUnique()
        storage.withUnsafeMutablePointerToHeader { operation($0) }
    }

    /// `self ← a + b`. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formSum(_ a: BigFloat, _ b: BigFloat) {
        _formBinary(a, b) { _ = mpfr_add($0, $1, $2, MPFR_RNDN) }
    }

    /// `self ← a − b`. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formDifference(_ a: BigFloat, _ b: BigFloat) {
        _formBinary(a, b) { _ = mpfr_sub($0, $1, $2, MPFR_RNDN) }
    }

    /// `self ← a · b`. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formProduct(_ a: BigFloat, _ b: BigFloat) {
        _formBinary(a, b) { _ = mpfr_mul($0, $1, $2, MPFR_RNDN) }
    }

    /// `self ← a / b`. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formQuotient(_ a: BigFloat, _ b: BigFloat) {
        _formBinary(a, b) { _ = mpfr_div($0, $1, $2, MPFR_RNDN) }
    }

    /// `self ← self + a·b` with one rounding (`mpfr_fma`). Allocates nothing when uniquely referenced.
    @inlinable public mutating func addProduct(_ a: BigFloat, _ b: BigFloat) {
        _makeUnique()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { x in
                b.withUnsafeMPFRPointer { y in _ = mpfr_fma(r, x, y, r, MPFR_RNDN) }
            }
        }
    }

    /// `self ← self − a·b` with one rounding (`mpfr_fms`, negated). Allocates nothing when uniquely referenced.
    @inlinable public mutating func subtractProduct(_ a: BigFloat, _ b: BigFloat) {
        _makeUnique()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { x in
                // r − a·b = −(a·b − r): fms then an exact negation.
                b.withUnsafeMPFRPointer { y in _ = mpfr_fms(r, x, y, r, MPFR_RNDN) }
            }
            _ = mpfr_neg(r, r, MPFR_RNDN)
        }
    }

    /// `self ← aⁿ` (`mpfr_pow_si`, as `BigFloat.pow(a, n)` but at `self`'s precision). Allocates nothing when uniquely
    /// referenced.
    @inlinable public mutating func formPower(_ a: BigFloat, _ n: Int) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { x in _ = mpfr_pow_si(r, x, n, MPFR_RNDN) }
        }
    }

    /// `self ← a`, rounded to `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func set(_ a: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { x in _ = mpfr_set(r, x, MPFR_RNDN) }
        }
    }

    /// `self ← n`, rounded to `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func set(_ n: Int) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { _ = mpfr_set_si($0, n, MPFR_RNDN) }
    }

    /// `self ← +0`. Allocates nothing when uniquely referenced.
    @inlinable public mutating func setZero() {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { mpfr_set_zero($0, 1) }
    }

    /// `self ← self + a`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func add(_ a: BigFloat) {
        _updateBinary(a) { _ = mpfr_add($0, $0, $1, MPFR_RNDN) }
    }

    /// `self ← self − a`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func subtract(_ a: BigFloat) {
        _updateBinary(a) { _ = mpfr_sub($0, $0, $1, MPFR_RNDN) }
    }

    /// `self ← self · a`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func multiply(by a: BigFloat) {
        _updateBinary(a) { _ = mpfr_mul($0, $0, $1, MPFR_RNDN) }
    }

    /// `self ← self / a`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func divide(by a: BigFloat) {
        _updateBinary(a) { _ = mpfr_div($0, $0, $1, MPFR_RNDN) }
    }

    /// `self ← self + n`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func add(_ n: Int) {
        _update { _ = mpfr_add_si($0, $0, n, MPFR_RNDN) }
    }

    /// `self ← self · n`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func multiply(by n: Int) {
        _update { _ = mpfr_mul_si($0, $0, n, MPFR_RNDN) }
    }

    /// `self ← self / n`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func divide(by n: Int) {
        _update { _ = mpfr_div_si($0, $0, n, MPFR_RNDN) }
    }

    /// `self ← self · 2^n` (exact barring overflow). Allocates nothing when uniquely referenced.
    @inlinable public mutating func multiply(byPowerOfTwo n: Int) {
        _update { _ = mpfr_mul_2si($0, $0, n, MPFR_RNDN) }
    }

    /// `self ← −self` (exact). Allocates nothing when uniquely referenced.
    @inlinable public mutating func negate() {
        _update { _ = mpfr_neg($0, $0, MPFR_RNDN) }
    }

    /// `self ← |self|` (exact). Allocates nothing when uniquely referenced.
    @inlinable public mutating func formMagnitude() {
        _update { _ = mpfr_abs($0, $0, MPFR_RNDN) }
    }

    /// `self ← √self`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formSquareRoot() {
        _update { _ = mpfr_sqrt($0, $0, MPFR_RNDN) }
    }

    /// `self ← a²`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formSquare(_ a: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeMPFRPointer { _ = mpfr_sqr(r, $0, MPFR_RNDN) } }
    }

    /// `self ← exp(a)`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formExp(_ a: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeMPFRPointer { _ = mpfr_exp(r, $0, MPFR_RNDN) } }
    }

    /// `self ← log(a)`, at `self`'s precision. Allocates nothing when uniquely referenced.
    @inlinable public mutating func formLog(_ a: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeMPFRPointer { _ = mpfr_log(r, $0, MPFR_RNDN) } }
    }

    /// `self ← a·b + c·d` with one rounding (`mpfr_fmma`), at `self`'s precision.
    @inlinable public mutating func formSumOfProducts(_ a: BigFloat, _ b: BigFloat, _ c: BigFloat, _ d: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeMPFRPointer { pa in
                b.withUnsafeMPFRPointer { pb in
                    c.withUnsafeMPFRPointer { pc in
                        d.withUnsafeMPFRPointer { pd in _ = mpfr_fmma(r, pa, pb, pc, pd, MPFR_RNDN) }
                    }
                }
            }
        }
    }
}
