import CMPFR

/// r ← ∘(r + s·Σᵢ wᵢ·xᵢ·yᵢ) with a single rounding (∘: round to nearest, at r's precision), for MPFR operands.
///
/// Every product xᵢyᵢ of two MPFR significands is exact in GMP (`mpn_mul`), scaled by its integer weight wᵢ
/// (`mpn_mul_1`), shifted to a common binary point and added into one of two fixed-point accumulators (one for
/// positive terms, one for negative ones, `mpn_add_n`); r's own value is the first addend. The difference of the two
/// accumulators is the exact sum, which `mpfr_set_z_2exp` rounds once. So the result is the correctly rounded sum,
/// the value MPFR's `mpfr_dot` returns, whereas a loop of `mpfr_mul` and `mpfr_add` rounds twice per term.
///
/// The accumulators span the bits from the lowest significand bit of any term to the highest one, plus 64 bits for
/// carries. When that span exceeds the capacity fixed at `init` (terms whose magnitudes differ by more than about
/// 2⁻²⁰⁰⁰), or when a term is NaN or ±∞, `add` returns false and leaves r untouched, and the caller sums by rounding
/// instead. Nothing is allocated per sum, except when a sum has more terms than any before it.
final class ExactProductSum {
    private var xs: UnsafeMutablePointer<UnsafeMutablePointer<__mpfr_struct>>
    private var ys: UnsafeMutablePointer<UnsafeMutablePointer<__mpfr_struct>>
    private var weights: UnsafeMutablePointer<UInt>
    private var termCapacity: Int
    /// The number of terms appended since the last `reset`.
    private(set) var count = 0

