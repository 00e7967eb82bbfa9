// In-place forms of the few elementary functions the matrix-function workspaces need.
//
// `Scalar` has in-place arithmetic (`formSum`, `formProduct`, `*=`, …) but its `sqrt`, `log` and `magnitude` return
// new values, which for `BigFloat` means one allocation each. These helpers run BigFloat's in-place forms
// (`mpfr_sqrt`, `mpfr_log`, `mpfr_abs`, `mpfr_div_si` on the receiver, at the receiver's precision) and the value-returning forms
// for every other scalar; either way the result is the correctly rounded value at the receiver's precision.

import MultiPrecision
import RealModule

extension Scalar {
    /// Runs `body` on this value as a `BigFloat` when `Self` is `BigFloat` (the check folds away when specialized).
    @inlinable
    mutating func _asBigFloat(_ body: (inout BigFloat) -> Void) -> Bool {
        guard Self.self == BigFloat.self else { return false }
        withUnsafeMutablePointer(to: &self) { $0.withMemoryRebound(to: BigFloat.self, capacity: 1) { body(&$0.pointee) } }
        return true
    }

    /// self ← |self|.
    @inlinable
    mutating func _formMagnitude() {
        if _asBigFloat({ $0.formMagnitude() }) { return }
        self = magnitude
    }

    /// self ← √self.
    @inlinable
    mutating func _formSquareRoot() {
        if _asBigFloat({ $0.formSquareRoot() }) { return }
        self = Self.sqrt(self)
    }

    /// self ← log a.
    @inlinable
    mutating func _setLogarithm(_ a: Self) {
        if _asBigFloat({ $0.formLog(unsafeBitCast(a, to: BigFloat.self)) }) { return }
        self = Self.log(a)
    }

    /// self ← self / n for a small positive integer n: the correctly rounded quotient, as dividing by the exact value
    /// n (`mpfr_div_si` for `BigFloat`, several times cheaper than `mpfr_div`).
    @inlinable
    mutating func _divide(byInteger n: Int) {
        if _asBigFloat({ $0.divide(by: n) }) { return }
        self /= Self._integer(n)
    }
}

// Assignments rounded as the value expressions they replace. BigFloat's value-returning arithmetic rounds at the larger
// of the operands' precisions, while the in-place forms round at the receiver's. These run the in-place form when the
// receiver already has the precision the expression would have (for `BigFloat` at one precision throughout: always,
// so nothing is allocated) and assign the expression's value otherwise, so that one routine written with them gives
// exactly the numbers of the value expressions for entries at any mix of precisions. `uniform: true` promises that the
// receiver and every operand are at one precision (then the in-place form is that expression, and the precision
// reads are skipped).
extension Scalar {
    /// self ← a, as `self = a` (a's value and precision).
    @inlinable
    mutating func _assign(_ a: Self, uniform: Bool = false) {
        if uniform || precisionBits == a.precisionBits { set(a) } else { self = a }
    }

    /// self ← a + b, as `self = a + b`.
    @inlinable
    mutating func _assignSum(_ a: Self, _ b: Self, uniform: Bool) {
        if uniform || precisionBits == Swift.max(a.precisionBits, b.precisionBits) { formSum(a, b) } else { self = a + b }
    }

    /// self ← a − b, as `self = a - b`.
    @inlinable
    mutating func _assignDifference(_ a: Self, _ b: Self, uniform: Bool) {
        if uniform || precisionBits == Swift.max(a.precisionBits, b.precisionBits) { formDifference(a, b) } else { self = a - b }
    }

    /// self ← a·b, as `self = a * b`.
    @inlinable
    mutating func _assignProduct(_ a: Self, _ b: Self, uniform: Bool) {
        if uniform || precisionBits == Swift.max(a.precisionBits, b.precisionBits) { formProduct(a, b) } else { self = a * b }
    }

    /// self ← a / b, as `self = a / b`.
    @inlinable
    mutating func _assignQuotient(_ a: Self, _ b: Self, uniform: Bool) {
        if uniform || precisionBits == Swift.max(a.precisionBits, b.precisionBits),
           _asBigFloat({ $0.formQuotient(unsafeBitCast(a, to: BigFloat.self), unsafeBitCast(b, to: BigFloat.self)) }) {
            return
        }
        self = a / b
    }

    /// self ← log a, as `self = Self.log(a)` (at a's precision).
    @inlinable
    mutating func _assignLogarithm(_ a: Self, uniform: Bool) {
        if uniform || precisionBits == a.precisionBits { _setLogarithm(a) } else { self = Self.log(a) }
    }

    /// self ← self / n for a small positive integer n, as `self = self / Self._integer(n)` with that integer made at
    /// `defaultPrecision` bits (the quotient rounded at the larger of the two precisions).
    @inlinable
    mutating func _divideAsValue(byInteger n: Int, defaultPrecision: Int) {
        if precisionBits >= defaultPrecision { _divide(byInteger: n) } else { self = self / Self._integer(n) }
    }
}

extension Matrix where Element: Scalar {
    /// Whether every entry is at `bits` bits of precision: for a workspace at `bits`, what lets a call pass
    /// `uniform: true` (with its result matrix), and what decides whether a result matrix can be written in place.
    func _everyEntry(atPrecision bits: Int) -> Bool {
        for k in 0..<_elements.count where _elements[k].precisionBits != bits { return false }
        return true
    }
}
