/// SplitMix64: a small, fast, deterministic random number generator (Steele, Lea, Flood 2014).
///
/// Attest derives every random choice of an instance (data, initial weights) from the instance's seed through this
/// generator, so that the same seed gives the same numbers on every machine, for every `--jobs`.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// rng.next()                         // 10451216379200822465
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`, by rejection (no modulo bias), independent of the standard library's algorithm
    /// so that the sequence never changes with the Swift version.
    public mutating func uniform(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(bitPattern: UInt(next())) }           // the full 64-bit range
        let limit = UInt64.max - UInt64.max % span
        var x = next()
        while x >= limit { x = next() }
        return range.lowerBound + Int(x % span)
    }
}
