import CGMP

/// An exact rational number `p/q`, backed by GMP's `mpq_t`.
///
/// A `Rational` is always in canonical form: the fraction is reduced (`gcd(p, q) = 1`) and the denominator is
/// positive, so zero is `0/1`. Arithmetic is exact, which makes `Rational` the exact `AlgebraicField` of Attest:
/// the coefficient field for symbolic work and the reference for rounded computations.
///
/// ```swift
/// let a = Rational(numerator: 6, denominator: -4)
/// print(a)                            // Prints "-3/2"
/// print(a + Rational("1/6")!)         // Prints "-4/3"
/// print(Rational("1e-3")!)            // Prints "1/1000" (decimal text is read exactly)
/// print(Double(Rational("1/3")!))     // Prints "0.3333333333333333" (correctly rounded)
/// ```
///
/// ## Value semantics
///
/// Copies share one GMP rational until one of them is modified (copy-on-write). Compound assignments
/// (`x += y`, `x /= y`) and the `OrderedField` in-place methods (`formSum`, `formProduct`, …) work in place and
/// allocate nothing new when `x` is uniquely referenced.
///
/// ## Division by zero
///
/// Dividing by zero through `/` or `/=`, and a zero denominator in `init(numerator:denominator:)`, are programmer
/// errors (precondition failures). Text from users goes through `init(parsing:)`, which throws instead.
///
/// ## Threads
///
/// Values may be sent between tasks (`Sendable`); GMP's rational functions are reentrant.
public struct Rational: @unchecked Sendable {
    // Sendable invariant: the storage object is never mutated while it is shared. Every mutation goes through
    // `_ensureUnique()` (copy-on-write) or writes into a storage object that no other value references yet.
    //
    // Lifetime rule for this module: `storage.raw` may be passed to C directly only while the owning value is a
    // parameter or `self` of the running function; for other values use `withUnsafeMPQPointer`.
    @usableFromInline
    internal var storage: _MPQStorage

    /// Wraps an existing storage object, which the new value now owns.
    @usableFromInline
    internal init(_storage: _MPQStorage) {
        self.storage = _storage
    }

    /// Zero (0/1). Other module files (for example `BigFloat`) start from this and fill the value in through
    /// `withUnsafeMutableMPQPointer(_:)`.
    package init() {
        storage = _MPQStorage()
    }

    /// Builds a new value by letting `body` write a canonical result into a fresh `mpq_t` (initialized to 0/1).
    @inline(__always)
    internal init(_computing body: (UnsafeMutablePointer<__mpq_struct>) -> Void) {
        let result = _MPQStorage()
        body(result.raw)
        self.storage = result
    }

    /// Makes `storage` uniquely referenced, copying it if it is shared.
    @inline(__always)
    internal mutating func _ensureUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            _copyStorage()
        }
    }

    /// The slow path of `_ensureUnique()`: replaces the shared storage with a private copy.
    @inline(never)
    internal mutating func _copyStorage() {
        storage = _MPQStorage(copying: storage)
    }

    /// The integer `n` as the rational `n/1`.
    public init(_ n: BigInt) {
        self.init()
        n.withUnsafeMPZPointer { __gmpq_set_z(storage.raw, $0) }
    }

    /// The integer `n` as the rational `n/1`.
    public init(_ n: Int) {
        self.init()
        BigInt._set(cgmp_mpq_numref(storage.raw), n)
    }

    /// The fraction `numerator/denominator`, reduced to canonical form.
    ///
    /// `Rational(numerator: 6, denominator: -4)` is `-3/2`; `Rational(numerator: 0, denominator: 5)` is `0/1`.
    ///
    /// - Precondition: `denominator ≠ 0`. Use `init(validatingNumerator:denominator:)` when the denominator may be zero.
    public init(numerator: BigInt, denominator: BigInt) {
        precondition(!denominator.isZero, "Rational(numerator:denominator:): the denominator is zero")
        self.init(_unchecked: numerator, denominator)
    }

    /// The fraction `numerator/denominator`, reduced to canonical form, or an error if the denominator is zero.
    ///
    /// - Throws: `MultiPrecisionError.divisionByZero(text: nil)` if `denominator` is zero.
    public init(validatingNumerator numerator: BigInt, denominator: BigInt) throws(MultiPrecisionError) {
        guard !denominator.isZero else { throw .divisionByZero(text: nil) }
        self.init(_unchecked: numerator, denominator)
    }

    /// `numerator/denominator` for a nonzero denominator, canonicalized.
    private init(_unchecked numerator: BigInt, _ denominator: BigInt) {
        self.init()
        let raw = storage.raw
        numerator.withUnsafeMPZPointer { __gmpz_set(cgmp_mpq_numref(raw), $0) }
        denominator.withUnsafeMPZPointer { __gmpz_set(cgmp_mpq_denref(raw), $0) }
        __gmpq_canonicalize(raw)
    }

    /// The numerator `p` of the canonical form `p/q`; it carries the sign.
    public var numerator: BigInt {
        BigInt(_computing: { __gmpz_set($0, cgmp_mpq_numref_const(storage.raw)) })
    }

    /// The denominator `q` of the canonical form `p/q`; always positive (1 for integers and zero).
    public var denominator: BigInt {
        BigInt(_computing: { __gmpz_set($0, cgmp_mpq_denref_const(storage.raw)) })
    }

    /// Calls `body` with a read-only pointer to this value's `mpq_t`, which is canonical.
    ///
    /// The pointer is valid only during `body`; never store it or return it. Nothing is copied.
    ///
    /// - Parameter body: A closure that reads the rational, typically by passing the pointer to GMP or MPFR.
    /// - Returns: Whatever `body` returns.
    package func withUnsafeMPQPointer<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        let storage = self.storage
        return try withExtendedLifetime(storage) { try body(UnsafePointer(storage.raw)) }
    }

    /// Calls `body` with a mutable pointer to this value's `mpq_t`, after making the storage unique, and
    /// restores canonical form afterwards.
    ///
    /// The body may use any GMP or MPFR function that writes an `mpq_t` (`mpq_set`, `mpfr_get_q`, …), and may also
    /// set the numerator and denominator directly through `mpq_numref`/`mpq_denref`: after `body` returns, the value
    /// is canonicalized with `mpq_canonicalize` (reduced, positive denominator). That costs one gcd even when the
    /// body already left the value canonical. The pointer is valid only during `body`; never store it, and never
    /// clear or re-initialize the `mpq_t`.
    ///
    /// - Parameter body: A closure that writes the rational.
    /// - Precondition: `body` leaves a nonzero denominator.
    /// - Returns: Whatever `body` returns.
    package mutating func withUnsafeMutableMPQPointer<R>(
        _ body: (UnsafeMutablePointer<__mpq_struct>) throws -> R
    ) rethrows -> R {
        _ensureUnique()
        let storage = self.storage
        return try withExtendedLifetime(storage) {
            defer {
                precondition(cgmp_mpz_sgn(cgmp_mpq_denref_const(storage.raw)) != 0,
                             "withUnsafeMutableMPQPointer: the body left a zero denominator")
                __gmpq_canonicalize(storage.raw)
            }
            return try body(storage.raw)
        }
    }
}
