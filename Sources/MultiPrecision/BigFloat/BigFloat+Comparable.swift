import CMPFR

/// Comparisons with IEEE 754 semantics: NaN is unordered, so every comparison with NaN is `false` except `!=`;
/// and −0 == +0. Values of different precisions compare by their exact values.
extension BigFloat: Comparable {
    /// Whether `a` and `b` are the same number (NaN ≠ NaN, −0 == +0).
    @inlinable public static func == (a: BigFloat, b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { x in b.withUnsafeMPFRPointer { y in mpfr_equal_p(x, y) != 0 } }
    }
    /// Whether `a < b` (false when either is NaN).
    @inlinable public static func < (a: BigFloat, b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { x in b.withUnsafeMPFRPointer { y in mpfr_less_p(x, y) != 0 } }
    }
    /// Whether `a ≤ b` (false when either is NaN).
    @inlinable public static func <= (a: BigFloat, b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { x in b.withUnsafeMPFRPointer { y in mpfr_lessequal_p(x, y) != 0 } }
    }
    /// Whether `a > b` (false when either is NaN).
    @inlinable public static func > (a: BigFloat, b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { x in b.withUnsafeMPFRPointer { y in mpfr_greater_p(x, y) != 0 } }
    }
    /// Whether `a ≥ b` (false when either is NaN).
    @inlinable public static func >= (a: BigFloat, b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { x in b.withUnsafeMPFRPointer { y in mpfr_greaterequal_p(x, y) != 0 } }
    }

    /// Whether `a` and `b` are unordered (at least one is NaN).
    @inlinable public static func isUnordered(_ a: BigFloat, _ b: BigFloat) -> Bool {
        a.withUnsafeMPFRPointer { x in b.withUnsafeMPFRPointer { y in mpfr_unordered_p(x, y) != 0 } }
    }

    /// Compares with an `Int` exactly: −1, 0 or +1 (and 0 when `self` is NaN; check `isNaN` first).
    @inlinable public func compare(to n: Int) -> Int {
        withUnsafeMPFRPointer { Int(mpfr_cmp_si($0, n).signum()) }
    }
}
