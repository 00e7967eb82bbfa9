import CMPFR
import Foundation
import MultiPrecision

/// `TaylorArithmetic` over one preallocated MPFR arena: every slot's `mpfr_t` header lives in one header array and
/// its significand in one limb buffer, set up through MPFR's custom interface (`mpfr_custom_init_set`).
///
/// Slots may have different precisions (the tapering levels); each operation rounds to its destination's
/// precision, as MPFR does. Nothing is allocated after `init`, and `mpfr_clear` is never called: the two
/// buffers are freed together in `deinit`.
final class TaylorMPFRArena: TaylorArithmetic {
    private let headers: UnsafeMutablePointer<__mpfr_struct>
    private let limbs: UnsafeMutablePointer<mp_limb_t>
    /// The number of slots.
    let count: Int
    /// Sums Cauchy products exactly, with one rounding.
    private let exactSum: ExactProductSum

    /// An arena with one slot per entry of `precisions` (bits), all +0.
    init(precisions: [Int]) {
        count = precisions.count
        let limbBytes = MemoryLayout<mp_limb_t>.size
        let limbCounts = precisions.map { (Int(cmpfr_custom_get_size($0)) + limbBytes - 1) / limbBytes }
        let totalLimbs = limbCounts.reduce(0, +)
        headers = .allocate(capacity: max(count, 1))
        limbs = .allocate(capacity: max(totalLimbs, 1))
        limbs.initialize(repeating: 0, count: max(totalLimbs, 1))
        exactSum = ExactProductSum(maximumPrecision: precisions.max() ?? 64)
        var offset = 0
        for (slot, precision) in precisions.enumerated() {
            let significand = UnsafeMutableRawPointer(limbs + offset)
            cmpfr_custom_init(significand, precision)
            (headers + slot).initialize(to: __mpfr_struct())
            cmpfr_custom_init_set_zero(headers + slot, precision, significand)
            offset += limbCounts[slot]
        }
    }

    deinit {
        headers.deallocate()
        limbs.deallocate()
    }

    /// The `mpfr_t` of slot `a` (valid for the arena's lifetime).
    @inline(__always) func pointer(_ a: Int) -> UnsafeMutablePointer<__mpfr_struct> { headers + a }

    /// The precision of slot `a` in bits.
    func precision(_ a: Int) -> Int { cmpfr_get_prec(headers + a) }

    @inline(__always) func setZero(_ r: Int) { mpfr_set_zero(headers + r, 1) }
    @inline(__always) func set(_ r: Int, _ a: Int) { mpfr_set(headers + r, headers + a, MPFR_RNDN) }
    @inline(__always) func add(_ r: Int, _ a: Int, _ b: Int) { mpfr_add(headers + r, headers + a, headers + b, MPFR_RNDN) }
    @inline(__always) func subtract(_ r: Int, _ a: Int, _ b: Int) {
        mpfr_sub(headers + r, headers + a, headers + b, MPFR_RNDN)
    }
    @inline(__always) func multiply(_ r: Int, _ a: Int, _ b: Int) {
        mpfr_mul(headers + r, headers + a, headers + b, MPFR_RNDN)
    }
    @inline(__always) func divide(_ r: Int, _ a: Int, _ b: Int) { mpfr_div(headers + r, headers + a, headers + b, MPFR_RNDN) }
    @inline(__always) func multiply(_ r: Int, _ a: Int, integer n: Int) { mpfr_mul_si(headers + r, headers + a, n, MPFR_RNDN) }
    @inline(__always) func divide(_ r: Int, _ a: Int, integer n: Int) { mpfr_div_si(headers + r, headers + a, n, MPFR_RNDN) }
    @inline(__always) func subtract(_ r: Int, _ a: Int, integer n: Int) { mpfr_sub_si(headers + r, headers + a, n, MPFR_RNDN) }
    @inline(__always) func negate(_ r: Int, _ a: Int) { mpfr_neg(headers + r, headers + a, MPFR_RNDN) }
    func exp(_ r: Int, _ a: Int) { mpfr_exp(headers + r, headers + a, MPFR_RNDN) }
    func log(_ r: Int, _ a: Int) { mpfr_log(headers + r, headers + a, MPFR_RNDN) }
    func sqrt(_ r: Int, _ a: Int) { mpfr_sqrt(headers + r, headers + a, MPFR_RNDN) }
    func power(_ r: Int, _ a: Int, _ b: Int) { mpfr_pow(headers + r, headers + a, headers + b, MPFR_RNDN) }
    func set(_ r: Int, rational q: Rational) { q.withUnsafeMPQPointer { _ = cmpfr_set_q(headers + r, $0, MPFR_RNDN) } }
    func set(_ r: Int, value: BigFloat) { value.withUnsafeMPFRPointer { _ = mpfr_set(headers + r, $0, MPFR_RNDN) } }
    func set(_ r: Int, double x: Double) { mpfr_set_d(headers + r, x, MPFR_RNDN) }
    func set(_ r: Int, powerOfTwo e: Double) {
        guard e.isFinite else {
            if e > 0 { mpfr_set_inf(headers + r, 1) } else { mpfr_set_zero(headers + r, 1) }
            return
        }
        let whole = e.rounded(.down)
        mpfr_set_d(headers + r, Foundation.exp2(e - whole), MPFR_RNDN)
        mpfr_mul_2si(headers + r, headers + r, Int(whole), MPFR_RNDN)
    }
    func store(_ a: Int, into value: inout BigFloat) {
        value.withUnsafeMutableMPFRPointer { _ = mpfr_set($0, headers + a, MPFR_RNDN) }
    }
    /// The Cauchy sum summed exactly in GMP and rounded once (`ExactProductSum`): the correctly rounded
    /// r ± Σ w_j a_j b_{k−j}. Falls back to rounding after every operation when the exact sum does not apply.
    func addCauchySum(_ r: Int, a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int,
                      low: Int, high: Int, weight: TaylorCauchyWeight, negative: Bool, scratch tmp: Int) {
        guard low <= high else { return }
        exactSum.reset()
        appendCauchyTerms(a: a, b: b, offsets: t, order: k, low: low, high: high, weight: weight, factor: 1,
                          negated: false)
        if exactSum.add(into: headers + r, subtracting: negative) { return }
        addCauchySumByRounding(r, a: a, b: b, offsets: t, order: k, low: low, high: high, weight: weight,
                               negative: negative, scratch: tmp)
    }

