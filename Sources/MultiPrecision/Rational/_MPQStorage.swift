import CGMP

/// The heap cell behind a `Rational`: one initialized `mpq_t`, owned for the object's lifetime.
///
/// As for `_MPZStorage`, the `mpq_t` lives behind an owned pointer so that aliased operands reach GMP as the
/// same pointer without Swift `inout` accesses.
@usableFromInline
internal final class _MPQStorage {
    /// The owned `mpq_t`: allocated and initialized (to 0/1) in `init`, cleared and deallocated in `deinit`.
    @usableFromInline
    internal let raw: UnsafeMutablePointer<__mpq_struct>

    /// A new storage holding zero (0/1).
    @usableFromInline
    internal init() {
        raw = .allocate(capacity: 1)
        __gmpq_init(raw)
    }

    /// A new storage holding a copy of `other`'s value.
    @usableFromInline
    internal init(copying other: _MPQStorage) {
        raw = .allocate(capacity: 1)
        __gmpq_init(raw)
        __gmpq_set(raw, other.raw)
    }

    deinit {
        __gmpq_clear(raw)
        raw.deallocate()
    }
}

/// Calls `body` with a temporary `mpq_t` (initialized to zero) that is cleared and freed when `body` returns.
@inline(__always)
internal func _withTemporaryMPQ<R>(_ body: (UnsafeMutablePointer<__mpq_struct>) throws -> R) rethrows -> R {
    let temporary = UnsafeMutablePointer<__mpq_struct>.allocate(capacity: 1)
    __gmpq_init(temporary)
    defer {
        __gmpq_clear(temporary)
        temporary.deallocate()
    }
    return try body(temporary)
}
