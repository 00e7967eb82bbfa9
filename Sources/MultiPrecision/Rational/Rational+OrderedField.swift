import CGMP

extension Rational: OrderedField {
    /// `true`: rational arithmetic never rounds.
    public static var isExact: Bool { true }

    /// Replaces this value with `a + b` (exact); allocates nothing new when this value is uniquely referenced.
    public mutating func formSum(_ a: Rational, _ b: Rational) {
        _ensureUnique()
        __gmpq_add(storage.raw, a.storage.raw, b.storage.raw)
    }

    /// Replaces this value with `a − b` (exact); allocates nothing new when this value is uniquely referenced.
    public mutating func formDifference(_ a: Rational, _ b: Rational) {
        _ensureUnique()
        __gmpq_sub(storage.raw, a.storage.raw, b.storage.raw)
    }

    /// Replaces this value with `a · b` (exact); allocates nothing new when this value is uniquely referenced.
    public mutating func formProduct(_ a: Rational, _ b: Rational) {
        _ensureUnique()
        __gmpq_mul(storage.raw, a.storage.raw, b.storage.raw)
    }

    /// Adds `a · b` to this value (exact), using one temporary rational for the product.
    public mutating func addProduct(_ a: Rational, _ b: Rational) {
        _ensureUnique()
        _withTemporaryMPQ { product in
            __gmpq_mul(product, a.storage.raw, b.storage.raw)
            __gmpq_add(storage.raw, storage.raw, product)
        }
    }

    /// Subtracts `a · b` from this value (exact), using one temporary rational for the product.
    public mutating func subtractProduct(_ a: Rational, _ b: Rational) {
        _ensureUnique()
        _withTemporaryMPQ { product in
            __gmpq_mul(product, a.storage.raw, b.storage.raw)
            __gmpq_sub(storage.raw, storage.raw, product)
        }
    }
}
