import CMPFR

/// r ← ∘(r + s·Σᵢ wᵢ·xᵢ·yᵢ) with a single rounding (∘: round to nearest, at r's precision), for MPFR operands.
/// A term may also be a single factor ±wᵢ·xᵢ, and each term carries its own sign.
///
/// Every product xᵢyᵢ of two MPFR significands is exact in GMP (`mpn_mul`; for two significands of 2, 3 or 4 limbs
/// each, the same schoolbook product inlined by `ShortLimbKernels`). Scaled by its integer weight wᵢ and shifted to
/// a common binary point (one `mpn_addmul_1` by wᵢ·2^shift does both, inlined for 2, 4, 6 or 8 limbs), it is added
/// into one of two fixed-point accumulators (one for positive terms, one for negative ones); r's own value is the
/// first addend. The difference of the two accumulators is the exact sum, which `mpfr_set_z_2exp` rounds once. So the
/// result is the correctly rounded sum, the value MPFR's `mpfr_dot` returns, whereas a loop of `mpfr_mul` and
/// `mpfr_add` rounds twice per term.
///
/// The accumulators span the bits from the lowest significand bit of any term to the highest one, plus 64 bits for
/// carries. When that span exceeds the capacity fixed at `init` (terms whose magnitudes differ by more than about
/// 2⁻²⁰⁰⁰), or when a term is NaN or ±∞, `add` returns false and leaves r untouched, and the caller sums by rounding
/// instead. `append` reads each term's header once (zero terms are dropped there); `add` then touches only the
/// significands. Nothing is allocated per sum, except when a sum has more terms than any before it.
final class ExactProductSum {
    /// A nonzero term: the significands, their limb counts, the sign, the odd part of the weight, and the power of 2
    /// of the lowest bit of the product xy times the weight's power of 2.
    private struct Term {
        var x: UnsafeMutablePointer<mp_limb_t>, y: UnsafeMutablePointer<mp_limb_t>
        var xLimbs: Int, yLimbs: Int
        var weight: UInt
        var lowestBit: Int
        var isNegative: Bool
    }

    private var terms: UnsafeMutablePointer<Term>
    private var termCapacity: Int
    /// The number of nonzero terms appended since the last `reset`.
    private(set) var count = 0
    /// Whether a NaN, an infinity or an operand wider than `maximumLimbs` was appended since the last `reset`.
    private var isRefused = false
    /// The lowest and highest bit positions (powers of 2) of the nonzero terms appended since the last `reset`.
    private var lowest = Int.max, highest = Int.min

    /// Limbs of each accumulator.
    private let limbCapacity: Int
    private let positive: UnsafeMutablePointer<mp_limb_t>
    private let negative: UnsafeMutablePointer<mp_limb_t>
    /// One exact product (2n + 1 limbs with a weight's carry) and the same shifted (one more limb).
    private let product: UnsafeMutablePointer<mp_limb_t>
    private let shifted: UnsafeMutablePointer<mp_limb_t>
    private let maximumLimbs: Int

    /// An accumulator for operands of at most `maximumPrecision` bits.
    /// - Parameter spanLimbs: limbs allowed between the lowest and highest significand bit of the terms beyond the
    ///   width of one product (32: about 2000 bits).
    init(maximumPrecision: Int, spanLimbs: Int = 32) {
        maximumLimbs = max(1, (maximumPrecision + 63) / 64)
        limbCapacity = 2 * maximumLimbs + spanLimbs + 4
        positive = .allocate(capacity: limbCapacity)
        negative = .allocate(capacity: limbCapacity)
        product = .allocate(capacity: 2 * maximumLimbs + 2)
        shifted = .allocate(capacity: 2 * maximumLimbs + 3)
        termCapacity = 64
        terms = .allocate(capacity: termCapacity)
    }

    deinit {
        positive.deallocate()
        negative.deallocate()
        product.deallocate()
        shifted.deallocate()
        terms.deallocate()
    }

    /// Forgets the terms.
    @inline(__always) func reset() {
        count = 0
        isRefused = false
        lowest = Int.max
        highest = Int.min
    }

