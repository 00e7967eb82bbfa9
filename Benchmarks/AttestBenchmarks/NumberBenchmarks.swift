import CAllocationCounter
import CMPFR
import MultiPrecision
import Foundation

/// ns/op of add, mul, fma and exp at 64, 256 and 1024 bits, three ways in one run: the in-place Swift API,
/// the value-returning operators, and raw C MPFR calls on preallocated `mpfr_t`. Reports medians and ratios.
enum NumberBenchmarks {
    /// One benchmarked operation.
    enum Operation: String, CaseIterable {
        case add, mul, fma, exp

        /// Operations per timed run, sized for roughly 10–20 ms per run.
        func count(bits: Int) -> Int {
            switch self {
            case .add, .mul, .fma: return bits >= 1024 ? 200_000 : 400_000
            case .exp: return bits >= 1024 ? 2_000 : 8_000
            }
        }
    }

    /// The three ways of computing.
    struct Timings { var raw: [Double] = []; var inPlace: [Double] = []; var valueReturning: [Double] = [] }

    static func run(repeats: Int) {
        print("## Number types (MultiPrecision)")
        print("")
        print("ns per operation, median of \(repeats) runs; ratios are medians of the per-run ratios against raw MPFR in the same run.")
        print("")
        print("| op | bits | raw MPFR | in-place | value-returning | in-place / raw | value / raw | allocations per op: raw / in-place |")
        print("|---|---|---|---|---|---|---|---|")
        // Warm up (page faults, caches, frequency scaling) before measuring anything.
        for operation in Operation.allCases { _ = measure(operation, bits: 64, repeats: 2) }
        for bits in (ProcessInfo.processInfo.environment["BENCH_BITS"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [64, 256, 1024]) {
            for operation in Operation.allCases {
                let result = measure(operation, bits: bits, repeats: repeats)
                print("| \(operation.rawValue) | \(bits) | \(fixed(result.raw, 1)) | \(fixed(result.inPlace, 1)) | "
                      + "\(fixed(result.valueReturning, 1)) | \(fixed(result.inPlaceRatio, 2))× | "
                      + "\(fixed(result.valueRatio, 2))× | \(fixed(result.rawAllocationsPerOperation, 1)) / \(fixed(result.allocationsPerInPlaceOperation, 1)) |")
            }
        }
        print("")
    }

    struct Result {
        var raw: Double, inPlace: Double, valueReturning: Double
        var inPlaceRatio: Double, valueRatio: Double, allocationsPerInPlaceOperation: Double
        var rawAllocationsPerOperation: Double
    }

    static func measure(_ operation: Operation, bits: Int, repeats: Int) -> Result {
        let n = operation.count(bits: bits)
        // Operands: a = 1/√2, b = 1.2345…, c = 1/3, each correctly rounded at `bits`.
        // Made inside withPrecision so that the literals, too, are at `bits` (they get the default precision).
        let (a, b, c) = withPrecision(bits) { (BigFloat.sqrt(BigFloat(1) / 2), BigFloat(12345) / 10_000, BigFloat(1) / 3) }
        precondition(a.precision == bits && b.precision == bits && c.precision == bits)
        // Raw operands on preallocated mpfr_t.
        let ra = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: 4)
        defer { for i in 0..<4 { mpfr_clear(ra + i) }; ra.deallocate() }
        for i in 0..<4 { mpfr_init2(ra + i, bits) }
        a.withUnsafeMPFRPointer { _ = mpfr_set(ra, $0, MPFR_RNDN) }
        b.withUnsafeMPFRPointer { _ = mpfr_set(ra + 1, $0, MPFR_RNDN) }
        c.withUnsafeMPFRPointer { _ = mpfr_set(ra + 2, $0, MPFR_RNDN) }
        let rr = ra + 3
        mpfr_set_zero(rr, 1)

        var inPlaceResult = BigFloat(precision: bits)
        var valueResult = BigFloat(precision: bits)
        var timings = Timings()
        var inPlaceRatios: [Double] = [], valueRatios: [Double] = []
        var allocationsPerOperation = 0.0
        var rawAllocationsPerOperation = 0.0
        for _ in 0..<repeats {
            let raw: Double
            let inPlace: Double
            let value: Double
            switch operation {
            case .add:
                raw = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { mpfr_add(rr, ra, ra + 1, MPFR_RNDN) } }
                let before = attest_allocation_count()
                inPlace = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { inPlaceResult.formSum(a, b) } }
                allocationsPerOperation = Double(attest_allocation_count() - before) / Double(n)
                value = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { valueResult = a + b } }
            case .mul:
                raw = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { mpfr_mul(rr, ra, ra + 1, MPFR_RNDN) } }
                let before = attest_allocation_count()
                inPlace = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { inPlaceResult.formProduct(a, b) } }
                allocationsPerOperation = Double(attest_allocation_count() - before) / Double(n)
                value = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { valueResult = a * b } }
            case .fma:
                // All three accumulate r ← r + a·b from r = c, so they do the same arithmetic.
                mpfr_set(rr, ra + 2, MPFR_RNDN)
                inPlaceResult.set(c)
                raw = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { mpfr_fma(rr, ra, ra + 1, rr, MPFR_RNDN) } }
                let before = attest_allocation_count()
                inPlace = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { inPlaceResult.addProduct(a, b) } }
                allocationsPerOperation = Double(attest_allocation_count() - before) / Double(n)
                valueResult = c
                value = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { valueResult = valueResult.addingProduct(a, b) } }
            case .exp:
                let rawBefore = attest_allocation_count()
                raw = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { mpfr_exp(rr, ra, MPFR_RNDN) } }
                rawAllocationsPerOperation = Double(attest_allocation_count() - rawBefore) / Double(n)
                let before = attest_allocation_count()
                inPlace = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { inPlaceResult.formExp(a) } }
                allocationsPerOperation = Double(attest_allocation_count() - before) / Double(n)
                value = BenchmarkClock.nanosecondsPerOperation(n) { for _ in 0..<n { valueResult = .exp(a) } }
            }
            timings.raw.append(raw); timings.inPlace.append(inPlace); timings.valueReturning.append(value)
            inPlaceRatios.append(inPlace / raw); valueRatios.append(value / raw)
        }
        // Keep the results alive so that nothing is optimized away.
        if inPlaceResult.isNaN && valueResult.isNaN { print("") }
        return Result(raw: BenchmarkClock.median(timings.raw), inPlace: BenchmarkClock.median(timings.inPlace),
                      valueReturning: BenchmarkClock.median(timings.valueReturning),
                      inPlaceRatio: BenchmarkClock.median(inPlaceRatios), valueRatio: BenchmarkClock.median(valueRatios),
                      allocationsPerInPlaceOperation: allocationsPerOperation,
                      rawAllocationsPerOperation: rawAllocationsPerOperation)
    }
}
