import CAllocationCounter
import CMPFR
import Foundation
import LinearAlgebra
import MultiPrecision

/// Time per n×n product of BigFloat matrices through `Matrix.multiply(_:_:into:)` and `multiply(transposeOf:_:into:)`,
/// against a raw C MPFR triple loop (`mpfr_mul` then `mpfr_fma` on preallocated, contiguous `mpfr_t`) in the same
/// run, with the allocations counted around the Swift loop.
enum MatrixProductBenchmark {
    /// The sizes and precisions measured.
    static let cases: [(n: Int, bits: Int)] = [(8, 256), (32, 256), (8, 1024), (32, 1024)]

    static func run(repeats: Int = 9) {
        print("## Matrix product (LinearAlgebra)")
        print("")
        print("µs per n×n product, median of \(repeats) runs; ratios are medians of the per-run ratios against the raw MPFR loop in the same run.")
        print("")
        print("| n | bits | raw MPFR | multiply(into:) | ratio | AᵀB (transposeOf:) | ratio | allocations per product: raw / into: / AᵀB |")
        print("|---|---|---|---|---|---|---|---|")
        _ = measure(n: 8, bits: 256, repeats: 2)   // warm-up
        for (n, bits) in cases {
            let r = measure(n: n, bits: bits, repeats: repeats)
            print("| \(n) | \(bits) | \(fixed(r.raw, 2)) | \(fixed(r.into, 2)) | \(fixed(r.intoRatio, 2))× | "
                  + "\(fixed(r.transposed, 2)) | \(fixed(r.transposedRatio, 2))× | "
                  + "\(fixed(r.rawAllocations, 1)) / \(fixed(r.intoAllocations, 1)) / \(fixed(r.transposedAllocations, 1)) |")
        }
        print("")
    }

    struct Result {
        var raw: Double, into: Double, transposed: Double, intoRatio: Double, transposedRatio: Double
        var rawAllocations: Double, intoAllocations: Double, transposedAllocations: Double
    }

    static func measure(n: Int, bits: Int, repeats: Int) -> Result {
        // About 10⁶ multiply-adds per timed loop at 256 bits.
        let products = max(2, (bits >= 1024 ? 300_000 : 1_000_000) / (n * n * n))
        let (a, b, aT, c0) = withPrecision(bits) { () -> (Matrix<BigFloat>, Matrix<BigFloat>, Matrix<BigFloat>, Matrix<BigFloat>) in
            // Entries with full significands: √(i + 2j + 2) / 7 and 1/(i + j + 3) − 1/5.
            let a = Matrix<BigFloat>(rows: n, columns: n) { i, j in BigFloat.sqrt(BigFloat(i + 2 * j + 2)) / 7 }
            let b = Matrix<BigFloat>(rows: n, columns: n) { i, j in BigFloat(1) / BigFloat(i + j + 3) - BigFloat(1) / 5 }
            return (a, b, a.transposed(), Matrix<BigFloat>.zeros(rows: n, columns: n))
        }
        var c = c0
        var cT = withPrecision(bits) { Matrix<BigFloat>.zeros(rows: n, columns: n) }

        // The raw operands: contiguous, preallocated mpfr_t holding the same values.
        let count = n * n
        let raw = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: 3 * count)
        defer { for i in 0..<(3 * count) { mpfr_clear(raw + i) }; raw.deallocate() }
        for i in 0..<(3 * count) { mpfr_init2(raw + i, bits) }
        let ra = raw, rb = raw + count, rc = raw + 2 * count
        for i in 0..<count {
            a.elements[i].withUnsafeMPFRPointer { _ = mpfr_set(ra + i, $0, MPFR_RNDN) }
            b.elements[i].withUnsafeMPFRPointer { _ = mpfr_set(rb + i, $0, MPFR_RNDN) }
        }
        func rawProduct() {
            for i in 0..<n {
                for j in 0..<n {
                    let r = rc + i * n + j
                    _ = mpfr_mul(r, ra + i * n, rb + j, MPFR_RNDN)
                    for k in 1..<n { _ = mpfr_fma(r, ra + i * n + k, rb + k * n + j, r, MPFR_RNDN) }
                }
            }
        }

        var rawTimes: [Double] = [], intoTimes: [Double] = [], transposedTimes: [Double] = []
        var intoRatios: [Double] = [], transposedRatios: [Double] = []
        var rawAllocations = 0.0, intoAllocations = 0.0, transposedAllocations = 0.0
        for _ in 0..<repeats {
            var before = attest_allocation_count()
            let tRaw = BenchmarkClock.nanosecondsPerOperation(products) {
                for _ in 0..<products { rawProduct() }
            }
            rawAllocations = Double(attest_allocation_count() - before) / Double(products)
            before = attest_allocation_count()
            let tInto = BenchmarkClock.nanosecondsPerOperation(products) {
                for _ in 0..<products { Matrix.multiply(a, b, into: &c) }
            }
            intoAllocations = Double(attest_allocation_count() - before) / Double(products)
            before = attest_allocation_count()
            let tTransposed = BenchmarkClock.nanosecondsPerOperation(products) {
                for _ in 0..<products { Matrix.multiply(transposeOf: aT, b, into: &cT) }
            }
            transposedAllocations = Double(attest_allocation_count() - before) / Double(products)
            rawTimes.append(tRaw / 1000); intoTimes.append(tInto / 1000); transposedTimes.append(tTransposed / 1000)
            intoRatios.append(tInto / tRaw); transposedRatios.append(tTransposed / tRaw)
        }
        // The three must agree bit for bit: same operations in the same order.
        for i in 0..<count {
            let same = c.elements[i].withUnsafeMPFRPointer { mpfr_equal_p($0, rc + i) } != 0
                && cT.elements[i].withUnsafeMPFRPointer { mpfr_equal_p($0, rc + i) } != 0
            precondition(same, "MatrixProductBenchmark: results differ from the raw MPFR loop at entry \(i)")
        }
        return Result(raw: BenchmarkClock.median(rawTimes), into: BenchmarkClock.median(intoTimes),
                      transposed: BenchmarkClock.median(transposedTimes),
                      intoRatio: BenchmarkClock.median(intoRatios), transposedRatio: BenchmarkClock.median(transposedRatios),
                      rawAllocations: rawAllocations, intoAllocations: intoAllocations,
                      transposedAllocations: transposedAllocations)
    }
}