    /// Appends the term ±w·x·y (w ≥ 1, − when `negated`; x and y must not change until `add`). A zero term is
    /// dropped.
    @inline(__always)
    func append(_ x: UnsafeMutablePointer<__mpfr_struct>, _ y: UnsafeMutablePointer<__mpfr_struct>, weight: UInt = 1,
                negated: Bool = false) {
        appendProducts(0...0, negated: negated) { _ in (x, y, weight) }
    }

    /// Appends the terms ±w_j·x_j·y_j for (x_j, y_j, w_j) = `term(j)`, j ∈ `indices` (w_j = 0 drops the term, as
    /// does a zero factor; − when `negated`; the operands must not change until `add`). The span and the count
    /// live in locals across the loop, and the term buffer grows once, before it.
    @inline(__always)
    func appendProducts(
        _ indices: ClosedRange<Int>, negated: Bool,
        _ term: (Int) -> (UnsafeMutablePointer<__mpfr_struct>, UnsafeMutablePointer<__mpfr_struct>, UInt)
    ) {
        if count &+ indices.count > termCapacity { grow(to: count &+ indices.count) }
        var count = self.count, lowest = self.lowest, highest = self.highest
        let terms = self.terms, maximumLimbs = self.maximumLimbs
        for j in indices {
            let (x, y, weight) = term(j)
            if weight == 0 { continue }
            if cmpfr_regular_p(x) == 0 || cmpfr_regular_p(y) == 0 {
                // 0·finite is 0; anything with NaN or ±∞ (0·∞ included) is refused.
                if cmpfr_nan_p(x) != 0 || cmpfr_nan_p(y) != 0 || cmpfr_inf_p(x) != 0 || cmpfr_inf_p(y) != 0 {
                    isRefused = true
                }
                continue
            }
            // x = m·2^(e − 64n) with the n-limb integer m in [2^(64n−1), 2^(64n)).
            let xLimbs = (Int(x.pointee._mpfr_prec) &+ 63) >> 6, yLimbs = (Int(y.pointee._mpfr_prec) &+ 63) >> 6
            if xLimbs > maximumLimbs || yLimbs > maximumLimbs {
                isRefused = true
                continue
            }
            terms[count] = Self.term(
                x: x.pointee._mpfr_d, y: y.pointee._mpfr_d, xLimbs: xLimbs, yLimbs: yLimbs,
                exponent: Int(x.pointee._mpfr_exp) &+ Int(y.pointee._mpfr_exp), weight: weight,
                isNegative: ((x.pointee._mpfr_sign > 0) != (y.pointee._mpfr_sign > 0)) != negated,
                lowest: &lowest, highest: &highest)
            count &+= 1
        }
        self.count = count
        self.lowest = lowest
        self.highest = highest
    }

    /// Appends the term ±w·x (w ≥ 1, − when `negated`; x must not change until `add`). A zero term is dropped.
    @inline(__always)
    func append(_ x: UnsafeMutablePointer<__mpfr_struct>, weight: UInt = 1, negated: Bool = false) {
        if cmpfr_regular_p(x) == 0 {
            if cmpfr_nan_p(x) != 0 || cmpfr_inf_p(x) != 0 { isRefused = true }
            return
        }
        let xLimbs = (Int(x.pointee._mpfr_prec) &+ 63) >> 6
        if xLimbs > maximumLimbs {
            isRefused = true
            return
        }
        if count == termCapacity { grow(to: count &+ 1) }
        // yLimbs = 0 marks a single factor.
        terms[count] = Self.term(x: x.pointee._mpfr_d, y: x.pointee._mpfr_d, xLimbs: xLimbs, yLimbs: 0,
                                 exponent: Int(x.pointee._mpfr_exp), weight: weight,
                                 isNegative: (x.pointee._mpfr_sign < 0) != negated, lowest: &lowest, highest: &highest)
        count &+= 1
    }

