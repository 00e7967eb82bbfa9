import CGMP

/// The heap cell behind a `BigInt`: one initialized `mpz_t`, owned for the object's lifetime.
///
/// The `mpz_t` lives behind a pointer that this object allocates, not in a stored property, so that C calls
/// with aliased operands (`mpz_mul(r, a, a)`) receive the same pointer twice without any Swift `inout` access
/// and therefore without exclusivity conflicts.
@usableFromInline
internal final class _MPZStorage {
    /// The owned `mpz_t`: allocated and initialized in `init`, cleared and deallocated in `deinit`.
    @usableFromInline
    internal let raw: UnsafeMutablePointer<__mpz_struct>

    /// A new storage holding zero.
    @usableFromInline
    internal init() {
        raw = .allocate(capacity: 1)
        __gmpz_init(raw)
    }

    /// A new storage holding a copy of `other`'s value.
    @usableFromInline
    internal init(copying other: _MPZStorage) {
        raw = .allocate(capacity: 1)
        __gmpz_init_set(raw, other.raw)
    }

    deinit {
        __gmpz_clear(raw)
        raw.deallocate()
    }
}

/// Calls `body` with a temporary `mpz_t` (initialized to zero) that is cleared and freed when `body` returns.
@inline(__always)
internal func _withTemporaryMPZ<R>(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R) rethrows -> R {
    let temporary = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
    __gmpz_init(temporary)
    defer {
        __gmpz_clear(temporary)
        temporary.deallocate()
    }
    return try body(temporary)
}
