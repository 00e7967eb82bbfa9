import Foundation

/// Timing helpers for the benchmarks: a monotonic clock, medians, and the allocation counter.
enum BenchmarkClock {
    /// Nanoseconds from a monotonic clock.
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Nanoseconds of CPU time (user + system) of the whole process.
    @inline(__always)
    static func cpuNow() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Runs `body` and returns the elapsed nanoseconds divided by `operations`.
    @inline(__always)
    static func nanosecondsPerOperation(_ operations: Int, _ body: () -> Void) -> Double {
        let start = now()
        body()
        return Double(now() - start) / Double(operations)
    }

    /// The median of `values` (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Formats a number with a fixed count of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}
