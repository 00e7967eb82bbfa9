import CArb

/// Value-returning ball arithmetic. Each result encloses every result of the operation on numbers from the
/// operands' balls, computed at the larger of the operands' precisions.
extension Ball {
    @inlinable @inline(__always)
    internal static func _binary(
        _ a: Ball, _ b: Ball,
        _ operation: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void
    ) -> Ball {
        let bits = Swift.max(a.precision, b.precision)
        return a.withUnsafeArbPointer { x in
            b.withUnsafeArbPointer { y in _make(precision: bits) { operation($0, x, y, bits) } }
        }
    }

    @inlinable @inline(__always)
    internal static func _unary(
        _ a: Ball, _ operation: (UnsafeMutablePointer<arb_struct>, UnsafePointer<arb_struct>, Int) -> Void
    ) -> Ball {
        a.withUnsafeArbPointer { x in _make(precision: a.precision) { operation($0, x, a.precision) } }
    }

    /// An enclosure of `a + b`.
    @inlinable public static func + (a: Ball, b: Ball) -> Ball { _binary(a, b) { arb_add($0, $1, $2, $3) } }
    /// An enclosure of `a − b`.
    @inlinable public static func - (a: Ball, b: Ball) -> Ball { _binary(a, b) { arb_sub($0, $1, $2, $3) } }
    /// An enclosure of `a · b`.
    @inlinable public static func * (a: Ball, b: Ball) -> Ball { _binary(a, b) { arb_mul($0, $1, $2, $3) } }
    /// An enclosure of `a / b`; Arb's indeterminate ball (not finite) when `b` contains zero.
    @inlinable public static func / (a: Ball, b: Ball) -> Ball { _binary(a, b) { arb_div($0, $1, $2, $3) } }
    /// `−a` (exact).
    @inlinable public static prefix func - (a: Ball) -> Ball { _unary(a) { arb_neg($0, $1); _ = $2 } }

    /// `lhs = lhs + rhs`, in place at `lhs`'s precision (or the larger one, with a new value).
    @inlinable public static func += (lhs: inout Ball, rhs: Ball) {
        if lhs.precision >= rhs.precision { lhs.add(rhs) } else { lhs = lhs + rhs }
    }
    /// `lhs = lhs − rhs` (see `+=`).
    @inlinable public static func -= (lhs: inout Ball, rhs: Ball) {
        if lhs.precision >= rhs.precision { lhs.subtract(rhs) } else { lhs = lhs - rhs }
    }
    /// `lhs = lhs · rhs` (see `+=`).
    @inlinable public static func *= (lhs: inout Ball, rhs: Ball) {
        if lhs.precision >= rhs.precision { lhs.multiply(by: rhs) } else { lhs = lhs * rhs }
    }
    /// `lhs = lhs / rhs` (see `+=`).
    @inlinable public static func /= (lhs: inout Ball, rhs: Ball) {
        if lhs.precision >= rhs.precision { lhs.divide(by: rhs) } else { lhs = lhs / rhs }
    }
}