    /// Limbs of each accumulator.
    private let limbCapacity: Int
    private let positive: UnsafeMutablePointer<mp_limb_t>
    private let negative: UnsafeMutablePointer<mp_limb_t>
    /// One exact product (2n + 1 limbs for weight carries) and the same shifted (one more limb).
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
        xs = .allocate(capacity: termCapacity)
        ys = .allocate(capacity: termCapacity)
        weights = .allocate(capacity: termCapacity)
    }

    deinit {
        positive.deallocate()
        negative.deallocate()
        product.deallocate()
        shifted.deallocate()
        xs.deallocate()
        ys.deallocate()
        weights.deallocate()
    }

    /// Forgets the terms.
    @inline(__always) func reset() { count = 0 }

    /// Appends the term w·x·y (w ≥ 1; x and y must stay valid until `add`).
    @inline(__always)
    func append(_ x: UnsafeMutablePointer<__mpfr_struct>, _ y: UnsafeMutablePointer<__mpfr_struct>, weight: UInt = 1) {
        if count == termCapacity { grow() }
        xs[count] = x
        ys[count] = y
        weights[count] = weight
        count += 1
    }

    private func grow() {
        let capacity = 2 * termCapacity
        let newXs = UnsafeMutablePointer<UnsafeMutablePointer<__mpfr_struct>>.allocate(capacity: capacity)
        let newYs = UnsafeMutablePointer<UnsafeMutablePointer<__mpfr_struct>>.allocate(capacity: capacity)
        let newWeights = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
        newXs.moveInitialize(from: xs, count: count)
        newYs.moveInitialize(from: ys, count: count)
        newWeights.moveInitialize(from: weights, count: count)
        xs.deallocate()
        ys.deallocate()
        weights.deallocate()
        xs = newXs
        ys = newYs
        weights = newWeights
        termCapacity = capacity
    }

    /// The number of limbs of an MPFR significand.
    @inline(__always) private static func limbs(_ x: UnsafeMutablePointer<__mpfr_struct>) -> Int {
        (Int(x.pointee._mpfr_prec) + 63) >> 6
    }

    /// r ← ∘(r + s·Σ wᵢxᵢyᵢ), s = −1 when `subtracting`, rounded once to nearest at r's precision.
    /// - Returns: false, with r unchanged, when r or a term is NaN or ±∞, an operand is wider than the
    ///   accumulator's `maximumPrecision`, or the terms' magnitudes span more than its capacity.
    func add(into r: UnsafeMutablePointer<__mpfr_struct>, subtracting: Bool) -> Bool {
        // Pass 1: the lowest and highest significand bit of every nonzero addend, as powers of 2.
        // x = m·2^(e − 64n) with the n-limb integer m in [2^(64n−1), 2^(64n)).
        var lowest = Int.max, highest = Int.min
        let rIsRegular = cmpfr_regular_p(r) != 0
        if rIsRegular {
            let n = Self.limbs(r)
            if n > maximumLimbs { return false }
            let e = Int(r.pointee._mpfr_exp)
            lowest = e - 64 * n
            highest = e
        } else if cmpfr_zero_p(r) == 0 {
            return false
        }
        for i in 0..<count {
            let x = xs[i], y = ys[i]
            if cmpfr_regular_p(x) == 0 || cmpfr_regular_p(y) == 0 {
                if cmpfr_zero_p(x) != 0 && cmpfr_zero_p(y) != 0 { continue }
                if cmpfr_zero_p(x) != 0 && cmpfr_regular_p(y) != 0 { continue }
                if cmpfr_zero_p(y) != 0 && cmpfr_regular_p(x) != 0 { continue }
                return false
            }
            let nx = Self.limbs(x), ny = Self.limbs(y)
            if nx > maximumLimbs || ny > maximumLimbs { return false }
            let e = Int(x.pointee._mpfr_exp) + Int(y.pointee._mpfr_exp)
            lowest = min(lowest, e - 64 * (nx + ny))
            highest = max(highest, e + (UInt.bitWidth - weights[i].leadingZeroBitCount))
        }
        if lowest == Int.max { return true }  // r = ±0 and every term is 0: r stays.
        // The span plus 64 bits of carry room (at most 2⁶⁴ addends).
        let width = (highest - lowest + 64 + 63) >> 6 + 1
        if width > limbCapacity { return false }
        positive.update(repeating: 0, count: width)
        negative.update(repeating: 0, count: width)

        // Pass 2: every addend into its accumulator.
        if rIsRegular {
            let n = Self.limbs(r)
            let into = (r.pointee._mpfr_sign > 0) ? positive : negative
            accumulate(r.pointee._mpfr_d, limbs: n, lowestBit: Int(r.pointee._mpfr_exp) - 64 * n - lowest, into: into)
        }
        for i in 0..<count {
            let x = xs[i], y = ys[i]
            if cmpfr_zero_p(x) != 0 || cmpfr_zero_p(y) != 0 { continue }
            var nx = Self.limbs(x), ny = Self.limbs(y)
            var xd = x.pointee._mpfr_d!, yd = y.pointee._mpfr_d!
            if nx < ny { swap(&nx, &ny); swap(&xd, &yd) }
            if nx == ny { __gmpn_mul_n(product, xd, yd, nx) } else { _ = __gmpn_mul(product, xd, nx, yd, ny) }
            var length = nx + ny
            let weight = weights[i]
            if weight != 1 {
                product[length] = __gmpn_mul_1(product, product, length, mp_limb_t(weight))
                length += 1
            }
            let isNegative = (x.pointee._mpfr_sign > 0) != (y.pointee._mpfr_sign > 0)
            let into = isNegative != subtracting ? negative : positive
            let e = Int(x.pointee._mpfr_exp) + Int(y.pointee._mpfr_exp)
            accumulate(product, limbs: length, lowestBit: e - 64 * (nx + ny) - lowest, into: into)
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

    /// accumulator += m·2^offset for the `limbs`-limb integer m at `source` (offset ≥ 0, in bits).
    @inline(__always)
    private func accumulate(_ source: UnsafePointer<mp_limb_t>, limbs: Int, lowestBit offset: Int,
                            into accumulator: UnsafeMutablePointer<mp_limb_t>) {
        let limbOffset = offset >> 6, bitShift = offset & 63
        var addend = source, length = limbs
        if bitShift != 0 {
            shifted[limbs] = __gmpn_lshift(shifted, source, limbs, UInt32(bitShift))
            addend = UnsafePointer(shifted)
            length += 1
        }
        let destination = accumulator + limbOffset
        var carry = __gmpn_add_n(destination, destination, addend, length)
        var i = length
        while carry != 0 {
            destination[i] &+= 1
            carry = destination[i] == 0 ? 1 : 0
            i += 1
        }
    }
}
