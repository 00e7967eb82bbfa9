import CMPFR

/// An arbitrary-precision binary floating-point number (MPFR's `mpfr_t`), a value type with copy-on-write.
///
/// Every value carries its own precision in bits. Arithmetic rounds to nearest, ties to even, and every
/// operation is correctly rounded (MPFR's guarantee).
///
/// ## The precision rule
/// - **New values** (literals, `BigFloat(3)`, `BigFloat(0.1)`, `BigFloat("1.5")`, the constants, `init(exactly:)`)
///   get the task-local default precision, `Precision.current` (256 bits unless `withPrecision(_:_:)` says
///   otherwise), or the `precision:` given explicitly.
/// - **Value-returning operations** (`a + b`, `a * b`, `.sqrt(a)`, `.atan2(y:x:)`, …) produce the *larger* of
///   their operands' precisions. Unary functions keep the argument's precision.
/// - **Compound assignment** (`x += y`, `x *= y`, …) follows the same rule as `x = x + y`: the result has the
///   larger of the two precisions, and is computed in place whenever `x` is already at least as precise.
/// - **In-place forms** (`x.formSum(a, b)`, `x.addProduct(a, b)`, `x.set(a)`, …) write into `x` at `x`'s own
///   precision, like MPFR's destination operand. They allocate nothing when `x` is uniquely referenced.
///
/// ## Conformances
/// `AlgebraicField`, `RealFunctions` (and so `ElementaryFunctions`), `Comparable` with IEEE-like NaN semantics
/// (NaN is unordered and unequal to itself), `Hashable` (equal values at different precisions hash alike),
/// `Codable` (exact round trip), `Sendable`, and Attest's `Scalar`.
///
/// `BigFloat` deliberately does **not** conform to swift-numerics' `Real`, because `Real` refines `FloatingPoint`,
/// whose static members (`ulpOfOne`, `greatestFiniteMagnitude`, `pi`, …) assume one fixed format, while a
/// `BigFloat`'s precision belongs to each value. Consequently `Complex<BigFloat>` is unavailable.
/// It also deliberately does **not** conform to `ExpressibleByFloatLiteral`: a literal such as `0.1` would pass
/// through `Double` and silently carry a 53-bit error into a high-precision computation. Write
/// `BigFloat("0.1")` or `BigFloat(Rational(1, 10))` instead.
///
/// ```swift
/// let x = withPrecision(128) { BigFloat.sqrt(2) }
/// print(x)   // 1.4142135623730950488016887242096980786
/// ```
public struct BigFloat: @unchecked Sendable {
    // Sendable invariant: `storage` is never mutated while it is shared. Every mutation goes through
    // `_makeUnique()` or `_makeUniqueDiscardingValue()`, which copy shared storage first.
    @usableFromInline internal var storage: _MPFRStorage

    /// Wraps existing storage (internal).
    @inlinable
    internal init(_storage: _MPFRStorage) {
        self.storage = _storage
    }

    /// Makes +0 at `precision` bits.
    ///
    /// - Precondition: `precision` is in `Precision.supportedRange`.
    @inlinable
    public init(precision: Int) {
        precondition(Precision.supportedRange.contains(precision),
                     "BigFloat: precision \(precision) is outside \(Precision.supportedRange)")
        self.storage = _MPFRStorage.make(precision: precision)
    }

    /// The precision of this value in bits.
    @inlinable
    public var precision: Int { storage.precision }

    /// Makes the storage unique before a mutation that reads the old value.
    @inlinable @inline(__always)
    internal mutating func _makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { _copyStorage() }
    }

    @inlinable @inline(never)
    internal mutating func _copyStorage() {
        storage = storage.copy()
    }

    /// Makes the storage unique before a mutation that overwrites the value entirely (no copy of the value).
    @inlinable @inline(__always)
    internal mutating func _makeUniqueDiscardingValue() {
        if !isKnownUniquelyReferenced(&storage) { _freshStorage() }
    }

    @inlinable @inline(never)
    internal mutating func _freshStorage() {
        storage = _MPFRStorage.make(precision: storage.precision)
    }

    /// Calls `body` with a read-only pointer to the `mpfr_t`. Never copies. The pointer must not escape `body`.
    @inlinable
    package func withUnsafeMPFRPointer<R>(_ body: (UnsafePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
    }

    /// Calls `body` with a mutable pointer to the `mpfr_t`, after making the storage unique. The pointer must not
    /// escape `body`, and `body` must not change the precision (no `mpfr_set_prec`, no `mpfr_prec_round`).
    @inlinable
    package mutating func withUnsafeMutableMPFRPointer<R>(
        _ body: (UnsafeMutablePointer<__mpfr_struct>) throws -> R
    ) rethrows -> R {
        _makeUnique()
        return try storage.withUnsafeMutablePointerToHeader { try body($0) }
    }

    /// The address of this value's `mpfr_t` for kernels that gather many operand pointers at once (package use).
    ///
    /// The storage object never moves and never reallocates its limbs, so the address stays valid for as long as
    /// the storage object lives. The caller must keep a value that holds this storage alive for as long as it uses
    /// the pointer (for example the matrix whose entries it gathered, with `withExtendedLifetime`), and must only
    /// read through it: writing would bypass copy-on-write.
    @inlinable
    package var _unsafeStableMPFRPointer: UnsafePointer<__mpfr_struct> {
        storage.withUnsafeMutablePointerToHeader { UnsafePointer($0) }
    }

    /// Makes a value at `precision` bits by running an MPFR operation into fresh storage (internal).
    @inlinable
    internal static func _make(
        precision: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void
    ) -> BigFloat {
        let storage = _MPFRStorage.make(precision: precision)
        storage.withUnsafeMutablePointerToHeader { body($0) }
        return BigFloat(_storage: storage)
    }

    /// This value rounded to nearest at `precision` bits (a new value; `self` is unchanged).
    ///
    /// - Precondition: `precision` is in `Precision.supportedRange`.
    @inlinable
    public func rounded(toPrecision precision: Int) -> BigFloat {
        precondition(Precision.supportedRange.contains(precision),
                     "BigFloat: precision \(precision) is outside \(Precision.supportedRange)")
        return withUnsafeMPFRPointer { source in
            BigFloat._make(precision: precision) { _ = mpfr_set($0, source, MPFR_RNDN) }
        }
    }

    /// This value rounded at `precision` bits in the given direction (a new value).
    public func rounded(toPrecision precision: Int, _ rounding: RoundingMode) -> BigFloat {
        precondition(Precision.supportedRange.contains(precision),
                     "BigFloat: precision \(precision) is outside \(Precision.supportedRange)")
        return withUnsafeMPFRPointer { source in
            BigFloat._make(precision: precision) { _ = mpfr_set($0, source, rounding.mpfr) }
        }
    }
}
