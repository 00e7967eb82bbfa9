/// The integer weight of term j in a Cauchy sum Σ_j w_j a_j b_{k−j}.
enum TaylorCauchyWeight {
    /// w_j = 1 (products, quotients, square roots).
    case one
    /// w_j = j (the recurrences of eᵃ and ln a).
    case index
}

extension TaylorArithmetic {
    /// r ← r ± Σ_{j=low…high} w_j·a_j·b_{k−j}, where a_j is slot `a + t[j]` and b_i is slot `b + t[i]`; − when
    /// `negative`. This version rounds after every product and every addition, in the order j = low, …, high.
    /// - Parameter tmp: a scratch slot at r's precision.
    func addCauchySumByRounding(_ r: Int, a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int,
                                low: Int, high: Int, weight: TaylorCauchyWeight, negative: Bool, scratch tmp: Int) {
        guard low <= high else { return }
        for j in low...high {
            multiply(tmp, a + t[j], b + t[k - j])
            if weight == .index { multiply(tmp, tmp, integer: j) }
            if negative { subtract(r, r, tmp) } else { add(r, r, tmp) }
        }
    }

    /// r ← r ± Σ_{j=low…k−low} a_j·a_{k−j}, a symmetric Cauchy sum with a_j in slot `a + t[j]`. This version forms
    /// s = 2·Σ_{low ≤ j < k−j} a_j a_{k−j} + [k even] a_{k/2}² in `tmp2`, rounding after every operation, then r ± s.
    /// - Parameters:
    ///   - tmp: a scratch slot at r's precision.
    ///   - tmp2: a second one.
    func addSymmetricCauchySumByRounding(_ r: Int, a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int,
                                         low: Int, negative: Bool, scratch tmp: Int, _ tmp2: Int) {
        guard low <= k - low else { return }
        setZero(tmp2)
        var j = low
        while j < k - j {
            multiply(tmp, a + t[j], a + t[k - j])
            add(tmp2, tmp2, tmp)
            j += 1
        }
        multiply(tmp2, tmp2, integer: 2)
        if k % 2 == 0 {
            multiply(tmp, a + t[k / 2], a + t[k / 2])
            add(tmp2, tmp2, tmp)
        }
        if negative { subtract(r, r, tmp2) } else { add(r, r, tmp2) }
    }

    func addCauchySum(_ r: Int, a: Int, b: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int,
                      low: Int, high: Int, weight: TaylorCauchyWeight, negative: Bool, scratch tmp: Int) {
        addCauchySumByRounding(r, a: a, b: b, offsets: t, order: k, low: low, high: high, weight: weight,
                               negative: negative, scratch: tmp)
    }

    func addSymmetricCauchySum(_ r: Int, a: Int, offsets t: UnsafeMutablePointer<Int>, order k: Int, low: Int,
                               negative: Bool, scratch tmp: Int, _ tmp2: Int) {
        addSymmetricCauchySumByRounding(r, a: a, offsets: t, order: k, low: low, negative: negative,
                                        scratch: tmp, tmp2)
    }
}
