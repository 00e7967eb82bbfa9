import CMPFR

/// eˣ − 1 and ln(1 + x) of small arguments by their Taylor series, rounded once to the destination.
///
/// For |x| < 2^−E (E ≥ 2) both functions are x·P(x) with a power series P whose terms fall at least 2^E times per
/// order:
///
///     eˣ − 1 = x·Σ_{k≥0} xᵏ/(k+1)!,        ln(1 + x) = x·Σ_{k≥0} (−x)ᵏ/(k+1).
///
/// `P` is cut after m = ⌈(w + 4)/E⌉ terms and evaluated by Horner's rule with `mpfr_fma` at w = `precision` + 64
/// bits, which is at least p + 64 for a destination of p ≤ `precision` bits; then r ← ∘_p(x·P̃) rounds once to
/// nearest; the bounds below need only w ≥ p + 64. The truncation is below
/// 2·|x|ᵐ < 2^−(w+3) relative to P, and P has no cancellation (|x·t_{k+1}| ≤ |c_k|/3 at every Horner step), so
/// P̃ = P(1 + δ) with |δ| < 6·2^−w. The result is therefore the rounding of a value within 2^−(p+61) of f(x),
/// relatively: at most 2^−61 ulp beyond the correctly rounded value, and equal to it (what `mpfr_expm1` and
/// `mpfr_log1p` return) unless f(x) lies that close to a rounding boundary.
///
/// Near x = 0 these MPFR functions work at p + E bits plus guard bits to absorb the cancellation in eˣ − 1, so the
/// series, with m ≤ `maximumTerms` fused multiply-adds, is several times cheaper. Other arguments (|x| ≥ 2^−E for
/// the smallest E that keeps m ≤ `maximumTerms`, NaN, ±∞), and destinations wider than `precision`, go to MPFR.
/// Zero is returned as it is (e^±0 − 1 = ln(1 ± 0) = ±0). Nothing is allocated after `init`.
public final class SmallArgumentSeries {
    /// The widest destination precision in bits; the series runs at `precision` + 64 bits for every destination.
    public let precision: Int
    /// The most terms of P the series evaluates before it leaves the argument to MPFR.
    public let maximumTerms: Int
    /// 1/(k+1)! and (−1)ᵏ/(k+1), k = 0 … maximumTerms − 1, each rounded once at p + 64 bits, then the Horner value.
    private let values: UnsafeMutablePointer<__mpfr_struct>

    /// The largest number of terms whose coefficients `init` can round once: 1/(k+1)! needs (k+1)! in a `UInt`.
    public static let termLimit = 19

    /// Series for destinations of at most `precision` bits, with at most `maximumTerms` (2 … 19) terms.
    public init(precision: Int, maximumTerms: Int = 16) {
        self.precision = precision
        self.maximumTerms = Swift.min(Swift.max(maximumTerms, 2), Self.termLimit)
        let count = 2 * self.maximumTerms + 1
        values = .allocate(capacity: count)
        for i in 0..<count { mpfr_init2(values + i, precision + 64) }
        var factorial: UInt = 1
        for k in 0..<self.maximumTerms {
            factorial *= UInt(k + 1)
            // 1 and ±1 are exact, so each coefficient is rounded once, by the division.
            _ = mpfr_set_ui(values + k, 1, MPFR_RNDN)
            _ = mpfr_div_ui(values + k, values + k, factorial, MPFR_RNDN)
            _ = mpfr_set_si(values + self.maximumTerms + k, k % 2 == 0 ? 1 : -1, MPFR_RNDN)
            _ = mpfr_div_si(values + self.maximumTerms + k, values + self.maximumTerms + k, k + 1, MPFR_RNDN)
        }
    }

    deinit {
        for i in 0..<(2 * maximumTerms + 1) { mpfr_clear(values + i) }
        values.deallocate()
    }

    /// r ← eˣ − 1, rounded to nearest at r's precision (r may be x).
    public func expMinusOne(_ r: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafePointer<__mpfr_struct>) {
        if !series(r, x, coefficients: coefficients(.expMinusOne)) { _ = mpfr_expm1(r, x, MPFR_RNDN) }
    }

    /// r ← ln(1 + x), rounded to nearest at r's precision (r may be x).
    public func logOnePlus(_ r: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafePointer<__mpfr_struct>) {
        if !series(r, x, coefficients: coefficients(.logOnePlus)) { _ = mpfr_log1p(r, x, MPFR_RNDN) }
    }

    /// The two functions.
    enum Function { case expMinusOne, logOnePlus }

    /// The coefficients c_0 … c_{maximumTerms−1} of P for `function`.
    @inline(__always) func coefficients(_ function: Function) -> UnsafeMutablePointer<__mpfr_struct> {
        function == .expMinusOne ? values : values + maximumTerms
    }

    /// The number of terms m of P the series takes for a nonzero finite x and a destination of
    /// `destinationPrecision` bits; nil when x goes to MPFR (|x| too large for `maximumTerms` terms, x zero, NaN or
    /// ±∞, or a destination wider than `precision`).
    @inline(__always)
    public func seriesTerms(for x: UnsafePointer<__mpfr_struct>, destinationPrecision: Int) -> Int? {
        guard cmpfr_regular_p(x) != 0, destinationPrecision <= precision else { return nil }
        // |x| < 2^exponent, so |x| < 2^−E with E = −exponent; E·m ≥ w + 4 bounds the truncation.
        let e = -cmpfr_get_exp(x)
        guard e >= 2 else { return nil }
        let terms = (precision + 64 + 4 + e - 1) / e
        return terms <= maximumTerms ? terms : nil
    }

    /// r ← ∘(x·Σ_{k<m} c_k xᵏ) when x is zero or small enough for at most `maximumTerms` terms; false, with r
    /// untouched, otherwise.
    @inline(__always)
    private func series(_ r: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafePointer<__mpfr_struct>,
                        coefficients c: UnsafeMutablePointer<__mpfr_struct>) -> Bool {
        if cmpfr_zero_p(x) != 0 {
            _ = mpfr_set(r, x, MPFR_RNDN)
            return true
        }
        guard let terms = seriesTerms(for: x, destinationPrecision: cmpfr_get_prec(r)) else { return false }
        evaluate(r, x, terms: terms, coefficients: c)
        return true
    }

    /// r ← ∘(x·P̃), P̃ the Horner value of Σ_{k<terms} c_k xᵏ at p + 64 bits (r may be x). Internal so that the
    /// tests can read x·P̃ at p + 64 bits, where a missing term or a lost bit shows.
    @inline(__always)
    func evaluate(_ r: UnsafeMutablePointer<__mpfr_struct>, _ x: UnsafePointer<__mpfr_struct>, terms: Int,
                  coefficients c: UnsafeMutablePointer<__mpfr_struct>) {
        let t = values + 2 * maximumTerms
        _ = mpfr_set(t, c + (terms - 1), MPFR_RNDN)
        var k = terms - 2
        while k >= 0 {
            _ = mpfr_fma(t, t, x, c + k, MPFR_RNDN)
            k -= 1
        }
        _ = mpfr_mul(r, t, x, MPFR_RNDN)
    }
}
