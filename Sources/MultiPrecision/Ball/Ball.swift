import CArb

/// A real ball `[m ± r]` (Arb's `arb_t`): a midpoint `m` and a radius `r ≥ 0` that together enclose a real number.
///
/// Ball arithmetic is *rigorous*: every operation returns a ball that contains every result of the operation on
/// numbers taken from its operands' balls. Rounding errors of the midpoint computation go into the radius, so an
/// enclosure never depends on an error estimate. It is a value type with copy-on-write, like `BigFloat`.
///
/// ## The precision rule
/// Each value carries the working precision `p` (bits) at which its midpoint is computed; the radius is always a
/// short upper bound (Arb's `mag_t`, 30 bits). The rule is `BigFloat`'s:
/// - **New values** (`Ball(3)`, `Ball(Rational(1, 3))`, `Ball(enclosing:)`) get `Precision.current` unless a
///   `precision:` is given.
/// - **Value-returning operations** (`a + b`, `.exp(a)`, …) work at the larger of their operands' precisions.
/// - **In-place forms** (`x.formSum(a, b)`, `x.addProduct(a, b)`, …) work at `x`'s own precision and allocate
///   nothing when `x` is uniquely referenced and its midpoint already has its working size.
///
/// ## Comparisons are three-valued
/// Two overlapping balls are neither certainly ordered nor certainly unordered, so `Ball` is not `Comparable`, and
/// it conforms to no protocol that demands a `Bool` comparison. `isLess(than:)`, `isPositive`, … return a
/// `Certainty`; an `.undecided` answer never turns into `true` or `false` on its own.
public struct Ball: @unchecked Sendable {
    // Sendable invariant: `storage` is never mutated while it is shared (every mutation goes through
    // `_makeUnique()` or `_makeUniqueDiscardingValue()`).
    @usableFromInline internal var storage: _ArbStorage
    /// The working precision in bits at which operations on this value compute midpoints.
    public let precision: Int

    @inlinable
    internal init(_storage: _ArbStorage, precision: Int) {
        self.storage = _storage
        self.precision = precision
    }

    /// The exact ball [0 ± 0] at `precision` bits (default `Precision.current`).
    ///
    /// - Precondition: `precision` is in `Precision.supportedRange`.
    @inlinable
    public init(precision: Int? = nil) {
        let bits = precision ?? Precision.current
        precondition(Precision.supportedRange.contains(bits),
                     "Ball: precision \(bits) is outside \(Precision.supportedRange)")
        self.init(_storage: _ArbStorage.make(), precision: bits)
    }

    @inlinable @inline(__always)
    internal mutating func _makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    @inlinable @inline(__always)
    internal mutating func _makeUniqueDiscardingValue() {
        if !isKnownUniquelyReferenced(&storage) { storage = _ArbStorage.make() }
    }

    /// Calls `body` with a read-only pointer to the `arb_t`. The pointer must not escape `body`.
    @inlinable
    package func withUnsafeArbPointer<R>(_ body: (UnsafePointer<arb_struct>) throws -> R) rethrows -> R {
        try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
    }

    /// Calls `body` with a mutable pointer to the `arb_t`, after making the storage unique.
    @inlinable
    package mutating func withUnsafeMutableArbPointer<R>(
        _ body: (UnsafeMutablePointer<arb_struct>) throws -> R
    ) rethrows -> R {
        _makeUnique()
        return try storage.withUnsafeMutablePointerToHeader { try body($0) }
    }

    /// Makes a value at `precision` bits by running an Arb operation into fresh storage (internal).
    @inlinable
    internal static func _make(precision: Int, _ body: (UnsafeMutablePointer<arb_struct>) -> Void) -> Ball {
        let storage = _ArbStorage.make()
        storage.withUnsafeMutablePointerToHeader { body($0) }
        return Ball(_storage: storage, precision: precision)
    }

    /// The same enclosure with another working precision for later operations (the ball itself is unchanged).
    @inlinable
    public func withPrecision(_ bits: Int) -> Ball {
        precondition(Precision.supportedRange.contains(bits),
                     "Ball: precision \(bits) is outside \(Precision.supportedRange)")
        return Ball(_storage: storage, precision: bits)
    }
}