    /// The symmetric Cauchy sum summed exactly and rounded once: each pair j < k − j is one term of weight 2.
    func addSymmetricCauchySum(_ r: Int, a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                               negative: Bool, scratch tmp: Int, _ tmp2: Int) {
        guard low <= k - low else { return }
        exactSum.reset()
        appendSymmetricCauchyTerms(a: a, offsets: t, order: k, low: low, weight: 1, negated: false)
        if exactSum.add(into: headers + r, subtracting: negative) { return }
        addSymmetricCauchySumByRounding(r, a: a, offsets: t, order: k, low: low, negative: negative,
                                        scratch: tmp, tmp2)
    }

    var sumsExactly: Bool { true }
    @inline(__always) func beginExactSum() { exactSum.reset() }
    @inline(__always)
    func appendCauchyTerms(a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int, high: Int,
                           weight: UInt, negated: Bool) {
        appendCauchyTerms(a: a, b: b, offsets: t, order: k, low: low, high: high, weight: .one, factor: weight,
                          negated: negated)
    }
    /// Appends ±f·w_j·a_j·b_{k−j}, j = low … high, to the exact sum (f = `factor`; a term of weight 0 is dropped).
    @inline(__always)
    private func appendCauchyTerms(a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                                   high: Int, weight: TaylorCauchyWeight, factor: UInt, negated: Bool) {
        guard low <= high else { return }
        let headers = headers
        exactSum.appendProducts(low...high, negated: negated) { j in
            (headers + a + t[j], headers + b + t[k - j], weight == .index ? factor * UInt(j) : factor)
        }
    }
    @inline(__always)
    func appendSymmetricCauchyTerms(a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                                    weight: UInt, negated: Bool) {
        // The pairs j < k − j, j ≥ low.
        if k >= 1 && low <= (k - 1) / 2 {
            let headers = headers
            exactSum.appendProducts(low...((k - 1) / 2), negated: negated) { j in
                (headers + a + t[j], headers + a + t[k - j], 2 * weight)
            }
        }
        if k % 2 == 0 && k / 2 >= low {
            exactSum.append(headers + a + t[k / 2], headers + a + t[k / 2], weight: weight, negated: negated)
        }
    }
    @inline(__always) func appendExactTerm(_ u: Int, weight: UInt, negated: Bool) {
        exactSum.append(headers + u, weight: weight, negated: negated)
    }
    @inline(__always) func finishExactSum(into r: Int) -> Bool {
        exactSum.add(into: headers + r, subtracting: false, replacing: true)
    }

    func compare(_ a: Int, _ b: Int) -> Int { Int(mpfr_cmp(headers + a, headers + b).signum()) }
    func value(_ a: Int) -> BigFloat {
        var result = BigFloat(precision: precision(a))
        result.withUnsafeMutableMPFRPointer { _ = mpfr_set($0, headers + a, MPFR_RNDN) }
        return result
    }
    @inline(__always) func log2Magnitude(_ a: Int) -> Double { _log2Magnitude(headers + a) }
    @inline(__always) func isFinite(_ a: Int) -> Bool {
        let x = headers + a
        return cmpfr_nan_p(x) == 0 && cmpfr_inf_p(x) == 0
    }
    @inline(__always) func double(_ a: Int) -> Double {
        let x = headers + a
        if cmpfr_zero_p(x) != 0 { return 0 }
        if cmpfr_nan_p(x) != 0 || cmpfr_inf_p(x) != 0 { return .nan }
        // |x| ∈ [2^(e−1), 2^e).
        let e = cmpfr_get_exp(x)
        guard e > -1000, e <= 1000 else { return .nan }
        return mpfr_get_d(x, MPFR_RNDN)
    }
}

/// log₂|x| of an MPFR number as a `Double`, through `mpfr_get_d_2exp` so that no magnitude overflows or underflows
/// (−∞ for 0, +∞ for ±∞ and NaN).
@inline(__always)
func _log2Magnitude(_ x: UnsafePointer<__mpfr_struct>) -> Double {
    if cmpfr_zero_p(x) != 0 { return -.infinity }
    if cmpfr_nan_p(x) != 0 || cmpfr_inf_p(x) != 0 { return .infinity }
    var exponent = 0
    let mantissa = mpfr_get_d_2exp(&exponent, x, MPFR_RNDN)
    return Foundation.log2(Swift.abs(mantissa)) + Double(exponent)
}
