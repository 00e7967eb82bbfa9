import MultiPrecision

/// In-place arithmetic on numbered slots of a preallocated store: the only interface the Taylor recurrences use.
///
/// Slots are plain indices, so a kernel is `mul(r, a, b)` on three integers and nothing is allocated per
/// operation. Operands may alias (`add(r, r, t)` accumulates), as MPFR allows. Two stores implement it: an MPFR
/// arena (`TaylorMPFRArena`, any precision, several precision levels for tapering) and a `Double` array
/// (`TaylorDoubleStore`, for tests and quick sweeps).
protocol TaylorArithmetic: AnyObject {
    /// The scalar exchanged with the outside (the state and time at the API boundary).
    associatedtype Value

    /// r = 0.
    func setZero(_ r: Int)
    /// r = a, rounded to r's precision.
    func set(_ r: Int, _ a: Int)
    /// r = a + b.
    func add(_ r: Int, _ a: Int, _ b: Int)
    /// r = a − b.
    func subtract(_ r: Int, _ a: Int, _ b: Int)
    /// r = a · b.
    func multiply(_ r: Int, _ a: Int, _ b: Int)
    /// r = a / b.
    func divide(_ r: Int, _ a: Int, _ b: Int)
    /// r = a · n.
    func multiply(_ r: Int, _ a: Int, integer n: Int)
    /// r = a / n.
    func divide(_ r: Int, _ a: Int, integer n: Int)
    /// r = a − n.
    func subtract(_ r: Int, _ a: Int, integer n: Int)
    /// r = −a.
    func negate(_ r: Int, _ a: Int)
    /// r = eᵃ.
    func exp(_ r: Int, _ a: Int)
    /// r = ln a.
    func log(_ r: Int, _ a: Int)
    /// r = √a.
    func sqrt(_ r: Int, _ a: Int)
    /// r = a^b.
    func power(_ r: Int, _ a: Int, _ b: Int)
    /// r = q, correctly rounded.
    func set(_ r: Int, rational q: Rational)
    /// r = value, rounded to r's precision.
    func set(_ r: Int, value: Value)
    /// r = x, rounded to r's precision.
    func set(_ r: Int, double x: Double)
    /// r = 2^e for a real e (rounded; any magnitude the type can hold, also below `Double`'s range for MPFR).
    func set(_ r: Int, powerOfTwo e: Double)
    /// The value of slot a (at a's precision).
    func value(_ a: Int) -> Value
    /// Writes slot a into an existing value (rounded to the value's own precision; no allocation when the value
    /// is uniquely referenced).
    func store(_ a: Int, into value: inout Value)
    /// The sign of a − b: −1, 0 or +1.
    func compare(_ a: Int, _ b: Int) -> Int
    /// log₂|a| as a `Double` without overflow or underflow (−∞ for 0, +∞ for ±∞ and NaN).
    func log2Magnitude(_ a: Int) -> Double
    /// Whether a is a finite number.
    func isFinite(_ a: Int) -> Bool
    /// a rounded to the nearest `Double`; NaN when a is not finite or its magnitude is outside [2^−1000, 2^1000],
    /// where the rounding could overflow or lose it to 0 or a subnormal.
    func double(_ a: Int) -> Double
    /// r ← r ± Σ_{j=low…high} w_j·a_j·b_{k−j} (a Cauchy sum), where a_j is slot `a + t[j]` and b_i is slot
    /// `b + t[i]`; − when `negative`. `tmp` is a scratch slot at r's precision. The default rounds after every
    /// operation (`addCauchySumByRounding`); the MPFR arena rounds once.
    func addCauchySum(_ r: Int, a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int,
                      low: Int, high: Int, weight: TaylorCauchyWeight, negative: Bool, scratch tmp: Int)
    /// r ← r ± Σ_{j=low…k−low} a_j·a_{k−j} (a symmetric Cauchy sum, a_j in slot `a + t[j]`), with scratch slots
    /// `tmp` and `tmp2` at r's precision. The default is `addSymmetricCauchySumByRounding`; the MPFR arena rounds once.
    func addSymmetricCauchySum(_ r: Int, a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                               negative: Bool, scratch tmp: Int, _ tmp2: Int)

    /// Whether the store sums exactly with one rounding (`beginExactSum` … `finishExactSum`); false by default.
    var sumsExactly: Bool { get }
    /// Starts an exact sum with no terms.
    func beginExactSum()
    /// Adds the terms ±w·a_j·b_{k−j}, j = low … high, to the exact sum (− when `negated`; w ≥ 1).
    func appendCauchyTerms(a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int, high: Int,
                           weight: UInt, negated: Bool)
    /// Adds ±w·Σ_{j=low…k−low} a_j·a_{k−j} (a symmetric Cauchy sum) to the exact sum (− when `negated`; w ≥ 1).
    func appendSymmetricCauchyTerms(a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                                    weight: UInt, negated: Bool)
    /// Adds ±w·u to the exact sum (− when `negated`; w ≥ 1).
    func appendExactTerm(_ u: Int, weight: UInt, negated: Bool)
    /// r ← the exact sum rounded once to r's precision.
    /// - Returns: false, with r unchanged, when the sum cannot be formed exactly (the caller then rounds per operation).
    func finishExactSum(into r: Int) -> Bool
}

extension TaylorArithmetic {
    var sumsExactly: Bool { false }
    func beginExactSum() {}
    func appendCauchyTerms(a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int, high: Int,
                           weight: UInt, negated: Bool) {}
    func appendSymmetricCauchyTerms(a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                                    weight: UInt, negated: Bool) {}
    func appendExactTerm(_ u: Int, weight: UInt, negated: Bool) {}
    func finishExactSum(into r: Int) -> Bool { false }
}

extension TaylorArithmetic {
    /// NaN: a store without a `Double` rounding keeps every order out of the `Double` tail.
    func double(_ a: Int) -> Double { .nan }
}
