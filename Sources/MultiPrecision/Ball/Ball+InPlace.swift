import CArb

/// In-place ball arithmetic for hot loops, with `BigFloat`'s conventions: the result goes into `self` at `self`'s
/// own precision, outputs come first (`x.formProduct(a, b)` is `x ← a·b`), and nothing is allocated when `self` is
/// uniquely referenced and its midpoint already has its working size. Operands may share storage with `self`.
extension Ball {
    @inlinable @inline(__always)
    internal mutating func _formBinary(
        _ a: Ball, _ b: Ball,
        _ operation: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void
    ) {
        _makeUniqueDiscardingValue()
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeArbPointer { x in b.withUnsafeArbPointer { y in operation(r, x, y, bits) } }
        }
    }

    @inlinable @inline(__always)
    internal mutating func _formUnary(
        _ a: Ball, _ operation: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void
    ) {
        _makeUniqueDiscardingValue()
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeArbPointer { x in operation(r, x, bits) } }
    }

    @inlinable @inline(__always)
    internal mutating func _update(_ operation: (UnsafeMutablePointer<arb_struct>, Int) -> Void) {
        _makeUnique()
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { operation($0, bits) }
    }

    @inlinable @inline(__always)
    internal mutating func _updateBinary(
        _ a: Ball, _ operation: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void
    ) {
        _makeUnique()
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeArbPointer { x in operation(r, x, bits) } }
    }

    /// `self ← a + b`.
    @inlinable public mutating func formSum(_ a: Ball, _ b: Ball) { _formBinary(a, b) { arb_add($0, $1, $2, $3) } }
    /// `self ← a − b`.
    @inlinable public mutating func formDifference(_ a: Ball, _ b: Ball) { _formBinary(a, b) { arb_sub($0, $1, $2, $3) } }
    /// `self ← a · b`.
    @inlinable public mutating func formProduct(_ a: Ball, _ b: Ball) { _formBinary(a, b) { arb_mul($0, $1, $2, $3) } }
    /// `self ← a / b`.
    @inlinable public mutating func formQuotient(_ a: Ball, _ b: Ball) { _formBinary(a, b) { arb_div($0, $1, $2, $3) } }
    /// `self ← self + a·b` (`arb_addmul`).
    @inlinable public mutating func addProduct(_ a: Ball, _ b: Ball) {
        _makeUnique()
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeArbPointer { x in b.withUnsafeArbPointer { y in arb_addmul(r, x, y, bits) } }
        }
    }
    /// `self ← self − a·b` (`arb_submul`).
    @inlinable public mutating func subtractProduct(_ a: Ball, _ b: Ball) {
        _makeUnique()
        let bits = precision
        storage.withUnsafeMutablePointerToHeader { r in
            a.withUnsafeArbPointer { x in b.withUnsafeArbPointer { y in arb_submul(r, x, y, bits) } }
        }
    }
    /// `self ← a`, rounded to `self`'s precision (the radius grows by the rounding error).
    @inlinable public mutating func set(_ a: Ball) { _formUnary(a) { arb_set_round($0, $1, $2) } }
    /// `self ← n` exactly.
    @inlinable public mutating func set(_ n: Int) { _makeUniqueDiscardingValue(); storage.withUnsafeMutablePointerToHeader { arb_set_si($0, n) } }
    /// `self ← [0 ± 0]`.
    @inlinable public mutating func setZero() { _makeUniqueDiscardingValue(); storage.withUnsafeMutablePointerToHeader { arb_zero($0) } }
    /// `self ← self + a`.
    @inlinable public mutating func add(_ a: Ball) { _updateBinary(a) { arb_add($0, $0, $1, $2) } }
    /// `self ← self − a`.
    @inlinable public mutating func subtract(_ a: Ball) { _updateBinary(a) { arb_sub($0, $0, $1, $2) } }
    /// `self ← self · a`.
    @inlinable public mutating func multiply(by a: Ball) { _updateBinary(a) { arb_mul($0, $0, $1, $2) } }
    /// `self ← self / a`.
    @inlinable public mutating func divide(by a: Ball) { _updateBinary(a) { arb_div($0, $0, $1, $2) } }
    /// `self ← self + n`.
    @inlinable public mutating func add(_ n: Int) { _update { arb_add_si($0, $0, n, $1) } }
    /// `self ← self · n`.
    @inlinable public mutating func multiply(by n: Int) { _update { arb_mul_si($0, $0, n, $1) } }
    /// `self ← self / n`.
    @inlinable public mutating func divide(by n: Int) { _update { arb_div_si($0, $0, n, $1) } }
    /// `self ← self · 2^n` (exact).
    @inlinable public mutating func multiply(byPowerOfTwo n: Int) { _update { arb_mul_2exp_si($0, $0, n); _ = $1 } }
    /// `self ← −self` (exact).
    @inlinable public mutating func negate() { _update { arb_neg($0, $0); _ = $1 } }
    /// `self ← |self|`: the ball of the magnitudes of its numbers.
    @inlinable public mutating func formMagnitude() { _update { arb_abs($0, $0); _ = $1 } }
    /// `self ← a²` (tighter than `a·a`: the result is non-negative).
    @inlinable public mutating func formSquare(_ a: Ball) { _formUnary(a) { arb_sqr($0, $1, $2) } }
    /// `self ← √a`.
    @inlinable public mutating func formSquareRoot(_ a: Ball) { _formUnary(a) { arb_sqrt($0, $1, $2) } }
    /// `self ← exp(a)`.
    @inlinable public mutating func formExp(_ a: Ball) { _formUnary(a) { arb_exp($0, $1, $2) } }
    /// `self ← log(a)`.
    @inlinable public mutating func formLog(_ a: Ball) { _formUnary(a) { arb_log($0, $1, $2) } }
}