    /// The nonzero term whose significands (`xLimbs + yLimbs` limbs in all) have the value
    /// m·2^(exponent − 64·(xLimbs + yLimbs)), with the span of the sum widened to it. A weight 2^s·w′ (w′ odd) is
    /// stored as w′ with s bits more of shift.
    @inline(__always)
    private static func term(x: UnsafeMutablePointer<mp_limb_t>, y: UnsafeMutablePointer<mp_limb_t>, xLimbs: Int,
                             yLimbs: Int, exponent: Int, weight: UInt, isNegative: Bool, lowest: inout Int,
                             highest: inout Int) -> Term {
        let twos = weight.trailingZeroBitCount
        let e = exponent &+ twos
        let lowestBit = e &- 64 &* (xLimbs &+ yLimbs)
        let oddWeight = weight >> twos
        lowest = Swift.min(lowest, lowestBit)
        highest = Swift.max(highest, e &+ (UInt.bitWidth &- oddWeight.leadingZeroBitCount))
        return Term(x: x, y: y, xLimbs: xLimbs, yLimbs: yLimbs, weight: oddWeight, lowestBit: lowestBit,
                    isNegative: isNegative)
    }

    /// Room for at least `needed` terms.
    private func grow(to needed: Int) {
        let capacity = Swift.max(2 * termCapacity, needed)
        let newTerms = UnsafeMutablePointer<Term>.allocate(capacity: capacity)
        newTerms.moveInitialize(from: terms, count: count)
        terms.deallocate()
        terms = newTerms
        termCapacity = capacity
    }

    /// r ← ∘(r + s·Σ wᵢxᵢyᵢ), s = −1 when `subtracting`, rounded once to nearest at r's precision; with
    /// `replacing`, r ← ∘(s·Σ wᵢxᵢyᵢ) (r's value is not read).
    /// - Returns: false, with r unchanged, when r or a term is NaN or ±∞, an operand is wider than the
    ///   accumulator's `maximumPrecision`, or the terms' magnitudes span more than its capacity.
    func add(into r: UnsafeMutablePointer<__mpfr_struct>, subtracting: Bool, replacing: Bool = false) -> Bool {
        if isRefused { return false }
        var lowest = self.lowest, highest = self.highest
        if replacing && count == 0 {
            mpfr_set_zero(r, 1)
            return true
        }
        let rIsRegular = !replacing && cmpfr_regular_p(r) != 0
        let rLimbs = (Int(r.pointee._mpfr_prec) &+ 63) >> 6
        if rIsRegular {
            if rLimbs > maximumLimbs { return false }
            let e = Int(r.pointee._mpfr_exp)
            lowest = Swift.min(lowest, e &- 64 &* rLimbs)
            highest = Swift.max(highest, e)
        } else if !replacing && cmpfr_zero_p(r) == 0 {
            return false
        }
        if count == 0 { return true }  // r + 0 = r (and ±0 stays).
        // The span plus 64 bits of carry room (at most 2⁶⁴ addends).
        let width = (highest &- lowest &+ 64 &+ 63) >> 6 &+ 1
        if width > limbCapacity { return false }
        positive.update(repeating: 0, count: width)
        negative.update(repeating: 0, count: width)

        if rIsRegular {
            accumulate(r.pointee._mpfr_d, limbs: rLimbs, weight: 1,
                       lowestBit: Int(r.pointee._mpfr_exp) &- 64 &* rLimbs &- lowest,
                       into: r.pointee._mpfr_sign > 0 ? positive : negative)
        }
        for i in 0..<count {
            let term = terms[i]
            let length = term.xLimbs &+ term.yLimbs
            // The term's integer: a single factor's significand as it is, or the exact product in `product`.
            var source = UnsafePointer(product)
            if term.yLimbs == 0 {
                source = UnsafePointer(term.x)
            } else {
                Self.multiply(product, term.x, term.xLimbs, term.y, term.yLimbs)
            }
            accumulate(source, limbs: length, weight: term.weight, lowestBit: term.lowestBit &- lowest,
                       into: term.isNegative != subtracting ? negative : positive)
        }

        // The exact sum (positive − negative)·2^lowest, rounded once.
        let order = __gmpn_cmp(positive, negative, width)
        if order == 0 {
            mpfr_set_zero(r, 1)
            return true
        }
        let magnitude = order > 0 ? positive : negative
        _ = __gmpn_sub_n(magnitude, magnitude, order > 0 ? negative : positive, width)
        var z = __mpz_struct()
        _ = __gmpz_roinit_n(&z, magnitude, order > 0 ? width : -width)
        _ = cmpfr_set_z_2exp(r, &z, lowest, MPFR_RNDN)
        return true
    }

