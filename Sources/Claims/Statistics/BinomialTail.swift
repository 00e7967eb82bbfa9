import MultiPrecision

/// Exact binomial tail probabilities at a dyadic p = a/2^B, as integers: for X ~ Binomial(n, p),
///
///     2^{Bn} · P(X ≥ k) = Σ_{i=k}^{n} C(n, i) a^i (2^B − a)^{n−i},
///
/// which equals the regularized incomplete beta function I_p(k, n − k + 1) times 2^{Bn}. Everything is integer
/// arithmetic: no rounding can enter a comparison with a rational level.
struct BinomialTail {
    /// The number of trials n.
    let n: Int
    /// The binomial coefficients C(n, i), i = 0 … n.
    let coefficients: [BigInt]

    init(n: Int) {
        self.n = n
        var row = [BigInt(1)]
        for i in 0..<n { row.append(row[i] * BigInt(n - i) / BigInt(i + 1)) }
        coefficients = row
    }

    /// 2^{Bn}·P(X ≥ k) at p = a/2^B.
    func upperTail(atLeast k: Int, a: BigInt, bits: Int) -> BigInt {
        guard k > 0 else { return BigInt(1) << (bits * n) }
        guard k <= n else { return BigInt(0) }
        let b = (BigInt(1) << bits) - a
        var sum = BigInt(0)
        var aPower = a.power(k)
        // bPowers[j] = b^j for j = 0 … n − k; term i = k … n is C(n,i) a^i b^{n−i}.
        var bPowers = [BigInt(1)]
        for j in 0..<(n - k) { bPowers.append(bPowers[j] * b) }
        for i in k...n {
            sum += coefficients[i] * aPower * bPowers[n - i]
            aPower *= a
        }
        return sum
    }

    /// Whether P(X ≥ k) at p = a/2^B is at most `level` (exact).
    func upperTail(atLeast k: Int, a: BigInt, bits: Int, isAtMost level: Rational) -> Bool {
        let scaled = upperTail(atLeast: k, a: a, bits: bits)
        return scaled * level.denominator <= level.numerator << (bits * n)
    }

    /// Whether P(X ≤ k) at p = a/2^B is at most `level` (exact): P(X ≤ k) = 1 − P(X ≥ k + 1).
    func lowerTail(atMost k: Int, a: BigInt, bits: Int, isAtMost level: Rational) -> Bool {
        let total = BigInt(1) << (bits * n)
        let scaled = total - upperTail(atLeast: k + 1, a: a, bits: bits)
        return scaled * level.denominator <= level.numerator << (bits * n)
    }
}
