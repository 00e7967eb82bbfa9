import Foundation

/// Values computed once per process and shared by every instance that asks for the same key (a proof obligation
/// checked for one depth serves every precision and every instance of that depth). Thread-safe; a computation
/// that throws is not stored, so the next caller tries again.
public final class ProcessCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    /// An empty cache.
    public init() {}

    /// The value for `key`, computed by `compute` the first time (outside the lock: two first callers may both
    /// compute it; the values are equal).
    public func value(for key: Key, _ compute: (Key) throws -> Value) rethrows -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = try compute(key)
        lock.withLock { values[key] = value }
        return value
    }
}
