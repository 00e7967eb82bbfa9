/// The random stream of one draw site, keyed by (seed, step, stream): the words of Philox-4×32-10 blocks with key
/// (seed mod 2³², ⌊seed/2³²⌋) and counters (step mod 2³², ⌊step/2³²⌋, stream, i) for i = 0, 1, 2, …
///
/// Because the words are a function of the key and the counter only, the draws of step k under stream s are the
/// same whether steps are evaluated in order, in reverse, on several threads or in several shards: a realization
/// is a deterministic instance that can be replayed from its seed alone.
///
/// ```swift
/// var draws = CounterBasedGenerator(seed: 7, step: 12, stream: .minibatch)
/// draws.uniform(below: 10)         // the same integer in 0..<10 on every machine, in every run
/// ```
public struct CounterBasedGenerator: RandomNumberGenerator, Sendable {
    /// The named streams: different kinds of draws at one step never share words.
    public struct Stream: RawRepresentable, Hashable, Sendable {
        /// The counter word c₂.
        public var rawValue: UInt32
        /// A stream with the given counter word.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// The minibatch indices of a step (with or without replacement).
        public static let minibatch = Stream(rawValue: 1)
        /// The permutation of an epoch (the step counter is then the epoch number).
        public static let epochPermutation = Stream(rawValue: 2)
        /// Label noise.
        public static let labelNoise = Stream(rawValue: 3)
        /// Gaussian gradient noise.
        public static let gradientNoise = Stream(rawValue: 4)
    }

    private let key: (UInt32, UInt32)
    private let counterHigh: (UInt32, UInt32, UInt32)
    private var blockIndex: UInt32 = 0
    private var buffer: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    private var used = 4

    /// The stream of draw site (seed, step, stream).
    public init(seed: UInt64, step: UInt64, stream: Stream) {
        key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        counterHigh = (UInt32(truncatingIfNeeded: step), UInt32(truncatingIfNeeded: step >> 32), stream.rawValue)
    }

    /// The next 32 random bits: word `used` of block `blockIndex`.
    public mutating func next32() -> UInt32 {
        if used == 4 {
            buffer = Philox4x32.block(counter: (counterHigh.0, counterHigh.1, counterHigh.2, blockIndex), key: key)
            blockIndex &+= 1
            used = 0
        }
        defer { used += 1 }
        switch used {
        case 0: return buffer.0
        case 1: return buffer.1
        case 2: return buffer.2
        default: return buffer.3
        }
    }

    /// The next 64 random bits: two consecutive words, the first as the low half.
    public mutating func next() -> UInt64 {
        let low = UInt64(next32())
        return low | UInt64(next32()) << 32
    }

    /// A uniform integer in 0..<n by rejection (no modulo bias): 64-bit words x ≥ 2⁶⁴ − (2⁶⁴ mod n) are redrawn,
    /// and the rest are reduced mod n, which maps the same number of words to every residue.
    ///
    /// - Precondition: n ≥ 1.
    public mutating func uniform(below n: Int) -> Int {
        precondition(n >= 1, "uniform(below:): n = \(n) must be positive")
        let span = UInt64(n)
        let limit = UInt64.max - (UInt64.max % span + 1) % span     // the largest multiple of n, minus one
        var x = next()
        while x > limit { x = next() }
        return Int(x % span)
    }

    /// A uniform dyadic number (k + 1/2)/2⁵³ with k uniform in 0..<2⁵³: never 0 or 1, exact in `Double`.
    public mutating func openUnitDyadic() -> (numerator: UInt64, exponent: Int) {
        (2 * (next() >> 11) + 1, 54)
    }
}
