/// LU factorization with partial pivoting of a small dense `Double` matrix (for preconditioning implicit stage
/// iterations; never for results).
struct _DenseLU {
    let n: Int
    var lu: [Double]
    var pivots: [Int]

    /// Factorizes the row-major n×n `matrix`; `nil` when a pivot vanishes or is not finite.
    ///
    /// The elimination runs on raw buffers (no bounds checks, contiguous row updates the compiler vectorizes): the
    /// Gauss–Legendre Newton matrix of P1a with s = 8 is 384×384, 19 Mflop per factorization.
    init?(_ matrix: [Double], n: Int) {
        self.n = n
        lu = matrix
        var pivots = Array(0..<n)
        let ok = lu.withUnsafeMutableBufferPointer { a -> Bool in
            for k in 0..<n {
                var p = k
                var best = Swift.abs(a[k * n + k])
                for i in (k + 1)..<Swift.max(n, k + 1) where Swift.abs(a[i * n + k]) > best {
                    best = Swift.abs(a[i * n + k]); p = i
                }
                guard best > 0, best.isFinite else { return false }
                if p != k {
                    for j in 0..<n { a.swapAt(k * n + j, p * n + j) }
                    pivots.swapAt(k, p)
                }
                let pivot = a[k * n + k]
                let pivotRow = a.baseAddress! + k * n
                for i in (k + 1)..<Swift.max(n, k + 1) {
                    let row = a.baseAddress! + i * n
                    let factor = row[k] / pivot
                    row[k] = factor
                    if factor != 0 { for j in (k + 1)..<n { row[j] -= factor * pivotRow[j] } }
                }
            }
            return true
        }
        guard ok else { return nil }
        self.pivots = pivots
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
