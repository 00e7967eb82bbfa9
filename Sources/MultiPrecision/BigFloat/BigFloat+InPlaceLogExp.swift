import CMPFR

extension BigFloat {
    /// `self ← eᵃ − 1` (`mpfr_expm1`), at `self`'s precision. Allocates nothing in Swift when uniquely referenced.
    @inlinable public mutating func formExpMinusOne(_ a: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeMPFRPointer { x in _ = mpfr_expm1(r, x, MPFR_RNDN) } }
    }

    /// `self ← ln(1 + a)` (`mpfr_log1p`), at `self`'s precision. Allocates nothing in Swift when uniquely referenced.
    @inlinable public mutating func formLogOnePlus(_ a: BigFloat) {
        _makeUniqueDiscardingValue()
        storage.withUnsafeMutablePointerToHeader { r in a.withUnsafeMPFRPointer { x in _ = mpfr_log1p(r, x, MPFR_RNDN) } }
    }
}
