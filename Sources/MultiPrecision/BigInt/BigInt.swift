import CGMP

/// An arbitrary-precision signed integer, backed by GMP's `mpz_t`.
///
/// `BigInt` is exact: sums, differences and products never overflow and never round. Use it where `Int`
/// would overflow, and as the numerator and denominator of `Rational`.
///
/// ```swift
/// let f: BigInt = BigInt(2).power(100) + 1
/// print(f)                        // Prints "1267650600228229401496703205377"
/// print(f.toString(radix: 16))    // Prints "10000000000000000000000001"
/// print(BigInt(-7) / 2, BigInt(-7) % 2)                       // Prints "-3 -1" (truncating, like Int)
/// print(BigInt(-7).floorDivided(by: 2), BigInt(-7).floorModulo(2))   // Prints "-4 1"
/// ```
///
/// ## Value semantics
///
/// `BigInt` is a value type. Copies share one GMP integer until one of them is modified; the modified copy
/// then gets its own (copy-on-write). Compound assignments such as `x += y` and `x <<= 3` work in place and
/// allocate nothing new when `x` is uniquely referenced (GMP may still grow the limb array).
///
/// ## Division
///
/// `/` and `%` truncate toward zero exactly as `Int` does, so the remainder has the sign of the dividend.
/// `floorDivided(by:)` and `floorModulo(_:)` round toward −∞ instead (the remainder has the sign of the divisor).
/// Dividing by zero is a programmer error and stops the program with a precondition failure.
///
/// ## Not a field
///
/// `BigInt` conforms to `SignedNumeric` and stops there: the integers are not closed under division, so
/// `BigInt` is not an `AlgebraicField`. Use `Rational` for exact division.
///
/// ## Threads
///
/// Values may be sent between tasks (`Sendable`); GMP's integer functions are reentrant.
public struct BigInt: @unchecked Sendable {
    // Sendable invariant: the storage object is never mutated while it is shared. Every mutation goes through
    // `_ensureUnique()` (copy-on-write) or writes into a storage object that no other value references yet,
    // so a value handed to another task is never written behind its back.
    //
    // Lifetime rule for this module: `storage.raw` may be passed to C directly only while the owning value is
    // a parameter or `self` of the running function (the caller keeps it alive). For other values, use
    // `withUnsafeMPZPointer`, which extends the storage's lifetime over the call.
    @usableFromInline
    internal var storage: _MPZStorage

    /// Wraps an existing storage object, which the new value now owns.
    @usableFromInline
    internal init(_storage: _MPZStorage) {
        self.storage = _storage
    }

    /// Zero. Other module files (for example `BigFloat`) start from this and fill the value in through
    /// `withUnsafeMutableMPZPointer(_:)`.
    package init() {
        storage = _MPZStorage()
    }

    /// Builds a new value by letting `body` write the result into a fresh `mpz_t` (initialized to zero).
    @inline(__always)
    internal init(_computing body: (UnsafeMutablePointer<__mpz_struct>) -> Void) {
        let result = _MPZStorage()
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
        storage = _MPZStorage(copying: storage)
    }

    /// Calls `body` with a read-only pointer to this value's `mpz_t`.
    ///
    /// The pointer is valid only during `body`; never store it or return it. Nothing is copied.
    ///
    /// - Parameter body: A closure that reads the integer, typically by passing the pointer to GMP or MPFR.
    /// - Returns: Whatever `body` returns.
    package func withUnsafeMPZPointer<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        let storage = self.storage
        return try withExtendedLifetime(storage) { try body(UnsafePointer(storage.raw)) }
    }

    /// Calls `body` with a mutable pointer to this value's `mpz_t`, after making the storage unique.
    ///
    /// The body may set the integer to any value with GMP functions (`mpz_set`, `mpfr_get_z`, …). The pointer is
    /// valid only during `body`; never store it, and never clear or re-initialize the `mpz_t`.
    ///
    /// - Parameter body: A closure that writes the integer.
    /// - Returns: Whatever `body` returns.
    package mutating func withUnsafeMutableMPZPointer<R>(
        _ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R
    ) rethrows -> R {
        _ensureUnique()
        let storage = self.storage
        return try withExtendedLifetime(storage) { try body(storage.raw) }
    }
}
