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