    /// p ← x·y, exact (`xLimbs + yLimbs` limbs), for significands of `xLimbs` and `yLimbs` ≥ 1 limbs. Two equal
    /// lengths of 2 to 4 limbs are multiplied inline with a constant limb count (`ShortLimbKernels`, in optimized
    /// builds), the rest by GMP.
    /// (Inlining unequal lengths and odd `addMultiple` lengths as well made a 256-bit Taylor claim 1.17× slower.)
    @inline(__always)
    private static func multiply(_ p: UnsafeMutablePointer<mp_limb_t>, _ x: UnsafePointer<mp_limb_t>, _ xLimbs: Int,
                                 _ y: UnsafePointer<mp_limb_t>, _ yLimbs: Int) {
        if xLimbs == yLimbs {
            switch ShortLimbKernels.isEnabled ? xLimbs : 0 {
            case 2: ShortLimbKernels.multiply(p, x, limbs: 2, y, limbs: 2)
            case 3: ShortLimbKernels.multiply(p, x, limbs: 3, y, limbs: 3)
            case 4: ShortLimbKernels.multiply(p, x, limbs: 4, y, limbs: 4)
            default: __gmpn_mul_n(p, x, y, xLimbs)
            }
        } else if xLimbs == 1 {
            p[yLimbs] = __gmpn_mul_1(p, y, yLimbs, x[0])
        } else if yLimbs == 1 {
            p[xLimbs] = __gmpn_mul_1(p, x, xLimbs, y[0])
        } else if xLimbs > yLimbs {
            _ = __gmpn_mul(p, x, xLimbs, y, yLimbs)
        } else {
            _ = __gmpn_mul(p, y, yLimbs, x, xLimbs)
        }
    }

    /// accumulator += w·m·2^offset for the `limbs`-limb integer m at `source` (odd w ≥ 1, offset ≥ 0, in bits).
    /// When w·2^(offset mod 64) fits in a limb, one `mpn_addmul_1` by it multiplies, shifts and adds in one pass
    /// (an unshifted m with w = 1 takes `mpn_add_n`); otherwise m is multiplied by w (`mpn_mul_1`), shifted
    /// (`mpn_lshift`) and added. Exact either way.
    @inline(__always)
    private func accumulate(_ source: UnsafePointer<mp_limb_t>, limbs: Int, weight: UInt, lowestBit offset: Int,
                            into accumulator: UnsafeMutablePointer<mp_limb_t>) {
        let limbOffset = offset >> 6, bitShift = offset & 63
        let destination = accumulator + limbOffset
        var carry: mp_limb_t, i: Int
        if bitShift == 0 && weight == 1 {
            carry = __gmpn_add_n(destination, destination, source, limbs)
            i = limbs
        } else if weight.leadingZeroBitCount >= bitShift {
            let multiplier = mp_limb_t(weight << bitShift)
            let high: mp_limb_t
            // Constant limb counts, so that the inlined loop unrolls.
            switch ShortLimbKernels.isEnabled ? limbs : 0 {
            case 2: high = ShortLimbKernels.addMultiple(destination, source, limbs: 2, by: multiplier)
            case 4: high = ShortLimbKernels.addMultiple(destination, source, limbs: 4, by: multiplier)
            case 6: high = ShortLimbKernels.addMultiple(destination, source, limbs: 6, by: multiplier)
            case 8: high = ShortLimbKernels.addMultiple(destination, source, limbs: 8, by: multiplier)
            default: high = __gmpn_addmul_1(destination, source, limbs, multiplier)
            }
            let (sum, overflow) = destination[limbs].addingReportingOverflow(high)
            destination[limbs] = sum
            carry = overflow ? 1 : 0
            i = limbs &+ 1
        } else {
            // w·2^shift is wider than a limb: w·m, then the shift.
            var addend = source, length = limbs
            if weight != 1 {
                product[length] = __gmpn_mul_1(product, source, length, mp_limb_t(weight))
                addend = UnsafePointer(product)
                length &+= 1
            }
            shifted[length] = __gmpn_lshift(shifted, addend, length, UInt32(bitShift))
            carry = __gmpn_add_n(destination, destination, shifted, length &+ 1)
            i = length &+ 1
        }
        while carry != 0 {
            destination[i] &+= 1
            carry = destination[i] == 0 ? 1 : 0
            i &+= 1
        }
    }
}
