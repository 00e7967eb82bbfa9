import MultiPrecision

/// The seeded generator that tests use for reproducible property tests: MultiPrecision's `SeededGenerator`
/// (SplitMix64), so that tests and the library draw from one implementation.
public typealias SplitMix64 = SeededGenerator
