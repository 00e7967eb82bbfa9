/// LU factorization with partial pivoting of a small dense `Double` matrix (for preconditioning implicit stage
/// iterations; never for results).
struct _DenseLU {
    let n: Int
    var lu: [Double]
    var pivots: [Int]

    /// Factorizes the row-major n×n `matrix`; `nil` when a pivot vanishes or is not finite.
    init?(_ matrix: [Double], n: Int) {
        self.n = n
        lu = matrix
        pivots = Array(0..<n)
        for k in 0..<n {
            var p = k
            var best = Swift.abs(lu[k * n + k])
            for i in (k + 1)..<Swift.max(n, k + 1) where Swift.abs(lu[i * n + k]) > best {
                best = Swift.abs(lu[i * n + k]); p = i
            }
            guard best > 0, best.isFinite else { return nil }
            if p != k {
                for j in 0..<n { lu.swapAt(k * n + j, p * n + j) }
                pivots.swapAt(k, p)
            }
            let pivot = lu[k * n + k]
            for i in (k + 1)..<Swift.max(n, k + 1) {
                let factor = lu[i * n + k] / pivot
                lu[i * n + k] = factor
                if factor != 0 { for j in (k + 1)..<n { lu[i * n + j] -= factor * lu[k * n + j] } }
            }
        }
    }

    /// Solves A x = b in place.
    func solve(_ b: inout [Double], scratch: inout [Double]) {
        for i in 0..<n { scratch[i] = b[pivots[i]] }
        for i in 0..<n {
            var sum = scratch[i]
            for j in 0..<i { sum -= lu[i * n + j] * scratch[j] }
            scratch[i] = sum
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = scratch[i]
            for j in (i + 1)..<n { sum -= lu[i * n + j] * scratch[j] }
            scratch[i] = sum / lu[i * n + i]
        }
        for i in 0..<n { b[i] = scratch[i] }
    }
}
